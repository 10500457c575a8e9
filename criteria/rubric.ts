/**
 * Scoring guides of points indicators (TT 22/2020: partial points are the province's, REGULATIONS
 * §3.2): which scores a guide allows and how to say them, all in integer hundredths so 0.25 steps
 * and 7.35 points are exact.
 */
import { formatHundredths, toHundredths } from './fixedPoint'
import type { DefinitionProblem } from './measures/types'
import type { IndicatorDefinition, Rubric } from './schema'

/** Above this many scores a step guide is described by its step, not listed. */
const maxListedScores = 11

type RubricRule = {
  /** Definition problems, given the indicator's maximum in hundredths (null when that is itself invalid). */
  check: (args: { rubric: Rubric; code: string; maxHundredths: number | null }) => DefinitionProblem[]
  /** Whether a score (hundredths, already within [0, max]) is one the guide allows. */
  allows: (args: { rubric: Rubric; hundredths: number; maxHundredths: number }) => boolean
  /** The allowed scores in Vietnamese: "0; 5; 10". */
  describe: (args: { rubric: Rubric; maxHundredths: number }) => string
}

const stepOf = (rubric: Rubric): number | null => ('step' in rubric ? toHundredths(rubric.step) : null)
const levelsOf = (rubric: Rubric) => ('levels' in rubric ? rubric.levels : [])

const stepScores = ({ step, maxHundredths }: { step: number; maxHundredths: number }): number[] => {
  const scores: number[] = []
  for (let score = 0; score < maxHundredths; score += step) scores.push(score)
  return [...scores, maxHundredths]
}

const rubricRules: Record<Rubric['kind'], RubricRule> = {
  step: {
    check: ({ rubric, code, maxHundredths }) => {
      const step = stepOf(rubric)
      const written = 'step' in rubric ? rubric.step : null
      if (step === null || step <= 0) {
        return [
          {
            field: 'rubric',
            at: ['step'],
            code: 'invalid-rubric-step',
            message: `Chỉ tiêu ${code}: bước điểm ${String(written)} phải lớn hơn 0 và có tối đa 2 chữ số thập phân.`,
          },
        ]
      }
      if (maxHundredths !== null && step > maxHundredths) {
        return [
          {
            field: 'rubric',
            at: ['step'],
            code: 'rubric-step-above-max',
            message: `Chỉ tiêu ${code}: bước điểm ${formatHundredths(step)} lớn hơn điểm tối đa ${formatHundredths(maxHundredths)}.`,
          },
        ]
      }
      return []
    },
    allows: ({ rubric, hundredths, maxHundredths }) => {
      const step = stepOf(rubric)
      return hundredths === maxHundredths || (step !== null && step > 0 && hundredths % step === 0)
    },
    describe: ({ rubric, maxHundredths }) => {
      const step = stepOf(rubric) ?? maxHundredths
      const scores = stepScores({ step, maxHundredths })
      if (scores.length <= maxListedScores) return scores.map(formatHundredths).join('; ')
      const lastMultiple = maxHundredths - (maxHundredths % step)
      const multiples = `các bội số của ${formatHundredths(step)} từ 0 đến ${formatHundredths(lastMultiple)}`
      return lastMultiple === maxHundredths ? multiples : `${multiples}, và ${formatHundredths(maxHundredths)}`
    },
  },
  levels: {
    check: ({ rubric, code, maxHundredths }) => {
      const levels = levelsOf(rubric)
      if (levels.length === 0) {
        return [
          { field: 'rubric', at: ['levels'], code: 'missing-rubric-levels', message: `Chỉ tiêu ${code}: hướng dẫn chấm theo mức cần ít nhất một mức.` },
        ]
      }
      const problems: DefinitionProblem[] = []
      const seen = new Set<number>()
      levels.forEach((level, index) => {
        if (level.label.trim() === '') {
          problems.push({
            field: 'rubric',
            at: ['levels', index, 'label'],
            code: 'missing-rubric-label',
            message: `Chỉ tiêu ${code}: mức thứ ${index + 1} của hướng dẫn chấm cần tên (ví dụ "Đạt một phần").`,
          })
        }
        const points = toHundredths(level.points)
        const at = ['levels', index, 'points']
        if (points === null || points < 0 || (maxHundredths !== null && points > maxHundredths)) {
          const range = maxHundredths === null ? 'không âm' : `từ 0 đến ${formatHundredths(maxHundredths)}`
          problems.push({
            field: 'rubric',
            at,
            code: 'invalid-rubric-points',
            message: `Chỉ tiêu ${code}: điểm ${level.points} của mức "${level.label}" phải ${range}, có tối đa 2 chữ số thập phân.`,
          })
        } else if (seen.has(points)) {
          problems.push({
            field: 'rubric',
            at,
            code: 'duplicate-rubric-points',
            message: `Chỉ tiêu ${code}: hai mức của hướng dẫn chấm cùng ${formatHundredths(points)} điểm.`,
          })
        }
        if (points !== null) seen.add(points)
      })
      return problems
    },
    allows: ({ rubric, hundredths }) => levelsOf(rubric).some((level) => toHundredths(level.points) === hundredths),
    describe: ({ rubric }) =>
      levelsOf(rubric)
        .map((level) => toHundredths(level.points) ?? 0)
        .sort((a, b) => a - b)
        .map(formatHundredths)
        .join('; '),
  },
}

/** The guide's definition problems; `maxPoints` has its own checks in the points model. */
export const checkRubric = ({ indicator }: { indicator: IndicatorDefinition }): DefinitionProblem[] => {
  if (indicator.rubric === null) return []
  const maxHundredths = indicator.maxPoints === null ? null : toHundredths(indicator.maxPoints)
  return rubricRules[indicator.rubric.kind].check({
    rubric: indicator.rubric,
    code: indicator.code,
    maxHundredths: maxHundredths !== null && maxHundredths > 0 ? maxHundredths : null,
  })
}

/** Null when the score is allowed (or there is no guide), else the allowed scores said in Vietnamese. */
export const offRubric = ({
  rubric,
  hundredths,
  maxHundredths,
}: {
  rubric: Rubric | null
  hundredths: number
  maxHundredths: number
}): string | null => {
  if (rubric === null) return null
  const rule = rubricRules[rubric.kind]
  return rule.allows({ rubric, hundredths, maxHundredths }) ? null : rule.describe({ rubric, maxHundredths })
}
