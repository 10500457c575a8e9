/**
 * The evaluator: a criteria set, a unit type and answers in; per-indicator and per-criterion
 * statuses, the outcome (points and grade, or level met), the gaps and warnings out.
 * Pure and synchronous; bad input is returned as issues (`ok: false`), never thrown.
 */
import type { CalendarDate } from './calendar'
import { compareDates, malformedDateIssue, parseIsoDate } from './calendar'
import { toHundredths } from './fixedPoint'
import type { Issue } from './issues'
import { makeError, makeWarning } from './issues'
import { measureKinds } from './measures/registry'
import { indicatorLabel } from './measures/types'
import { scoringModels } from './models/registry'
import type { ParsedPriorRecognition } from './models/types'
import type {
  CriterionResult,
  EvaluationReport,
  Gap,
  IndicatorResult,
  IndicatorStatus,
  PriorRecognition,
} from './results'
import type { CriteriaSet } from './schema'
import { isApplicable, isConfirmed, lacksThreshold } from './settlement'
import { isUnitType } from './unitTypes'

export interface EvaluationInput {
  /** A set returned by `validateCriteriaSet` (it is trusted here, not re-validated). */
  set: CriteriaSet
  /** A code of `unitTypes`; checked. */
  unitType: string
  /** `{ [indicatorCode]: value }`; null or absent = not answered yet. Values are checked per measure kind. */
  answers: Readonly<Record<string, unknown>>
  /** The unit's latest recognition, needed when the set has a prerequisite level. */
  prior?: PriorRecognition | null
  /** `YYYY-MM-DD`: the day the evaluation is made for (the caller's today or the decision date). */
  asOf: string
}

export type Evaluation = ({ ok: true } & EvaluationReport) | { ok: false; issues: Issue[] }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const indicatorIndexes = new WeakMap<CriteriaSet, ReadonlySet<string>>()

/** The set's indicator codes, computed once per set object. */
const indicatorCodesOf = ({ set }: { set: CriteriaSet }): ReadonlySet<string> => {
  let codes = indicatorIndexes.get(set)
  if (!codes) {
    codes = new Set(set.criteria.flatMap((criterion) => criterion.indicators.map((indicator) => indicator.code)))
    indicatorIndexes.set(set, codes)
  }
  return codes
}

/** A criterion's status from its indicators' statuses: a failure outweighs a gap in the answers, which outweighs an unknown threshold. */
const aggregateStatus = ({ statuses }: { statuses: readonly IndicatorStatus[] }): IndicatorStatus => {
  const applicable = statuses.filter((status) => status !== 'not-applicable')
  if (applicable.length === 0) return 'not-applicable'
  if (applicable.includes('not-met')) return 'not-met'
  if (applicable.includes('missing')) return 'missing'
  if (applicable.includes('no-threshold')) return 'no-threshold'
  return 'met'
}

const parsePrior = ({
  prior,
  asOf,
}: {
  prior: unknown
  asOf: CalendarDate | null
}): { prior: ParsedPriorRecognition | null; issues: Issue[] } => {
  if (prior === null || prior === undefined) return { prior: null, issues: [] }
  if (!isRecord(prior)) {
    return {
      prior: null,
      issues: [makeError({ code: 'invalid-prior', path: ['prior'], message: 'Công nhận trước đây cần dạng { level, decidedOn }.' })],
    }
  }
  const issues: Issue[] = []
  const { level } = prior
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) {
    issues.push(
      makeError({
        code: 'invalid-prior-level',
        path: ['prior', 'level'],
        message: `Mức độ công nhận trước đây không hợp lệ: ${JSON.stringify(level) ?? String(level)}; cần số nguyên từ 1.`,
      }),
    )
  }
  const decidedOn = parseIsoDate(prior.decidedOn)
  if (!decidedOn) {
    issues.push(malformedDateIssue({ path: ['prior', 'decidedOn'], value: prior.decidedOn }))
  } else if (asOf && compareDates(decidedOn, asOf) > 0) {
    issues.push(
      makeError({
        code: 'prior-after-as-of',
        path: ['prior', 'decidedOn'],
        message: `Ngày quyết định công nhận trước đây (${String(prior.decidedOn)}) sau ngày đánh giá.`,
      }),
    )
  }
  const hasValidUntil = prior.validUntil !== undefined && prior.validUntil !== null
  const validUntil = hasValidUntil ? parseIsoDate(prior.validUntil) : null
  if (hasValidUntil && !validUntil) {
    issues.push(malformedDateIssue({ path: ['prior', 'validUntil'], value: prior.validUntil }))
  } else if (validUntil && decidedOn && compareDates(validUntil, decidedOn) < 0) {
    issues.push(
      makeError({
        code: 'prior-valid-until-before-decision',
        path: ['prior', 'validUntil'],
        message: `Ngày hết thời hạn bảo lưu (${String(prior.validUntil)}) trước ngày quyết định công nhận trước đây (${String(prior.decidedOn)}).`,
      }),
    )
  }
  if (issues.length > 0 || !decidedOn || typeof level !== 'number') return { prior: null, issues }
  return { prior: { level, decidedOn, validUntil }, issues }
}

