/**
 * The rows of a units import (`POST /api/units/import`, ./import.ts), checked as a whole before
 * anything is written: a province sends its whole list at once, and a clerk fixes the file from
 * one answer that names every problem by row (counted from 1, as in the spreadsheet) and field.
 *
 * Pure (zod only): the shape and values of each row with the units collection's own rules (the
 * tier and unit-type catalogues and the type × tier rule of REGULATIONS §2.1, head-count bounds,
 * e-mail forms), duplicates inside the file, and — from sets the endpoint reads from the database
 * — authorities that exist and lie within the caller's reach, unit codes and account e-mails
 * already taken. The catalogues are read once per import and passed in.
 */
import { z } from 'zod'

import { typeTierMessage, type TierRow, type UnitTypeRow } from '../catalogueMessages'
import { maxHeadcount } from '../validation'

/** The tier and unit-type catalogues, by code, in their order. */
export type ImportCatalogues = { tiers: ReadonlyMap<string, TierRow>; unitTypes: ReadonlyMap<string, UnitTypeRow> }

export const importLimits = {
  /** rows in one request: a province has a few thousand units */
  rows: 5_000,
  /** problems listed in one answer; the rest are counted */
  errors: 100,
  /** bytes of the request body: 5 000 rows of a few hundred bytes, with room */
  bodyBytes: 10 * 1024 * 1024,
} as const

/** The largest PostgreSQL serial (int4), the type of every id. */
const maxSerialId = 2_147_483_647

/** The fields of a row and their Vietnamese labels (the units and users collections' own). */
export const importLabels = {
  account: 'Tài khoản',
  'account.email': 'Tài khoản › Email',
  'account.name': 'Tài khoản › Họ và tên',
  authority: 'Cấp quản lý',
  code: 'Mã đơn vị',
  email: 'Thư điện tử liên hệ',
  learnerCount: 'Số người học',
  memberCount: 'Số thành viên',
  name: 'Tên đơn vị',
  tier: 'Cấp đơn vị',
  unitType: 'Loại đơn vị',
} as const

export type ImportField = keyof typeof importLabels

const rowFields = ['name', 'code', 'unitType', 'tier', 'authority', 'memberCount', 'learnerCount', 'email', 'account'] as const

export type ImportRow = {
  /** 0-based position in `units` */
  index: number
  name: string
  code: string | null
  unitType: string
  tier: string
  authority: number
  memberCount: number
  learnerCount: number | null
  email: string | null
  account: { email: string; name: string } | null
}

export type ImportProblem = {
  path: string
  message: string
  /** an authority outside the caller's reach: the answer is then 403, not 400 */
  isOutOfReach?: boolean
  /** the row (0-based) and field, and the message without its «Dòng n, field:» prefix: a spreadsheet's preview numbers its rows itself */
  index?: number
  field?: ImportField
  detail?: string
}

// ---------------------------------------------------------------------------------------------
// Values

/** A value as a message shows it: quoted, short, on one line. */
export const shownValue = (value: unknown): string => {
  let text = typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value)
  text = text.replace(/\u0000/g, '\\u0000').replace(/\s+/g, ' ')
  return `«${text.length > 60 ? `${text.slice(0, 57)}…` : text}»`
}

const isMissing = (value: unknown) => value === undefined || value === null

const hasNoNul = (value: string) => !value.includes('\u0000')
const nulMessage = 'chứa ký tự NUL (\\u0000), không lưu được.'

const stringType = (issue: { input?: unknown }) => (isMissing(issue.input) ? 'là bắt buộc.' : `phải là chuỗi ký tự, đã gửi ${shownValue(issue.input)}.`)

const requiredText = z
  .string({ error: stringType })
  .refine(hasNoNul, { error: nulMessage })
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, { error: 'không được để trống.' })

/** Empty, null or left out: none. */
const optionalText = z.preprocess(
  (value) => (value === '' ? null : value),
  z
    .string({ error: stringType })
    .refine(hasNoNul, { error: nulMessage })
    .transform((value) => (value.trim() === '' ? null : value.trim()))
    .nullish()
    .transform((value) => value ?? null),
)

