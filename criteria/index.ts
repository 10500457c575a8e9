/**
 * The pure domain core of Learning Unit assessment: criteria-set schemas, the evaluator and the
 * recognition date rules. Imports only `zod` and itself; no Payload, no I/O, no clock.
 *
 * Public API (all functions take one object argument, except the validators which take the raw input):
 *
 * - `validateCriteriaSet(input: unknown)` → `{ ok: true, set }` | `{ ok: false, issues }`.
 *   Issues carry a path such as `['criteria', 1, 'indicators', 2, 'threshold']`
 *   (`formatIssuePath` joins it as `criteria.1.indicators.2.threshold` for a Payload `ValidationError`).
 * - `evaluate({ set, unitType, answers, prior?, asOf })` → `{ ok: true, isComplete, outcome, criteria,
 *   indicators, gaps, issues }` | `{ ok: false, issues }`.
 *   `set` must come from `validateCriteriaSet`. Everything else is checked: an unknown unit type, an
 *   answer for an unknown indicator, a value of the wrong type or out of range, a malformed date give
 *   `ok: false` with every error (answer errors have the path `['answers', indicatorCode]`). With
 *   `ok: true`, `issues` holds only warnings, e.g. `unverified-indicator` (path `[indicatorCode]`, for an
 *   indicator neither verified nor confirmed locally) or `missing-threshold` (a ratio or rank stored
 *   without its threshold: answered, it is `no-threshold`, and the result is incomplete).
 *   Answer values: boolean → `true|false`; ratio → `{ numerator, denominator }` (integers); points →
 *   a number in [0, maxPoints] with at most 2 decimals, one of its `rubric`'s scores when it has one
 *   (else `answer-not-in-rubric`); rank → a code of the indicator's scale. A points set's group below
 *   its `minPoints` floor gets the lowest band and a `group-floor` gap.
 *   `null`/absent = not answered: the indicator is `missing`, the result incomplete (no grade, not met).
 * - `eligibleFrom({ decidedOn, months })`, `validUntil({ decidedOn, validityMonths })` →
 *   `{ ok: true, date }` | `{ ok: false, issues }`; dates are `YYYY-MM-DD`.
 * - `validityOf({ rule, decidedOn, evaluationYear? })` → `{ ok: true, validUntil }` (null when the rule
 *   has no validity period) | `{ ok: false, issues }`, for every `validityAnchor` of the rule.
 * - `isSettled(indicator)`, `unsettledIndicators({ set, unitType? })`: which values are neither verified
 *   nor confirmed by a local document (no threshold, no scoring guide, not confirmed), with why.
 * - `checkOpening({ rule, year, on })` → issues (none once the round's opening day has come);
 *   `syncDossierSlots`, `mergeSentSlots`, `checkDossierSlots`: a round's dossier checklist as a unit's
 *   attachment slots, and the required ones still empty.
 * - `checkPrerequisiteOn({ recognition, level, prior, appliedOn?, signedOn? })`: the prerequisite on the
 *   day the rule's `waitMeasuredAt` names; `describeRecognitionRule({ rule, level })` says the rule in Vietnamese.
 */
export { addMonths, compareDates, eligibleFrom, formatIsoDate, formatVietnameseDate, parseIsoDate, validUntil } from './calendar'
export type { CalendarDate, DateResult } from './calendar'
export { evaluate } from './evaluate'
export type { Evaluation, EvaluationInput } from './evaluate'
export { formatIssuePath, hasErrors } from './issues'
export type { Issue, IssuePath, IssueSeverity } from './issues'
export { measureKindCodes, measureKinds } from './measures/registry'
export type { MeasureKindCode } from './measures/registry'
export type { Assessment, MeasureKind } from './measures/types'
export { scoringModelCodes } from './models/codes'
export { scoringModels } from './models/registry'
export type { ScoringModel } from './models/types'
export type {
  CriterionResult,
  EvaluationReport,
  Gap,
  GapCode,
  IndicatorResult,
  IndicatorStatus,
  Outcome,
  PassFailOutcome,
  PointsOutcome,
  PrerequisiteStatus,
  PriorRecognition,
} from './results'
export { indicatorStatusLabels } from './results'
export { isApplicable, isConfirmed, isSettled, lacksThreshold, sameThreshold, unsettledIndicators } from './settlement'
export type { UnsettledIndicator, UnsettledProblem } from './settlement'
export {
  checkCriteriaSet,
  confirmationSchema,
  criteriaSetSchema,
  criterionSchema,
  gradeBandSchema,
  indicatorSchema,
  recognitionSchema,
  rubricSchema,
  validateCriteriaSet,
} from './schema'
export type {
  Confirmation,
  CriteriaSet,
  CriteriaSetInput,
  CriteriaSetValidation,
  CriterionDefinition,
  CriterionInput,
  GradeBand,
  IndicatorDefinition,
  IndicatorInput,
  RecognitionRule,
  RecognitionRuleInput,
  Rubric,
  ScoringModelCode,
} from './schema'
export { isUnitType, tierCodes, tiers, unitTypeCodes, unitTypes } from './unitTypes'
export type { Tier, UnitType } from './unitTypes'
export { formatThresholdText, parseThresholdText } from './thresholdText'
export type { ThresholdParse } from './thresholdText'
export {
  actionLabels,
  checkTransition,
  isEditableByUnit,
  roleLabels,
  selfAssessmentStatuses,
  statusLabels,
  transitionsFrom,
  workflowActions,
  workflowTransitions,
} from './workflow'
export type { SelfAssessmentStatus, TransitionCheck, WorkflowAction, WorkflowTransition } from './workflow'
export { checkDeadline, checkOpening, deadlineFor, deadlineRuleSchema, defaultDeadlineRules, describeDeadline, describeOpening, isOnTime, openingFor, regimeDeadlineDefaults } from './deadlines'
export type { DeadlineCheck, DeadlineRule } from './deadlines'
export {
  checkRoundTransition,
  describePlanTiming,
  pickNewestSets,
  planTimingKinds,
  roundStatuses,
  roundStatusesInUse,
  roundStatusLabels,
  shiftIsoDateByYears,
  teamRoles,
  titleForYear,
} from './rounds'
export type { CriteriaSetSummary, PlanTimingKind, RoundStatus, TeamRole } from './rounds'
export { checkSubmission } from './submission'
export { checkDossierSlots, mergeSentSlots, syncDossierSlots } from './dossier'
export type { ChecklistItem, DossierSlot, SentSlot } from './dossier'
export type { SubmissionAnswer } from './submission'
export { checkConsolidationComplete, consolidate, consolidationModes, verdictSet } from './review'
export type { Consolidation, ConsolidatedIndicator, ConsolidationMode, ReviewInput, UnitIndicator, VerdictValue } from './review'
export {
  checkPrerequisite,
  checkPrerequisiteOn,
  describeRecognitionRule,
  validityAnchorOptions,
  validityOf,
  waitMeasuredAtOptions,
} from './recognition'
export type { PrerequisiteCheck, PrerequisiteRule, ValidityAnchor, ValidityResult, ValidityRule, WaitMeasuredAt } from './recognition'
export { chooseSets, daysUntil, describeDaysLeft, expiringSoon, funnelStages, roundFunnel, teamProgress, urgencyOf } from './dashboard'
export type { FunnelCount, FunnelStage, OfferedSet, SetChoice } from './dashboard'
