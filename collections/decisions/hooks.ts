/**
 * The decisions of a round, drafted and then issued once; an issued decision never changes and is
 * never deleted.
 *
 * - A recognition decision (kind `recognition`) is filled from the round's consolidated outcomes.
 *   Issuing follows each entry's criteria set: it refuses an entry while an indicator of the set that
 *   applies to the unit is unsettled (neither verified nor confirmed by a local document: the team may
 *   have concluded "met" on a value nobody fixed), and a level-2 entry whose prerequisite the set's
 *   rule does not find on the day it names (the application or the signing; an expired level 1 does
 *   not count unless the set says so). It then writes one `recognitions` row per unit with the
 *   validity the set's rule gives (none for a yearly grading: no fallback), the confirmations the
 *   result rests on, and the deciding authority's publication settings, and sets every reviewed
 *   self-assessment of the round to recognised or not.
 * - A revoking decision (kind `revocation`) corrects an issued recognition decision: it lists the
 *   dossiers that decision decided (all of them unless some are taken out with a reason). Issuing
 *   it marks their register rows revoked — kept in the register's history — and sends the dossiers
 *   back to the team's conclusion (`reviewed`), so that a new decision can decide them again.
 *
 * Both record the audit trail and emit their domain event.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'
import { z } from 'zod'

import type { SelfAssessment } from '@/payload-types'

import { checkPrerequisiteOn, statusLabels, validityOf } from '@criteria/index'
import type { CriteriaSet } from '@criteria/index'
import { writeAuditEvent } from '@hooks/audit'
import { emitDomainEvent } from '@hooks/events'

import { relationId } from '../access/roles'
import { fromIsoDay, toIsoDay } from '../dates'
import { latestRecognition } from '../recognitions/prior'
import { loadPublishedSet } from '../criteria-sets/publishedSet'
import { basisNote, unsettledOfDoc } from '../criteria-sets/settlement'
import { writeStep, writeSteps } from '../self-assessments/steps'

type Entry = { id?: string | null; selfAssessment?: unknown; unit?: unknown; level?: number | null; grade?: string | null; outcomeLabel?: string | null; isRemoved?: boolean | null; removalReason?: string | null }
type DecisionData = {
  authority?: unknown
  entries?: Entry[] | null
  kind?: string | null
  number?: string | null
  reason?: string | null
  revokes?: unknown
  round?: unknown
  signedOn?: string | null
  signer?: string | null
  status?: string | null
}
type FieldError = { message: string; path: string }

const notRecognisable = new Set(['incomplete', 'not-met', 'chua-dat'])

const fail = ({ errors, req }: { errors: FieldError[]; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'decisions', errors, req }, req.t)
}

const issueKey = (id: unknown) => `decisionIssued:${String(id ?? 'new')}`

const id = z.union([z.number().int().positive().max(2147483647), z.string().regex(/^\d{1,10}$/), z.looseObject({ id: z.union([z.number(), z.string()]) })])

/** What a request may send, checked before anything reads it. */
const decisionInput = z.looseObject({
  entries: z
    .array(z.looseObject({ isRemoved: z.boolean().nullish(), removalReason: z.string().max(2000).nullish(), selfAssessment: id.nullish() }))
    .max(5000)
    .nullish(),
  kind: z.enum(['recognition', 'revocation']).nullish(),
  number: z.string().max(100).nullish(),
  reason: z.string().max(5000).nullish(),
  revokes: id.nullish(),
  round: id.nullish(),
  signedOn: z.union([z.string().max(40), z.date()]).nullish(),
  signer: z.string().max(500).nullish(),
  status: z.enum(['draft', 'issued']).nullish(),
})

const labels: Record<string, string> = {
  entries: 'Danh sách đơn vị',
  isRemoved: 'Đưa ra khỏi quyết định',
  kind: 'Loại quyết định',
  number: 'Số quyết định',
  reason: 'Lý do thu hồi',
  removalReason: 'Lý do',
  revokes: 'Thu hồi quyết định',
  round: 'Đợt đánh giá',
  selfAssessment: 'Hồ sơ',
  signedOn: 'Ngày ký',
  signer: 'Người ký',
  status: 'Trạng thái',
}

