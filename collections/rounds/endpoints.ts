/**
 * POST /api/rounds/{id}/copy-to-next-year: next year's round as a draft — every date a year later,
 * the plan, team roles, dossier checklist, legal basis and the round's settings (consolidation,
 * processing working days, reminder days) kept, deadlines (opening and report-up
 * ones included) kept as rules, no team decision (a new year's team is set up anew), the newest published criteria
 * sets of the same kind. GET /api/rounds/{id}/participation: the units of the round with where each
 * stands, including those that have not started. Both act with the caller's access. The copy also
 * answers what changed in the map since the source round (./changes.ts), and is refused for a round
 * whose authority has since been abolished or merged: next year belongs to the one that took its units.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { withWriteStep } from '@hooks/writeRules'
import { pickNewestSets, shiftIsoDateByYears, titleForYear, type CriteriaSetSummary } from '@criteria/rounds'

import { relationId } from '../access/roles'
import { authorityAncestry, authoritySubtree } from '../access/scope'
import { fromIsoDay, toIsoDay } from '../dates'
import { canCreateRound } from './access'
import { roundChanges } from './changes'
import { nullIfNotFound } from '../notFound'

const notFound = () => Response.json({ errors: [{ message: 'Không tìm thấy đợt đánh giá, hoặc bạn không có quyền xem.', path: 'id' }] }, { status: 404 })

const readRound = async (req: PayloadRequest) =>
  nullIfNotFound(req.payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: String(req.routeParams?.id), overrideAccess: false, req }))

const shifted = (value: unknown) => {
  const day = shiftIsoDateByYears({ date: toIsoDay(value), years: 1 })
  return day ? fromIsoDay(day) : null
}

const toSummary = (set: { id: number; code: string; regime: string; tier?: string | null; level?: string | number | null; _status?: string | null; authority?: unknown; createdAt: string }): CriteriaSetSummary => ({
  authority: relationId(set.authority),
  code: set.code,
  createdAt: set.createdAt,
  id: set.id,
  isPublished: set._status === 'published',
  level: set.level === null || set.level === undefined || set.level === '' ? null : Number(set.level),
  regime: set.regime,
  tier: set.tier ?? null,
})

export const copyToNextYearEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Cần đăng nhập.', path: '' }] }, { status: 401 })
    const round = await readRound(req)
    if (!round) return notFound()
    const authorityId = relationId(round.authority)
    // before looking for an earlier copy, which is read past access: a reader who may not create
    // rounds here (a unit, a reviewer) must not be shown next year's draft in a 409
    if (!(await canCreateRound({ data: { authority: authorityId }, req }))) {
      return Response.json({ errors: [{ message: 'Bạn không có quyền tạo đợt đánh giá cho cấp quản lý này.', path: '' }] }, { status: 403 })
    }
    const owner = authorityId === null ? null : await req.payload.findByID({ collection: 'authorities', depth: 0, disableErrors: true, id: authorityId, overrideAccess: true, req, select: { isActive: true, name: true } })
    if (owner && owner.isActive === false) {
      return Response.json({ errors: [{ message: `«${owner.name}» đã giải thể hoặc sáp nhập: đợt năm sau do cấp quản lý nhận các đơn vị của nó lập.`, path: 'authority' }] }, { status: 409 })
    }
    const existing = await req.payload.find({ collection: 'rounds', depth: 0, limit: 1, overrideAccess: true, req, where: { copiedFrom: { equals: round.id } } })
    if (existing.docs[0]) {
      return Response.json(
        { doc: existing.docs[0], errors: [{ message: `Đợt này đã được sao chép sang năm sau: «${existing.docs[0].title}».`, path: 'copiedFrom' }] },
        { status: 409 },
      )
    }
    const setIds = (round.criteriaSets ?? []).map(relationId).filter((id): id is number => typeof id === 'number')
    const { docs: sets } = await req.payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, req, where: { _status: { equals: 'published' } } })
    const { docs: current } = setIds.length === 0 ? { docs: [] } : await req.payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, req, where: { id: { in: setIds } } })
    // in the round's own order (level 1 before level 2, as the admin listed them), not the query's
    const inRoundOrder = [...current].sort((a, b) => setIds.indexOf(a.id) - setIds.indexOf(b.id))
    const picked = pickNewestSets({
      candidates: sets.map(toSummary),
      current: inRoundOrder.map(toSummary),
      usableAuthorities: authorityId === null ? [] : await authorityAncestry({ authorityId, req }),
    })
    const year = round.year + 1
    // `copiedFrom` is this action's own field (criteria/policy/rounds.ts)
    const doc = await withWriteStep({ req, step: 'copy-to-next-year', write: () => req.payload.create({
      collection: 'rounds',
      data: {
        authority: authorityId as number,
        // the guide or plan the round follows stays until the province names a new one
        basis: (round.basis ?? []).map(relationId).filter((id): id is number => typeof id === 'number'),
        // the province's own settings stay as they were set: how the team's opinions are combined,
        // the processing time in working days and the reminder days
        consolidationMode: round.consolidationMode,
        copiedFrom: round.id,
        criteriaSets: picked.map((set) => set.id as number),
        // rules relative to the year (the opening day included): the hook writes their dates for the new year
        deadlines: round.deadlines,
        dossier: (round.dossier ?? []).map(({ isRequired, note, title }) => ({ isRequired, note, title })),
        processingWorkingDays: round.processingWorkingDays,
        plan: (round.plan ?? []).map(({ coordinating, due, kind, lead, start, task }) => ({ coordinating, due: shifted(due), kind, lead, start: shifted(start), task })),
        reminderOffsets: round.reminderOffsets,
        reportDeadlines: (round.reportDeadlines ?? []).map(({ day, kind, month, recipient, yearOffset }) => ({ day, kind, month, recipient, yearOffset })),
        status: 'draft',
        // the same people, but next year's team is set up by a new decision: `teamDecision` stays empty
        team: (round.team ?? []).map(({ role, user }) => ({ role, user: relationId(user) as number })),
        tier: round.tier,
        title: titleForYear({ fromYear: round.year, title: round.title, toYear: year }),
        year,
      },
      depth: 0,
      overrideAccess: false,
      req,
    }) })
    return Response.json({ changes: await roundChanges({ req, round }), doc, message: `Đã tạo đợt «${doc.title}» (bản nháp).` }, { status: 201 })
  },
  method: 'post',
  path: '/:id/copy-to-next-year',
}

/**
 * The units a round is for (active, of its tier, in its authority's subtree) and the round's
 * dossiers, read with the caller's access: the participation list and the dashboards' funnels.
 */