/**
 * Evaluates a unit's answers against a criteria set.
 * `ok: false` lists every input error (unknown unit type, unknown indicator code, wrong value type,
 * out-of-range value, malformed date), each with a path naming the field or `['answers', code]`.
 */
export const evaluate = ({ set, unitType, answers, prior, asOf }: EvaluationInput): Evaluation => {
  const errors: Issue[] = []
  const warnings: Issue[] = []

  if (!isUnitType(unitType)) {
    errors.push(
      makeError({
        code: 'unknown-unit-type',
        path: ['unitType'],
        message: `Loại đơn vị không hợp lệ: ${JSON.stringify(unitType) ?? String(unitType)}.`,
      }),
    )
  }
  const asOfDate = parseIsoDate(asOf)
  if (!asOfDate) errors.push(malformedDateIssue({ path: ['asOf'], value: asOf }))
  const parsedPrior = parsePrior({ prior, asOf: asOfDate })
  errors.push(...parsedPrior.issues)

  const isAnswersRecord = isRecord(answers)
  if (!isAnswersRecord) {
    errors.push(
      makeError({ code: 'invalid-answers', path: ['answers'], message: 'Câu trả lời cần dạng { [mã chỉ tiêu]: giá trị }.' }),
    )
  } else {
    const codes = indicatorCodesOf({ set })
    for (const code of Object.keys(answers)) {
      if (!codes.has(code)) {
        errors.push(
          makeError({
            code: 'unknown-indicator',
            path: ['answers', code],
            message: `Chỉ tiêu "${code}" không có trong bộ tiêu chí ${set.code}.`,
          }),
        )
      }
    }
  }
  if (!isAnswersRecord) return { ok: false, issues: errors }
  // with an unknown unit type every indicator is read, so all wrong answers are reported at once
  const knownUnitType = isUnitType(unitType) ? unitType : null

  const indicators: IndicatorResult[] = []
  const criteria: CriterionResult[] = []
  const gaps: Gap[] = []
  const missingGaps: Gap[] = []
  const noThresholdGaps: Gap[] = []
  let isComplete = true
  let totalHundredths = 0
  let totalMaxHundredths = 0

  for (const criterion of set.criteria) {
    const statuses: IndicatorStatus[] = []
    let criterionHundredths: number | null = null
    let criterionMaxHundredths: number | null = null

    for (const indicator of criterion.indicators) {
      const { code } = indicator
      const value = Object.hasOwn(answers, code) ? answers[code] : undefined
      const maxHundredths = indicator.maxPoints === null ? null : toHundredths(indicator.maxPoints)
      const isLocallyConfirmed = isConfirmed(indicator)
      const hasNoThreshold = lacksThreshold(indicator)
      const result: IndicatorResult = {
        code,
        criterion: criterion.code,
        status: 'missing',
        points: null,
        maxPoints: indicator.maxPoints,
        isVerified: indicator.isVerified,
        confirmation: isLocallyConfirmed ? (indicator.confirmation?.documentLabel ?? null) : null,
      }

      if (knownUnitType !== null && !isApplicable({ indicator, unitType: knownUnitType })) {
        result.status = 'not-applicable'
        result.maxPoints = null
        if (value !== undefined && value !== null) {
          warnings.push(
            makeWarning({
              code: 'answer-not-applicable',
              path: ['answers', code],
              message: `${indicatorLabel(indicator)} không áp dụng cho loại đơn vị này; câu trả lời không được tính.`,
            }),
          )
        }
      } else {
        if (!indicator.isVerified && !isLocallyConfirmed) {
          warnings.push(
            makeWarning({
              code: 'unverified-indicator',
              path: [code],
              message: `${indicatorLabel(indicator)} chưa được xác minh với văn bản gốc; cần đối chiếu nội dung, ngưỡng và đối tượng áp dụng.`,
            }),
          )
        }
        if (hasNoThreshold) {
          // no verdict either way until someone fixes the value: the outcome waits, as for a missing answer
          isComplete = false
          warnings.push(
            makeWarning({
              code: 'missing-threshold',
              path: [code],
              message: `${indicatorLabel(indicator)} chưa có ngưỡng đạt (văn bản chưa quy định hoặc chưa được xác định); chưa thể kết luận chỉ tiêu này.`,
            }),
          )
          noThresholdGaps.push({
            code: 'no-threshold',
            indicator: code,
            shortfall: null,
            message:
              `${indicatorLabel(indicator)}: chưa có ngưỡng đạt, nên chưa thể kết luận đạt hay chưa đạt; ` +
              'kết quả chung chờ cơ quan có thẩm quyền xác định ngưỡng.',
          })
        }
        if (maxHundredths !== null) {
          criterionMaxHundredths = (criterionMaxHundredths ?? 0) + maxHundredths
          criterionHundredths ??= 0
        }
        if (value === undefined || value === null) {
          isComplete = false
          missingGaps.push({
            code: 'missing',
            indicator: code,
            shortfall: null,
            message: `${indicatorLabel(indicator)}: ${measureKinds[indicator.measure].missingText}.`,
          })
        } else {
          const assessment = measureKinds[indicator.measure].assess({ indicator, value })
          if (!assessment.isValid) {
            errors.push(
              makeError({
                code: assessment.code,
                path: ['answers', code],
                message: `${indicatorLabel(indicator)}: ${assessment.message}`,
              }),
            )
          } else if (hasNoThreshold) {
            // the answer is well formed and kept; without a threshold it earns no verdict and no points
            result.status = 'no-threshold'
          } else {
            result.status = assessment.isMet ? 'met' : 'not-met'
            if (maxHundredths !== null) {
              // a points answer carries its own points; any other kind earns all or nothing
              const earned = assessment.pointsHundredths ?? (assessment.isMet ? maxHundredths : 0)
              result.points = earned / 100
              criterionHundredths = (criterionHundredths ?? 0) + earned
            }
            if (assessment.shortfall) {
              gaps.push({
                code: 'not-met',
                indicator: code,
                shortfall: assessment.shortfall.amount,
                message: assessment.shortfall.message,
              })
            }
          }
        }
      }
      statuses.push(result.status)
      indicators.push(result)
    }

    totalHundredths += criterionHundredths ?? 0
    totalMaxHundredths += criterionMaxHundredths ?? 0
    criteria.push({
      code: criterion.code,
      title: criterion.title,
      status: aggregateStatus({ statuses }),
      points: criterionHundredths === null ? null : criterionHundredths / 100,
      maxPoints: criterionMaxHundredths === null ? null : criterionMaxHundredths / 100,
    })
  }

  if (errors.length > 0 || !asOfDate) return { ok: false, issues: errors }

  const summary = scoringModels[set.model].summarise({
    set,
    criteria,
    isComplete,
    totals: { pointsHundredths: totalHundredths, maxPointsHundredths: totalMaxHundredths },
    prior: parsedPrior.prior,
    asOf: asOfDate,
  })
  return {
    ok: true,
    isComplete,
    outcome: summary.outcome,
    criteria,
    indicators,
    gaps: [...missingGaps, ...noThresholdGaps, ...gaps, ...summary.gaps],
    issues: warnings,
  }
}