const inputProblems = (data: unknown): FieldError[] => {
  const parsed = decisionInput.safeParse(data ?? {})
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => {
    const name = [...issue.path].reverse().find((part) => typeof part === 'string') as string | undefined
    const row = issue.path[0] === 'entries' && typeof issue.path[1] === 'number' ? `Dòng ${issue.path[1] + 1}: ` : ''
    const problem = issue.code === 'too_big' ? 'quá dài hoặc quá nhiều' : issue.code === 'invalid_value' ? `phải là một trong: ${issue.values.map(String).join(', ')}` : 'không đúng kiểu dữ liệu'
    return { message: `${row}«${labels[name ?? ''] ?? name ?? 'Dữ liệu'}» ${problem}.`, path: issue.path.map(String).join('.') }
  })
}

const entrySelect = { authority: true, criteriaSet: true, decision: true, round: true, status: true, submittedAt: true, teamLevel: true, teamOutcome: true, title: true, unit: true } as const

/** The entries' dossiers in one read (a decision names tens of units), by id. */
const dossiersOf = async ({ req, ids }: { req: PayloadRequest; ids: (number | string)[] }) => {
  const numeric = ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
  if (numeric.length === 0) return new Map<string, SelfAssessment>()
  const { docs } = await req.payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: entrySelect, where: { id: { in: numeric } } })
  return new Map(docs.map((sa) => [String(sa.id), sa as SelfAssessment]))
}

const entryFor = async ({ req, saId, dossiers }: { req: PayloadRequest; saId: number | string; dossiers?: Map<string, SelfAssessment> }) => {
  const sa = dossiers ? (dossiers.get(String(saId)) ?? null) : await req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id: saId, overrideAccess: true, req, select: entrySelect })
  if (!sa) return null
  const published = await loadPublishedSet({ id: relationId(sa.criteriaSet) as number, req })
  if (!published) return null
  const set = published.doc
  const grade = set.model === 'points' ? (sa.teamOutcome ?? null) : null
  const gradeLabel = grade ? ((set.gradeBands ?? []).find((band) => band.code === grade)?.label ?? grade) : null
  return {
    coreSet: published.set,
    grade,
    level: set.model === 'points' ? null : (sa.teamLevel ?? null),
    outcomeLabel: gradeLabel ? `Xếp loại ${gradeLabel}` : sa.teamLevel ? `Đơn vị học tập Mức độ ${sa.teamLevel}` : 'Chưa đạt',
    sa,
    set,
  }
}

/** The last day a recognition decided on `signedOn` is kept, by the set's own rule: null when it has none (TT 22). */
const validityFor = ({ coreSet, signedOn, year }: { coreSet: CriteriaSet | null; signedOn: string; year: number | null | undefined }) =>
  validityOf({ decidedOn: signedOn, evaluationYear: year ?? null, rule: coreSet?.recognition ?? { validityMonths: null } })

/** The units of the entries (name and type), in one read. */
const unitsOf = async ({ req, ids }: { req: PayloadRequest; ids: unknown[] }) => {
  const numeric = ids.map(relationId).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
  if (numeric.length === 0) return new Map<string, { id: number; name: string; unitType: string }>()
  const { docs } = await req.payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { name: true, unitType: true }, where: { id: { in: numeric } } })
  return new Map(docs.map((unit) => [String(unit.id), { id: unit.id, name: unit.name, unitType: String(unit.unitType ?? '') }]))
}

/** Whether the deciding authority's public register shows a result (REGULATIONS §5.2.10). */
export const isShownPublicly = ({ register, level, grade }: { register: string | null | undefined; level: number | null | undefined; grade: string | null | undefined }) => {
  if (register === 'none') return false
  if (register === 'recognised') return (level !== null && level !== undefined) || grade === 'tot'
  return true
}

type Detail = NonNullable<Awaited<ReturnType<typeof entryFor>>>

