/**
 * Decisions (DESIGN.md access matrix): admin all; authority-admin writes its subtree's; a reviewer
 * reads those of the rounds whose team lists it; a unit-editor reads issued decisions of its own
 * authority and those above it.
 */
import type { Access, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { authorityAncestry, isInUserSubtree, userAuthoritySubtree, userUnit, whereIn } from '../access/scope'
import { teamRoundIds } from '../self-assessments/access'

export const canReadDecisions: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) }))
  // a reviewer reads the decisions of the rounds whose team lists it, as it reads those rounds
  if (hasRole({ user, role: 'reviewer' })) visible.push(whereIn({ field: 'round', ids: await teamRoundIds({ req }) }))
  if (hasRole({ user, role: 'unit-editor' })) {
    const unit = await userUnit({ req })
    if (unit && unit.authority !== null) visible.push({ and: [whereIn({ field: 'authority', ids: await authorityAncestry({ authorityId: unit.authority, req }) }), { status: { equals: 'issued' } }] })
  }
  return visible.length === 0 ? false : { or: visible }
}

export const canCreateDecision: Access = async ({ data, req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  const authorityId = relationId(data?.authority)
  return authorityId === null || isInUserSubtree({ authorityId, req })
}

export const canChangeDecisions: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
}

