/**
 * The checks and writes of the workflow steps that both ways of taking a transition share: the
 * save path (hooks.ts, for the Local API, GraphQL and a PATCH that also changes answers) and the
 * small write of a PATCH of `status` alone (transition.ts). Keeping them here keeps the two ways
 * saying the same thing.
 */
import type { PayloadRequest } from 'payload'

import {
  checkConsolidationComplete,
  checkTransition,
  checkDeadline,
  checkDossierSlots,
  checkOpening,
  checkSubmission,
  type DossierSlot,
  describeDeadline,
  describeOpening,
  formatIssuePath,
  formatVietnameseDate,
  parseIsoDate,
  type EvaluationReport,
  type Issue,
  type MeasureKindCode,
} from '@criteria/index'

import { writeAuditEvent } from '@hooks/audit'
import { emitDomainEvent } from '@hooks/events'

import { relationId } from '../access/roles'
import { toIsoDay } from '../dates'
import { ruleOf } from '../rounds/fields'
import { evidenceIds, valueFieldOf, type AnswerRow } from './answers'
import { consolidateSelfAssessment } from './consolidation'

export type FieldError = { message: string; path: string }

/** What of a round the steps read. */
export type RoundForSteps = {
  id: number
  title: string
  status?: string | null
  year: number
  deadlines?: { opening?: unknown; submission?: unknown } | null
  extensions?: { unit?: unknown; until?: string | null }[] | null
  /** the dossier checklist the slots follow */
  dossier?: { id?: string | null; title?: string | null; isRequired?: boolean | null }[] | null
}

/** A core issue about an answer (`['answers', code, …]`) as the path of the row's input. */
export const rowPath = ({ issue, rows }: { issue: Issue; rows: readonly AnswerRow[] }): string => {
  if (issue.path[0] !== 'answers' || typeof issue.path[1] !== 'string') return formatIssuePath({ path: issue.path })
  const index = rows.findIndex((row) => row.indicator === issue.path[1])
  if (index < 0) return 'answers'
  const field = issue.path[2] === 'evidence' ? 'evidence' : valueFieldOf[(rows[index].measure ?? 'boolean') as MeasureKindCode]
  return `answers.${index}.${field}`
}

/** The round's submission rule and the unit's extension, if it has one. */
export const deadlineFor = ({ round, unitId }: { round: RoundForSteps; unitId: number | string }) => {
  const rule = ruleOf(round.deadlines?.submission as Parameters<typeof ruleOf>[0])
  const extension = (round.extensions ?? []).find((row) => String(relationId(row.unit)) === String(unitId))
  const extendedUntil = extension ? toIsoDay(extension.until) : null
  const extendedDate = extendedUntil ? parseIsoDate(extendedUntil) : null
  return { extendedDate, extendedUntil, rule }
}

