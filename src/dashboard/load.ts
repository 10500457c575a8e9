/**
 * What each role's start page shows, read with the signed-in user's own access (every query is
 * `overrideAccess: false` with `user`), so a page shows nothing its reader could not open. The
 * counting and the wording of dates come from the pure core (criteria/dashboard.ts).
 */
import type { PayloadRequest, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '@collections/access/roles'
import { authoritySubtree, userAuthoritySubtree, whereIn } from '@collections/access/scope'
import { todayInVietnam, toIsoDay } from '@collections/dates'
import { ruleOf } from '@collections/rounds/fields'
import { dossierGaps, type DossierGap } from '@collections/self-assessments/gaps'
import { prerequisiteUnits } from '@collections/units/boundary'
import { deadlineFor as unitDeadlineFor } from '@collections/self-assessments/steps'
import { formatVietnameseDate, parseIsoDate } from '@criteria/calendar'
import { chooseSets, daysUntil, expiringSoon, teamProgress, type FunnelCount, type SetChoice } from '@criteria/dashboard'
import { deadlineFor, describeDeadline, type DeadlineRule } from '@criteria/deadlines'
import { teamRoles } from '@criteria/rounds'
import { statusLabels, type SelfAssessmentStatus } from '@criteria/workflow'

import { openRoundsOfAll, roundDossierStages, roundFunnels, type FunnelRound } from './funnels'

type Doc = Record<string, any>

export type Deadline = { label: string; date: string | null; text: string; days: number | null }

export type UnitRound = {
  id: number
  title: string
  deadline: Deadline | null
  dossier: { id: number; status: string; statusLabel: string; gaps: DossierGap[]; setTitle: string; returnReason: string | null } | null
  choices: SetChoice[]
}

export type UnitDashboardData = {
  role: 'unit'
  unitName: string | null
  rounds: UnitRound[]
  recognitions: { id: number; outcome: string; decision: string; validUntil: string | null; days: number | null }[]
}

export type AuthorityRound = {
  id: number
  title: string
  authorityName: string
  status: string
  funnel: FunnelCount[]
  unitCount: number
  deadlines: Deadline[]
}

export type AuthorityDashboardData = {
  role: 'authority'
  rounds: AuthorityRound[]
  /** the longest waiting first, at most `listedOnDashboard`; `waitingCount` counts them all */
  waiting: { id: number; title: string; submittedAt: string | null }[]
  waitingCount: number
  /** at most `listedOnDashboard`; `disagreementCount` counts them all */
  disagreements: { id: number; title: string; count: number }[]
  disagreementCount: number
  expiring: { id: number; unitName: string; outcome: string; validUntil: string; days: number | null }[]
}

export type ReviewerDashboardData = {
  role: 'reviewer'
  rounds: { id: number; title: string; role: string; dossierCount: number }[]
  dossiers: {
    id: number
    title: string
    roundTitle: string
    status: string
    statusLabel: string
    isLead: boolean
    ownReview: { id: number; isSent: boolean } | null
    progress: { done: number; excused: number; expected: number }
  }[]
}

/** A round on the system admin's page: its title and its dossiers by stage (no "not started": ./funnels.ts). */
export type AdminRound = { id: number; title: string; status: string; funnel: FunnelCount[] }

export type AdminDashboardData = {
  role: 'admin'
  provinces: { id: number; name: string; rounds: AdminRound[] }[]
}

export type DashboardData = UnitDashboardData | AuthorityDashboardData | ReviewerDashboardData | AdminDashboardData

const vnDay = (iso: string | null | undefined) => {
  const date = iso ? parseIsoDate(iso.slice(0, 10)) : null
  return date ? formatVietnameseDate(date) : ''
}

const find = async ({ req, collection, where, select, sort, limit = 0 }: { req: PayloadRequest; collection: string; where?: Where; select?: Record<string, true>; sort?: string; limit?: number }) =>
  (
    await req.payload.find({
      collection: collection as 'rounds',
      depth: 0,
      limit,
      overrideAccess: false,
      pagination: limit > 0,
      req,
      select: select as never,
      sort,
      user: req.user,
      where,
    })
  ).docs as Doc[]

/**
 * How many dossiers a start page lists by name in each of its lists; the heading counts them all
 * and links to the whole list. A province in January has hundreds waiting (issue 16: 572 in one
 * province of the national bench), read and rendered on every view when listed in full.
 */
export const listedOnDashboard = 20

/** The first `limit` rows and how many there are in all (one more COUNT statement). */
const firstOf = async ({ req, collection, where, select, sort }: { req: PayloadRequest; collection: string; where: Where; select: Record<string, true>; sort?: string }) => {
  const found = await req.payload.find({ collection: collection as 'rounds', depth: 0, limit: listedOnDashboard, overrideAccess: false, req, select: select as never, sort, user: req.user, where })
  return { docs: found.docs as Doc[], total: found.totalDocs }
}

const ruleDeadline = ({ label, rule, year, today }: { label: string; rule: DeadlineRule | null; year: number; today: string }): Deadline | null => {
  if (!rule) return null
  const date = deadlineFor({ rule, year })
  return { date, days: daysUntil({ date, today }), label, text: describeDeadline({ rule, year }) }
}

/** The round's deadlines that bind the authority, in order, report-up ones last. */
const roundDeadlines = ({ round, today }: { round: Doc; today: string }): Deadline[] => {
  const groups: [string, string][] = [
    ['submission', 'Hạn đơn vị nộp hồ sơ'],
    ['review', 'Hạn đoàn đánh giá hoàn thành'],
    ['decision', 'Hạn ra quyết định công nhận'],
  ]
  const deadlines = groups.map(([key, label]) => ruleDeadline({ label, rule: ruleOf(round.deadlines?.[key]), today, year: round.year }))
  for (const row of (round.reportDeadlines ?? []) as Doc[]) {
    deadlines.push(ruleDeadline({ label: `Báo cáo ${row.recipient ?? 'cấp trên'}`, rule: ruleOf(row), today, year: round.year }))
  }
  return deadlines.filter((deadline): deadline is Deadline => deadline !== null)
}

const outcomeText = (recognition: Doc) =>
  recognition.outcomeLabel ?? (typeof recognition.level === 'number' ? `Mức độ ${recognition.level}` : (recognition.grade ?? 'Công nhận'))

const loadUnit = async ({ req, today }: { req: PayloadRequest; today: string }): Promise<UnitDashboardData> => {
  const unitId = relationId((req.user as Doc).unit)
  const [unit] = unitId === null ? [] : await find({ collection: 'units', req, select: { name: true, tier: true }, where: { id: { equals: unitId } } })
  const rounds = await find({ collection: 'rounds', req, sort: '-year', where: { status: { equals: 'open' } } })
  const dossiers = unitId === null ? [] : await find({ collection: 'self-assessments', req, where: { and: [{ unit: { equals: unitId } }, { round: { in: rounds.map((round) => round.id) } }] } })
  const recognitions = unitId === null ? [] : await find({ collection: 'recognitions', req, sort: '-decidedOn', where: { and: [{ unit: { equals: unitId } }, { status: { equals: 'valid' } }] } })
  // a unit merged into this one, saying so, lends its recognitions to the next level (issue 15)
  const carried = unitId === null ? [] : (await prerequisiteUnits({ req, unitId })).slice(1)
  const inherited = carried.length === 0
    ? []
    : (await req.payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { and: [{ unit: { in: carried } }, { status: { equals: 'valid' } }] } })).docs as Doc[]
  const prior = [...recognitions, ...inherited]
    .filter((row) => typeof row.level === 'number')
    .map((row) => ({ decidedOn: toIsoDay(row.decidedOn) ?? '', level: row.level as number, validUntil: toIsoDay(row.validUntil) }))
    .sort((a, b) => b.level - a.level)[0] ?? null
  const setIds = [...new Set(rounds.flatMap((round) => (round.criteriaSets ?? []).map((set: unknown) => relationId(set))))]
  const sets = setIds.length === 0 ? [] : await find({ collection: 'criteria-sets', req, select: { level: true, recognition: true, tier: true, title: true }, where: { id: { in: setIds } } })
  const setById = new Map(sets.map((set) => [String(set.id), set]))
  return {
    recognitions: recognitions.map((row) => {
      const validUntil = toIsoDay(row.validUntil)
      return { days: daysUntil({ date: validUntil, today }), decision: `${row.decisionNumber ?? ''} ngày ${vnDay(row.decidedOn)}`, id: row.id, outcome: outcomeText(row), validUntil }
    }),
    role: 'unit',
    rounds: rounds.map((round) => {
      const dossier = dossiers.find((row) => String(relationId(row.round)) === String(round.id))
      const { extendedUntil, rule } = unitDeadlineFor({ round: round as never, unitId: unitId ?? '' })
      const date = extendedUntil ?? (rule ? deadlineFor({ rule, year: round.year }) : null)
      const deadline: Deadline | null = date ? { date, days: daysUntil({ date, today }), label: 'Hạn nộp hồ sơ', text: extendedUntil ? `gia hạn đến hết ngày ${vnDay(date)}` : rule ? describeDeadline({ rule, year: round.year }) : '' } : null
      const offered = (round.criteriaSets ?? [])
        .map((id: unknown) => setById.get(String(relationId(id))))
        .filter((set: Doc | undefined): set is Doc => Boolean(set) && (set?.tier === null || set?.tier === undefined || set?.tier === unit?.tier))
        .map((set: Doc) => ({ id: set.id, level: set.level ?? null, recognition: set.recognition ?? null, title: set.title }))
      return {
        choices: dossier ? [] : chooseSets({ offered, prior, today }),
        deadline,
        dossier: dossier
          ? {
              gaps: ['draft', 'returned'].includes(dossier.status) ? dossierGaps({ id: dossier.id, rows: dossier.answers ?? [], slots: dossier.dossierFiles ?? [] }) : [],
              id: dossier.id,
              returnReason: dossier.status === 'returned' ? (dossier.returnReason ?? null) : null,
              setTitle: setById.get(String(relationId(dossier.criteriaSet)))?.title ?? '',
              status: dossier.status,
              statusLabel: statusLabels[dossier.status as SelfAssessmentStatus] ?? dossier.status,
            }
          : null,
        id: round.id,
        title: round.title,
      }
    }),
    unitName: unit?.name ?? null,
  }
}

