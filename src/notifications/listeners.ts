/**
 * The domain events (hooks/events.ts) as messages: who is told, with which template and values.
 * Each listener reads what it needs with the writer's request (inside its transaction, past access:
 * the recipients are chosen here, not by the writer's reach) and queues one row per recipient.
 */
import type { PayloadRequest } from 'payload'

import { describeDeadline, type DeadlineRule } from '@criteria/deadlines'
import { vietnameseDay } from '@criteria/notifications'
import { addWorkingDays } from '@criteria/workingDays'
import { teamRoles } from '@criteria/rounds'
import { onDomainEvent, type DomainEvent } from '@hooks/events'

import { relationId } from '../../collections/access/roles'
import { todayInVietnam } from '../../collections/dates'
import { ruleOf } from '../../collections/rounds/fields'
import { outcomeLabel } from '../../collections/self-assessments/outcomes'
import { authoritySubtree } from '../../collections/access/scope'
import { loadCalendarExceptions } from './holidays'
import { authorityAdmins, queueMessages, unitEditors, usersWith } from './queue'

const admin = (path: string) => `/admin/collections/${path}`

type RoundLike = { id: number; title: string; year: number; authority?: unknown; tier?: unknown; deadlines?: { submission?: unknown; review?: unknown } | null; extensions?: { unit?: unknown; until?: string | null }[] | null }

const readRound = (req: PayloadRequest, id: unknown) => req.payload.findByID({ collection: 'rounds', depth: 0, id: Number(relationId(id)), overrideAccess: true, req }) as unknown as Promise<RoundLike & Record<string, unknown>>

const nameOf = async (req: PayloadRequest, collection: 'units' | 'authorities', id: unknown) => {
  const key = relationId(id)
  if (key === null) return ''
  const doc = await req.payload.findByID({ collection, depth: 0, id: Number(key), overrideAccess: true, req, select: { name: true } })
  return (doc as { name?: string }).name ?? ''
}

/** "trước ngày 15/01/2027", or the unit's extension "đến hết ngày 31/01/2027". */
export const submissionDeadlineText = ({ round, unit }: { round: RoundLike; unit: number | null }) => {
  const extension = (round.extensions ?? []).find((row) => unit !== null && String(relationId(row.unit)) === String(unit))
  if (extension?.until) return `đến hết ngày ${vietnameseDay(extension.until)} (đã gia hạn)`
  const rule = ruleOf(round.deadlines?.submission as Parameters<typeof ruleOf>[0])
  return rule ? describeDeadline({ rule: rule as DeadlineRule, year: round.year }) : 'theo kế hoạch của đợt'
}

const dossierContext = async (req: PayloadRequest, id: number) => {
  const dossier = await req.payload.findByID({ collection: 'self-assessments', depth: 0, id, overrideAccess: true, req, select: { authority: true, returnReason: true, round: true, submittedAt: true, teamOutcome: true, unit: true } })
  const round = await readRound(req, dossier.round)
  const unit = Number(relationId(dossier.unit))
  return { dossier, round, unit, unitName: await nameOf(req, 'units', unit) }
}

const today = () => vietnameseDay(todayInVietnam(new Date()))

