/**
 * Issue 15's spreadsheet figures: a `units`-row XLSX file imported through the units list's
 * upload (POST /api/units/import-file, units with their invited accounts, target ≤ 60 s), and the
 * XLSX export of the self-assessments of the province's rounds (one per district, every unit's
 * dossier, a line per indicator) — as the
 * list's «Xuất Excel» asks for it (GET /api/self-assessments/export, target ≤ 10 s).
 */
import { performance } from 'node:perf_hooks'

import { sheetColumns } from '../../collections/units/importSheet'
import { workbookBytes } from '../../src/spreadsheet/write'

import type { Context, SectionResult } from './sections'

export const sheetImportAndExport = async ({ baseUrl, world, units, log }: Context & { baseUrl: string }): Promise<SectionResult> => {
  const values = (serial: number): Record<string, string | number> => ({
    'account.email': `excel${serial}@bench.vn`,
    'account.name': `Cán bộ Excel ${serial}`,
    authority: 'BENCH-IMPORT',
    code: `BENCH-X${serial}`,
    memberCount: 20,
    name: `Đơn vị Excel ${serial}`,
    tier: 'huyen',
    unitType: 'xa',
  })
  const file = await workbookBytes({
    sheets: [{ columns: sheetColumns.map((column) => ({ header: column.header })), name: 'Đơn vị', rows: Array.from({ length: units }, (_unused, serial) => sheetColumns.map((column) => values(serial + 1)[column.field] ?? null)) }],
  })
  const headers = { Authorization: `JWT ${world.admin.token}`, 'Accept-Language': 'vi' }
  const importStart = performance.now()
  const imported = await fetch(`${baseUrl}/api/units/import-file?mode=all`, { body: new Uint8Array(file), headers: { ...headers, 'Content-Type': 'application/octet-stream' }, method: 'POST' })
  const importText = await imported.text()
  const importSeconds = (performance.now() - importStart) / 1000
  log(`[bench] nhập tệp XLSX ${units} dòng: ${imported.status} sau ${importSeconds.toFixed(1)} s`)

  // the bench's province has one round per district: all of them hold the N dossiers
  const exportStart = performance.now()
  const exported = await fetch(`${baseUrl}/api/self-assessments/export?where[round][in]=${world.rounds.join(',')}`, { headers })
  const exportBytes = (await exported.arrayBuffer()).byteLength
  const exportSeconds = (performance.now() - exportStart) / 1000
  log(`[bench] xuất hồ sơ của ${world.rounds.length} đợt: ${exported.status}, ${(exportBytes / 1024).toFixed(0)} kB sau ${exportSeconds.toFixed(1)} s`)
  const created = imported.status === 201 ? (JSON.parse(importText) as { created: unknown }).created : null
  return {
    raw: { exportBytes, exportSeconds, exportStatus: exported.status, fileBytes: file.byteLength, importSeconds, importStatus: imported.status, created },
    rows: [
      {
        app: imported.status === 201 ? `${importSeconds.toFixed(1)} s (tệp ${(file.byteLength / 1024).toFixed(0)} kB; ${JSON.stringify(created)})` : `${imported.status}: ${importText.slice(0, 120)}`,
        figure: `Nhập tệp XLSX ${units} đơn vị kèm tài khoản: POST /api/units/import-file`,
        holds: imported.status === 201 && importSeconds <= 60,
        target: '≤ 60 s',
      },
      {
        app: exported.status === 200 ? `${exportSeconds.toFixed(1)} s (${(exportBytes / 1024).toFixed(0)} kB)` : `${exported.status}`,
        figure: `Xuất XLSX hồ sơ tự đánh giá của ${units} đơn vị (các đợt của tỉnh, mỗi chỉ tiêu một dòng)`,
        holds: exported.status === 200 && exportSeconds <= 10,
        target: '≤ 10 s',
      },
    ],
  }
}
