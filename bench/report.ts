/**
 * The upward report of a 3,000-unit round (issue 13, target ≤ 10 s): its sums (`upwardReport`),
 * the default DOCX filled with them and the XLSX, on synthetic rows shaped as the endpoint builds
 * them (3,000 dossiers this year, 2,500 last year, 8 unit types, 1 in 6 not recognised, each with
 * its reason row in the DOCX table). Beside it, the same DOCX with 30 rows: the template's fixed
 * cost. Not measured here: loading the rows from PostgreSQL (two `select`ed queries, one over the
 * round's dossiers, one over their units). Run: node --import tsx bench/report.ts [units] [runs].
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

import { upwardReport, type ReportEntry } from '../criteria/documents'
import { renderDocx } from '../src/documents/engine'
import { upwardReportWorkbook } from '../src/documents/xlsx'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const template = readFileSync(path.join(root, 'seed/templates/bao-cao-tong-hop.docx'))
const types = ['Xã', 'Phường', 'Cơ quan nhà nước', 'Doanh nghiệp', 'Trường mầm non', 'Trường tiểu học', 'Trường THCS', 'Trường THPT']

const entries = (count: number, seed: number): ReportEntry[] =>
  Array.from({ length: count }, (_, index) => {
    const isRecognised = (index + seed) % 6 !== 0
    return {
      isRecognised,
      levelLabel: isRecognised ? (index % 4 === 0 ? 'Mức độ 2' : 'Mức độ 1') : null,
      reason: isRecognised ? null : 'Đoàn đánh giá kết luận chưa đạt; kết luận của đoàn: Chưa đạt',
      unitName: `Đơn vị học tập số ${index + 1} — ${types[index % types.length]} Hà Quảng`,
      unitTypeLabel: types[index % types.length],
    }
  })

const fill = (report: ReturnType<typeof upwardReport>) => ({
  capQuanLy: 'Ủy ban nhân dân huyện Hà Quảng',
  chuaCongNhan: report.notRecognised.map((row, index) => ({ donVi: row.unitName, loaiDonVi: row.unitTypeLabel, lyDo: row.reason, stt: index + 1 })),
  coQuanBanHanh: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
  coQuanChuQuan: 'ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG',
  diaDanhNgayThang: 'Hà Quảng, ngày 05 tháng 02 năm 2027',
  namDanhGia: 2026,
  namTruoc: 2025,
  noiNhan: [{ ten: 'Sở Giáo dục và Đào tạo;' }, { ten: 'Lưu: VT.' }],
  soSanhNamTruoc: report.totals.comparison,
  tenDotDanhGia: 'Đánh giá, công nhận Đơn vị học tập năm 2026',
  theoLoai: report.byType.map((row) => ({ loaiDonVi: row.label, soChuaDat: row.notRecognised, soDat: row.recognised, soHoSo: row.dossiers })),
  theoMuc: report.byLevel.map((row) => ({ chenhLech: row.change, muc: row.label, namTruoc: row.previous, soDonVi: row.count })),
  tongSoChuaDat: report.totals.notRecognised,
  tongSoDat: report.totals.recognised,
  tongSoDatNamTruoc: report.totals.previousRecognised,
  tongSoHoSo: report.totals.dossiers,
})

const time = async <T>(work: () => Promise<T> | T) => {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

export const reportBench = async ({ units, runs }: { units: number; runs: number }) => {
  const rows: { run: number; sums: number; docx: number; xlsx: number; total: number; docxBytes: number; baseline: number }[] = []
  for (let run = 1; run <= runs; run += 1) {
    const now = entries(units, 0)
    const before = entries(Math.round(units * 0.83), 1)
    const sums = await time(() => upwardReport({ entries: now, levelOrder: ['Mức độ 1', 'Mức độ 2'], previous: before }))
    const docx = await time(() => renderDocx({ data: fill(sums.value), template }))
    const xlsx = await time(() => upwardReportWorkbook({ report: sums.value, title: 'Đánh giá năm 2026', year: 2026 }))
    const small = upwardReport({ entries: entries(30, 0), previous: [] })
    const baseline = await time(() => renderDocx({ data: fill(small), template }))
    rows.push({ baseline: baseline.ms, docx: docx.ms, docxBytes: docx.value.length, run, sums: sums.ms, total: sums.ms + docx.ms + xlsx.ms, xlsx: xlsx.ms })
  }
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const units = Number(process.argv[2] ?? 3000)
  const runs = Number(process.argv[3] ?? 3)
  const rows = await reportBench({ runs, units })
  console.log(`Báo cáo tổng hợp của đợt ${units} đơn vị (mục tiêu ≤ 10 s), ${runs} lần:`)
  console.log('| lần | cộng số liệu | DOCX | XLSX | tổng | DOCX (byte) | DOCX 30 đơn vị (mốc) |')
  console.log('|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(`| ${row.run} | ${row.sums.toFixed(0)} ms | ${row.docx.toFixed(0)} ms | ${row.xlsx.toFixed(0)} ms | ${row.total.toFixed(0)} ms | ${row.docxBytes} | ${row.baseline.toFixed(0)} ms |`)
}
