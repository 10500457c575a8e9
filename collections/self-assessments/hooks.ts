/**
 * The self-assessment's rules, enforced on the server for every way in (admin, REST, Local API):
 * - the unit, round and criteria set are fixed at creation, which checks the round is open, offers
 *   the set, and the unit takes part and has no other self-assessment in it;
 * - the answer rows follow the set; only the unit's own editor changes answers, and only while the
 *   self-assessment is a draft or has been returned;
 * - every save evaluates the answers with the core and stores the result;
 * - status changes follow criteria/workflow.ts with the acting user's roles; submitting needs a
 *   complete dossier, an open round and the deadline (or the unit's extension);
 * - transitions and changes after submission go to the audit trail.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { checkTransition, evaluate, statusLabels } from '@criteria/index'
import { writeAuditEvent } from '@hooks/audit'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { authoritySubtree } from '../access/scope'
import { selfAssessmentTierProblems } from '../catalogues'
import { loadPublishedSet } from '../criteria-sets/publishedSet'
import type { CriteriaSetDoc } from '../criteria-sets/toCriteriaSet'
import { todayInVietnam } from '../dates'
import { heldCapacities } from '../access/capacities'
import { buildAnswerRows, changedIndicators, coreAnswers, evidenceIds, mergeAnswerRows, sameRows, type AnswerRow } from './answers'
import { inputProblems } from './input'
import { latestRecognition } from '../recognitions/prior'
import { announceStep, deadlineText, outcomeOf, rowPath, submissionProblems, teamResultFields, type FieldError } from './steps'

type SelfAssessmentData = {
  id?: number
  answers?: AnswerRow[] | null
  criteriaSet?: unknown
  returnReason?: string | null
  round?: unknown
  status?: string | null
  submittedAt?: string | null
  submittedBy?: unknown
  unit?: unknown
}

const fail = ({ errors, req }: { errors: FieldError[]; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'self-assessments', errors, req }, req.t)
}

const statusLabel = (status: string) => (statusLabels as Record<string, string | undefined>)[status] ?? status

const contextKey = (id: unknown) => `selfAssessmentChange:${String(id ?? 'new')}`

type Change = { action: string; from: string; to: string; reason: string | null; changed: string[] }

/**
 * The round, unit and set the dossier names; null for one that does not exist. The ids were checked
 * as ids at the edge (input.ts), so a database error here is the database's and is not swallowed:
 * it answers 503, never a misleading "choose a round".
 */
const loadContext = async ({ merged, req }: { merged: SelfAssessmentData; req: PayloadRequest }) => {
  const roundId = relationId(merged.round)
  const unitId = relationId(merged.unit)
  const setId = relationId(merged.criteriaSet)
  const [round, unit, published] = await Promise.all([
    roundId === null
      ? null
      : req.payload.findByID({
          collection: 'rounds',
          depth: 0,
          disableErrors: true,
          id: roundId,
          overrideAccess: true,
          req,
          select: { authority: true, criteriaSets: true, deadlines: true, extensions: true, status: true, tier: true, title: true, year: true },
        }),
    unitId === null ? null : req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: unitId, overrideAccess: true, req }),
    setId === null ? null : loadPublishedSet({ id: setId, req }),
  ])
  return { published, round, set: published?.doc ?? null, unit }
}

/**
 * Evidence newly cited by a row must be the unit's own (evidence already cited was checked when it
 * was added, and stays: evidence on record is kept, collections/evidence). One query, only when a
 * row cites something new.
 */
const evidenceNotOfUnit = async ({ before, req, rows, unit }: { before: readonly AnswerRow[]; req: PayloadRequest; rows: readonly AnswerRow[]; unit: { id: number; name: string } }): Promise<FieldError[]> => {
  const citedBefore = new Map(before.map((row) => [row.indicator ?? '', new Set(evidenceIds(row))]))
  const added = rows.flatMap((row, index) => evidenceIds(row).filter((id) => !citedBefore.get(row.indicator ?? '')?.has(id)).map((id) => ({ id, index, row })))
  if (added.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'evidence',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { unit: true },
    where: { id: { in: [...new Set(added.map((entry) => Number(entry.id)))] } },
  })
  const unitOf = new Map(docs.map((doc) => [String(doc.id), relationId(doc.unit)]))
  return added
    .filter((entry) => String(unitOf.get(entry.id)) !== String(unit.id))
    .map((entry) => ({
      message: unitOf.has(entry.id)
        ? `Chỉ tiêu ${entry.row.indicator}: minh chứng số ${entry.id} không phải của đơn vị «${unit.name}»; chỉ dùng minh chứng của đơn vị mình.`
        : `Chỉ tiêu ${entry.row.indicator}: không có minh chứng số ${entry.id}.`,
      path: `answers.${entry.index}.evidence`,
    }))
}

