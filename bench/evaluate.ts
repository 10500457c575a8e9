/**
 * Throughput of `evaluate` on a 30-indicator pass-fail set (10 boolean, 10 ratio, 10 rank), side by
 * side with two baselines in the same run: a naive float loop over the same answers (the floor:
 * what judging costs without statuses, gaps or checks) and `validateCriteriaSet` (the zod parse a
 * hook pays when it loads a set). Run alone: node --import tsx bench/evaluate.ts; `npm run bench`
 * calls `evaluateBench` for its core figure.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { CriteriaSetInput, IndicatorInput } from '../criteria/index'
import { evaluate, validateCriteriaSet } from '../criteria/index'

const scale = ['khong', 'tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac']

const indicators: IndicatorInput[] = Array.from({ length: 30 }, (_, index): IndicatorInput => {
  const code = `TC${Math.floor(index / 10) + 1}.CT${(index % 10) + 1}`
  const common = { code, text: `Chỉ tiêu ${code}`, isVerified: true, appliesTo: index === 29 ? ['thpt' as const] : [] }
  if (index < 10) return { ...common, measure: 'boolean' }
  if (index < 20) return { ...common, measure: 'ratio', threshold: 0.9 }
  return { ...common, measure: 'rank', scale, threshold: 'tap-the-lao-dong-tien-tien' }
})

const input: CriteriaSetInput = {
  code: 'bench-30',
  title: 'Bộ 30 chỉ tiêu',
  regime: 'bench',
  model: 'pass-fail',
  level: 2,
  recognition: { prerequisiteLevel: 1, monthsAfterPrerequisite: 12, validityMonths: 36 },
  criteria: [0, 1, 2].map((group) => ({
    code: `TC${group + 1}`,
    title: `Tiêu chí ${group + 1}`,
    indicators: indicators.slice(group * 10, group * 10 + 10),
  })),
}

const validation = validateCriteriaSet(input)
if (!validation.ok) throw new Error(JSON.stringify(validation.issues))
const { set } = validation

// one in five not met, so gaps are built too
const answers: Record<string, unknown> = Object.fromEntries(
  indicators.map((indicator, index) => {
    const isMet = index % 5 !== 0
    const value = indicator.measure === 'boolean' ? isMet : indicator.measure === 'ratio' ? { numerator: isMet ? 95 : 87, denominator: 100 } : isMet ? 'tap-the-lao-dong-xuat-sac' : 'khong'
    return [indicator.code, value]
  }),
)

/** The floor: judge each answer with floats and nothing else. */
const naiveEvaluate = (): boolean => {
  let isMet = true
  for (const criterion of set.criteria) {
    for (const indicator of criterion.indicators) {
      const value = answers[indicator.code]
      if (typeof value === 'boolean') isMet &&= value
      else if (typeof value === 'string') isMet &&= indicator.scale.indexOf(value) >= indicator.scale.indexOf(String(indicator.threshold))
      else {
        const { numerator, denominator } = value as { numerator: number; denominator: number }
        isMet &&= numerator / denominator >= Number(indicator.threshold)
      }
    }
  }
  return isMet
}

export type EvaluateRow = { name: string; iterations: number; 'total ms': number; 'µs/op': number; 'ops/s': number }

const measure = ({ name, run, count }: { name: string; run: () => unknown; count: number }) => {
  for (let index = 0; index < Math.min(count, 2_000); index += 1) run() // warm up
  let sink = 0
  const start = performance.now()
  for (let index = 0; index < count; index += 1) if (run()) sink += 1
  const elapsed = performance.now() - start
  return { name, iterations: count, 'total ms': Number(elapsed.toFixed(1)), 'µs/op': Number(((elapsed * 1000) / count).toFixed(2)), 'ops/s': Math.round((count * 1000) / elapsed), sink }
}

/** The three rows, `iterations` evaluations each (a tenth for the zod parse). */
export const evaluateBench = ({ iterations = 100_000 }: { iterations?: number } = {}): EvaluateRow[] => {
  const evaluation = evaluate({ set, unitType: 'xa', answers, prior: { level: 1, decidedOn: '2024-01-15' }, asOf: '2025-01-15' })
  if (!evaluation.ok || evaluation.gaps.length !== 6) throw new Error('bench set does not evaluate as expected')

  const rows = [
    measure({
      name: 'evaluate (30 indicators)',
      count: iterations,
      run: () => evaluate({ set, unitType: 'xa', answers, prior: { level: 1, decidedOn: '2024-01-15' }, asOf: '2025-01-15' }).ok,
    }),
    measure({ name: 'baseline: naive float loop', count: iterations, run: naiveEvaluate }),
    measure({ name: 'baseline: validateCriteriaSet', count: iterations / 10, run: () => validateCriteriaSet(input).ok }),
  ]
  return rows.map(({ sink: _sink, ...row }) => row)
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) console.table(evaluateBench())
