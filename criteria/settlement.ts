/**
 * Whether an indicator's value is settled: checked against the official text (`isVerified`), or
 * fixed by a province's own document (`confirmation`) for the very threshold stored (and, for points,
 * scored by a guide). REGULATIONS
 * asks an UNKNOWN value to be seeded empty and shown as such; these functions list what is still
 * open, so an administrator sees it before publishing or opening a round.
 */
import { toPartsPerMillion } from './fixedPoint'
import { measureKinds } from './measures/registry'
import { indicatorLabel } from './measures/types'
import type { CriteriaSet, IndicatorDefinition } from './schema'
import { formatThresholdText } from './thresholdText'
import type { UnitType } from './unitTypes'

type Threshold = IndicatorDefinition['threshold']

/** The same threshold: equal ratios (exactly, in parts per million), the same rank code, or both none. */
export const sameThreshold = (a: Threshold, b: Threshold): boolean => {
  if (typeof a === 'number' && typeof b === 'number') {
    const ppmA = toPartsPerMillion(a)
    return ppmA !== null && ppmA === toPartsPerMillion(b)
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return a === null && b === null
}

/** Applicable to the unit type: the indicator names no type, or names this one. */
export const isApplicable = ({ indicator, unitType }: { indicator: IndicatorDefinition; unitType: UnitType }): boolean =>
  indicator.appliesTo.length === 0 || indicator.appliesTo.includes(unitType)

/** A kind judged against a threshold (ratio, rank) whose threshold is not known yet. */
export const lacksThreshold = (indicator: IndicatorDefinition): boolean =>
  measureKinds[indicator.measure].needsThreshold && indicator.threshold === null

/** Confirmed by a local document for the threshold stored now (and a threshold there is, where the kind needs one). */
export const isConfirmed = (indicator: IndicatorDefinition): boolean =>
  indicator.confirmation !== null &&
  !lacksThreshold(indicator) &&
  sameThreshold(indicator.confirmation.threshold, indicator.threshold)

export type UnsettledProblem = 'no-threshold' | 'no-rubric' | 'threshold-not-confirmed' | 'not-confirmed'

export interface UnsettledIndicator {
  code: string
  criterionCode: string
  problem: UnsettledProblem
  /** Short, in Vietnamese: "chưa có ngưỡng", "ngưỡng chưa được địa phương xác nhận"… */
  reason: string
  /** The reason as a sentence naming the indicator. */
  message: string
}

/** Why an indicator is not settled, or null when it is. Checks run from the most basic lack. */
const unsettledReason = (indicator: IndicatorDefinition): { problem: UnsettledProblem; reason: string } | null => {
  if (indicator.isVerified) return null
  if (lacksThreshold(indicator)) return { problem: 'no-threshold', reason: 'chưa có ngưỡng' }
  // a local document may confirm a value, but only a verified indicator is scored without a guide
  if (measureKinds[indicator.measure].needsRubric && indicator.rubric === null) {
    return { problem: 'no-rubric', reason: 'chưa có hướng dẫn chấm điểm' }
  }
  if (isConfirmed(indicator)) return null
  const { confirmation } = indicator
  if (!measureKinds[indicator.measure].needsThreshold) {
    return { problem: 'not-confirmed', reason: 'chưa được đối chiếu văn bản gốc hoặc địa phương xác nhận' }
  }
  if (confirmation === null) return { problem: 'threshold-not-confirmed', reason: 'ngưỡng chưa được địa phương xác nhận' }
  return {
    problem: 'threshold-not-confirmed',
    reason:
      `ngưỡng chưa được địa phương xác nhận (${confirmation.documentLabel} xác nhận ` +
      `${formatThresholdText({ threshold: confirmation.threshold })}, khác ngưỡng đang ghi ${formatThresholdText({ threshold: indicator.threshold })})`,
  }
}

/**
 * Verified, or confirmed locally for its stored threshold; a kind needing a threshold must have one,
 * and a points indicator without a scoring guide is settled only by verification.
 */
export const isSettled = (indicator: IndicatorDefinition): boolean => unsettledReason(indicator) === null

/**
 * The indicators of `set` applicable to `unitType` (every one when it is omitted) whose value is not
 * settled, in the set's order, each with why.
 */
export const unsettledIndicators = ({ set, unitType }: { set: CriteriaSet; unitType?: UnitType | null }): UnsettledIndicator[] =>
  set.criteria.flatMap((criterion) =>
    criterion.indicators.flatMap((indicator) => {
      if (unitType && !isApplicable({ indicator, unitType })) return []
      const unsettled = unsettledReason(indicator)
      return unsettled
        ? [{ code: indicator.code, criterionCode: criterion.code, ...unsettled, message: `${indicatorLabel(indicator)}: ${unsettled.reason}.` }]
        : []
    }),
  )
