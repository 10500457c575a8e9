/**
 * Row scoping: which authorities and units a signed-in user may see or change.
 * The subtree is computed once per request from the whole tree (a province has at most a few
 * hundred authorities) and kept on `req.context`.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Access, PayloadRequest, Where } from 'payload'

import { ancestorIds, subtreeIds, subtreeIndex, type AuthorityNode } from '@criteria/authorityTree'

import { relationId } from './roles'

const cacheKey = 'authoritySubtree'
const nodesKey = 'authorityNodes'
const indexKey = 'authoritySubtreeIndex'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Every authority's id and parent, asked of PostgreSQL in the request's transaction when there is
 * one (a request that has just added an authority sees it), else of the primary: through Payload, reading the country's
 * 734 authorities walked every field of each and cost 20 to 50 ms of every scoped request (issue
 * 16's bench). An adapter without SQL is read through Payload.
 */
const readAuthorityNodes = async ({ req }: { req: PayloadRequest }): Promise<AuthorityNode[]> => {
  const adapter = req.payload.db as unknown as { drizzle?: Executor; primaryDrizzle?: Executor; sessions?: Record<string, { db?: Executor } | undefined> }
  if (typeof adapter.drizzle?.execute !== 'function') {
    const { docs } = await req.payload.find({ collection: 'authorities', depth: 0, limit: 0, pagination: false, req, select: { parent: true } })
    return docs.map((doc) => ({ id: doc.id, parent: relationId(doc.parent) }))
  }
  const transactionID = req.transactionID ? await req.transactionID : undefined
  // the primary when read replicas are configured: who may see what is decided on fresh data
  const db = (transactionID !== undefined ? adapter.sessions?.[String(transactionID)]?.db : undefined) ?? adapter.primaryDrizzle ?? adapter.drizzle
  const { rows } = await db.execute(sql`select id, parent_id from authorities order by created_at desc`)
  return rows.map((row) => ({ id: Number(row.id), parent: row.parent_id === null || row.parent_id === undefined ? null : Number(row.parent_id) }))
}

/**
 * The whole authority tree (id and parent), read once per request and kept on `req.context`: one
 * admin list page asks access questions of it dozens of times (issue 10 counted 75 identical
 * queries). A write to `authorities` forgets it (`forgetAuthorityTree`), so a request that changes
 * the tree and then asks about it reads it again.
 */
export const loadAuthorityNodes = ({ req }: { req: PayloadRequest }): Promise<AuthorityNode[]> => {
  // the promise is kept, not its result: the admin asks its access questions concurrently, and
  // every one of them must wait for the same single read
  const cached = req.context[nodesKey] as Promise<AuthorityNode[]> | undefined
  if (cached) return cached
  const loading = readAuthorityNodes({ req })
  req.context[nodesKey] = loading
  // a failed read is not kept: the next question reads again
  loading.catch(() => {
    if (req.context[nodesKey] === loading) delete req.context[nodesKey]
  })
  return loading
}

/** Forgets the request's copy of the tree and of the user's subtree (after a write to `authorities`). */
export const forgetAuthorityTree = ({ req }: { req: PayloadRequest }) => {
  delete req.context[nodesKey]
  delete req.context[cacheKey]
  delete req.context[indexKey]
}

/** Ids of the user's authority and all authorities below it; empty when the user has none. */
export const userAuthoritySubtree = async ({ req }: { req: PayloadRequest }): Promise<(number | string)[]> => {
  const rootId = relationId(req.user?.authority)
  if (rootId === null) return []
  const cached = req.context[cacheKey] as { ids: (number | string)[]; rootId: number | string } | undefined
  if (cached && cached.rootId === rootId) return cached.ids
  const ids = subtreeIds({ nodes: await loadAuthorityNodes({ req }), rootId })
  req.context[cacheKey] = { ids, rootId }
  return ids
}

