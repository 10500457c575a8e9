/**
 * Evidence files (DESIGN.md access matrix): admin all; authority-admin reads its subtree's units'
 * files; a reviewer reads the files of units in rounds whose team lists them; a unit-editor keeps
 * its own unit's files. The same rules guard the file download itself.
 */
import type { Access, Where } from 'payload'

import { canCreateForOwnUnit, hasRole, isAdmin, relationId } from '../access/roles'
import { matchNothing, reviewerAuthorityIds, userAuthoritySubtree, whereIn } from '../access/scope'

export const canReadEvidence: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'unit.authority', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) visible.push(whereIn({ field: 'unit.authority', ids: await reviewerAuthorityIds({ req }) }))
  if (hasRole({ user, role: 'unit-editor' })) {
    const unitId = relationId(user.unit)
    visible.push(unitId === null ? matchNothing : { unit: { equals: unitId } })
  }
  return visible.length === 0 ? false : { or: visible }
}

export const canCreateEvidence: Access = ({ data, req }) => canCreateForOwnUnit({ data, user: req.user })

export const canChangeEvidence: Access = ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'unit-editor' })) return false
  const unitId = relationId(user.unit)
  return unitId === null ? false : { unit: { equals: unitId } }
}