/** The issued recognition decision a revocation names, or a refusal. */
const revokedDecision = async ({ req, merged }: { req: PayloadRequest; merged: DecisionData }) => {
  const revokesId = relationId(merged.revokes)
  const revoked = revokesId === null ? null : await req.payload.findByID({ collection: 'decisions', depth: 0, disableErrors: true, id: revokesId, overrideAccess: true, req })
  if (!revoked || revoked.status !== 'issued' || (revoked.kind ?? 'recognition') !== 'recognition') {
    return fail({ errors: [{ message: 'Chọn quyết định công nhận đã ban hành cần thu hồi.', path: 'revokes' }], req })
  }
  return revoked
}

export const prepareDecision: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const original = (originalDoc ?? {}) as DecisionData
  if (original.status === 'issued') return fail({ errors: [{ message: 'Quyết định đã ban hành, không sửa được; để sửa sai, hãy ban hành quyết định thu hồi.', path: 'status' }], req })
  const problems = inputProblems(data)
  if (problems.length > 0) return fail({ errors: problems, req })
  const merged = { ...original, ...data } as DecisionData
  const isRevocation = merged.kind === 'revocation'
  const revoked = isRevocation ? await revokedDecision({ merged, req }) : null
  if (revoked) data.round = relationId(revoked.round)
  const roundId = relationId(revoked ? revoked.round : merged.round)
  const round = roundId === null ? null : await req.payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: roundId, overrideAccess: true, req })
  if (!round) return fail({ errors: [{ message: 'Chọn đợt đánh giá.', path: 'round' }], req })
  data.authority = relationId(round.authority)
  const authority = await req.payload.findByID({ collection: 'authorities', depth: 0, id: relationId(round.authority) as number, overrideAccess: true, req })
  if (!merged.signer) data.signer = authority.deciderTitle ?? null

  let entries = merged.entries ?? []
  if (entries.length === 0) {
    const where: Where = revoked
      ? { and: [{ decision: { equals: revoked.id } }, { status: { in: ['recognised', 'not-recognised'] } }] }
      : { and: [{ round: { equals: round.id } }, { status: { equals: 'reviewed' } }] }
    const { docs } = await req.payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, sort: 'title', where })
    entries = docs.filter((sa) => revoked || !notRecognisable.has(sa.teamOutcome ?? 'incomplete')).map((sa) => ({ selfAssessment: sa.id }))
  }
  const errors: FieldError[] = []
  const filled: Entry[] = []
  const details: Detail[] = []
  const dossiers = await dossiersOf({ ids: entries.map((entry) => relationId(entry.selfAssessment)).filter((id) => id !== null), req })
  for (const [index, entry] of entries.entries()) {
    const saId = relationId(entry.selfAssessment)
    const found = saId === null ? null : await entryFor({ dossiers, req, saId })
    if (!found || String(relationId(found.sa.round)) !== String(round.id)) {
      errors.push({ message: 'Hồ sơ không thuộc đợt đánh giá của quyết định.', path: `entries.${index}.selfAssessment` })
      continue
    }
    if (revoked && String(relationId(found.sa.decision)) !== String(revoked.id)) {
      errors.push({ message: `«${found.sa.title}» không do quyết định ${revoked.number ?? ''} công nhận hay xét, nên không thu hồi được.`, path: `entries.${index}.selfAssessment` })
      continue
    }
    const outcomeLabel = revoked ? `Thu hồi: ${statusLabels[found.sa.status as keyof typeof statusLabels] ?? found.sa.status}` : found.outcomeLabel
    filled.push({ ...entry, grade: found.grade, level: found.level, outcomeLabel, unit: relationId(found.sa.unit) })
    details.push(found)
  }
  data.entries = filled
  data.title = revoked ? `Quyết định ${merged.number || '(dự thảo)'} thu hồi quyết định ${revoked.number ?? ''} — ${round.title}` : `Quyết định ${merged.number || '(dự thảo)'} — ${round.title}`

  if (merged.status === 'issued') {
    const signedOn = toIsoDay(merged.signedOn)
    if (!merged.number?.trim()) errors.push({ message: 'Cần số quyết định trước khi ban hành.', path: 'number' })
    if (!signedOn) errors.push({ message: 'Cần ngày ký trước khi ban hành.', path: 'signedOn' })
    if (revoked) {
      if (!merged.reason?.trim()) errors.push({ message: 'Ghi lý do thu hồi trước khi ban hành.', path: 'reason' })
      const revokedOn = toIsoDay(revoked.signedOn)
      if (signedOn && revokedOn && signedOn < revokedOn) errors.push({ message: 'Ngày ký quyết định thu hồi không thể trước ngày ký quyết định bị thu hồi.', path: 'signedOn' })
    }
    const units = revoked ? new Map() : await unitsOf({ ids: filled.map((entry) => entry.unit), req })
    for (const [index, entry] of filled.entries()) {
      const detail = details[index]
      if (entry.isRemoved) {
        if (!entry.removalReason?.trim()) errors.push({ message: `Ghi lý do đưa «${detail.sa.title}» ra khỏi quyết định.`, path: `entries.${index}.removalReason` })
        continue
      }
      if (revoked) continue
      if (detail.sa.status !== 'reviewed' || notRecognisable.has(detail.sa.teamOutcome ?? 'incomplete')) {
        errors.push({ message: `«${detail.sa.title}» chưa được đoàn kết luận đạt; không đưa vào quyết định công nhận.`, path: `entries.${index}.selfAssessment` })
        continue
      }
      const unit = units.get(String(relationId(detail.sa.unit)))
      const path = `entries.${index}.selfAssessment`
      if (!detail.coreSet || !unit) {
        errors.push({ message: `«${detail.sa.title}»: bộ tiêu chí «${detail.set.title}» chưa hợp lệ, chưa đưa vào quyết định được.`, path })
        continue
      }
      // the team may conclude "met" on a value nobody has fixed: the decision is where it stops
      const unsettled = unsettledOfDoc({ doc: detail.set, unitType: unit.unitType })
      if (unsettled.length > 0) {
        errors.push({
          message:
            `«${unit.name}»: bộ tiêu chí «${detail.set.code ?? detail.set.title}» còn ${unsettled.length} chỉ tiêu áp dụng cho đơn vị chưa xác định — ` +
            `${unsettled.map((item) => `${item.code} (${item.reason})`).join('; ')}; chưa ban hành quyết định công nhận được cho đơn vị này cho đến khi các chỉ tiêu đó được xác nhận bằng văn bản của địa phương hoặc đối chiếu văn bản gốc.`,
          path,
        })
        continue
      }
      if (signedOn && !validityFor({ coreSet: detail.coreSet, signedOn, year: round.year }).ok) {
        errors.push({ message: `«${unit.name}»: không tính được thời hạn bảo lưu theo điều kiện công nhận của bộ tiêu chí «${detail.set.code ?? detail.set.title}».`, path })
        continue
      }
      // only a set that needs an earlier recognition (level 2) asks the register
      const rule = detail.coreSet.recognition
      if (signedOn && rule?.prerequisiteLevel) {
        const prior = await latestRecognition({ onOrBefore: signedOn, req, unitId: relationId(detail.sa.unit) as number })
        const prerequisite = checkPrerequisiteOn({ appliedOn: toIsoDay(detail.sa.submittedAt), level: entry.level ?? null, prior, recognition: rule, signedOn })
        if (prerequisite && !prerequisite.isMet) errors.push({ message: `${detail.sa.title}: ${prerequisite.reason}`, path })
      }
    }
    if (errors.length === 0) req.context[issueKey(operation === 'create' ? undefined : (originalDoc as { id?: number } | undefined)?.id)] = true
  }
  if (errors.length > 0) return fail({ errors, req })
  return data
}

