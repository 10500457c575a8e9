/**
 * Messages people can read (issue 9): the global `afterError` hook, run by Payload for every REST
 * error (routeError) and every GraphQL error (as `graphqlResult`). It
 * - maps what bad input still provokes at the database to 4xx with a Vietnamese message and no
 *   SQL: a value of the wrong type or out of range, a NUL character, a bad LIMIT/OFFSET → 400;
 *   a missing required value or a reference to nothing → 400 naming the field; a duplicate → 409;
 * - answers 503 with `Retry-After` when the database cannot be reached or is saturated (pool
 *   timeout, "too many clients", a deadlock or a cancelled statement), instead of a bare 500;
 * - rewrites Payload's generic texts ("Lỗi - Field sau không hợp lệ", "Something went wrong.",
 *   "The following field is invalid", "Not Found", raw paths such as
 *   `criteria.0.indicators.3.appliesTo.1`) into Vietnamese sentences that name the field by its
 *   label and each array row by its own code ("Tiêu chí TC1 › Chỉ tiêu TC1.CT3 › Chỉ áp dụng
 *   cho loại đơn vị (dòng 2): «Loại đơn vị» …"), taken from the request's data or the stored
 *   document. Messages our own hooks wrote are kept, only placed in their row.
 * `errors[].name` and `errors[].data` (with every `path`) are kept, so the admin still marks the
 * fields and machines still read the paths. Messages are Vietnamese whatever the admin's language:
 * our own hooks write Vietnamese only, and one language per message keeps API clients simple.
 */
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import type { AfterErrorHook, FlattenedField, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { labelOf, resolveQueryPath, shown, type FieldsOf } from './inputGuards'

export type Described = {
  data?: unknown
  message: string
  name?: string
  /** seconds, for a 503 */
  retryAfter?: number
  status: number
}

type FieldProblem = { label?: unknown; message: string; path: string; [key: string]: unknown }

const quote = (text: string) => `«${text}»`

// ---------------------------------------------------------------------------------------------
// The database

type DatabaseError = { code: string; column?: string; constraint?: string; detail?: string; message?: string; table?: string }

const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = []
  let current = error
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current)) {
    chain.push(current)
    const next = current as { cause?: unknown; originalError?: unknown }
    current = next.cause ?? next.originalError
  }
  return chain
}

/** The PostgreSQL error (with its SQLSTATE `code`) behind an error, if any. */
export const databaseErrorOf = (error: unknown): DatabaseError | null =>
  (causes(error).find((item) => {
    const code = (item as { code?: unknown }).code
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
  }) as DatabaseError | undefined) ?? null

// connection failures (08), saturation (53), shutdown (57P0x), cancelled statements, deadlocks, lock timeouts
const unavailableCode = /^(08\w{3}|53\w{3}|57P0\d|57014|40001|40P01|55P03)$/
const unavailableText =
  /timeout exceeded when trying to connect|connection terminated|too many clients|ECONNREFUSED|ECONNRESET|ETIMEDOUT|the database system is (starting up|shutting down)|connection error|Cannot use a pool after calling end/i

/** The database is unreachable or saturated: the request may succeed a moment later. */
export const isDatabaseUnavailable = (error: unknown): boolean =>
  causes(error).some((item) => {
    const { code, message } = item as { code?: unknown; message?: unknown }
    return (typeof code === 'string' && unavailableCode.test(code)) || (typeof code === 'string' && /^E(CONNREFUSED|CONNRESET|TIMEDOUT)$/.test(code)) || (typeof message === 'string' && unavailableText.test(message))
  })

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase()

type CollectionLike = { config: SanitizedCollectionConfig }

/** The field a column belongs to, found by its snake_case name (relationships end in `_id`). */
const fieldOfColumn = ({ collections, table, column }: { collections: CollectionLike[]; table?: string; column: string }) => {
  const owners = [...collections].sort((a, b) => Number(Boolean(table?.startsWith(snake(b.config.slug)))) - Number(Boolean(table?.startsWith(snake(a.config.slug)))))
  for (const { config } of owners) {
    const stack: { fields: readonly FlattenedField[]; path: string }[] = [{ fields: config.flattenedFields, path: '' }]
    while (stack.length > 0) {
      const { fields, path } = stack.pop()!
      for (const field of fields) {
        if (!('name' in field)) continue
        const fieldPath = path ? `${path}.${field.name}` : field.name
        const isReference = field.type === 'relationship' || field.type === 'upload'
        if (snake(field.name) === column || (isReference && `${snake(field.name)}_id` === column)) {
          return { label: labelOf({ field }), path: table === snake(config.slug) ? fieldPath : undefined }
        }
        if ('flattenedFields' in field) stack.push({ fields: field.flattenedFields as FlattenedField[], path: fieldPath })
      }
    }
  }
  return { label: column, path: undefined }
}