export const isInUserSubtree = async ({ req, authorityId }: { req: PayloadRequest; authorityId: number | string | null }) => {
  if (authorityId === null) return false
  const ids = await userAuthoritySubtree({ req })
  return ids.some((id) => String(id) === String(authorityId))
}

/** A `Where` that matches nothing: used when a role has no rows at all. */
export const matchNothing: Where = { id: { equals: -1 } }

export const whereIn = ({ field, ids }: { field: string; ids: (number | string)[] }): Where =>
  ids.length === 0 ? matchNothing : { [field]: { in: ids } }

/**
 * Ids of `authorityId` and every authority below it. The request's tree is indexed once (kept with
 * the nodes it was built from): a page asking for many subtrees — the admin's start page, one per
 * open round of the country — walks only each subtree, not the whole tree each time.
 */
export const authoritySubtree = async ({ req, authorityId }: { req: PayloadRequest; authorityId: number | string }) => {
  const nodes = await loadAuthorityNodes({ req })
  const cached = req.context[indexKey] as { nodes: AuthorityNode[]; below: (rootId: number | string) => (number | string)[] } | undefined
  if (cached && cached.nodes === nodes) return cached.below(authorityId)
  const below = subtreeIndex(nodes)
  req.context[indexKey] = { below, nodes }
  return below(authorityId)
}

/** Ids of `authorityId` and the authorities above it, nearest first. */
export const authorityAncestry = async ({ req, authorityId }: { req: PayloadRequest; authorityId: number | string }) =>
  ancestorIds({ id: authorityId, nodes: await loadAuthorityNodes({ req }) })

/** The signed-in unit-editor's unit (authority and tier), read once per request. */
export const userUnit = async ({ req }: { req: PayloadRequest }): Promise<{ id: number | string; authority: number | string | null; tier: string | null } | null> => {
  const unitId = relationId(req.user?.unit)
  if (unitId === null) return null
  const key = `userUnit:${unitId}`
  if (req.context[key] !== undefined) return req.context[key] as Awaited<ReturnType<typeof userUnit>>
  const unit = await req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: unitId, req, select: { authority: true, tier: true } })
  const result = unit ? { authority: relationId(unit.authority), id: unit.id, tier: unit.tier ?? null } : null
  req.context[key] = result
  return result
}

/**
 * An access `Where` written for a collection's documents, for its versions: Payload queries the
 * versions table, where the document's fields live under `version.`.
 */
export const forVersions = (where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or' ? [key, (value as Where[]).map(forVersions)] : key === 'id' ? ['parent', value] : [`version.${key}`, value],
    ),
  ) as Where

/** Wraps an access function so that a `Where` it returns applies to the versions table. */
export const versionsAccess =
  (access: Access): Access =>
  async (args) => {
    const result = await access(args)
    return typeof result === 'object' && result !== null ? forVersions(result) : result
  }

/**
 * The authorities a reviewer works on: the subtrees of the rounds whose team lists the user
 * (DESIGN.md: a reviewer reads what its assigned rounds cover). Once per request.
 */
export const reviewerAuthorityIds = async ({ req }: { req: PayloadRequest }): Promise<(number | string)[]> => {
  const userId = req.user?.id
  if (userId === undefined) return []
  const key = `reviewerAuthorities:${userId}`
  if (Array.isArray(req.context[key])) return req.context[key] as (number | string)[]
  const { docs: rounds } = await req.payload.find({
    collection: 'rounds',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { authority: true },
    where: { 'team.user': { equals: userId } },
  })
  const nodes = rounds.length === 0 ? [] : await loadAuthorityNodes({ req })
  const ids = new Map<string, number | string>()
  for (const round of rounds) {
    const rootId = relationId(round.authority)
    if (rootId !== null) for (const id of subtreeIds({ nodes, rootId })) ids.set(String(id), id)
  }
  req.context[key] = [...ids.values()]
  return [...ids.values()]
}
