/**
 * Who may see and change authorities (DESIGN.md access matrix):
 * admin all; authority-admin its own subtree; a reviewer reads what its assigned rounds cover;
 * unit-editor reads the authority its unit belongs to.
 */
import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { matchNothing, reviewerAuthorityIds, userAuthoritySubtree, whereIn } from '../access/scope'

const ownUnitAuthority = async ({ req }: { req: PayloadRequest }): Promise<Where> => {
  const unitId = relationId(req.user?.unit)
  if (unitId === null) return matchNothing
  const unit = await req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: unitId, req })
  const authorityId = relationId(unit?.authority)
  return authorityId === null ? matchNothing : { id: { equals: authorityId } }
}

export const canReadAuthorities: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'id', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) visible.push(whereIn({ field: 'id', ids: await reviewerAuthorityIds({ req }) }))
  if (hasRole({ user, role: 'unit-editor' })) visible.push(await ownUnitAuthority({ req }))
  return visible.length === 0 ? false : { or: visible }
}

/** Create: an authority-admin may add authorities only below its own subtree. */
export const canCreateAuthority: Access = async ({ req, data }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  const parentId = relationId(data?.parent)
  if (parentId === null) return true // the hook refuses a missing parent with a field error
  const ids = await userAuthoritySubtree({ req })
  return ids.some((id) => String(id) === String(parentId))
}

export const canUpdateAuthorities: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  return whereIn({ field: 'id', ids: await userAuthoritySubtree({ req }) })
}

/** Delete: an authority-admin may remove authorities below its own, never its own root. */
export const canDeleteAuthorities: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  const rootId = relationId(user.authority)
  const ids = (await userAuthoritySubtree({ req })).filter((id) => String(id) !== String(rootId))
  return whereIn({ field: 'id', ids })
}