const collectionOfTable = ({ collections, table }: { collections: CollectionLike[]; table: string }) =>
  collections.find(({ config }) => snake(config.slug) === table.replace(/^_/, '').replace(/_v$/, ''))

const pluralOf = (config: SanitizedCollectionConfig | undefined) => (config ? labelOf({ field: { label: config.labels?.plural, name: config.slug } }) : '')
const singularOf = (config: SanitizedCollectionConfig | undefined) => (config ? labelOf({ field: { label: config.labels?.singular, name: config.slug } }) : '')

const inQuotes = (message: string | undefined) => /"([^"]*)"/.exec(message ?? '')?.[1]

/** A PostgreSQL refusal of bad input as a 4xx, or null for anything else. */
export const describeDatabaseError = ({ db, collections, collection }: { db: DatabaseError; collections: CollectionLike[]; collection?: SanitizedCollectionConfig }): Described | null => {
  const key = /Key \((.+?)\)=\((.*?)\)/.exec(db.detail ?? '')
  const columns = key?.[1]?.split(',').map((column) => column.trim().replace(/"/g, '')) ?? (db.column ? [db.column] : [])
  const fields = columns.map((column) => fieldOfColumn({ collections, column, table: db.table }))
  const names = fields.map((field) => quote(field.label)).join(', ')
  const withField = (status: number, message: string): Described => {
    const path = fields.length === 1 ? fields[0]!.path : undefined
    return path
      ? { data: { collection: collection?.slug, errors: [{ label: fields[0]!.label, message, path }] }, message, name: 'ValidationError', status }
      : { message, name: 'InputError', status }
  }
  const value = inQuotes(db.message)
  switch (db.code) {
    case '23505':
      return withField(409, `Đã có ${singularOf(collection) || 'bản ghi'} khác với cùng ${names || 'giá trị này'}${key?.[2] ? ` (${key[2]})` : ''}; mỗi giá trị chỉ dùng được một lần.`)
    case '23503': {
      const referencing = /referenced from table "([^"]+)"/.exec(db.detail ?? '')?.[1]
      if (referencing) {
        const owner = collectionOfTable({ collections, table: referencing })
        return { message: `Không xoá được: bản ghi này còn được dùng trong ${quote(pluralOf(owner?.config) || referencing)}.`, name: 'InputError', status: 400 }
      }
      return withField(400, `${names || 'Trường tham chiếu'}: không có bản ghi mã ${key?.[2] ?? ''} để tham chiếu tới.`.replace(' mã  ', ' '))
    }
    case '23502':
      return withField(400, `${names || 'Một trường bắt buộc'} là bắt buộc.`)
    case '23514':
      return { message: 'Dữ liệu không thoả một ràng buộc của hệ thống; hãy kiểm tra lại các giá trị đã nhập.', name: 'InputError', status: 400 }
    case '22P02':
      return { message: `Giá trị ${value === undefined ? '' : `${shown(value)} `}không đúng kiểu dữ liệu của trường (ví dụ chữ ở chỗ cần số, hoặc một lựa chọn không có trong danh sách).`, name: 'InputError', status: 400 }
    case '22003':
      return { message: `Số ${value === undefined ? '' : `${shown(value)} `}vượt quá giới hạn cho phép.`, name: 'InputError', status: 400 }
    case '22007':
    case '22008':
      return { message: 'Ngày giờ không hợp lệ hoặc nằm ngoài khoảng cho phép (năm từ 1 đến 9999).', name: 'InputError', status: 400 }
    case '2201W':
    case '2201X':
      return { message: 'Tham số phân trang «limit» hoặc «page» không hợp lệ.', name: 'InputError', status: 400 }
    case '22021':
    case '22P05':
      return { message: 'Dữ liệu có ký tự không lưu được (ký tự NUL \\u0000).', name: 'InputError', status: 400 }
    case '22001':
      return { message: 'Một giá trị dài quá giới hạn của trường.', name: 'InputError', status: 400 }
    case '42883':
    case '42804':
      return { message: 'Không lọc được theo điều kiện này: toán tử không dùng được với kiểu của trường.', name: 'InputError', status: 400 }
    case '54001':
      return { message: 'Điều kiện lọc quá phức tạp.', name: 'InputError', status: 400 }
    default:
      return db.code.startsWith('22') ? { message: 'Dữ liệu gửi lên có giá trị không hợp lệ.', name: 'InputError', status: 400 } : null
  }
}

