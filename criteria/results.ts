/** The shapes `evaluate` returns: per-indicator and per-criterion statuses, the outcome, and the gaps. */
import type { Issue } from './issues'

/**
 * `not-applicable`: the indicator does not apply to the unit's type and weighs nothing.
 * `no-threshold`: answered, but its threshold is not known yet (UNKNOWN in the regulation), so it
 * can be judged neither met nor not met; an unanswered one stays `missing`.
 */
export type IndicatorStatus = 'met' | 'not-met' | 'not-applicable' | 'missing' | 'no-threshold'

/** What an indicator's or a criterion's status reads as in the UI. */
export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'not-applicable': 'Không áp dụng',
  missing: 'Chưa trả lời',
  'no-threshold': 'Chưa có ngưỡng đạt',
}

export interface IndicatorResult {
  code: string
  criterion: string
  status: IndicatorStatus
  /** Points earned (points models); null when not scored, missing or not applicable. */
  points: number | null
  maxPoints: number | null
  isVerified: boolean
  /** The local document the threshold stands on ("Ngưỡng theo <documentLabel>"), when it is confirmed; else null. */
  confirmation: string | null
}

export interface CriterionResult {
  code: string
  title: string
  /**
   * met: every applicable indicator met; not-met: one is not met; missing: none failed but some
   * unanswered; no-threshold: none failed or unanswered but some cannot be judged yet.
   */
  status: IndicatorStatus
  points: number | null
  maxPoints: number | null
}

export type GapCode = 'missing' | 'no-threshold' | 'not-met' | 'next-grade' | 'group-floor' | 'prerequisite'

/** One thing a unit lacks for its outcome, in plain Vietnamese. */
export interface Gap {
  code: GapCode
  /** The indicator concerned, or null for the set as a whole. */
  indicator: string | null
  message: string
  /** How much is lacking where it can be counted: people (ratio), points, scale steps (rank). */
  shortfall: number | null
}

export interface PointsOutcome {
  model: 'points'
  /** Sum over answered applicable indicators, even when incomplete. */
  points: number
  /** Sum of the applicable indicators' maximum points. */
  maxPoints: number
  /** Band code (e.g. `tot`); null while any applicable indicator is unanswered. */
  grade: string | null
  gradeLabel: string | null
}

export interface PrerequisiteStatus {
  isMet: boolean
  /** First day the unit may apply, when a prior decision at the prerequisite level is known. */
  eligibleFrom: string | null
}

export interface PassFailOutcome {
  model: 'pass-fail'
  /** False while incomplete. */
  isMet: boolean
  /** The set's level when met, else null. */
  level: 1 | 2 | null
  /** Null when the set has no prerequisite level. */
  prerequisite: PrerequisiteStatus | null
}

export type Outcome = PointsOutcome | PassFailOutcome

/** The unit's latest recognition, for the Level 2 prerequisite. */
export interface PriorRecognition {
  level: number
  /** `YYYY-MM-DD`, the date of the recognition decision. */
  decidedOn: string
  /** `YYYY-MM-DD`, the last day it is kept; null or absent when not known or kept without limit. */
  validUntil?: string | null
}

export interface EvaluationReport {
  /** Every applicable indicator answered and judgeable (none `no-threshold`); else no grade and not met. */
  isComplete: boolean
  outcome: Outcome
  criteria: CriterionResult[]
  indicators: IndicatorResult[]
  gaps: Gap[]
  /** Warnings only (e.g. `unverified-indicator`); errors make the evaluation `ok: false`. */
  issues: Issue[]
}