/** The rounds' cards: each with its authority's name, deadlines and funnel (counted by the database: ./funnels.ts). */
/** What a round's card reads of it: not its plan, team, dossier checklist or extensions. */
const roundCardFields = { authority: true, deadlines: true, reportDeadlines: true, status: true, tier: true, title: true, year: true } as const

const authorityRounds = async ({ req, today, rounds }: { req: PayloadRequest; today: string; rounds: Doc[] }): Promise<AuthorityRound[]> => {
  const authorityIds = [...new Set(rounds.map((round) => relationId(round.authority)).filter((id) => id !== null))]
  const authorities = authorityIds.length === 0 ? [] : await find({ collection: 'authorities', req, select: { name: true }, where: { id: { in: authorityIds } } })
  const funnels = await roundFunnels({ req, rounds: rounds as FunnelRound[] })
  return rounds.map((round) => {
    const authorityId = relationId(round.authority)
    const counted = funnels.get(String(round.id))
    return {
      authorityName: authorities.find((authority) => String(authority.id) === String(authorityId))?.name ?? '',
      deadlines: roundDeadlines({ round, today }),
      funnel: counted?.funnel ?? [],
      id: round.id,
      status: round.status,
      title: round.title,
      unitCount: counted?.unitCount ?? 0,
    }
  })
}

