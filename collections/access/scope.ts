/**
 * Row scoping: which authorities and units a signed-in user may see or change.
 * The subtree is computed once per request from the whole tree (a province has at most a few
 * hundred authorities) and kept on `req.context`.
 */
import type { PayloadRequest, Where } from 'payload'

import { subtreeIds, type AuthorityNode } from '@criteria/authorityTree'

import { relationId } from './roles'

const cacheKey = 'authoritySubtree'

export const loadAuthorityNodes = async ({ req }: { req: PayloadRequest }): Promise<AuthorityNode[]> => {
  const { docs } = await req.payload.find({
    collection: 'authorities',
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    select: { parent: true },
  })
  return docs.map((doc) => ({ id: doc.id, parent: relationId(doc.parent) }))
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
