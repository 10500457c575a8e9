/**
 * The contract every measure kind (boolean, ratio, points, rank) fulfils. A kind checks its own
 * part of an indicator definition and judges its own answers; shared code looks the kind up in
 * the registry and never branches on it.
 */
import type { IndicatorDefinition, ScoringModelCode } from '../schema'

/** A refusal of an indicator definition; `field`, then `at` if any, are appended to the indicator's path. */
export interface DefinitionProblem {
  field: 'threshold' | 'scale' | 'maxPoints' | 'rubric'
  /** Inside the field, e.g. `['levels', 2, 'points']` under `rubric`. */
  at?: (string | number)[]
  code: string
  message: string
}

/** What a unit lacks on one indicator: `amount` in the kind's unit (people, points, steps), if countable. */
export interface Shortfall {
  amount: number | null
  message: string
}

export type Assessment =
  | { isValid: false; code: string; message: string }
  | {
      isValid: true
      isMet: boolean
      /** Points the answer itself carries (points kind), in hundredths; null lets the model decide. */
      pointsHundredths: number | null
      shortfall: Shortfall | null
    }

export interface MeasureKind {
  /** Vietnamese name shown in the admin UI. */
  label: string
  /** Scoring models whose sets may use this kind. */
  allowedModels: readonly ScoringModelCode[]
  /**
   * Whether an answer is judged against the indicator's threshold. Such an indicator may be stored
   * without one while it is not verified (REGULATIONS: an UNKNOWN value is seeded empty, never
   * guessed); it is then judged `no-threshold` and settles nothing.
   */
  needsThreshold: boolean
  /** What an unanswered indicator of this kind lacks, as the unit reads it ("chưa có số liệu" for a count). */
  missingText: string
  /**
   * Whether answers are scored by a scoring guide (`rubric`, TT 22 points). Without one any score
   * in [0, maxPoints] is taken, but the indicator is not settled until verified.
   */
  needsRubric: boolean
  checkDefinition: (args: { indicator: IndicatorDefinition }) => DefinitionProblem[]
  /** Reads and judges one answer; an answer of the wrong shape or range is `isValid: false`. */
  assess: (args: { indicator: IndicatorDefinition; value: unknown }) => Assessment
}

export const indicatorLabel = ({ code }: { code: string }): string => `Chỉ tiêu ${code}`

/** The refusal of a verified indicator without a threshold; `expected` says what a threshold looks like. */
export const verifiedWithoutThreshold = ({
  indicator,
  code,
  expected,
}: {
  indicator: IndicatorDefinition
  code: string
  expected: string
}): DefinitionProblem => ({
  field: 'threshold',
  code,
  message:
    `${indicatorLabel(indicator)} đã được đánh dấu xác minh nên cần ngưỡng: ${expected}. ` +
    'Nếu văn bản chưa quy định ngưỡng, hãy bỏ đánh dấu xác minh và để trống ngưỡng.',
})

export const invalidAnswer = ({ code, message }: { code: string; message: string }): Assessment => ({
  isValid: false,
  code,
  message,
})

/** Refusals for definition fields a kind does not use, so stray data is not silently ignored. */
export const refuseUnusedFields = ({
  indicator,
  kindLabel,
  fields,
}: {
  indicator: IndicatorDefinition
  kindLabel: string
  fields: readonly ('threshold' | 'scale' | 'rubric')[]
}): DefinitionProblem[] => {
  const problems: DefinitionProblem[] = []
  if (fields.includes('threshold') && indicator.threshold !== null) {
    problems.push({
      field: 'threshold',
      code: 'threshold-not-allowed',
      message: `Chỉ tiêu loại "${kindLabel}" không dùng ngưỡng; hãy để trống ngưỡng.`,
    })
  }
  if (fields.includes('scale') && indicator.scale.length > 0) {
    problems.push({
      field: 'scale',
      code: 'scale-not-allowed',
      message: `Chỉ tiêu loại "${kindLabel}" không dùng thang bậc; hãy để trống thang bậc.`,
    })
  }
  if (fields.includes('rubric') && indicator.rubric !== null) {
    problems.push({
      field: 'rubric',
      code: 'rubric-not-allowed',
      message: `${indicatorLabel(indicator)}: chỉ tiêu loại "${kindLabel}" không dùng hướng dẫn chấm điểm; hãy để trống.`,
    })
  }
  return problems
}