// ---------------------------------------------------------------------------------------------
// Payload's generic field messages

type Template = { key: string; names: string[]; pattern: RegExp }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const compile = (key: string, text: string): Template => {
  const names: string[] = []
  const source = escape(text.trim().replace(/\.$/, '')).replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_match, name: string) => {
    names.push(name)
    return '(.*?)'
  })
  return { key, names, pattern: new RegExp(`^${source}\\.?$`, 's') }
}

const templates: Template[] = [
  ...[en, vi].flatMap((language) => Object.entries(language.translations.validation).map(([key, text]) => compile(key, String(text)))),
  ...[en, vi].flatMap((language) => [compile('valueMustBeUnique', language.translations.error.valueMustBeUnique), compile('passwordsDoNotMatch', language.translations.fields.passwordsDoNotMatch)]),
  { key: 'invalidRelationships', names: ['value'], pattern: /^This relationship field has the following invalid relationships:\s*(.*)$/s },
  { key: 'valueMustBeUnique', names: [], pattern: /^Value must be unique\.?$/ },
]

/** Which of Payload's generic messages this is, with its placeholders, or null for our own. */
export const matchGeneric = (message: string): { key: string; values: Record<string, string> } | null => {
  for (const template of templates) {
    const match = template.pattern.exec(message.trim())
    if (match) return { key: template.key, values: Object.fromEntries(template.names.map((name, index) => [name, match[index + 1] ?? ''])) }
  }
  return null
}

/** Payload's generic message as a sentence naming the field; `sent` is the value the request held there. */
export const genericSentence = ({ key, values, field, sent }: { key: string; values: Record<string, string>; field: string; sent?: unknown }): string => {
  const name = quote(field)
  const what = sent === undefined || sent === null || typeof sent === 'object' ? '' : ` ${shown(sent)}`
  switch (key) {
    case 'required':
      return `${name} là bắt buộc.`
    case 'emailAddress':
      return `${name}:${what} không phải địa chỉ email hợp lệ.`
    case 'enterNumber':
      return `${name} phải là số${what ? ` (đã nhập${what})` : ''}.`
    case 'greaterThanMax':
      return `${name}: ${values.value} lớn hơn mức tối đa cho phép (${values.max}).`
    case 'lessThanMin':
      return `${name}: ${values.value} nhỏ hơn mức tối thiểu cho phép (${values.min}).`
    case 'invalidSelection':
    case 'invalidSelections':
      return `${name}:${what || ' giá trị đã chọn'} không có trong danh sách lựa chọn.`
    case 'notValidDate':
      return `${name}: ${shown(values.value)} không phải ngày hợp lệ.`
    case 'requiresAtLeast':
      return `${name} cần ít nhất ${values.count} dòng.`
    case 'requiresNoMoreThan':
    case 'limitReached':
      return `${name} không được quá ${values.count ?? values.max} dòng.`
    case 'shorterThanMax':
      return `${name} dài quá ${values.maxLength} ký tự.`
    case 'longerThanMin':
      return `${name} cần ít nhất ${values.minLength} ký tự.`
    case 'trueOrFalse':
      return `${name} chỉ nhận đúng hoặc sai.`
    case 'validUploadID':
      return `${name}: mã tệp tải lên không hợp lệ.`
    case 'invalidRelationships':
      return `${name}: không có bản ghi được chọn${values.value ? ` (${values.value.replace(/\s+\d+\s*$/, '').trim()})` : ''}, hoặc bạn không được chọn nó.`
    case 'valueMustBeUnique':
      return `${name}${what} đã được dùng cho một bản ghi khác; hãy chọn giá trị khác.`
    case 'passwordsDoNotMatch':
      return 'Mật khẩu nhập lại không khớp.'
    case 'fieldHasNo':
      return `${name} chưa có ${values.label}.`
    default:
      return `${name} không hợp lệ.`
  }
}

// ---------------------------------------------------------------------------------------------
// Where a field error sits: rows by their code, groups by their label

