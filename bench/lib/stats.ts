/**
 * Latency summaries for the bench: percentiles by nearest rank over every sample of every run, so
 * that interleaved rounds pool into one distribution per figure.
 */

export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number; max: number }

const round = (value: number) => Math.round(value * 10) / 10

export const percentile = ({ sorted, p }: { sorted: readonly number[]; p: number }) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]

export const summarize = (samples: readonly number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = sorted.reduce((sum, value) => sum + value, 0)
  return {
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(total / Math.max(1, sorted.length)),
    n: sorted.length,
    p50: round(percentile({ p: 50, sorted })),
    p95: round(percentile({ p: 95, sorted })),
    p99: round(percentile({ p: 99, sorted })),
  }
}

/** `p50 / p95 / p99 ms` for the table. */
export const formatLatency = (summary: Summary | undefined) =>
  summary && summary.n > 0 ? `${summary.p50} / ${summary.p95} / ${summary.p99} ms` : '—'
