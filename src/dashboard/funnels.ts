/**
 * The funnels of many rounds counted by PostgreSQL in two statements (GROUP BY), instead of reading
 * every unit and dossier of every round into the app: the system admin's start page holds every
 * open round of the country (issue 16: 734 rounds, 100,000 units — reading them row by row took
 * seconds). The figures are those of `roundFunnel` over `participantsOf` (the participation
 * endpoint's row-by-row reading, collections/rounds/endpoints.ts): a round's units are the active
 * units of its tier under its authority's subtree; a unit without a dossier in the round has not
 * started; every dossier of the round counts in its status's stage.
 *
 * Read with the reader's access. An admin reads every unit and dossier; an authority-admin with no
 * other role reads those whose `authority` is in its subtree — the Where the collections' read
 * access builds (collections/units/access.ts, collections/self-assessments/access.ts), applied here
 * as the same id list. Any other reader (several roles at once) is counted row by row through
 * Payload's own access, as before.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { hasRole, isAdmin, relationId } from '@collections/access/roles'
import { authoritySubtree, userAuthoritySubtree } from '@collections/access/scope'
import { participantsOf } from '@collections/rounds/endpoints'
import { dossierStages, funnelFromCounts, roundFunnel, type FunnelCount } from '@criteria/dashboard'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

export type FunnelRound = { id: number; authority?: unknown; tier?: unknown }

export type RoundFunnel = { funnel: FunnelCount[]; unitCount: number }

/**
 * The authorities whose units and dossiers the reader may read, as the read access has them: null
 * for everything (admin), a list for a plain authority-admin; undefined when access must decide
 * row by row (any other mix of roles).
 */
export const countableScope = async ({ req }: { req: PayloadRequest }): Promise<(number | string)[] | null | undefined> => {
  const { user } = req
  if (!user) return undefined
  if (isAdmin(user)) return null
  const roles = (user as { roles?: string[] | null }).roles ?? []
  if (roles.length === 1 && hasRole({ role: 'authority-admin', user })) return userAuthoritySubtree({ req })
  return undefined
}

/** A PostgreSQL integer array literal: the ids are numbers (ids are serial integers). */
const intArray = (ids: readonly (number | string)[]) => `{${ids.map((id) => Number(id)).filter(Number.isInteger).join(',')}}`

const drizzleOf = (req: PayloadRequest) => (req.payload.db as unknown as { drizzle: Executor }).drizzle

/** The rounds' dossiers by status, by round id, among those whose authority is in `scope` (null: all). */
const countStatuses = async ({ drizzle, roundIds, scope }: { drizzle: Executor; roundIds: readonly (number | string)[]; scope: readonly (number | string)[] | null }) => {
  const { rows } = await drizzle.execute(sql`
      select round_id, status::text as status, count(*)::int as n from self_assessments
      where round_id = any(${intArray(roundIds)}::int[]) and (${scope === null}::boolean or authority_id = any(${intArray(scope ?? [])}::int[]))
      group by round_id, status`)
  const byRound = new Map<string, Record<string, number>>()
  for (const row of rows) {
    const entry = byRound.get(String(row.round_id)) ?? {}
    entry[String(row.status)] = Number(row.n)
    byRound.set(String(row.round_id), entry)
  }
  return byRound
}

/**
 * Each round's dossiers by stage, without the "not started" stage (criteria `dossierStages`): one
 * GROUP BY over the rounds' dossiers, however many rounds. What the system admin's start page shows
 * of every open round of the country; counting each round's units that have not started would match
 * every unit of the country against its dossiers on each view (issue 16: a hash join of 100,000 units
 * with 95,000 dossiers, 200 to 500 ms of SQL). Read with the reader's access, as `roundFunnels`.
 */
export const roundDossierStages = async ({ req, roundIds }: { req: PayloadRequest; roundIds: readonly (number | string)[] }): Promise<Map<string, FunnelCount[]>> => {
  const result = new Map<string, FunnelCount[]>()
  if (roundIds.length === 0) return result
  const scope = await countableScope({ req })
  let counted: Map<string, Record<string, number>>
  if (scope === undefined) {
    const { docs } = await req.payload.find({ collection: 'self-assessments', depth: 0, limit: 0, overrideAccess: false, pagination: false, req, select: { round: true, status: true }, user: req.user, where: { round: { in: [...roundIds] } } })
    counted = new Map()
    for (const doc of docs) {
      const entry = counted.get(String(relationId(doc.round))) ?? {}
      entry[String(doc.status)] = (entry[String(doc.status)] ?? 0) + 1
      counted.set(String(relationId(doc.round)), entry)
    }
  } else counted = await countStatuses({ drizzle: drizzleOf(req), roundIds, scope })
  for (const id of roundIds) result.set(String(id), dossierStages({ byStatus: counted.get(String(id)) ?? {} }))
  return result
}

