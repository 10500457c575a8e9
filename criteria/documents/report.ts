/**
 * The upward report's numbers (Báo cáo tổng hợp): a round's dossiers counted by unit type and by
 * level or grade, the units not recognised and why, and the comparison with last year — from rows
 * the shell loads, so the same sums serve the DOCX, the XLSX and the bench.
 */
export type ReportEntry = {
  unitName: string
  unitTypeLabel: string
  /** Recognised (a level) or graded at a passing grade. */
  isRecognised: boolean
  /** "Mức độ 1", "Tốt"…: what the unit reached; null when not recognised. */
  levelLabel: string | null
  /** Why not, when not recognised. */
  reason: string | null
}

export type UpwardReport = {
  byType: { label: string; dossiers: number; recognised: number; notRecognised: number }[]
  byLevel: { label: string; count: number; previous: number; change: string }[]
  notRecognised: { unitName: string; unitTypeLabel: string; reason: string }[]
  totals: { dossiers: number; recognised: number; notRecognised: number; previousRecognised: number; comparison: string }
}

/** "tăng 3 đơn vị", "giảm 2 đơn vị", "bằng năm trước". */
export const changeInWords = ({ now, before }: { now: number; before: number }): string =>
  now > before ? `tăng ${now - before} đơn vị` : now < before ? `giảm ${before - now} đơn vị` : 'bằng năm trước'

const countBy = <K>(rows: ReportEntry[], key: (row: ReportEntry) => K | null) => {
  const counts = new Map<K, number>()
  for (const row of rows) {
    const value = key(row)
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}

export const upwardReport = ({ entries, previous, levelOrder = [] }: { entries: ReportEntry[]; previous: ReportEntry[]; levelOrder?: string[] }): UpwardReport => {
  const types = new Map<string, { label: string; dossiers: number; recognised: number; notRecognised: number }>()
  for (const entry of entries) {
    const row = types.get(entry.unitTypeLabel) ?? { dossiers: 0, label: entry.unitTypeLabel, notRecognised: 0, recognised: 0 }
    row.dossiers += 1
    if (entry.isRecognised) row.recognised += 1
    else row.notRecognised += 1
    types.set(entry.unitTypeLabel, row)
  }
  const levelOf = (row: ReportEntry) => (row.isRecognised ? (row.levelLabel ?? 'Đạt') : null)
  const now = countBy(entries, levelOf)
  const before = countBy(previous, levelOf)
  const rank = (label: string) => (levelOrder.includes(label) ? levelOrder.indexOf(label) : levelOrder.length)
  const levels = [...new Set([...now.keys(), ...before.keys()])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'vi'))
  const recognised = entries.filter((entry) => entry.isRecognised).length
  const previousRecognised = previous.filter((entry) => entry.isRecognised).length
  return {
    byLevel: levels.map((label) => ({ change: changeInWords({ before: before.get(label) ?? 0, now: now.get(label) ?? 0 }), count: now.get(label) ?? 0, label, previous: before.get(label) ?? 0 })),
    byType: [...types.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    notRecognised: entries
      .filter((entry) => !entry.isRecognised)
      .map((entry) => ({ reason: entry.reason ?? 'Chưa có kết luận', unitName: entry.unitName, unitTypeLabel: entry.unitTypeLabel }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    totals: {
      comparison: changeInWords({ before: previousRecognised, now: recognised }),
      dossiers: entries.length,
      notRecognised: entries.length - recognised,
      previousRecognised,
      recognised,
    },
  }
}