const handlers: { [K in DomainEvent['type']]?: (event: Extract<DomainEvent, { type: K }>, req: PayloadRequest) => Promise<void> } = {
  'decision.issued': async (event, req) => {
    const decision = await req.payload.findByID({ collection: 'decisions', depth: 0, id: event.decision, overrideAccess: true, req })
    const round = decision.round ? await readRound(req, decision.round) : null
    const { docs: rows } = await req.payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: event.recognitions.length ? event.recognitions : [-1] } } })
    for (const row of rows) {
      const unit = Number(relationId(row.unit))
      await queueMessages({
        event: 'decision.issued',
        link: admin(`decisions/${decision.id}`),
        recipients: await unitEditors({ req, unit }),
        relatedTo: `decisions/${decision.id}`,
        req,
        values: { soQuyetDinh: decision.number ?? '', ketQua: row.outcomeLabel ?? '', dot: round?.title ?? '', ngayKy: vietnameseDay(decision.signedOn), donVi: row.unitName ?? '', hieuLucDen: row.validUntil ? vietnameseDay(row.validUntil) : 'không thời hạn' },
      })
    }
  },
  'round.deadline-extended': async (event, req) => {
    const round = await readRound(req, event.round)
    await queueMessages({
      event: 'deadline.extended',
      link: admin('self-assessments'),
      recipients: await unitEditors({ req, unit: event.unit }),
      relatedTo: `rounds/${round.id}`,
      req,
      values: { lyDo: event.reason, dot: round.title, donVi: await nameOf(req, 'units', event.unit), giaHanDen: vietnameseDay(event.until) },
    })
  },
  'round.opened': async (event, req) => {
    const round = await readRound(req, event.round)
    const listed = await participatingUnits({ req, round })
    const authority = await nameOf(req, 'authorities', round.authority)
    for (const unit of listed) {
      await queueMessages({
        event: 'round.opened',
        link: admin('self-assessments/create'),
        recipients: await unitEditors({ req, unit: unit.id }),
        relatedTo: `rounds/${round.id}`,
        req,
        values: { capQuanLy: authority, han: submissionDeadlineText({ round, unit: unit.id }), dot: round.title, donVi: unit.name },
      })
    }
  },
  'round.team-assigned': async (event, req) => {
    const round = await readRound(req, event.round)
    const reviewRule = ruleOf(round.deadlines?.review as Parameters<typeof ruleOf>[0])
    for (const member of event.members) {
      const recipients = await usersWith({ req, role: 'reviewer', where: { id: { equals: member.user } } }).then(async (found) => (found.length ? found : usersWith({ req, role: 'authority-admin', where: { id: { equals: member.user } } })))
      await queueMessages({
        event: 'review.assigned',
        link: admin(`self-assessments?where[round][equals]=${round.id}`),
        recipients,
        relatedTo: `rounds/${round.id}`,
        req,
        values: { han: reviewRule ? describeDeadline({ rule: reviewRule as DeadlineRule, year: round.year }) : 'theo kế hoạch của đợt', vaiTro: (teamRoles.find((role) => role.code === member.role)?.vi ?? 'thành viên').toLowerCase(), dot: round.title },
      })
    }
  },
  'self-assessment.accepted': async (event, req) => {
    const { round, unit, unitName } = await dossierContext(req, event.selfAssessment)
    const acceptedOn = todayInVietnam(new Date())
    const workingDays = Number((round as { processingWorkingDays?: number | null }).processingWorkingDays ?? 0)
    const processing = workingDays > 0 ? `Thời hạn giải quyết: ${workingDays} ngày làm việc, đến hết ngày ${vietnameseDay(addWorkingDays({ days: workingDays, exceptions: await loadCalendarExceptions({ payload: req.payload, req }), from: acceptedOn }))}.` : ''
    await queueMessages({
      event: 'self-assessment.accepted',
      link: admin(`self-assessments/${event.selfAssessment}`),
      recipients: await unitEditors({ req, unit }),
      relatedTo: `self-assessments/${event.selfAssessment}`,
      req,
      values: { donVi: unitName, dot: round.title, ngayTiepNhan: vietnameseDay(acceptedOn), thoiHanGiaiQuyet: processing },
    })
  },
  'self-assessment.returned': async (event, req) => {
    const { round, unit, unitName } = await dossierContext(req, event.selfAssessment)
    await queueMessages({
      event: 'self-assessment.returned',
      link: admin(`self-assessments/${event.selfAssessment}`),
      recipients: await unitEditors({ req, unit }),
      relatedTo: `self-assessments/${event.selfAssessment}`,
      req,
      values: { han: submissionDeadlineText({ round, unit }), lyDo: event.reason, dot: round.title, donVi: unitName },
    })
  },
  'self-assessment.reviewed': async (event, req) => {
    const { round, unit, unitName } = await dossierContext(req, event.selfAssessment)
    await queueMessages({ event: 'self-assessment.reviewed', link: admin(`self-assessments/${event.selfAssessment}`), recipients: await unitEditors({ req, unit }), relatedTo: `self-assessments/${event.selfAssessment}`, req, values: { ketQua: outcomeLabel(event.outcome) ?? 'chưa kết luận', dot: round.title, donVi: unitName } })
  },
  'self-assessment.submitted': async (event, req) => {
    const { dossier, round, unit, unitName } = await dossierContext(req, event.selfAssessment)
    const values = { donVi: unitName, dot: round.title, ngayNop: dossier.submittedAt ? vietnameseDay(new Date(dossier.submittedAt).toISOString().slice(0, 10)) : today() }
    const link = admin(`self-assessments/${event.selfAssessment}`)
    await queueMessages({ event: 'self-assessment.submitted', link, recipients: await unitEditors({ req, unit }), relatedTo: `self-assessments/${event.selfAssessment}`, req, values })
    const authority = relationId(round.authority)
    if (authority !== null) await queueMessages({ event: 'self-assessment.submitted.authority', link, recipients: await authorityAdmins({ req, authority: Number(authority) }), relatedTo: `self-assessments/${event.selfAssessment}`, req, values })
  },
}

/** The round's units read past access (the opener's own reach may be narrower than the round's). */
const participatingUnits = async ({ req, round }: { req: PayloadRequest; round: RoundLike }) => {
  const authorityId = relationId(round.authority)
  if (authorityId === null) return []
  const authorities = await authoritySubtree({ authorityId, req })
  const { docs } = await req.payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { name: true },
    where: { and: [{ authority: { in: authorities } }, { tier: { equals: round.tier as string } }, { isActive: { equals: true } }] },
  })
  return docs.map((unit) => ({ id: unit.id, name: unit.name }))
}

let isRegistered = false

/** Registers the notification listeners once per process. */
export const registerNotificationListeners = () => {
  if (isRegistered) return
  isRegistered = true
  onDomainEvent(async (event, req) => {
    const handle = handlers[event.type] as ((event: DomainEvent, req: PayloadRequest) => Promise<void>) | undefined
    if (handle) await handle(event, req)
  })
}
