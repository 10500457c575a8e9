/**
 * The team's consolidated result for one self-assessment: the reviews of team members who did not
 * declare a conflict, consolidated by the round's rule (the lead's verdict, or the majority), and
 * evaluated with the same core. Used when the lead closes the review, and by the panel that shows
 * the disagreements beforehand (GET /api/self-assessments/{id}/consolidation).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { consolidate, evaluate, validateCriteriaSet, verdictSet, type ConsolidationMode, type IndicatorStatus } from '@criteria/index'

import { relationId } from '../access/roles'
import { toCriteriaSetInput, type CriteriaSetDoc } from '../criteria-sets/toCriteriaSet'
import { todayInVietnam } from '../dates'
import { verdictValue } from '../reviews/hooks'
import { nullIfNotFound } from '../notFound'
import { outcomeLabel } from './outcomes'

type SelfAssessmentLike = {
  id: number
  answers?: { indicator?: string | null; isApplicable?: boolean | null; status?: string | null; points?: number | null }[] | null
  criteriaSet: unknown
  round: unknown
  unit: unknown
}

export const consolidateSelfAssessment = async ({ req, sa, asOf }: { req: PayloadRequest; sa: SelfAssessmentLike; asOf?: string }) => {
  const [round, set, unit, reviews] = await Promise.all([
    req.payload.findByID({ collection: 'rounds', depth: 0, id: relationId(sa.round) as number, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: relationId(sa.criteriaSet) as number, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'units', depth: 0, id: relationId(sa.unit) as number, overrideAccess: true, req }),
    req.payload.find({ collection: 'reviews', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { selfAssessment: { equals: sa.id } } }),
  ])
  const leads = new Set((round.team ?? []).filter((member) => member.role === 'truong-doan').map((member) => String(relationId(member.user))))
  const counted = reviews.docs.filter((review) => !review.conflictOfInterest)
  const consolidation = consolidate({
    mode: (round.consolidationMode ?? 'lead') as ConsolidationMode,
    model: set.model === 'points' ? 'points' : 'pass-fail',
    reviews: counted.map((review) => ({
      isLead: leads.has(String(relationId(review.reviewer))),
      reviewer: String(relationId(review.reviewer)),
      verdicts: Object.fromEntries((review.verdicts ?? []).map((row) => [row.indicator ?? '', verdictValue({ model: set.model, row })])),
    })),
    unit: (sa.answers ?? []).map((row) => ({
      code: row.indicator ?? '',
      points: typeof row.points === 'number' ? row.points : null,
      status: (row.isApplicable === false ? 'not-applicable' : (row.status ?? 'missing')) as IndicatorStatus,
    })),
  })
  const validation = validateCriteriaSet(toCriteriaSetInput({ doc: set as CriteriaSetDoc }).input)
  const evaluation = validation.ok
    ? evaluate({ answers: consolidation.values, asOf: asOf ?? todayInVietnam(new Date()), set: verdictSet({ set: validation.set }), unitType: unit.unitType })
    : null
  const reviewers = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true, name: true },
    where: { id: { in: reviews.docs.map((review) => relationId(review.reviewer)).filter((id) => id !== null) } },
  })
  return {
    conflicts: reviews.docs.filter((review) => review.conflictOfInterest).map((review) => String(relationId(review.reviewer))),
    consolidation,
    mode: round.consolidationMode ?? 'lead',
    report: evaluation?.ok ? (({ ok: _ok, ...report }) => report)(evaluation) : null,
    reviewerNames: Object.fromEntries(reviewers.docs.map((user) => [String(user.id), user.name || user.email])),
  }
}

/**
 * The team's conclusion as stored when the lead closed the review, and the last audited correction
 * of it (reason and date) — null while the review is open. After a correction it differs from the
 * verdicts above it, and the panel must say so.
 */
const recordedConclusion = async ({ req, sa }: { req: PayloadRequest; sa: { id: number; status: string; teamOutcome?: string | null; teamLevel?: number | null; teamPoints?: number | null } }) => {
  if (!['reviewed', 'recognised', 'not-recognised'].includes(sa.status)) return null
  const { docs } = await req.payload.find({
    collection: 'audit-events',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    sort: '-at',
    where: { and: [{ action: { equals: 'correct' } }, { collection: { equals: 'self-assessments' } }, { docId: { equals: String(sa.id) } }] },
  })
  const correction = docs[0]
  // the correction action writes "<reason> — <field: old → new; …>"; the reason may itself hold " — "
  const comment = correction?.comment ?? ''
  const reason = comment.includes(' — ') ? comment.slice(0, comment.lastIndexOf(' — ')) : comment || null
  return {
    correction: correction ? { at: correction.at, reason } : null,
    level: sa.teamLevel ?? null,
    outcome: sa.teamOutcome ?? null,
    outcomeLabel: outcomeLabel(sa.teamOutcome),
    points: sa.teamPoints ?? null,
  }
}

export const consolidationEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Cần đăng nhập.', path: '' }] }, { status: 401 })
    const sa = await nullIfNotFound(req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id: String(req.routeParams?.id), overrideAccess: false, req }))
    if (!sa) return Response.json({ errors: [{ message: 'Không tìm thấy hồ sơ, hoặc bạn không có quyền xem.', path: 'id' }] }, { status: 404 })
    // the unit reads the team's verdicts once the decision is issued
    const roles = req.user.roles ?? []
    const isUnitOnly = roles.every((role) => role === 'unit-editor')
    if (isUnitOnly && !['recognised', 'not-recognised'].includes(sa.status)) {
      return Response.json({ errors: [{ message: 'Ý kiến của đoàn đánh giá được công bố cho đơn vị sau khi có quyết định.', path: 'id' }] }, { status: 403 })
    }
    return Response.json({ ...(await consolidateSelfAssessment({ req, sa })), recorded: await recordedConclusion({ req, sa }) })
  },
  method: 'get',
  path: '/:id/consolidation',
}