const loadAuthority = async ({ req, today }: { req: PayloadRequest; today: string }): Promise<AuthorityDashboardData> => {
  const rounds = await authorityRounds({ req, rounds: await find({ collection: 'rounds', req, select: roundCardFields, sort: '-year', where: { status: { in: ['open', 'reviewing'] } } }), today })
  const roundIds = rounds.map((round) => round.id)
  const none = { docs: [] as Doc[], total: 0 }
  const waiting = roundIds.length === 0 ? none : await firstOf({ collection: 'self-assessments', req, select: { submittedAt: true, title: true }, sort: 'submittedAt', where: { and: [{ round: { in: roundIds } }, { status: { equals: 'submitted' } }] } })
  const disagreeing = roundIds.length === 0 ? none : await firstOf({ collection: 'self-assessments', req, select: { disagreements: true, title: true }, sort: '-disagreements', where: { and: [{ round: { in: roundIds } }, { disagreements: { greater_than: 0 } }] } })
  // the register is readable by everyone signed in: only its rows decided within the authority's
  // subtree that end in the next twelve months are read (a day's margin each side of the window;
  // expiringSoon keeps the exact days), not the whole country's register
  const subtree = await userAuthoritySubtree({ req })
  const [year, month, day] = today.split('-').map(Number)
  const window = { greater_than_equal: new Date(Date.UTC(year, month - 1, day - 1)).toISOString(), less_than_equal: new Date(Date.UTC(year + 1, month - 1, day + 2)).toISOString() }
  const recognitions = await find({
    collection: 'recognitions',
    req,
    select: { grade: true, level: true, outcomeLabel: true, status: true, unitName: true, validUntil: true },
    sort: 'validUntil',
    where: { and: [{ status: { equals: 'valid' } }, { validUntil: window }, whereIn({ field: 'authority', ids: subtree })] },
  })
  return {
    disagreementCount: disagreeing.total,
    disagreements: disagreeing.docs.map((row) => ({ count: row.disagreements, id: row.id, title: row.title })),
    expiring: expiringSoon({ rows: recognitions.map((row) => ({ ...row, validUntil: toIsoDay(row.validUntil) }) as Doc), today }).map((row) => ({
      days: daysUntil({ date: row.validUntil, today }),
      id: row.id,
      outcome: outcomeText(row),
      unitName: row.unitName ?? '',
      validUntil: row.validUntil as string,
    })),
    role: 'authority',
    rounds,
    waiting: waiting.docs.map((row) => ({ id: row.id, submittedAt: row.submittedAt ?? null, title: row.title })),
    waitingCount: waiting.total,
  }
}

