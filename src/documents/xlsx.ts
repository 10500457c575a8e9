/** The upward report as a workbook (exceljs): totals, by unit type, by level or grade with last year, the units not recognised. */
import ExcelJS from 'exceljs'

import type { UpwardReport } from '@criteria/documents'

export const upwardReportWorkbook = async ({ report, title, year }: { report: UpwardReport; title: string; year: number }): Promise<Buffer> => {
  const book = new ExcelJS.Workbook()
  book.creator = 'Đơn vị học tập'
  const sheet = (name: string, heading: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) => {
    const ws = book.addWorksheet(name)
    ws.addRow([heading]).font = { bold: true, size: 13 }
    ws.addRow([])
    const head = ws.addRow(columns.map((column) => column.header))
    head.font = { bold: true }
    columns.forEach((column, index) => (ws.getColumn(index + 1).width = column.width))
    for (const row of rows) ws.addRow(columns.map((column) => row[column.key] ?? ''))
    return ws
  }
  sheet('Tổng hợp', `${title} — năm ${year}`, [{ header: 'Nội dung', key: 'label', width: 40 }, { header: 'Số lượng', key: 'value', width: 16 }], [
    { label: 'Tổng số hồ sơ', value: report.totals.dossiers },
    { label: 'Số đơn vị đạt', value: report.totals.recognised },
    { label: 'Số đơn vị chưa đạt', value: report.totals.notRecognised },
    { label: `Số đơn vị đạt năm ${year - 1}`, value: report.totals.previousRecognised },
    { label: 'So với năm trước', value: report.totals.comparison },
  ])
  sheet('Theo loại đơn vị', 'Kết quả theo loại đơn vị', [
    { header: 'Loại đơn vị', key: 'label', width: 40 },
    { header: 'Số hồ sơ', key: 'dossiers', width: 12 },
    { header: 'Đạt', key: 'recognised', width: 12 },
    { header: 'Chưa đạt', key: 'notRecognised', width: 12 },
  ], report.byType)
  sheet('Theo mức độ', 'Kết quả theo mức độ hoặc xếp loại, so với năm trước', [
    { header: 'Mức độ, xếp loại', key: 'label', width: 28 },
    { header: `Năm ${year}`, key: 'count', width: 12 },
    { header: `Năm ${year - 1}`, key: 'previous', width: 12 },
    { header: 'So sánh', key: 'change', width: 20 },
  ], report.byLevel)
  sheet('Chưa công nhận', 'Đơn vị chưa được công nhận và lý do', [
    { header: 'STT', key: 'stt', width: 6 },
    { header: 'Đơn vị', key: 'unitName', width: 40 },
    { header: 'Loại đơn vị', key: 'unitTypeLabel', width: 24 },
    { header: 'Lý do', key: 'reason', width: 60 },
  ], report.notRecognised.map((row, index) => ({ ...row, stt: index + 1 })))
  return Buffer.from(await book.xlsx.writeBuffer())
}