export const prepareSelfAssessment: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const { user } = req
  const original = (originalDoc ?? {}) as SelfAssessmentData
  const errors: FieldError[] = inputProblems(data)
  if (errors.length > 0) return fail({ errors, req })

  if (operation === 'create') {
    if (user && hasRole({ user, role: 'unit-editor' }) && !isAdmin(user)) data.unit = relationId(user.unit)
    if (user) data.status = 'draft'
  }
  const merged = { ...original, ...data } as SelfAssessmentData
  const { published, round, set, unit } = await loadContext({ merged, req })
  if (!round) errors.push({ message: 'Chọn đợt đánh giá.', path: 'round' })
  if (!unit) errors.push({ message: 'Chọn đơn vị.', path: 'unit' })
  if (!set) errors.push({ message: 'Chọn bộ tiêu chí (đã xuất bản) của đợt đánh giá.', path: 'criteriaSet' })
  if (!round || !unit || !set || errors.length > 0) return fail({ errors, req })

  if (operation === 'create') {
    if (round.status !== 'open') errors.push({ message: `Đợt «${round.title}» hiện không nhận hồ sơ (trạng thái: ${round.status === 'draft' ? 'đang chuẩn bị' : 'đã ngừng nhận'}).`, path: 'round' })
    if (!(round.criteriaSets ?? []).some((id) => String(relationId(id)) === String(set.id))) {
      errors.push({ message: `Đợt «${round.title}» không dùng bộ tiêu chí «${set.title}».`, path: 'criteriaSet' })
    }
    const roundAuthority = relationId(round.authority)
    const subtree = roundAuthority === null ? [] : await authoritySubtree({ authorityId: roundAuthority, req })
    const takesPart = unit.isActive !== false && subtree.some((id) => String(id) === String(relationId(unit.authority)))
    if (!takesPart) errors.push({ message: `Đơn vị «${unit.name}» không thuộc phạm vi của đợt «${round.title}».`, path: 'unit' })
    errors.push(...(await selfAssessmentTierProblems({ req, round, set, unit })))
    const existing = await req.payload.count({ collection: 'self-assessments', overrideAccess: true, req, where: { and: [{ unit: { equals: unit.id } }, { round: { equals: round.id } }] } })
    if (existing.totalDocs > 0) errors.push({ message: `Đơn vị «${unit.name}» đã có hồ sơ tự đánh giá trong đợt này; mỗi đơn vị chỉ có một hồ sơ mỗi đợt.`, path: 'round' })
    if (errors.length > 0) return fail({ errors, req })
  }
  data.authority = relationId(round.authority)
  // the list shows "unit — round" as the title
  data.title = `${unit.name} — ${round.title}`

  // the form's rows for the set; a request's rows are merged in by indicator code (who may change
  // them, and when, is the write rules' business: criteria/policy/selfAssessments.ts)
  const previousRows = buildAnswerRows({ memberCount: unit.memberCount ?? null, previous: original.answers ?? [], set: set as CriteriaSetDoc, unitType: unit.unitType })
  const { rows: mergedRows, unknown } = mergeAnswerRows({ sent: (data.answers ?? []) as AnswerRow[], stored: previousRows })
  for (const code of unknown) errors.push({ message: `Chỉ tiêu «${code}» không có trong bộ tiêu chí «${set.title}» của hồ sơ.`, path: 'answers' })
  if (errors.length > 0) return fail({ errors, req })
  const rows = buildAnswerRows({ memberCount: unit.memberCount ?? null, previous: mergedRows, set: set as CriteriaSetDoc, unitType: unit.unitType })
  errors.push(...(await evidenceNotOfUnit({ before: previousRows, req, rows, unit })))
  if (errors.length > 0) return fail({ errors, req })
  const changed = operation === 'update' ? changedIndicators({ after: rows, before: previousRows }) : []
  const from = operation === 'create' ? 'draft' : String(original.status ?? 'draft')
  const to = String(merged.status ?? 'draft')
  rows.forEach((row, index) => {
    if (!row.isApplicable || row.measure !== 'ratio') return
    const hasNumerator = row.numerator !== null && row.numerator !== undefined
    const hasDenominator = row.denominator !== null && row.denominator !== undefined
    if (hasNumerator && !hasDenominator) {
      errors.push({ message: `Chỉ tiêu ${row.indicator}: đã nhập số đạt, cần nhập cả tổng số.`, path: `answers.${index}.denominator` })
    }
  })
  if (errors.length > 0) return fail({ errors, req })

  const coreSet = published?.set
  if (!coreSet) {
    return fail({ errors: [{ message: `Bộ tiêu chí «${set.title}» chưa hợp lệ, chưa đánh giá được; báo cơ quan quản lý.`, path: 'criteriaSet' }], req })
  }
  const today = todayInVietnam(new Date())
  // a level-2 set needs the unit's level-1 recognition, read from the register
  const prior = coreSet.recognition?.prerequisiteLevel ? await latestRecognition({ onOrBefore: today, req, unitId: unit.id }) : null
  const evaluation = evaluate({ answers: coreAnswers({ rows }), asOf: today, prior, set: coreSet, unitType: unit.unitType })
  if (!evaluation.ok) {
    return fail({ errors: evaluation.issues.filter((issue) => issue.severity === 'error').map((issue) => ({ message: issue.message, path: rowPath({ issue, rows }) })), req })
  }
  const { ok: _ok, ...report } = evaluation
  const statusByCode = new Map(report.indicators.map((indicator) => [indicator.code, indicator.status]))
  const scoredRows = rows.map((row) => ({ ...row, status: statusByCode.get(row.indicator ?? '') ?? null }))
  // rows equal to the stored ones are not written again (Payload passes the stored rows in `data`
  // whatever the request sent): a transition, a change of another field or a form saved unchanged
  // leaves the answer rows and their evidence links alone instead of deleting and reinserting them
  if (operation === 'create' || !sameRows({ a: scoredRows, b: original.answers ?? [] })) data.answers = scoredRows
  else delete data.answers
  data.result = report
  data.isComplete = report.isComplete
  data.missingCount = report.indicators.filter((indicator) => indicator.status === 'missing').length
  Object.assign(data, outcomeOf(report))

  data.deadlineText = deadlineText({ round, unitId: unit.id })

  // fields only the workflow writes
  data.submittedAt = original.submittedAt ?? null
  data.submittedBy = relationId(original.submittedBy)
  data.returnReason = original.returnReason ?? null

  let action: string | null = null
  if (from !== to) {
    if (user) {
      // what the user is to this dossier (its unit's editor, the authority-admin of its subtree, the
      // team lead of its round); issuing a decision acts as the system (collections/decisions/hooks.ts)
      const held = await heldCapacities({ authority: relationId(round.authority), operation: 'update', req, round: round.id, unit: unit.id })
      const isSystem = req.context.workflowRole === 'system'
      const check = checkTransition({ from, reason: merged.returnReason, roles: [...held, ...(isSystem ? ['system'] : [])], to })
      if (!check.ok) return fail({ errors: check.issues.map((issue) => ({ message: issue.message, path: issue.path[0] === 'reason' ? 'returnReason' : 'status' })), req })
      action = check.action
    } else {
      action = 'set-status'
    }
    if (to === 'submitted') {
      errors.push(...submissionProblems({ hasUser: Boolean(user), report, round, rows, today, unitId: unit.id }))
      if (errors.length > 0) return fail({ errors, req })
      data.submittedAt = new Date().toISOString()
      data.submittedBy = typeof user?.id === 'number' ? user.id : null
    }
    if (to === 'returned') data.returnReason = (merged.returnReason ?? '').trim()
    if (to === 'reviewed') {
      const team = await teamResultFields({ req, sa: { ...original, ...merged, answers: scoredRows } as Parameters<typeof teamResultFields>[0]['sa'] })
      if (!team.fields) return fail({ errors: team.errors, req })
      Object.assign(data, team.fields)
    }
  }
  req.context[contextKey(original.id)] = { action: action ?? 'update', changed, from, reason: to === 'returned' ? data.returnReason : null, to } satisfies Change
  return data
}

