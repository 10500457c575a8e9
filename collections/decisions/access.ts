/**
 * Decisions (DESIGN.md access matrix): admin all; authority-admin writes its subtree's; a reviewer
 * reads them; a unit-editor reads issued decisions of its own authority and those above it.
 */
import type { Access } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { authorityAncestry, isInUserSubtree, userAuthoritySubtree, userUnit, whereIn } from '../access/scope'

export const canReadDecisions: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user) || hasRole({ user, role: 'reviewer' })) return true
  if (hasRole({ user, role: 'authority-admin' })) return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
  if (hasRole({ user, role: 'unit-editor' })) {
    const unit = await userUnit({ req })
    if (!unit || unit.authority === null) return false
    return { and: [whereIn({ field: 'authority', ids: await authorityAncestry({ authorityId: unit.authority, req }) }), { status: { equals: 'issued' } }] }
  }
  return false
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
