/**
 * Who may see and change units (DESIGN.md access matrix): admin all; authority-admin the units
 * of its subtree; a reviewer reads the units its assigned rounds cover; unit-editor its own unit only.
 */
import type { Access, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { isInUserSubtree, matchNothing, reviewerAuthorityIds, userAuthoritySubtree, whereIn } from '../access/scope'

export const canReadUnits: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) visible.push(whereIn({ field: 'authority', ids: await reviewerAuthorityIds({ req }) }))
  if (hasRole({ user, role: 'unit-editor' })) {
    const unitId = relationId(user.unit)
    visible.push(unitId === null ? matchNothing : { id: { equals: unitId } })
  }
  return visible.length === 0 ? false : { or: visible }
}

export const canCreateUnit: Access = async ({ req, data }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  const authorityId = relationId(data?.authority)
  // a missing authority is refused by the field's own validation, with its name
  return authorityId === null || isInUserSubtree({ authorityId, req })
}

export const canChangeUnits: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
}