/** Transitions, and any change to a self-assessment that is no longer a draft, go to the audit trail. */
export const auditSelfAssessment: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const change = req.context[contextKey(doc.id)] as Change | undefined
  if (!change) return doc
  const isTransition = change.from !== change.to
  if (!isTransition && change.from === 'draft') return doc
  await writeAuditEvent({
    event: {
      action: change.action,
      authority: relationId(doc.authority),
      collection: 'self-assessments',
      comment: isTransition ? change.reason : change.changed.length > 0 ? `Sửa chỉ tiêu: ${change.changed.join(', ')}` : 'Cập nhật hồ sơ',
      docId: doc.id,
      from: change.from,
      round: relationId(doc.round),
      to: change.to,
      unit: relationId(doc.unit),
    },
    req,
  })
  delete req.context[contextKey(doc.id)]
  if (isTransition) await announceStep({ dossier: doc as Parameters<typeof announceStep>[0]['dossier'], req, to: change.to })
  return doc
}

/** A dossier that has left the unit's hands is on record: nobody deletes it, the admin included. */
export const keepSentDossiers: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { status: true } })
  if (doc && doc.status !== 'draft') {
    throw new ValidationError(
      { collection: 'self-assessments', errors: [{ message: `Hồ sơ ở trạng thái «${statusLabel(doc.status)}» là hồ sơ lưu trữ, không xóa được; chỉ xóa được bản nháp.`, path: 'status' }], req },
      req.t,
    )
  }
}