/** Digits in a string (a spreadsheet's cell) count as the number they write, as in the REST API. */
const fromDigits = (value: unknown) => (typeof value === 'string' && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : value)

const headcount = z.preprocess(
  fromDigits,
  z
    .number({ error: (issue) => `phải là số nguyên không âm, đã gửi ${shownValue(issue.input)}.` })
    .refine((value) => Number.isInteger(value) && value >= 0, { error: (issue) => `phải là số nguyên không âm, đã gửi ${shownValue(issue.input)}.` })
    .refine((value) => value <= maxHeadcount, { error: `không thể lớn hơn ${maxHeadcount.toLocaleString('vi-VN')}.` }),
)

/** A code of one of the catalogues; the message lists the catalogue's codes, as the template does. */
const catalogueOption = (catalogue: ReadonlyMap<string, unknown>) =>
  z.unknown().transform((value, context): string => {
    if (typeof value === 'string' && catalogue.has(value)) return value
    context.addIssue({
      code: 'custom',
      message: isMissing(value) || value === '' ? 'là bắt buộc.' : `${shownValue(value)} không có trong danh mục (${[...catalogue.keys()].join(', ')}).`,
    })
    return z.NEVER
  })

const authorityId = z.preprocess(
  fromDigits,
  z
    .number({ error: (issue) => (isMissing(issue.input) ? 'là bắt buộc.' : `phải là mã id của một cấp quản lý (số nguyên dương), đã gửi ${shownValue(issue.input)}.`) })
    .refine((value) => Number.isInteger(value) && value >= 1 && value <= maxSerialId, {
      error: (issue) => `phải là mã id của một cấp quản lý (số nguyên dương), đã gửi ${shownValue(issue.input)}.`,
    }),
)

/** The units collection's own check of a contact e-mail (collections/validation.ts optionalEmail). */
const contactEmailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Payload's own check of a login e-mail (payload/dist/fields/validations.js `email`, 3.90): an
 * address it would refuse at sign-in must be refused here, not stored.
 */
const loginEmailPattern = /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

const contactEmail = optionalText.refine((value) => value === null || contactEmailPattern.test(value), { error: (issue) => `${shownValue(issue.input)} không phải địa chỉ thư điện tử hợp lệ.` })

/** Stored as Payload stores a login: trimmed and in lower case. */
const loginEmail = requiredText
  .refine((value) => loginEmailPattern.test(value), { error: (issue) => `${shownValue(issue.input)} không phải địa chỉ thư điện tử hợp lệ.` })
  .transform((value) => value.toLowerCase())

const account = z
  .strictObject({ email: loginEmail, name: requiredText }, { error: (issue) => `phải là một đối tượng { email, name }, đã gửi ${shownValue(issue.input)}.` })
  .nullish()
  .transform((value) => value ?? null)

const rowSchemaFor = ({ tiers, unitTypes }: ImportCatalogues) =>
  z
    .strictObject(
      {
        account,
        authority: authorityId,
        code: optionalText,
        email: contactEmail,
        learnerCount: headcount.nullish().transform((value) => value ?? null),
        // the collection's default, as a unit created in the admin gets it
        memberCount: headcount.optional().transform((value) => value ?? 0),
        name: requiredText,
        tier: catalogueOption(tiers),
        unitType: catalogueOption(unitTypes),
      },
      { error: (issue) => (issue.code === 'invalid_type' ? `phải là một đối tượng { ${rowFields.join(', ')} }, đã gửi ${shownValue(issue.input)}.` : undefined) },
    )
    // a type that belongs to one tier (a THPT: cấp tỉnh) is not a unit of another (REGULATIONS §2.1)
    .superRefine((row, context) => {
      const unitType = unitTypes.get(row.unitType)
      const message = unitType ? typeTierMessage({ tier: row.tier, tierOf: (code) => tiers.get(code), unitType }) : null
      if (message) context.addIssue({ code: 'custom', message, path: ['tier'] })
    })

// ---------------------------------------------------------------------------------------------
// Messages

const rowLabel = (index: number) => `Dòng ${index + 1}`

