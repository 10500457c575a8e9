/**
 * The contract of a scoring model: which set shapes it accepts, and how criterion results become
 * an outcome and the set-level gaps. Shared code looks the model up and never branches on it.
 */
import type { CalendarDate } from '../calendar'
import type { Issue } from '../issues'
import type { CriterionResult, Gap, Outcome } from '../results'
import type { CriteriaSet } from '../schema'

export interface ParsedPriorRecognition {
  level: number
  decidedOn: CalendarDate
  /** Last day the recognition is kept; null or absent when not known or without a validity period. */
  validUntil?: CalendarDate | null
}

export interface ModelContext {
  set: CriteriaSet
  criteria: readonly CriterionResult[]
  isComplete: boolean
  /** Points of the answered applicable indicators and the maximum of all applicable ones, in hundredths. */
  totals: { pointsHundredths: number; maxPointsHundredths: number }
  prior: ParsedPriorRecognition | null
  asOf: CalendarDate
}

export interface ScoringModel {
  label: string
  /** How the evaluation team judges an indicator: met or not (`boolean`), or by points (`points`). */
  verdictMeasure: 'boolean' | 'points'
  /** The unit's own assessment of an indicator in the team's terms, to compare verdicts with it. */
  unitVerdict: (unit: { status: string; points: number | null }) => boolean | number | null
  checkSet: (args: { set: CriteriaSet }) => Issue[]
  summarise: (context: ModelContext) => { outcome: Outcome; gaps: Gap[] }
}