/** Issuing a recognition decision: the register rows, the dossiers' outcomes, the reviews opened to their units. */
const issueRecognition = async ({ doc, req, signedOn }: { doc: Record<string, any>; req: PayloadRequest; signedOn: string }) => {
  const round = await req.payload.findByID({ collection: 'rounds', depth: 0, id: relationId(doc.round) as number, overrideAccess: true, req, select: { year: true } })
  const authority = await req.payload.findByID({ collection: 'authorities', depth: 0, id: relationId(doc.authority) as number, overrideAccess: true, req, select: { name: true, publication: true } })
  const entries = ((doc.entries ?? []) as Entry[]).filter((entry) => !entry.isRemoved)
  // the entries' dossiers and units in one read each (a decision names tens of units)
  const readAll = async <T extends 'self-assessments' | 'units'>(collection: T, ids: number[], select: Record<string, true>) =>
    ids.length === 0 ? [] : (await req.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select, where: { id: { in: ids } } })).docs
  const dossiers = new Map(
    (await readAll('self-assessments', entries.map((entry) => relationId(entry.selfAssessment) as number), { authority: true, criteriaSet: true, round: true, status: true, unit: true })).map((sa) => [String(sa.id), sa as unknown as Record<string, any>]),
  )
  const units = new Map((await readAll('units', [...dossiers.values()].map((sa) => relationId(sa.unit) as number), { name: true, unitType: true })).map((unit) => [String(unit.id), unit as unknown as { id: number; name: string; unitType: string }]))
  const sets = new Map<string, Awaited<ReturnType<typeof loadPublishedSet>>>()
  const recognised = new Set<string>()
  const recognitions: number[] = []
  const steps: { id: number; status: string; authority?: unknown; round?: unknown; unit?: unknown }[] = []
  for (const entry of entries) {
    const saId = relationId(entry.selfAssessment) as number
    const sa = dossiers.get(String(saId))
    if (!sa) continue
    const setKey = String(relationId(sa.criteriaSet))
    if (!sets.has(setKey)) sets.set(setKey, await loadPublishedSet({ id: setKey, req }))
    const published = sets.get(setKey)
    const set = published?.doc
    const unit = units.get(String(relationId(sa.unit)))
    if (!set || !published?.set || !unit) continue
    // checked by prepareDecision: the set's own rule, no validity when it gives none
    const until = validityFor({ coreSet: published.set, signedOn, year: round.year })
    // straight to the adapter: every field is this step's and the register has no create hooks
    const now = new Date().toISOString()
    const row = await req.payload.db.create({
      collection: 'recognitions',
      data: {
        createdAt: now,
        updatedAt: now,
        authority: authority.id,
        authorityName: authority.name,
        basisNote: basisNote({ doc: set, set: published.set, unitType: unit.unitType }) || null,
        countsForEmulation: authority.publication?.countsForEmulation ?? false,
        decidedOn: fromIsoDay(signedOn),
        decision: doc.id,
        decisionNumber: doc.number,
        grade: entry.grade ?? null,
        isPublic: isShownPublicly({ grade: entry.grade, level: entry.level, register: authority.publication?.register }),
        level: entry.level ?? null,
        outcomeLabel: entry.outcomeLabel ?? null,
        regime: set.regime,
        selfAssessment: saId,
        status: 'valid',
        unit: unit.id,
        unitName: unit.name,
        validFrom: fromIsoDay(signedOn),
        validUntil: until.ok && until.validUntil ? fromIsoDay(until.validUntil) : null,
        year: round.year,
      },
      req,
      select: { id: true },
    })
    recognitions.push(row.id as number)
    recognised.add(String(saId))
    steps.push({ ...sa, id: saId, status: String(sa.status) })
  }
  await writeSteps({ dossiers: steps, fields: { decision: doc.id }, req, roles: ['system'], to: 'recognised' })
  const { docs: reviewed } = await req.payload.find({
    collection: 'self-assessments',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { authority: true, round: true, status: true, unit: true },
    where: { and: [{ round: { equals: round.id } }, { status: { equals: 'reviewed' } }] },
  })
  await writeSteps({ dossiers: reviewed.filter((sa) => !recognised.has(String(sa.id))), fields: { decision: doc.id }, req, roles: ['system'], to: 'not-recognised' })
  // through the adapter, without each review's full update: `isDecided` is this step's field and no hook of reviews reads it
  await req.payload.db.updateMany({ collection: 'reviews', data: { isDecided: true }, req, where: { round: { equals: round.id } } })
  await writeAuditEvent({
    event: { action: 'issue-decision', authority: authority.id, collection: 'decisions', comment: `${doc.number}: ${recognitions.length} đơn vị được công nhận`, docId: doc.id, from: 'draft', round: round.id, to: 'issued' },
    req,
  })
  await emitDomainEvent({ event: { authority: authority.id, decision: doc.id, recognitions, type: 'decision.issued' }, req })
}

