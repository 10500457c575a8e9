/**
 * The self-assessment's rules, enforced on the server for every way in (admin, REST, Local API):
 * - the unit, round and criteria set are fixed at creation, which checks the round is open, offers
 *   the set, and the unit takes part and has no other self-assessment in it;
 * - the answer rows follow the set, with its evidence catalogue and the local document a threshold
 *   stands on; only the unit's own editor changes answers, and only while the self-assessment is a
 *   draft or has been returned;
 * - the dossier slots follow the round's checklist while the dossier is the unit's, and hold only
 *   the unit's own files;
 * - every save evaluates the answers with the core and stores the result;
 * - status changes follow criteria/workflow.ts with the acting user's roles; submitting needs a
 *   complete dossier (every required slot filled), an open round past its opening day and the
 *   deadline (or the unit's extension);
 * - transitions and changes after submission go to the audit trail.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { checkTransition, evaluate, isEditableByUnit, statusLabels } from '@criteria/index'
import { writeAuditEvent } from '@hooks/audit'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { authoritySubtree } from '../access/scope'
import { selfAssessmentTierProblems } from '../catalogues'
import { loadPublishedSet } from '../criteria-sets/publishedSet'
import type { CriteriaSetDoc } from '../criteria-sets/toCriteriaSet'
import { todayInVietnam } from '../dates'
import { heldCapacities } from '../access/capacities'
import { buildAnswerRows, changedIndicators, coreAnswers, evidenceIds, mergeAnswerRows, sameRows, thresholdBasisOf, type AnswerRow } from './answers'
import { newlyAttached, nextSlots, sameSlots, slotRows, slotsOf, type SlotRow } from './dossierSlots'
import { inputProblems } from './input'
import { latestRecognition } from '../recognitions/prior'
import { announceStep, deadlineText, outcomeOf, rowPath, submissionProblems, teamResultFields, type FieldError } from './steps'

type SelfAssessmentData = {
  id?: number
  answers?: AnswerRow[] | null
  criteriaSet?: unknown
  dossierFiles?: SlotRow[] | null
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
          select: { authority: true, criteriaSets: true, deadlines: true, dossier: true, extensions: true, status: true, tier: true, title: true, year: true },
        }),
    unitId === null ? null : req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: unitId, overrideAccess: true, req }),
    setId === null ? null : loadPublishedSet({ id: setId, req }),
  ])
  return { published, round, set: published?.doc ?? null, unit }
}

/** A file newly cited somewhere in the dossier: its id, the field path, and how a message names the place. */
type Citation = { id: string; path: string; place: string }

/** Evidence newly cited by an answer row (not cited by the same indicator before). */
const newAnswerCitations = ({ before, rows }: { before: readonly AnswerRow[]; rows: readonly AnswerRow[] }): Citation[] => {
  const citedBefore = new Map(before.map((row) => [row.indicator ?? '', new Set(evidenceIds(row))]))
  return rows.flatMap((row, index) =>
    evidenceIds(row)
      .filter((id) => !citedBefore.get(row.indicator ?? '')?.has(id))
      .map((id) => ({ id, path: `answers.${index}.evidence`, place: `Chỉ tiêu ${row.indicator}` })),
  )
}

/**
 * Evidence newly cited (by an answer row or a dossier slot) must be the unit's own (evidence
 * already cited was checked when it was added, and stays: evidence on record is kept,
 * collections/evidence). One query, only when something new is cited.
 */
const evidenceNotOfUnit = async ({ citations, req, unit }: { citations: readonly Citation[]; req: PayloadRequest; unit: { id: number; name: string } }): Promise<FieldError[]> => {
  if (citations.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'evidence',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { unit: true },
    where: { id: { in: [...new Set(citations.map((entry) => Number(entry.id)))] } },
  })
  const unitOf = new Map(docs.map((doc) => [String(doc.id), relationId(doc.unit)]))
  return citations
    .filter((entry) => String(unitOf.get(entry.id)) !== String(unit.id))
    .map((entry) => ({
      message: unitOf.has(entry.id)
        ? `${entry.place}: minh chứng số ${entry.id} không phải của đơn vị «${unit.name}»; chỉ dùng minh chứng của đơn vị mình.`
        : `${entry.place}: không có minh chứng số ${entry.id}.`,
      path: entry.path,
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
  const from = operation === 'create' ? 'draft' : String(original.status ?? 'draft')
  const to = String(merged.status ?? 'draft')

  // the dossier slots follow the round's checklist while the dossier is the unit's; once it has
  // left the unit's hands they stay as they were sent (the write rules refuse any change to them)
  const isSlotsOpen = operation === 'create' || isEditableByUnit({ status: from }) || isEditableByUnit({ status: to })
  const dossier = isSlotsOpen ? nextSlots({ dossier: round.dossier, sent: data.dossierFiles, stored: original.dossierFiles }) : null
  for (const item of dossier?.unknown ?? []) errors.push({ message: `Tài liệu «${item}» không có trong thành phần hồ sơ của đợt «${round.title}».`, path: 'dossierFiles' })
  if (errors.length > 0) return fail({ errors, req })
  const slotCitations = dossier
    ? newlyAttached({ before: dossier.before, slots: dossier.slots }).map(({ id, index, slot }) => ({ id, path: `dossierFiles.${index}.files`, place: `Tài liệu «${slot.title}»` }))
    : []
  errors.push(...(await evidenceNotOfUnit({ citations: [...newAnswerCitations({ before: previousRows, rows }), ...slotCitations], req, unit })))
  if (errors.length > 0) return fail({ errors, req })
  const storedSlots = dossier?.before ?? slotsOf(original.dossierFiles)
  const slots = dossier?.slots ?? storedSlots
  const changed = operation === 'update' ? changedIndicators({ after: rows, before: previousRows }) : []
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
  const resultByCode = new Map(report.indicators.map((indicator) => [indicator.code, indicator]))
  const scoredRows = rows.map((row) => ({ ...row, status: statusByCode.get(row.indicator ?? '') ?? null, thresholdBasis: thresholdBasisOf(resultByCode.get(row.indicator ?? '')?.confirmation) }))
  // rows equal to the stored ones are not written again (Payload passes the stored rows in `data`
  // whatever the request sent): a transition, a change of another field or a form saved unchanged
  // leaves the answer rows and their evidence links alone instead of deleting and reinserting them
  // (and Payload's adapter rewrites every array of the document once it writes one: the answer rows
  // and the dossier slots are written together, or neither when both are unchanged)
  if (operation === 'create' || !sameRows({ a: scoredRows, b: original.answers ?? [] }) || !sameSlots({ a: slots, b: storedSlots })) {
    data.answers = scoredRows
    data.dossierFiles = slotRows(slots)
  } else {
    delete data.answers
    delete data.dossierFiles
  }
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
      errors.push(...submissionProblems({ hasUser: Boolean(user), report, round, rows, slots, today, unitId: unit.id }))
      if (errors.length > 0) return fail({ errors, req })
      data.submittedAt = new Date().toISOString()
      data.submittedBy = typeof user?.id === 'number' ? user.id : null
    }
    if (to === 'returned') data.returnReason = (merged.returnReason ?? '').trim()
    // once the completed dossier is accepted, the old reason no longer applies (the audit trail keeps it)
    if (to === 'in-review') data.returnReason = null
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