/** `Dòng 13, «Loại đơn vị»: …` with the path `units.12.unitType`. */
export const rowProblem = ({ index, field, message, isOutOfReach }: { index: number; field: ImportField; message: string; isOutOfReach?: boolean }): ImportProblem => ({
  detail: message,
  field,
  index,
  message: `${rowLabel(index)}, «${importLabels[field]}»: ${message}`,
  path: `units.${index}.${field}`,
  ...(isOutOfReach ? { isOutOfReach } : {}),
})

const fromZodIssue = ({ index, issue }: { index: number; issue: z.core.$ZodIssue }): ImportProblem[] => {
  if (issue.code === 'unrecognized_keys' && issue.path.length <= 1) {
    const where = issue.path.length === 0 ? '' : ` «${importLabels.account}»`
    const allowed = issue.path.length === 0 ? rowFields.join(', ') : 'email, name'
    return issue.keys.map((key) => ({
      message: `${rowLabel(index)}:${where} không có trường ${shownValue(key)} trong mẫu nhập (các trường: ${allowed}).`,
      path: ['units', index, ...issue.path, key].join('.'),
    }))
  }
  if (issue.path.length === 0) return [{ message: `${rowLabel(index)} ${issue.message}`, path: `units.${index}` }]
  const field = issue.path.map(String).join('.')
  const known = (Object.hasOwn(importLabels, field) ? field : String(issue.path[0])) as ImportField
  return [rowProblem({ field: known, index, message: issue.message })]
}

const bodyProblem = (message: string): ImportProblem => ({ message, path: 'units' })

// ---------------------------------------------------------------------------------------------
// Checks

/** Whether the body is a non-empty list of rows, so the catalogues are worth reading. */
export const hasImportRows = (body: unknown) =>
  typeof body === 'object' && body !== null && Array.isArray((body as { units?: unknown }).units) && (body as { units: unknown[] }).units.length > 0

/** Every row's shape and values, against the catalogues; rows that pass are returned to be checked further. */
export const parseImportBody = ({ body, catalogues }: { body: unknown; catalogues: ImportCatalogues }): { problems: ImportProblem[]; rows: ImportRow[] } => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: [bodyProblem('Nội dung gửi lên phải là một đối tượng JSON { units: [ … ] }.')], rows: [] }
  }
  const extra = Object.keys(body).filter((key) => key !== 'units')
  if (extra.length > 0) return { problems: extra.map((key) => ({ message: `Không có trường ${shownValue(key)}; nội dung gửi lên chỉ gồm «units».`, path: key })), rows: [] }
  const units = (body as { units?: unknown }).units
  if (!Array.isArray(units)) return { problems: [bodyProblem(`«units» phải là danh sách đơn vị cần nhập, đã gửi ${shownValue(units)}.`)], rows: [] }
  if (units.length === 0) return { problems: [bodyProblem('Danh sách đơn vị cần nhập đang trống.')], rows: [] }
  if (units.length > importLimits.rows) {
    return { problems: [bodyProblem(`Mỗi lần nhập tối đa ${importLimits.rows.toLocaleString('vi-VN')} đơn vị; tệp có ${units.length.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều lần.`)], rows: [] }
  }
  const problems: ImportProblem[] = []
  const rows: ImportRow[] = []
  const rowSchema = rowSchemaFor(catalogues)
  units.forEach((unit: unknown, index) => {
    const parsed = rowSchema.safeParse(unit)
    if (parsed.success) rows.push({ ...parsed.data, index })
    else problems.push(...parsed.error.issues.flatMap((issue) => fromZodIssue({ index, issue })))
  })
  return { problems, rows }
}

/** The same unit code, or the same account e-mail, twice in the file: each later row names the first. */
export const findDuplicates = ({ rows, lineOf = (index) => index + 1 }: { rows: readonly ImportRow[]; lineOf?: (index: number) => number }): ImportProblem[] => {
  const problems: ImportProblem[] = []
  const firstCode = new Map<string, number>()
  const firstEmail = new Map<string, number>()
  for (const row of rows) {
    if (row.code !== null) {
      const first = firstCode.get(row.code)
      if (first === undefined) firstCode.set(row.code, row.index)
      else problems.push(rowProblem({ field: 'code', index: row.index, message: `mã ${shownValue(row.code)} trùng với dòng ${lineOf(first)}.` }))
    }
    if (row.account) {
      const first = firstEmail.get(row.account.email)
      if (first === undefined) firstEmail.set(row.account.email, row.index)
      else problems.push(rowProblem({ field: 'account.email', index: row.index, message: `${shownValue(row.account.email)} trùng với tài khoản ở dòng ${lineOf(first)}.` }))
    }
  }
  return problems
}

