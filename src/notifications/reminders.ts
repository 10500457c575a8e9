/**
 * The reminder job's work, for one day: units of open rounds that have not submitted, at the
 * round's offsets before their deadline (or extension), with what their dossier still lacks;
 * team members with dossiers still waiting for their review, before the review deadline; the
 * authority before each report-up date; units whose recognition expires within six months.
 * Every reminder has a unique key (kind, recipient scope, deadline, offset): running the job
 * twice, on two servers at once or after a restart writes it once. Each row is written in its
 * own short transaction, so a key another worker wrote first is simply skipped.
 */
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import { describeDeadline, type DeadlineRule } from '@criteria/deadlines'
import { defaultReminderOffsets, daysUntil, dueOffset, isExpiringWithin, lastAllowedDay, reminderKey, vietnameseDay } from '@criteria/notifications'

import { relationId } from '../../collections/access/roles'
import { authoritySubtree } from '../../collections/access/scope'
import { toIsoDay } from '../../collections/dates'
import { ruleOf } from '../../collections/rounds/fields'
import { dossierGaps } from '../../collections/self-assessments/gaps'
import { authorityAdmins, queueMessages, unitEditors, usersWith } from './queue'

type Round = { id: number; title: string; year: number; status: string; authority?: unknown; tier?: unknown; deadlines?: Record<string, unknown> | null; extensions?: { unit?: unknown; until?: string | null }[] | null; reminderOffsets?: number[] | null; team?: { user?: unknown; role?: string | null }[] | null; reportDeadlines?: ({ recipient?: string | null } & Record<string, unknown>)[] | null }

export type ReminderReport = { submission: number; review: number; reportUp: number; expiring: number }

const offsetsOf = (round: Round) => (round.reminderOffsets && round.reminderOffsets.length > 0 ? round.reminderOffsets.map(Number) : [...defaultReminderOffsets])

const unsubmitted = new Set(['draft', 'returned'])

