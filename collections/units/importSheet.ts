/**
 * A units import as a spreadsheet (XLSX or CSV): the template's columns with their Vietnamese
 * headers, and the sheet's cells turned into the rows `POST /api/units/import` checks
 * (./importRows.ts), so that a file and a JSON body meet exactly the same rules.
 *
 * Pure: the cells arrive already read (./spreadsheet.ts reads them with exceljs). What only a
 * sheet has is handled here: headers in any order and case, blank lines, numbers typed as text
 * (or codes typed as numbers), an e-mail cell Excel turned into a link, and the authority named by
 * its code rather than its id. Rows keep their line number in the sheet, so every message and the
 * preview say «Dòng 7» for the seventh line the clerk sees.
 */
import { importLabels, rowProblem, shownValue, type ImportField, type ImportProblem } from './importRows'

/** A cell's value once read: text, a number, or nothing. */
export type Cell = string | number | boolean | null

/** The template's columns, in its order: the header the clerk reads and the import field it fills. */
export const sheetColumns = [
  { field: 'name', header: 'Tên đơn vị', isRequired: true, width: 40 },
  { field: 'code', header: 'Mã đơn vị', isRequired: false, width: 16 },
  { field: 'unitType', header: 'Mã loại đơn vị', isRequired: true, width: 16 },
  { field: 'tier', header: 'Mã cấp đơn vị', isRequired: true, width: 14 },
  { field: 'authority', header: 'Mã cấp quản lý', isRequired: true, width: 18 },
  { field: 'memberCount', header: 'Số thành viên', isRequired: false, width: 14 },
  { field: 'learnerCount', header: 'Số người học', isRequired: false, width: 14 },
  { field: 'email', header: 'Thư điện tử liên hệ', isRequired: false, width: 28 },
  { field: 'account.email', header: 'Email tài khoản cán bộ đơn vị', isRequired: false, width: 30 },
  { field: 'account.name', header: 'Họ và tên cán bộ đơn vị', isRequired: false, width: 26 },
] as const satisfies readonly { field: ImportField; header: string; isRequired: boolean; width: number }[]

export type SheetField = (typeof sheetColumns)[number]['field']

/** A header as compared: case, accents' composition, spaces, a trailing «*» and a «(…)» note do not count. */
export const headerKey = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\(.*?\)/g, '')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

const columnByKey = new Map<string, SheetField>(sheetColumns.map((column) => [headerKey(column.header), column.field]))

/** The first line of the file's message about the file itself (not one of its rows). */
const fileProblem = (message: string): ImportProblem => ({ message, path: 'file' })

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

/** Text fields: a code typed as a number (1001) is the text «1001». */
const asText = (cell: Cell | undefined) => (isBlank(cell) ? null : typeof cell === 'string' ? cell : String(cell))

/** Count fields: left as read (a number, or digits the row check accepts), blank = none. */
const asCount = (cell: Cell | undefined) => (isBlank(cell) ? undefined : cell)

export type SheetRows = {
  /** the rows as the JSON import takes them */
  units: Record<string, unknown>[]
  /** each row's line in the sheet (the header is line 1) */
  lines: number[]
  /** problems found in the sheet itself: a missing column, an authority code unknown to the caller */
  problems: ImportProblem[]
}

/**
 * The sheet's data lines as import rows. `authorityCodes` maps the codes of the authorities the
 * caller may import into to their ids; a cell of digits that is no such code is taken as an id
 * (the row check then says whether it exists and is in reach).
 */
export const unitsFromSheet = ({ header, rows, authorityCodes, firstLine = 2 }: { header: readonly Cell[]; rows: readonly (readonly Cell[])[]; authorityCodes: ReadonlyMap<string, number>; firstLine?: number }): SheetRows => {
  const positions = new Map<SheetField, number>()
  header.forEach((cell, position) => {
    const field = typeof cell === 'string' ? columnByKey.get(headerKey(cell)) : undefined
    if (field && !positions.has(field)) positions.set(field, position)
  })
  const missing = sheetColumns.filter((column) => column.isRequired && !positions.has(column.field))
  if (missing.length > 0) {
    const names = missing.map((column) => `«${column.header}»`).join(', ')
    return { lines: [], problems: [fileProblem(`Tệp thiếu cột ${names} ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu tải về từ màn hình nhập.`)], units: [] }
  }
  const units: Record<string, unknown>[] = []
  const lines: number[] = []
  const problems: ImportProblem[] = []
  rows.forEach((cells, position) => {
    const cell = (field: SheetField) => {
      const at = positions.get(field)
      return at === undefined ? null : (cells[at] ?? null)
    }
    if (sheetColumns.every((column) => isBlank(cell(column.field)))) return
    const index = units.length
    const authorityCell = asText(cell('authority'))?.trim() ?? null
    let authority: unknown = authorityCell
    if (authorityCell !== null && authorityCodes.has(authorityCell)) authority = authorityCodes.get(authorityCell)
    else if (authorityCell !== null && !/^\d+$/.test(authorityCell)) {
      problems.push(rowProblem({ field: 'authority', index, message: `không có cấp quản lý mã ${shownValue(authorityCell)} trong phạm vi quản lý của bạn (xem trang «Danh mục mã» của tệp mẫu).` }))
    }
    const accountEmail = asText(cell('account.email'))
    const accountName = asText(cell('account.name'))
    units.push({
      account: accountEmail === null && accountName === null ? null : { email: accountEmail ?? '', name: accountName ?? '' },
      authority,
      code: asText(cell('code')),
      email: asText(cell('email')),
      learnerCount: asCount(cell('learnerCount')) ?? null,
      memberCount: asCount(cell('memberCount')),
      name: asText(cell('name')) ?? '',
      tier: asText(cell('tier'))?.trim() ?? null,
      unitType: asText(cell('unitType'))?.trim() ?? null,
    })
    lines.push(firstLine + position)
  })
  if (units.length === 0) problems.push(fileProblem('Tệp không có dòng đơn vị nào dưới dòng tiêu đề.'))
  return { lines, problems, units }
}

/** A problem of row `index` retold with the row's line in the sheet: «Dòng 7, «Tên đơn vị»: …». */
export const onSheetLine = ({ problem, lines }: { problem: ImportProblem; lines: readonly number[] }): ImportProblem => {
  if (problem.index === undefined || problem.field === undefined || problem.detail === undefined) return problem
  const line = lines[problem.index] ?? problem.index + 1
  return { ...problem, message: `Dòng ${line}, «${importLabels[problem.field]}»: ${problem.detail}` }
}