const valueAt = (source: unknown, segments: readonly string[]): unknown => {
  let current = source
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

const rowCode = (row: unknown): string | undefined => {
  if (row === null || typeof row !== 'object') return undefined
  const { code, indicator } = row as { code?: unknown; indicator?: unknown }
  const value = typeof code === 'string' && code.trim() ? code : typeof indicator === 'string' && indicator.trim() ? indicator : undefined
  return value?.trim()
}

export type Location = { codes: string[]; context: string[]; field: string }

/**
 * The rows and groups a field path sits in and the field's label:
 * `criteria.0.indicators.3.appliesTo.1.unitType` → context ['Tiêu chí TC1', 'Chỉ tiêu TC1.CT3',
 * 'Chỉ áp dụng cho loại đơn vị (dòng 2)'], field 'Loại đơn vị'. Row codes come from the first of
 * `sources` that has the row.
 */
export const locate = ({ fields, path, sources }: { fields: readonly FlattenedField[]; path: string; sources: unknown[] }): Location => {
  const segments = path.split('.').filter(Boolean)
  const context: string[] = []
  let current: readonly FlattenedField[] | undefined = fields
  let field = ''
  const codes: string[] = []
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!
    const found: FlattenedField | undefined = current?.find((candidate) => 'name' in candidate && candidate.name === segment)
    if (!found) {
      field = field || labelOf({ field: { name: segment } })
      break
    }
    const label = labelOf({ field: found })
    const isLast = index === segments.length - 1
    const next = segments[index + 1]
    if (found.type === 'array' && next !== undefined && /^\d+$/.test(next)) {
      const rowPath = segments.slice(0, index + 2)
      const code = sources.map((source) => rowCode(valueAt(source, rowPath))).find(Boolean)
      if (code) codes.push(code)
      const singular = labelOf({ field: { label: (found as { labels?: { singular?: unknown } }).labels?.singular, name: '' } }) || label
      const row = code ? `${singular} ${code}` : `${label} (dòng ${Number(next) + 1})`
      index += 1
      if (index === segments.length - 1) {
        field = row
        break
      }
      context.push(row)
      current = found.flattenedFields
      continue
    }
    if (isLast) {
      field = label
      break
    }
    if ('flattenedFields' in found) {
      context.push(label)
      current = found.flattenedFields as FlattenedField[]
      continue
    }
    field = label
    break
  }
  return { codes, context, field }
}

// ---------------------------------------------------------------------------------------------
// Errors by kind

const isVietnamese = (text: string) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(text)

export const serverErrorMessage = 'Máy chủ gặp lỗi ngoài dự kiến; thao tác chưa được thực hiện. Vui lòng thử lại, nếu vẫn lỗi hãy báo quản trị hệ thống.'
export const unavailableMessage = 'Hệ thống đang bận hoặc tạm mất kết nối tới cơ sở dữ liệu; thao tác chưa được thực hiện. Vui lòng thử lại sau ít giây.'

const englishMessages: [RegExp, string][] = [
  [/^Missing ID of document to update\.?$/i, 'Thiếu mã (id) của bản ghi cần cập nhật.'],
  [/^Missing ID of version\.?$/i, 'Thiếu mã của phiên bản.'],
  [/has disabled bulk edit/i, 'Danh mục này không cho sửa hàng loạt.'],
  [/^(ID was not specified|No collection was specified)/i, 'Thiếu mã (id) hoặc tên danh mục trong đường dẫn.'],
  [/^Collection with the slug .* was not found/i, 'Không có danh mục này.'],
  [/^An unknown error occurred\.?$/i, serverErrorMessage],
  [/^Something went wrong\.?$/i, serverErrorMessage],
]

const lockMinutes = (collection: SanitizedCollectionConfig | undefined) => {
  const lockTime = collection?.auth && typeof collection.auth === 'object' ? collection.auth.lockTime : undefined
  return typeof lockTime === 'number' ? Math.max(1, Math.round(lockTime / 60_000)) : 10
}

type Context = {
  collection: SanitizedCollectionConfig | undefined
  collections: CollectionLike[]
  fieldsOf: FieldsOf
  req: PayloadRequest
}