export const participantsOf = async ({ req, round }: { req: PayloadRequest; round: { id: number; authority?: unknown; tier?: unknown } }) => {
  const authorityId = relationId(round.authority)
  const authorities = authorityId === null ? [] : await authoritySubtree({ authorityId, req })
  const { docs: units } = await req.payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { code: true, name: true },
    sort: 'name',
    where: { and: [{ authority: { in: authorities } }, { tier: { equals: round.tier as string } }, { isActive: { equals: true } }] },
  })
  const { docs: assessments } = await req.payload.find({
    collection: 'self-assessments',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { outcome: true, status: true, submittedAt: true, unit: true },
    where: { round: { equals: round.id } },
  })
  return { assessments, units }
}

export const participationEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Cần đăng nhập.', path: '' }] }, { status: 401 })
    const round = await readRound(req)
    if (!round) return notFound()
    const { assessments, units } = await participantsOf({ req, round })
    const byUnit = new Map(assessments.map((assessment) => [String(relationId(assessment.unit)), assessment]))
    const rows = units.map((unit) => {
      const assessment = byUnit.get(String(unit.id))
      return {
        code: unit.code ?? null,
        id: unit.id,
        name: unit.name,
        outcome: assessment?.outcome ?? null,
        selfAssessment: assessment?.id ?? null,
        status: assessment?.status ?? null,
        submittedAt: assessment?.submittedAt ?? null,
      }
    })
    const counts: Record<string, number> = { 'not-started': 0 }
    for (const row of rows) counts[row.status ?? 'not-started'] = (counts[row.status ?? 'not-started'] ?? 0) + 1
    return Response.json({ counts, notStarted: rows.filter((row) => row.status === null), units: rows })
  },
  method: 'get',
  path: '/:id/participation',
}
