/**
 * The evaluation team's side of the core: a reviewer's verdicts (met / not met per indicator, or
 * points under a points model) evaluated with the same evaluator as the unit's answers, and the
 * team's consolidated verdict per indicator — the team lead's, or the majority's with the lead
 * breaking ties — with every disagreement flagged, between reviewers and against the unit.
 */
import type { Issue } from './issues'
import { makeError } from './issues'
import type { IndicatorStatus } from './results'
import { scoringModels } from './models/registry'
import type { CriteriaSet } from './schema'

/** A reviewer's verdict: `true`/`false` (met or not) for a pass-fail set, points for a points set. */
export type VerdictValue = boolean | number

export const consolidationModes = [
  { code: 'lead', vi: 'Theo ý kiến trưởng đoàn', en: "The team lead's verdict" },
  { code: 'majority', vi: 'Theo đa số (trưởng đoàn quyết khi ngang nhau)', en: 'The majority (the lead breaks ties)' },
] as const
export type ConsolidationMode = (typeof consolidationModes)[number]['code']

/**
 * The set a review is evaluated against: every indicator judged met or not (boolean), or scored
 * (points, same maximum) under a points model. Thresholds and scales belong to the unit's answers;
 * the team judges the evidence, so they are dropped. Applicability still follows the unit's type.
 */
export const verdictSet = ({ set }: { set: CriteriaSet }): CriteriaSet => ({
  ...set,
  // the wait after the prerequisite level is checked against the decision's date when it is signed
  // (checkPrerequisiteOn), not when the team judges the criteria
  recognition: set.recognition ? { ...set.recognition, prerequisiteLevel: null } : null,
  criteria: set.criteria.map((criterion) => ({
    ...criterion,
    indicators: criterion.indicators.map((indicator) => ({
      ...indicator,
      measure: scoringModels[set.model].verdictMeasure,
      scale: [],
      threshold: null,
      // a local confirmation still stands behind the team's verdict, for the threshold it no longer carries
      confirmation: indicator.confirmation && { ...indicator.confirmation, threshold: null },
    })),
  })),
})

export type ReviewInput = {
  /** Stable id of the reviewer, e.g. the user id as text. */
  reviewer: string
  isLead: boolean
  verdicts: Readonly<Record<string, VerdictValue | null | undefined>>
}

export type UnitIndicator = {
  code: string
  /** The unit's own status for the indicator (from its self-assessment's result). */
  status: IndicatorStatus
  /** The unit's own points (points sets), else null. */
  points: number | null
}

export type ConsolidatedIndicator = {
  code: string
  /** The team's verdict; null when not decided (nobody answered, or a tie the lead has not broken). */
  value: VerdictValue | null
  verdicts: { reviewer: string; isLead: boolean; value: VerdictValue | null }[]
  /** Reviewers who answered do not all agree. */
  hasReviewerDisagreement: boolean
  /** The team's verdict differs from the unit's own assessment. */
  differsFromUnit: boolean
}

export type Consolidation = {
  indicators: ConsolidatedIndicator[]
  /** `{ [code]: value }` of the decided indicators, ready for `evaluate` with `verdictSet`. */
  values: Record<string, VerdictValue>
  undecided: string[]
  disagreements: number
}

const isAnswered = (value: VerdictValue | null | undefined): value is VerdictValue => typeof value === 'boolean' || typeof value === 'number'

const same = (a: VerdictValue, b: VerdictValue) => a === b

const majorityOf = ({ values, lead }: { values: VerdictValue[]; lead: VerdictValue | null }): VerdictValue | null => {
  const counts = new Map<string, { value: VerdictValue; count: number }>()
  for (const value of values) {
    const key = JSON.stringify(value)
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, value })
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count)
  if (ranked.length === 0) return null
  if (ranked.length === 1 || ranked[0].count > ranked[1].count) return ranked[0].value
  // a tie among the most frequent: the lead decides if the lead is among them
  const tied = ranked.filter((entry) => entry.count === ranked[0].count)
  return lead !== null && tied.some((entry) => same(entry.value, lead)) ? lead : null
}


/** The team's verdict per applicable indicator of the unit, in the unit's order. */
export const consolidate = ({
  model,
  mode,
  unit,
  reviews,
}: {
  model: CriteriaSet['model']
  mode: ConsolidationMode
  unit: readonly UnitIndicator[]
  reviews: readonly ReviewInput[]
}): Consolidation => {
  const indicators: ConsolidatedIndicator[] = []
  const values: Record<string, VerdictValue> = {}
  const undecided: string[] = []
  for (const own of unit) {
    if (own.status === 'not-applicable') continue
    const verdicts = reviews.map((review) => ({ isLead: review.isLead, reviewer: review.reviewer, value: isAnswered(review.verdicts[own.code]) ? (review.verdicts[own.code] as VerdictValue) : null }))
    const answered = verdicts.filter((verdict): verdict is typeof verdict & { value: VerdictValue } => verdict.value !== null)
    const lead = verdicts.find((verdict) => verdict.isLead)?.value ?? null
    const value = mode === 'lead' ? lead : majorityOf({ lead, values: answered.map((verdict) => verdict.value) })
    const ownValue = scoringModels[model].unitVerdict(own)
    const consolidated: ConsolidatedIndicator = {
      code: own.code,
      differsFromUnit: value !== null && (ownValue === null || !same(value, ownValue)),
      hasReviewerDisagreement: answered.some((verdict) => !same(verdict.value, answered[0].value)),
      value,
      verdicts,
    }
    indicators.push(consolidated)
    if (value === null) undecided.push(own.code)
    else values[own.code] = value
  }
  return {
    disagreements: indicators.filter((indicator) => indicator.hasReviewerDisagreement || indicator.differsFromUnit).length,
    indicators,
    undecided,
    values,
  }
}

/** Closing the review needs a team verdict on every applicable indicator. */
export const checkConsolidationComplete = ({ consolidation }: { consolidation: Consolidation }): Issue[] =>
  consolidation.undecided.length === 0
    ? []
    : [
        makeError({
          code: 'undecided-indicators',
          path: ['verdicts'],
          message: `Chưa có kết luận của đoàn cho chỉ tiêu: ${consolidation.undecided.join(', ')} (chưa ai đánh giá, hoặc ý kiến ngang nhau mà trưởng đoàn chưa đánh giá).`,
        }),
      ]