const routeId = (req: PayloadRequest) => {
  const id = (req.routeParams as { id?: unknown } | undefined)?.id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

const requestData = (req: PayloadRequest): unknown => {
  const data = (req as { data?: unknown }).data
  const variables = (data as { variables?: { data?: unknown } } | undefined)?.variables
  return req.payloadAPI === 'GraphQL' ? variables?.data : data
}

/** The stored document, for row codes the request did not carry (read past access: only codes are shown). */
const storedDoc = async ({ req, collection }: { req: PayloadRequest; collection: SanitizedCollectionConfig }) => {
  const id = routeId(req)
  if (!id || !/^[1-9]\d{0,9}$/.test(id)) return undefined
  try {
    // a fresh read outside the request's transaction, which the failed operation has rolled back
    return await req.payload.findByID({ collection: collection.slug as never, depth: 0, disableErrors: true, draft: Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts), id, overrideAccess: true })
  } catch {
    return undefined
  }
}

/** A toast lists the fields after the first colon, split at commas (Payload's FieldErrorsToast). */
const forToast = (text: string) => text.replace(/,/g, ' –').replace(/:/g, ' –')

const describeValidation = async ({ error, context }: { error: { data?: { collection?: string; errors?: FieldProblem[] } }; context: Context }): Promise<Described> => {
  const data = error.data ?? {}
  const problems = data.errors ?? []
  const collection = (data.collection && context.collections.find(({ config }) => config.slug === data.collection)?.config) || context.collection
  const fields = collection?.flattenedFields ?? []
  const sources: unknown[] = [requestData(context.req)]
  const needsStored = problems.some((problem) => /\.\d+(\.|$)/.test(problem.path ?? ''))
  if (needsStored && collection) sources.push(await storedDoc({ collection, req: context.req }))
  const locations: string[] = []
  const rewritten = problems.map((problem) => {
    const path = String(problem.path ?? '')
    const location = locate({ fields, path, sources })
    const generic = matchGeneric(String(problem.message ?? ''))
    const sent = valueAt(sources[0], path.split('.'))
    const sentence = generic ? genericSentence({ field: location.field || path, key: generic.key, sent, values: generic.values }) : String(problem.message ?? '')
    const where = location.context.join(' › ')
    // our own hooks' messages name their field already; only place them in their row or group
    const isPlaced = !where || sentence.includes(where) || location.codes.some((code) => sentence.includes(code))
    const message = isPlaced ? sentence : `${where}: ${sentence}`
    locations.push(forToast([...location.context, location.field || path].filter(Boolean).join(' › ')))
    return { ...problem, label: location.field || problem.label, message }
  })
  const count = rewritten.length
  const action = /\/(login|forgot-password|reset-password|unlock)$/.test(context.req.pathname ?? '') ? 'Chưa đăng nhập được' : 'Chưa lưu được'
  const message = count === 0 ? 'Dữ liệu gửi lên chưa hợp lệ.' : `${action}, cần sửa ${count === 1 ? 'trường' : `${count} trường`}: ${locations.join(', ')}`
  return { data: { ...data, errors: rewritten }, message, name: 'ValidationError', status: 400 }
}

const describeQueryError = ({ error, context }: { error: { data?: unknown; status?: number }; context: Context }): Described => {
  const paths = Array.isArray(error.data) ? error.data.map((item) => String((item as { path?: unknown }).path ?? '')) : []
  const names = paths.map((path) => {
    const target = context.collection ? resolveQueryPath({ fieldsOf: context.fieldsOf, path, slug: context.collection.slug }) : null
    return target ? quote(target.labels.join(' › ')) : quote(path)
  })
  return {
    data: error.data,
    message: `Không lọc hoặc sắp xếp được theo ${names.join(', ') || 'điều kiện đã gửi'}: trường không tồn tại hoặc bạn không có quyền xem trường này.`,
    name: 'QueryError',
    status: error.status ?? 400,
  }
}

