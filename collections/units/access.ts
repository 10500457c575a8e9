/**
 * Who may see and change units (DESIGN.md access matrix): admin all; authority-admin the units
 * of its subtree; reviewer reads its subtree's units; unit-editor reads its own unit only.
 */
import type { Access } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { isInUserSubtree, matchNothing, userAuthoritySubtree, whereIn } from '../access/scope'

export const canReadUnits: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (hasRole({ user, role: 'authority-admin' }) || hasRole({ user, role: 'reviewer' })) {
    return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
  }
  if (hasRole({ user, role: 'unit-editor' })) {
    const unitId = relationId(user.unit)
    return unitId === null ? matchNothing : { id: { equals: unitId } }
  }
  return false
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
