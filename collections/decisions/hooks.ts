/**
 * The recognition decision: drafted from the round's consolidated outcomes, issued once and then
 * immutable. Issuing refuses a level-2 entry whose level-1 recognition is younger than the set's
 * wait (with the date the unit becomes eligible), then writes one `recognitions` row per unit with
 * its validity, sets every reviewed self-assessment of the round to recognised or not, and records
 * the audit trail and the `decision.issued` event.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { checkPrerequisiteOn, validUntil } from '@criteria/index'
import { writeAuditEvent } from '@hooks/audit'
import { emitDomainEvent } from '@hooks/events'

import { relationId } from '../access/roles'
import { fromIsoDay, toIsoDay } from '../dates'
import { latestRecognition } from '../recognitions/prior'

type Entry = { id?: string | null; selfAssessment?: unknown; unit?: unknown; level?: number | null; grade?: string | null; outcomeLabel?: string | null; isRemoved?: boolean | null; removalReason?: string | null }
type DecisionData = { authority?: unknown; entries?: Entry[] | null; number?: string | null; round?: unknown; signedOn?: string | null; signer?: string | null; status?: string | null }

const notRecognisable = new Set(['incomplete', 'not-met', 'chua-dat'])

const fail = ({ errors, req }: { errors: { message: string; path: string }[]; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'decisions', errors, req }, req.t)
}

const issueKey = (id: unknown) => `decisionIssued:${String(id ?? 'new')}`

const entryFor = async ({ req, saId }: { req: PayloadRequest; saId: number | string }) => {
  const sa = await req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id: saId, overrideAccess: true, req })
  if (!sa) return null
  const set = await req.payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: relationId(sa.criteriaSet) as number, overrideAccess: true, req })
  const grade = set.model === 'points' ? (sa.teamOutcome ?? null) : null
  const gradeLabel = grade ? ((set.gradeBands ?? []).find((band) => band.code === grade)?.label ?? grade) : null
  return {
    grade,
    level: set.model === 'points' ? null : (sa.teamLevel ?? null),
    outcomeLabel: gradeLabel ? `Xếp loại ${gradeLabel}` : sa.teamLevel ? `Đơn vị học tập Mức độ ${sa.teamLevel}` : 'Chưa đạt',
    sa,
    set,
  }
}

export const prepareDecision: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const original = (originalDoc ?? {}) as DecisionData
  if (original.status === 'issued') return fail({ errors: [{ message: 'Quyết định đã ban hành, không sửa được.', path: 'status' }], req })
  const merged = { ...original, ...data } as DecisionData
  const roundId = relationId(merged.round)
  const round = roundId === null ? null : await req.payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: roundId, overrideAccess: true, req })
  if (!round) return fail({ errors: [{ message: 'Chọn đợt đánh giá.', path: 'round' }], req })
  data.authority = relationId(round.authority)
  const authority = await req.payload.findByID({ collection: 'authorities', depth: 0, id: relationId(round.authority) as number, overrideAccess: true, req })
  if (!merged.signer) data.signer = authority.deciderTitle ?? null

  let entries = merged.entries ?? []
  if (entries.length === 0) {
    const { docs } = await req.payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, sort: 'title', where: { and: [{ round: { equals: round.id } }, { status: { equals: 'reviewed' } }] } })
    entries = docs.filter((sa) => !notRecognisable.has(sa.teamOutcome ?? 'incomplete')).map((sa) => ({ selfAssessment: sa.id }))
  }
  const errors: { message: string; path: string }[] = []
  const filled: Entry[] = []
  const details: NonNullable<Awaited<ReturnType<typeof entryFor>>>[] = []
  for (const [index, entry] of entries.entries()) {
    const saId = relationId(entry.selfAssessment)
    const found = saId === null ? null : await entryFor({ req, saId })
    if (!found || String(relationId(found.sa.round)) !== String(round.id)) {
      errors.push({ message: 'Hồ sơ không thuộc đợt đánh giá của quyết định.', path: `entries.${index}.selfAssessment` })
      continue
    }
    filled.push({ ...entry, grade: found.grade, level: found.level, outcomeLabel: found.outcomeLabel, unit: relationId(found.sa.unit) })
    details.push(found)
  }
  data.entries = filled
  data.title = `Quyết định ${merged.number || '(dự thảo)'} — ${round.title}`

  const isIssuing = merged.status === 'issued'
  if (isIssuing) {
    const signedOn = toIsoDay(merged.signedOn)
    if (!merged.number?.trim()) errors.push({ message: 'Cần số quyết định trước khi ban hành.', path: 'number' })
    if (!signedOn) errors.push({ message: 'Cần ngày ký trước khi ban hành.', path: 'signedOn' })
    for (const [index, entry] of filled.entries()) {
      const detail = details[index]
      if (entry.isRemoved) {
        if (!entry.removalReason?.trim()) errors.push({ message: `Ghi lý do đưa «${detail.sa.title}» ra khỏi quyết định.`, path: `entries.${index}.removalReason` })
        continue
      }
      if (detail.sa.status !== 'reviewed' || notRecognisable.has(detail.sa.teamOutcome ?? 'incomplete')) {
        errors.push({ message: `«${detail.sa.title}» chưa được đoàn kết luận đạt; không đưa vào quyết định công nhận.`, path: `entries.${index}.selfAssessment` })
        continue
      }
      if (signedOn) {
        const prior = await latestRecognition({ req, unitId: relationId(detail.sa.unit) as number })
        const prerequisite = checkPrerequisiteOn({ level: entry.level ?? null, prior, recognition: detail.set.recognition?.prerequisiteLevel ? { monthsAfterPrerequisite: detail.set.recognition.monthsAfterPrerequisite ?? 12, prerequisiteLevel: Number(detail.set.recognition.prerequisiteLevel) as 1 | 2, validityMonths: detail.set.recognition.validityMonths ?? 36 } : null, signedOn })
        if (prerequisite && !prerequisite.isMet) errors.push({ message: `${detail.sa.title}: ${prerequisite.reason}`, path: `entries.${index}.selfAssessment` })
      }
    }
    if (errors.length === 0) req.context[issueKey(operation === 'create' ? undefined : (originalDoc as { id?: number } | undefined)?.id)] = true
  }
  if (errors.length > 0) return fail({ errors, req })
  return data
}

export const issueDecision: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const key = issueKey(operation === 'create' ? undefined : doc.id)
  if (!req.context[key]) return doc
  delete req.context[key]
  const signedOn = toIsoDay(doc.signedOn) as string
  const round = await req.payload.findByID({ collection: 'rounds', depth: 0, id: relationId(doc.round) as number, overrideAccess: true, req })
  const authority = await req.payload.findByID({ collection: 'authorities', depth: 0, id: relationId(doc.authority) as number, overrideAccess: true, req })
  const recognised = new Set<string>()
  const recognitions: number[] = []
  req.context.workflowRole = 'system'
  try {
    for (const entry of (doc.entries ?? []) as Entry[]) {
      if (entry.isRemoved) continue
      const saId = relationId(entry.selfAssessment) as number
      const detail = await entryFor({ req, saId })
      if (!detail) continue
      const until = validUntil({ decidedOn: signedOn, validityMonths: detail.set.recognition?.validityMonths ?? 36 })
      const unit = await req.payload.findByID({ collection: 'units', depth: 0, id: relationId(detail.sa.unit) as number, overrideAccess: true, req, select: { name: true } })
      const row = await req.payload.create({
        collection: 'recognitions',
        data: {
          authority: authority.id,
          authorityName: authority.name,
          decidedOn: fromIsoDay(signedOn),
          decision: doc.id,
          decisionNumber: doc.number,
          grade: entry.grade ?? null,
          level: entry.level ?? null,
          outcomeLabel: entry.outcomeLabel ?? null,
          regime: detail.set.regime,
          selfAssessment: saId,
          unit: unit.id,
          unitName: unit.name,
          validFrom: fromIsoDay(signedOn),
          validUntil: fromIsoDay(until.ok ? until.date : signedOn),
          year: round.year,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      recognitions.push(row.id)
      recognised.add(String(saId))
      await req.payload.update({ collection: 'self-assessments', data: { status: 'recognised' }, depth: 0, id: saId, overrideAccess: true, req })
    }
    const { docs: reviewed } = await req.payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { and: [{ round: { equals: round.id } }, { status: { equals: 'reviewed' } }] } })
    for (const sa of reviewed) {
      if (!recognised.has(String(sa.id))) await req.payload.update({ collection: 'self-assessments', data: { status: 'not-recognised' }, depth: 0, id: sa.id, overrideAccess: true, req })
    }
    await req.payload.update({ collection: 'reviews', data: { isDecided: true }, overrideAccess: true, req, where: { round: { equals: round.id } } })
  } finally {
    delete req.context.workflowRole
  }
  await writeAuditEvent({
    event: { action: 'issue-decision', authority: authority.id, collection: 'decisions', comment: `${doc.number}: ${recognitions.length} đơn vị được công nhận`, docId: doc.id, from: 'draft', round: round.id, to: 'issued' },
    req,
  })
  await emitDomainEvent({ event: { authority: authority.id, decision: doc.id, recognitions, type: 'decision.issued' }, req })
  return doc
}