export type OpenRoundTitle = { id: number; title: string; status: string; authority: number | null }

/**
 * Every round not closed, newest year first (its id, title, status and authority), for a reader who
 * may read every round: the system admin's start page lists the country's open rounds (issue 16:
 * 734), and Payload's read of that many rounds walks every field of the collection for each (its
 * plan, team, deadlines) — a tenth of a second for four columns. Asked of PostgreSQL only when the
 * rounds' read access answers `true` for this reader; null otherwise (the caller reads through
 * Payload, with the reader's access).
 */
export const openRoundsOfAll = async ({ req }: { req: PayloadRequest }): Promise<OpenRoundTitle[] | null> => {
  const access = await req.payload.collections.rounds.config.access.read({ req })
  if (access !== true) return null
  const { rows } = await drizzleOf(req).execute(sql`
      select id, title, status::text as status, authority_id from rounds
      where status is distinct from 'closed' order by year desc, created_at desc`)
  return rows.map((row) => ({ authority: row.authority_id === null ? null : Number(row.authority_id), id: Number(row.id), status: String(row.status ?? ''), title: String(row.title ?? '') }))
}

/** Each round's funnel and unit count, by round id. */
export const roundFunnels = async ({ req, rounds }: { req: PayloadRequest; rounds: readonly FunnelRound[] }): Promise<Map<string, RoundFunnel>> => {
  const result = new Map<string, RoundFunnel>()
  if (rounds.length === 0) return result
  const scope = await countableScope({ req })
  if (scope === undefined) {
    for (const round of rounds) {
      const { assessments, units } = await participantsOf({ req, round })
      result.set(String(round.id), { funnel: roundFunnel({ assessments: assessments.map((row) => ({ status: row.status ?? null, unit: relationId(row.unit) })), unitIds: units.map((unit) => unit.id) }), unitCount: units.length })
    }
    return result
  }
  // (round, authority of its subtree) pairs: the rounds' participants are the units under them
  const pairRounds: number[] = []
  const pairAuthorities: number[] = []
  for (const round of rounds) {
    const authorityId = relationId(round.authority)
    const subtree = authorityId === null ? [] : await authoritySubtree({ authorityId, req })
    for (const id of subtree) {
      pairRounds.push(Number(round.id))
      pairAuthorities.push(Number(id))
    }
  }
  const isAll = scope === null
  const visible = intArray(scope ?? [])
  const drizzle = drizzleOf(req)
  // hash joins over the rounds' units and dossiers, no CTE (materialised CTEs sorted to disk for
  // the admin's 734 rounds); a unit has at most one dossier per round (unit_round_idx)
  // one after the other: the adapter's client must not be asked two queries at once
  const participants = await drizzle.execute(sql`
      select p.round_id, count(*)::int as units, (count(*) filter (where s.id is null))::int as not_started
      from unnest(${intArray(pairRounds)}::int[], ${intArray(pairAuthorities)}::int[]) as p(round_id, authority_id)
      join rounds r on r.id = p.round_id
      join units u on u.authority_id = p.authority_id and u.tier_id = r.tier_id and u.is_active = true
      left join self_assessments s on s.round_id = p.round_id and s.unit_id = u.id and (${isAll}::boolean or s.authority_id = any(${visible}::int[]))
      where ${isAll}::boolean or u.authority_id = any(${visible}::int[])
      group by p.round_id`)
  const statuses = await countStatuses({ drizzle, roundIds: rounds.map((round) => round.id), scope })
  const counts = new Map<string, { units: number; notStarted: number; byStatus: Record<string, number> }>()
  for (const round of rounds) counts.set(String(round.id), { byStatus: {}, notStarted: 0, units: 0 })
  for (const row of participants.rows) {
    const entry = counts.get(String(row.round_id))
    if (entry) Object.assign(entry, { notStarted: Number(row.not_started), units: Number(row.units) })
  }
  for (const [id, byStatus] of statuses) {
    const entry = counts.get(id)
    if (entry) entry.byStatus = byStatus
  }
  for (const [id, entry] of counts) result.set(id, { funnel: funnelFromCounts({ byStatus: entry.byStatus, notStarted: entry.notStarted }), unitCount: entry.units })
  return result
}