export const runReminders = async ({ payload, today }: { payload: Payload; today: string }): Promise<ReminderReport> => {
  const report: ReminderReport = { expiring: 0, reportUp: 0, review: 0, submission: 0 }
  // no transaction around the run: each message is its own write (a refused duplicate aborts nothing else)
  const req = (await createLocalReq({}, payload)) as PayloadRequest
  const { docs: rounds } = (await payload.find({ collection: 'rounds', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { status: { in: ['open', 'reviewing'] } } })) as unknown as { docs: Round[] }

  for (const round of rounds) {
    const offsets = offsetsOf(round)
    const link = '/admin/collections/self-assessments'

    // units that have not submitted, before their submission deadline
    const rule = ruleOf(round.deadlines?.submission as Parameters<typeof ruleOf>[0]) as DeadlineRule | null
    if (round.status === 'open' && (rule || (round.extensions ?? []).length > 0)) {
      const authorityId = relationId(round.authority)
      const authorities = authorityId === null ? [] : await authoritySubtree({ authorityId, req })
      const { docs: units } = await payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { name: true }, where: { and: [{ authority: { in: authorities } }, { tier: { equals: round.tier as string } }, { isActive: { equals: true } }] } })
      const { docs: dossiers } = await payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { answers: true, dossierFiles: true, status: true, unit: true }, where: { round: { equals: round.id } } })
      for (const unit of units) {
        const extension = (round.extensions ?? []).find((row) => String(relationId(row.unit)) === String(unit.id))
        const until = extension?.until ? toIsoDay(extension.until) : null
        const deadline = until ?? (rule ? lastAllowedDay({ rule, year: round.year }) : null)
        if (!deadline) continue
        const offset = dueOffset({ deadline, offsets, today })
        if (offset === null) continue
        const own = dossiers.filter((dossier) => String(relationId(dossier.unit)) === String(unit.id))
        if (own.length > 0 && own.every((dossier) => !unsubmitted.has(String(dossier.status)))) continue
        const open = own.find((dossier) => unsubmitted.has(String(dossier.status)))
        const missing = open
          ? dossierGaps({ id: open.id, rows: (open.answers ?? []) as never, slots: (open.dossierFiles ?? []) as never }).map((gap) => `${gap.name}: ${gap.problem}`)
          : ['Chưa lập hồ sơ tự đánh giá.']
        report.submission += await queueMessages({
          dedupeKey: reminderKey({ deadline, kind: 'submission', offset, scope: `round-${round.id}:unit-${unit.id}` }),
          event: 'reminder.submission',
          link: open ? `${link}/${open.id}` : `${link}/create`,
          recipients: await unitEditors({ req, unit: unit.id }),
          relatedTo: open ? `self-assessments/${open.id}` : `rounds/${round.id}`,
          req,
          values: { soNgayConLai: String(daysUntil({ deadline, today })), han: until ? `đến hết ngày ${vietnameseDay(until)}` : describeDeadline({ rule: rule!, year: round.year }), conThieu: missing.length > 0 ? missing : ['Hồ sơ đã đủ, chỉ còn bấm «Gửi hồ sơ».'], dot: round.title, donVi: unit.name },
        })
      }
    }

    // team members with dossiers in review still waiting for their review
    const reviewRule = ruleOf(round.deadlines?.review as Parameters<typeof ruleOf>[0]) as DeadlineRule | null
    const members = (round.team ?? []).map((row) => Number(relationId(row.user))).filter((id) => Number.isInteger(id))
    if (reviewRule && members.length > 0) {
      const deadline = lastAllowedDay({ rule: reviewRule, year: round.year })
      const offset = dueOffset({ deadline, offsets, today })
      if (offset !== null) {
        const { docs: inReview } = await payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { unit: true }, where: { and: [{ round: { equals: round.id } }, { status: { equals: 'in-review' } }] } })
        const { docs: reviews } = await payload.find({ collection: 'reviews', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { recommendation: true, reviewer: true, selfAssessment: true }, where: { round: { equals: round.id } } })
        for (const member of members) {
          const done = new Set(reviews.filter((review) => String(relationId(review.reviewer)) === String(member) && review.recommendation).map((review) => String(relationId(review.selfAssessment))))
          const pending = inReview.filter((dossier) => !done.has(String(dossier.id)))
          if (pending.length === 0) continue
          const names = await Promise.all(pending.map(async (dossier) => (await payload.findByID({ collection: 'units', depth: 0, id: Number(relationId(dossier.unit)), overrideAccess: true, req, select: { name: true } })).name))
          report.review += await queueMessages({
            dedupeKey: reminderKey({ deadline, kind: 'review', offset, scope: `round-${round.id}:member-${member}` }),
            event: 'reminder.review',
            link: `${link}?where[round][equals]=${round.id}`,
            recipients: await usersWith({ req, role: 'reviewer', where: { id: { equals: member } } }),
            relatedTo: `rounds/${round.id}`,
            req,
            values: { soNgayConLai: String(daysUntil({ deadline, today })), han: describeDeadline({ rule: reviewRule, year: round.year }), hoSoCho: names, dot: round.title },
          })
        }
      }
    }

    // the authority, before each report-up date
    const authorityId = relationId(round.authority)
    for (const [index, row] of (round.reportDeadlines ?? []).entries()) {
      const reportRule = ruleOf(row as Parameters<typeof ruleOf>[0]) as DeadlineRule | null
      if (!reportRule || authorityId === null) continue
      const deadline = lastAllowedDay({ rule: reportRule, year: round.year })
      const offset = dueOffset({ deadline, offsets, today })
      if (offset === null) continue
      const authority = await payload.findByID({ collection: 'authorities', depth: 0, id: Number(authorityId), overrideAccess: true, req, select: { name: true } })
      report.reportUp += await queueMessages({
        dedupeKey: reminderKey({ deadline, kind: 'report-up', offset, scope: `round-${round.id}:row-${index}` }),
        event: 'reminder.report-up',
        link: `/admin/collections/rounds/${round.id}`,
        recipients: await authorityAdmins({ req, authority: Number(authorityId) }),
        relatedTo: `rounds/${round.id}`,
        req,
        values: { capQuanLy: authority.name, soNgayConLai: String(daysUntil({ deadline, today })), han: describeDeadline({ rule: reportRule, year: round.year }), noiBaoCao: row.recipient ?? '', dot: round.title },
      })
    }
  }

  // recognitions that expire within six months: once per recognition and expiry date
  const { docs: recognitions } = await payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { and: [{ status: { equals: 'valid' } }, { validUntil: { exists: true } }, { validUntil: { greater_than_equal: `${today}T00:00:00.000Z` } }] } })
  for (const row of recognitions) {
    const validUntil = toIsoDay(row.validUntil)
    if (!validUntil || !isExpiringWithin({ months: 6, today, validUntil })) continue
    report.expiring += await queueMessages({
      dedupeKey: `expiring:recognition-${row.id}:${validUntil}`,
      event: 'recognition.expiring',
      link: `/admin/collections/recognitions/${row.id}`,
      recipients: await unitEditors({ req, unit: Number(relationId(row.unit)) }),
      relatedTo: `recognitions/${row.id}`,
      req,
      values: { soQuyetDinh: row.decisionNumber ?? '', ketQua: row.outcomeLabel ?? '', donVi: row.unitName ?? '', hieuLucDen: vietnameseDay(validUntil) },
    })
  }
  return report
}
