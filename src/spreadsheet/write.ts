/**
 * Writes XLSX files with exceljs: the units import template and every export. A sheet is its
 * columns (Vietnamese header, width) and its rows of plain values; the header line is bold and
 * frozen, and filters are set on it so the province's clerk can sort and filter in Excel at once.
 */
import ExcelJS from 'exceljs'

export type SheetValue = string | number | boolean | Date | null

export type SheetSpec = {
  name: string
  columns: { header: string; width?: number; note?: string }[]
  rows: SheetValue[][]
  /** list validations: a range of the sheet and the range of allowed values, as Excel writes them */
  lists?: { range: string; source: string }[]
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const workbookBytes = async ({ sheets }: { sheets: SheetSpec[] }): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Đơn vị học tập'
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = spec.columns.map((column) => ({ header: column.header, width: column.width ?? 18 }))
    sheet.getRow(1).font = { bold: true }
    spec.columns.forEach((column, position) => {
      if (column.note) sheet.getRow(1).getCell(position + 1).note = column.note
    })
    for (const row of spec.rows) sheet.addRow(row)
    if (spec.columns.length > 0) sheet.autoFilter = { from: { column: 1, row: 1 }, to: { column: spec.columns.length, row: 1 } }
    for (const list of spec.lists ?? []) {
      ;(sheet as unknown as { dataValidations: { add: (range: string, rule: Record<string, unknown>) => void } }).dataValidations.add(list.range, {
        allowBlank: true,
        error: 'Giá trị không có trong danh mục (xem trang «Danh mục mã»).',
        errorStyle: 'warning',
        formulae: [list.source],
        showErrorMessage: true,
        type: 'list',
      })
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A download answer: the file and a name the browser keeps (Vietnamese letters encoded as RFC 5987 says). */
export const xlsxResponse = ({ bytes, filename }: { bytes: Buffer; filename: string }) =>
  new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Disposition': `attachment; filename="${filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Content-Type': xlsxContentType,
    },
    status: 200,
  })