/** Issuing a revocation: the revoked rows stay in the register, marked; their dossiers go back to the team's conclusion. */
const issueRevocation = async ({ doc, req, signedOn }: { doc: Record<string, any>; req: PayloadRequest; signedOn: string }) => {
  const revokedId = relationId(doc.revokes) as number
  const revoked: number[] = []
  const reopened: number[] = []
  for (const entry of (doc.entries ?? []) as Entry[]) {
    if (entry.isRemoved) continue
    const saId = relationId(entry.selfAssessment) as number
    const { docs: rows } = await req.payload.find({
      collection: 'recognitions',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ decision: { equals: revokedId } }, { selfAssessment: { equals: saId } }, { status: { not_equals: 'revoked' } }] },
    })
    for (const row of rows) {
      await req.payload.update({
        collection: 'recognitions',
        data: { revocationReason: doc.reason ?? null, revokedBy: doc.id, revokedOn: fromIsoDay(signedOn), status: 'revoked' },
        depth: 0,
        id: row.id,
        overrideAccess: true,
        req,
      })
      revoked.push(row.id)
    }
    const dossier = await req.payload.findByID({ collection: 'self-assessments', depth: 0, id: saId, overrideAccess: true, req, select: { authority: true, round: true, status: true, unit: true } })
    await writeStep({ dossier, fields: { decision: null }, req, roles: ['system'], to: 'reviewed' })
    reopened.push(saId)
  }
  // the reviews of the reopened dossiers are again the team's until the next decision
  if (reopened.length > 0) await req.payload.db.updateMany({ collection: 'reviews', data: { isDecided: false }, req, where: { selfAssessment: { in: reopened } } })
  await writeAuditEvent({
    event: {
      action: 'revoke-decision',
      authority: relationId(doc.authority),
      collection: 'decisions',
      comment: `${doc.number} thu hồi quyết định ${revokedId}: ${revoked.length} dòng sổ công nhận bị thu hồi, ${reopened.length} hồ sơ xét lại. Lý do: ${doc.reason ?? ''}`,
      docId: doc.id,
      from: 'draft',
      round: relationId(doc.round),
      to: 'issued',
    },
    req,
  })
  await emitDomainEvent({ event: { authority: relationId(doc.authority) as number | null, decision: doc.id, recognitions: revoked, revokes: revokedId, type: 'decision.revoked' }, req })
}

export const issueDecision: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const key = issueKey(operation === 'create' ? undefined : doc.id)
  if (!req.context[key]) return doc
  delete req.context[key]
  const signedOn = toIsoDay(doc.signedOn) as string
  req.context.workflowRole = 'system'
  try {
    if (doc.kind === 'revocation') await issueRevocation({ doc, req, signedOn })
    else await issueRecognition({ doc, req, signedOn })
  } finally {
    delete req.context.workflowRole
  }
  return doc
}

/** An issued decision is law: nobody deletes it, the system included; a revoking decision corrects it. */
export const keepIssuedDecisions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const decision = await req.payload.findByID({ collection: 'decisions', depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { status: true } })
  if (decision?.status === 'issued') {
    throw new ValidationError(
      { collection: 'decisions', errors: [{ message: 'Quyết định đã ban hành không xóa được; để sửa sai, hãy ban hành quyết định thu hồi.', path: 'status' }], req },
      req.t,
    )
  }
}
