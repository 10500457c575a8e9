/**
 * How far a paper made in the background has got, as the admin reads it: a percentage that only
 * grows and a line saying what is being done ("Đang đọc hồ sơ của đợt: 1.500/3.000"). Reading the
 * round's dossiers is most of the work for a large round, so it takes most of the bar.
 */
export type ProgressPhase = 'start' | 'round' | 'previous' | 'fill' | 'store'

/** Each phase's share of the bar: [from, to] in percent. */
const spans: Record<ProgressPhase, readonly [number, number]> = {
  fill: [85, 95],
  previous: [70, 85],
  round: [5, 70],
  start: [0, 5],
  store: [95, 99],
}

const stages: Record<ProgressPhase, string> = {
  fill: 'Đang điền mẫu văn bản',
  previous: 'Đang đọc hồ sơ năm trước để so sánh',
  round: 'Đang đọc hồ sơ của đợt',
  start: 'Đang chuẩn bị',
  store: 'Đang lưu tệp',
}

const count = (value: number) => value.toLocaleString('vi-VN')

export type Progress = { percent: number; stage: string }

/** The bar and the words for `done` of `total` items in `phase` (counts are optional). */
export const progressOf = ({ phase, done, total }: { phase: ProgressPhase; done?: number; total?: number }): Progress => {
  const [from, to] = spans[phase]
  const hasCounts = typeof done === 'number' && typeof total === 'number' && total > 0
  const share = hasCounts ? Math.min(1, Math.max(0, done / total)) : 0
  return {
    percent: Math.floor(from + (to - from) * share),
    stage: hasCounts ? `${stages[phase]}: ${count(Math.min(done, total))}/${count(total)}` : stages[phase],
  }
}