const loadReviewer = async ({ req }: { req: PayloadRequest }): Promise<ReviewerDashboardData> => {
  const userId = req.user?.id
  const rounds = await find({ collection: 'rounds', req, select: { team: true, title: true }, where: { and: [{ 'team.user': { equals: userId } }, { status: { in: ['open', 'reviewing'] } }] } })
  if (rounds.length === 0) return { dossiers: [], role: 'reviewer', rounds: [] }
  const dossiers = await find({ collection: 'self-assessments', req, select: { round: true, status: true, title: true }, sort: 'title', where: { and: [{ round: { in: rounds.map((round) => round.id) } }, { status: { in: ['in-review', 'reviewed'] } }] } })
  const reviews = dossiers.length === 0 ? [] : await find({ collection: 'reviews', req, select: { conflictOfInterest: true, reviewer: true, selfAssessment: true }, where: { selfAssessment: { in: dossiers.map((row) => row.id) } } })
  return {
    dossiers: dossiers.map((dossier) => {
      const round = rounds.find((row) => String(row.id) === String(relationId(dossier.round)))
      const team = ((round?.team ?? []) as Doc[]).map((member) => ({ role: member.role, user: relationId(member.user) }))
      const own = reviews.filter((review) => String(relationId(review.selfAssessment)) === String(dossier.id))
      const mine = own.find((review) => String(relationId(review.reviewer)) === String(userId))
      return {
        id: dossier.id,
        isLead: team.some((member) => String(member.user) === String(userId) && member.role === 'truong-doan'),
        ownReview: mine ? { id: mine.id, isSent: true } : null,
        progress: teamProgress({ reviews: own.map((review) => ({ conflictOfInterest: review.conflictOfInterest, reviewer: relationId(review.reviewer) })), team }),
        roundTitle: round?.title ?? '',
        status: dossier.status,
        statusLabel: statusLabels[dossier.status as SelfAssessmentStatus] ?? dossier.status,
        title: dossier.title,
      }
    }),
    role: 'reviewer',
    rounds: rounds.map((round) => {
      const member = ((round.team ?? []) as Doc[]).find((row) => String(relationId(row.user)) === String(userId))
      return {
        dossierCount: dossiers.filter((dossier) => String(relationId(dossier.round)) === String(round.id)).length,
        id: round.id,
        role: teamRoles.find((role) => role.code === member?.role)?.vi ?? 'Thành viên',
        title: round.title,
      }
    }),
  }
}

/**
 * Each province's open rounds side by side, each with its dossiers by stage: one read of the rounds
 * (their titles, not their deadlines or plans) and one GROUP BY of their dossiers, whatever the
 * number of provinces. The country holds hundreds of open rounds (issue 16: 734); which of a
 * round's units have not started is shown on the round's page and its authority's start page.
 */
const loadAdmin = async ({ req }: { req: PayloadRequest }): Promise<AdminDashboardData> => {
  const provinces = await find({ collection: 'authorities', req, select: { name: true }, sort: 'name', where: { parent: { exists: false } } })
  const subtrees = await Promise.all(provinces.map((province) => authoritySubtree({ authorityId: province.id, req })))
  const within = [...new Map(subtrees.flat().map((id) => [String(id), id])).values()]
  const rounds =
    within.length === 0
      ? []
      : ((await openRoundsOfAll({ req })) ?? (await find({ collection: 'rounds', req, select: { authority: true, status: true, title: true }, sort: '-year', where: { and: [{ authority: { in: within } }, { status: { not_equals: 'closed' } }] } })))
  const stages = await roundDossierStages({ req, roundIds: rounds.map((round) => round.id) })
  const provinceOf = new Map<string, number>()
  subtrees.forEach((ids, index) => ids.forEach((id) => provinceOf.set(String(id), index)))
  const cards = provinces.map((): AdminRound[] => [])
  for (const round of rounds) {
    const index = provinceOf.get(String(relationId(round.authority)))
    if (index !== undefined) cards[index].push({ funnel: stages.get(String(round.id)) ?? [], id: round.id, status: round.status, title: round.title })
  }
  return { provinces: provinces.map((province, index) => ({ id: province.id, name: province.name, rounds: cards[index] })), role: 'admin' }
}

/** The start page of the signed-in user: the admin's, else the authority's, the reviewer's or the unit's. */
export const loadDashboard = async ({ req, now = new Date() }: { req: PayloadRequest; now?: Date }): Promise<DashboardData | null> => {
  const { user } = req
  if (!user) return null
  const today = todayInVietnam(now)
  if (isAdmin(user)) return loadAdmin({ req })
  if (hasRole({ user, role: 'authority-admin' })) return loadAuthority({ req, today })
  if (hasRole({ user, role: 'reviewer' })) return loadReviewer({ req })
  if (hasRole({ user, role: 'unit-editor' })) return loadUnit({ req, today })
  return null
}