/** A unit already stored with a code of the file: the row updates it (idempotent by code). */
export type StoredUnit = { id: number; authority: number | null }

/** An account already stored with an e-mail of the file: its unit, and the authority it belongs to. */
export type StoredAccount = { unit: number | null; authority: number | null }

/**
 * What only the database knows: the authority exists and the caller may import into it (`reach`
 * is null for the admin, who reaches every authority). A stored code is the same unit: the row
 * updates it, when the caller reaches the stored unit's authority too. A stored e-mail is fine
 * only as the account of the unit the row updates (a re-import); an account of another
 * authority, or of another unit, is refused. An authority-admin is told the same for an authority
 * that does not exist and for one outside its subtree, as the collection's own check does, so
 * that it learns nothing of other provinces.
 */
export const checkAgainstStored = ({
  rows,
  authorities,
  reach,
  storedUnits,
  storedAccounts,
}: {
  rows: readonly ImportRow[]
  authorities: ReadonlySet<string>
  reach: ReadonlySet<string> | null
  storedUnits: ReadonlyMap<string, StoredUnit>
  storedAccounts: ReadonlyMap<string, StoredAccount>
}): ImportProblem[] => {
  const problems: ImportProblem[] = []
  const reaches = (authority: number | null) => reach === null || (authority !== null && reach.has(String(authority)))
  for (const row of rows) {
    const authority = String(row.authority)
    if (reach !== null && !reach.has(authority)) {
      problems.push(rowProblem({ field: 'authority', index: row.index, isOutOfReach: true, message: `cấp quản lý id ${authority} không thuộc phạm vi quản lý của bạn.` }))
    } else if (!authorities.has(authority)) {
      problems.push(rowProblem({ field: 'authority', index: row.index, message: `không có cấp quản lý id ${authority}.` }))
    }
    const stored = row.code === null ? undefined : storedUnits.get(row.code)
    if (stored && !reaches(stored.authority)) {
      problems.push(rowProblem({ field: 'code', index: row.index, message: `mã ${shownValue(row.code)} đã được một đơn vị ngoài phạm vi quản lý của bạn dùng.` }))
    }
    const account = row.account ? storedAccounts.get(row.account.email) : undefined
    if (row.account && account && !(stored && account.unit === stored.id)) {
      const elsewhere = account.authority !== null && account.authority !== row.authority
      problems.push(
        rowProblem({
          field: 'account.email',
          index: row.index,
          message: elsewhere ? `đã có tài khoản dùng ${shownValue(row.account.email)} thuộc một cấp quản lý khác.` : `đã có tài khoản dùng ${shownValue(row.account.email)}.`,
        }),
      )
    }
  }
  return problems
}

/** The rows (0-based) that some problem names. */
export const rowsWithProblems = ({ problems }: { problems: readonly ImportProblem[] }): Set<number> => new Set(problems.map(rowOf).filter((index) => index >= 0))

function rowOf(problem: ImportProblem) {
  const match = /^units\.(\d+)/.exec(problem.path)
  return match ? Number(match[1]) : -1
}

/** In the file's order (the body's own problems first), at most `importLimits.errors`, the rest counted. */
export const listProblems = ({ problems }: { problems: readonly ImportProblem[] }): ImportProblem[] => {
  const fieldOrder = (path: string) => rowFields.indexOf(path.split('.')[2] as (typeof rowFields)[number])
  const sorted = [...problems].sort((a, b) => rowOf(a) - rowOf(b) || fieldOrder(a.path) - fieldOrder(b.path))
  if (sorted.length <= importLimits.errors) return sorted
  const rest = sorted.length - importLimits.errors
  return [...sorted.slice(0, importLimits.errors), { message: `Còn ${rest.toLocaleString('vi-VN')} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi gửi lại.`, path: 'units' }]
}