/** What to answer for an error: status, Vietnamese message, and the name and data to keep. */
export const describeError = async ({ error, context }: { error: unknown; context: Context }): Promise<Described> => {
  const original = error as { data?: unknown; isPublic?: boolean; message?: string; name?: string; status?: number }
  const status = typeof original.status === 'number' ? original.status : 500
  const name = original.name
  const keep = { data: original.data, name }
  if (isDatabaseUnavailable(error)) return { message: unavailableMessage, name: 'ServiceUnavailable', retryAfter: 5, status: 503 }
  const db = databaseErrorOf(error)
  if (db) {
    const described = describeDatabaseError({ collection: context.collection, collections: context.collections, db })
    if (described) return described
  }
  if (error instanceof SyntaxError) return { message: 'Nội dung hoặc tham số gửi lên không phải JSON hợp lệ.', name: 'InputError', status: 400 }
  const { collection } = context
  switch (name) {
    case 'ValidationError':
      return describeValidation({ context, error: original as never })
    case 'QueryError':
      return describeQueryError({ context, error: original })
    case 'NotFound': {
      const id = routeId(context.req)
      const what = singularOf(collection)
      return { ...keep, message: what ? `Không tìm thấy ${what.toLowerCase()}${id ? ` có mã ${quote(id)}` : ''}, hoặc bạn không có quyền xem.` : 'Không tìm thấy dữ liệu yêu cầu, hoặc bạn không có quyền xem.', status }
    }
    case 'Forbidden':
      return { ...keep, message: `Bạn không có quyền thực hiện thao tác này${collection ? ` với ${quote(pluralOf(collection))}` : ''}.`, status }
    case 'UnauthorizedError':
      return { ...keep, message: 'Cần đăng nhập để thực hiện thao tác này.', status }
    case 'AuthenticationError':
      return { ...keep, message: 'Email hoặc mật khẩu không đúng.', status }
    case 'LockedAuth':
      return { ...keep, message: `Tài khoản đang tạm khoá vì đăng nhập sai nhiều lần; hãy thử lại sau ${lockMinutes(collection)} phút hoặc nhờ quản trị mở khoá.`, status }
    case 'Locked':
      return { ...keep, message: 'Tài liệu đang được người khác chỉnh sửa; hãy thử lại sau.', status }
    case 'UnverifiedEmail':
      return { ...keep, message: 'Tài khoản chưa xác minh email.', status }
    case 'MissingFile':
      return { ...keep, message: 'Chưa có tệp nào được tải lên.', status }
    case 'FileUploadError':
      return { ...keep, message: 'Không tải được tệp lên; hãy kiểm tra tệp và thử lại.', status }
    case 'ErrorDeletingFile':
      return { ...keep, message: 'Không xoá được tệp.', status }
    case 'FileRetrievalError':
      // a file the client asked the server to fetch (Payload answers 500 for an address it refuses)
      return { message: 'Không lấy được tệp từ địa chỉ đã gửi; hãy tải tệp lên.', name, status: 400 }
    default:
      break
  }
  const text = typeof original.message === 'string' ? original.message : ''
  const isPublic = original.isPublic === true || (status !== 500 && typeof original.status === 'number')
  if (!isPublic || status >= 500) return { message: serverErrorMessage, status }
  const json = /^(.*) is not allowed as a JSON query value$/s.exec(text)
  if (json) return { ...keep, message: `Giá trị lọc ${shown(json[1])} chỉ được gồm chữ, số, khoảng trắng và các ký tự @ . - + : _`, status }
  const english = englishMessages.find(([pattern]) => pattern.test(text))
  if (english) return { ...keep, message: english[1], status }
  if (!text || !isVietnamese(text)) return { ...keep, message: `Yêu cầu không hợp lệ${text ? ` (${text})` : ''}.`, status }
  return { ...keep, message: text, status }
}

/** The global `afterError` hook (payload.config.ts `hooks.afterError`). */
export const translateErrors: AfterErrorHook = async ({ collection, error, graphqlResult, req }) => {
  const collections = Object.values(req.payload.collections) as CollectionLike[]
  const byslug = req.payload.collections as Record<string, CollectionLike | undefined>
  const fieldsOf: FieldsOf = (slug) => byslug[slug]?.config.flattenedFields
  if (graphqlResult) {
    // GraphQL's own errors (syntax, unknown fields, variables) have no original error: developers' texts, kept
    const original = (error as { originalError?: unknown }).originalError
    if (!original) return
    const dataCollection = (original as { data?: { collection?: unknown } }).data?.collection
    const described = await describeError({
      context: { collection: typeof dataCollection === 'string' ? byslug[dataCollection]?.config : undefined, collections, fieldsOf, req },
      error: original,
    })
    if (described.retryAfter) setRetryAfter({ req, seconds: described.retryAfter })
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, data: described.data, name: described.name, statusCode: described.status },
        message: described.message,
      },
    }
  }
  const described = await describeError({ context: { collection, collections, fieldsOf, req }, error })
  if (described.retryAfter) setRetryAfter({ req, seconds: described.retryAfter })
  const entry: Record<string, unknown> = { message: described.message }
  if (described.name) entry.name = described.name
  if (described.data !== undefined) entry.data = described.data
  return { response: { errors: [entry as never] }, status: described.status }
}

const setRetryAfter = ({ req, seconds }: { req: PayloadRequest; seconds: number }) => {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(seconds))
  req.responseHeaders = headers
}
