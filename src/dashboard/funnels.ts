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
import { funnelFromCounts, roundFunnel, type FunnelCount } from '@criteria/dashboard'

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
  const roundIds = intArray(rounds.map((round) => round.id))
  const drizzle = (req.payload.db as unknown as { drizzle: Executor }).drizzle
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
  const statuses = await drizzle.execute(sql`
      select round_id, status::text as status, count(*)::int as n from self_assessments
      where round_id = any(${roundIds}::int[]) and (${isAll}::boolean or authority_id = any(${visible}::int[]))
      group by round_id, status`)
  const counts = new Map<string, { units: number; notStarted: number; byStatus: Record<string, number> }>()
  for (const round of rounds) counts.set(String(round.id), { byStatus: {}, notStarted: 0, units: 0 })
  for (const row of participants.rows) {
    const entry = counts.get(String(row.round_id))
    if (entry) Object.assign(entry, { notStarted: Number(row.not_started), units: Number(row.units) })
  }
  for (const row of statuses.rows) {
    const entry = counts.get(String(row.round_id))
    if (entry) entry.byStatus[String(row.status)] = Number(row.n)
  }
  for (const [id, entry] of counts) result.set(id, { funnel: funnelFromCounts({ byStatus: entry.byStatus, notStarted: entry.notStarted }), unitCount: entry.units })
  return result
}