/** The sidebar's "Nhận hồ sơ từ ngày …; Hạn nộp …" line. */
export const deadlineText = ({ round, unitId }: { round: RoundForSteps; unitId: number | string }) => {
  const { extendedDate, rule } = deadlineFor({ round, unitId })
  const opening = ruleOf(round.deadlines?.opening as Parameters<typeof ruleOf>[0])
  return [
    opening ? `Nhận hồ sơ ${describeOpening({ rule: opening, year: round.year })}` : '',
    rule ? `Hạn nộp: ${describeDeadline({ rule, year: round.year })}` : '',
    extendedDate ? `gia hạn đến hết ngày ${formatVietnameseDate(extendedDate)}` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

/**
 * Why a dossier cannot be submitted now: an unanswered indicator, evidence or an explanation
 * missing, a required document of the round's checklist without a file, the round no longer open,
 * its opening day not come yet, or the deadline (and the unit's extension) passed. The opening and
 * the deadline bind users; a system step (no user) is held to neither.
 */
export const submissionProblems = ({
  hasUser,
  report,
  round,
  rows,
  slots,
  today,
  unitId,
}: {
  hasUser: boolean
  report: EvaluationReport
  round: RoundForSteps
  rows: readonly AnswerRow[]
  /** the dossier slots, in step with the round's checklist */
  slots: readonly DossierSlot<unknown>[]
  today: string
  unitId: number | string
}): FieldError[] => {
  const errors: FieldError[] = checkSubmission({
    answers: rows.map((row) => ({ code: row.indicator ?? '', evidenceCount: evidenceIds(row).length, evidenceRequired: Boolean(row.evidenceRequired), explanation: row.explanation })),
    report,
  }).map((issue) => ({ message: issue.message, path: rowPath({ issue, rows }) }))
  errors.push(
    ...checkDossierSlots({ slots: slots.map((slot) => ({ fileCount: slot.files.length, isRequired: slot.isRequired, title: slot.title })) }).map((issue) => ({
      message: issue.message,
      path: formatIssuePath({ path: issue.path }),
    })),
  )
  if (round.status !== 'open') errors.push({ message: `Đợt «${round.title}» đã ngừng nhận hồ sơ.`, path: 'status' })
  const opening = ruleOf(round.deadlines?.opening as Parameters<typeof ruleOf>[0])
  if (opening && hasUser) errors.push(...checkOpening({ on: today, rule: opening, year: round.year }).map((issue) => ({ message: issue.message, path: 'status' })))
  const { extendedDate, extendedUntil, rule } = deadlineFor({ round, unitId })
  if (!rule) {
    errors.push({ message: `Đợt «${round.title}» chưa có hạn nộp hồ sơ; báo cơ quan quản lý.`, path: 'status' })
  } else if (hasUser) {
    const deadline = checkDeadline({ extendedUntil, on: today, rule, year: round.year })
    if (!deadline.ok || !deadline.isOnTime) {
      errors.push({
        message: `Đã quá hạn nộp hồ sơ (${describeDeadline({ rule, year: round.year })}${extendedDate ? `, gia hạn đến hết ngày ${formatVietnameseDate(extendedDate)}` : ''}). Liên hệ cơ quan quản lý để được gia hạn.`,
        path: 'status',
      })
    }
  }
  return errors
}

/** Outcome, level and points of a core report, as the dossier stores them. */
export const outcomeOf = (report: EvaluationReport) => {
  const { outcome } = report
  if (outcome.model === 'points') return { level: null, outcome: report.isComplete ? (outcome.grade ?? 'incomplete') : 'incomplete', points: outcome.points }
  return { level: outcome.level, outcome: !report.isComplete ? 'incomplete' : outcome.isMet ? 'met' : 'not-met', points: null }
}

/** The team's result written when the lead closes the review, or why it cannot be closed yet. */
export const teamResultFields = async ({ req, sa }: { req: PayloadRequest; sa: Parameters<typeof consolidateSelfAssessment>[0]['sa'] }) => {
  const { consolidation, report } = await consolidateSelfAssessment({ req, sa })
  const undecided = checkConsolidationComplete({ consolidation })
  if (undecided.length > 0 || !report) {
    return { errors: (undecided.length > 0 ? undecided : [{ message: 'Chưa tính được kết quả của đoàn.' }]).map((issue) => ({ message: issue.message, path: 'status' })), fields: null }
  }
  const team = outcomeOf(report)
  return {
    errors: [],
    fields: { disagreements: consolidation.disagreements, teamLevel: team.level, teamOutcome: team.outcome, teamPoints: team.points, teamResult: { ...report, consolidation } },
  }
}

type Id = number | string | null

type Dossier = { id: number; status: string; authority?: unknown; round?: unknown; unit?: unknown }

/**
 * A workflow step as its own small write: the status and the step's fields on each dossier's row
 * (one UPDATE), and its audit row — the answer rows, the result and the versions untouched. The caller holds
 * the rows (a transaction and the row lock, or the decision's transaction) and has checked what
 * only it can check; the core's transition table is checked here for `roles`.
 */
export const writeSteps = async ({
  req,
  dossiers,
  to,
  roles,
  fields = {},
  comment = null,
}: {
  req: PayloadRequest
  dossiers: readonly Dossier[]
  to: string
  roles: readonly string[]
  fields?: Record<string, unknown>
  comment?: string | null
}) => {
  if (dossiers.length === 0) return
  const actions = dossiers.map((dossier) => {
    const check = checkTransition({ from: dossier.status, reason: comment, roles: [...roles], to })
    if (!check.ok) throw new Error(`Bước ${dossier.status} → ${to} của hồ sơ ${dossier.id} không hợp lệ: ${check.issues.map((issue) => issue.message).join('; ')}`)
    return check.action
  })
  const data = { ...fields, status: to, updatedAt: new Date().toISOString() }
  for (const [index, dossier] of dossiers.entries()) {
    // one UPDATE each (the adapter's updateMany also updates row by row, after a select)
    await req.payload.db.updateOne({ collection: 'self-assessments', data, id: dossier.id, req, returning: false })
    await writeAuditEvent({
      event: {
        action: actions[index],
        authority: relationId(dossier.authority) as Id,
        collection: 'self-assessments',
        comment,
        docId: dossier.id,
        from: dossier.status,
        round: relationId(dossier.round) as Id,
        to,
        unit: relationId(dossier.unit) as Id,
      },
      req,
    })
  }
}

/** One dossier's step (writeSteps). */
export const writeStep = ({ dossier, ...rest }: Omit<Parameters<typeof writeSteps>[0], 'dossiers'> & { dossier: Dossier }) => writeSteps({ ...rest, dossiers: [dossier] })

/**
 * The domain events of a step, once it is saved: a submission is acknowledged and announced to
 * the authority, an acceptance and a return (with its reason) and a closed review (with the team's
 * outcome) are told to the unit. Both ways of taking a transition (hooks.ts, transition.ts) call it.
 */
export const announceStep = async ({
  req,
  dossier,
  to,
}: {
  req: PayloadRequest
  dossier: { id: number; unit?: unknown; returnReason?: string | null; teamOutcome?: string | null }
  to: string
}) => {
  const unit = relationId(dossier.unit) === null ? null : Number(relationId(dossier.unit))
  if (to === 'submitted') await emitDomainEvent({ event: { selfAssessment: dossier.id, type: 'self-assessment.submitted', unit }, req })
  if (to === 'in-review') await emitDomainEvent({ event: { selfAssessment: dossier.id, type: 'self-assessment.accepted', unit }, req })
  if (to === 'returned') await emitDomainEvent({ event: { reason: dossier.returnReason ?? '', selfAssessment: dossier.id, type: 'self-assessment.returned', unit }, req })
  if (to === 'reviewed') await emitDomainEvent({ event: { outcome: dossier.teamOutcome ?? null, selfAssessment: dossier.id, type: 'self-assessment.reviewed', unit }, req })
}
