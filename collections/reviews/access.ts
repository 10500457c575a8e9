/**
 * Reviews (DESIGN.md access matrix): admin all; authority-admin reads its subtree's; a reviewer
 * reads the reviews of rounds whose team lists it (the lead consolidates them) and writes only its
 * own; a unit-editor reads its own unit's once the decision is issued.
 */
import type { Access, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { matchNothing, userAuthoritySubtree, whereIn } from '../access/scope'
import { teamRoundIds } from '../self-assessments/access'

export const canReadReviews: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) visible.push(whereIn({ field: 'round', ids: await teamRoundIds({ req }) }))
  if (hasRole({ user, role: 'unit-editor' })) {
    const unitId = relationId(user.unit)
    visible.push(unitId === null ? matchNothing : { and: [{ unit: { equals: unitId } }, { isDecided: { equals: true } }] })
  }
  return visible.length === 0 ? false : { or: visible }
}

export const canCreateReview: Access = ({ req }) => isAdmin(req.user) || hasRole({ user: req.user, role: 'reviewer' })

export const canChangeReviews: Access = ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  return hasRole({ user, role: 'reviewer' }) ? { reviewer: { equals: user.id } } : false
}
