/**
 * Who may see and change rounds (DESIGN.md access matrix): admin all; authority-admin the rounds
 * of its subtree; a reviewer the rounds whose team lists them; a unit-editor the rounds its unit
 * takes part in once they are no longer drafts (its authority or one above it, at its tier).
 */
import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { authorityAncestry, isInUserSubtree, userAuthoritySubtree, userUnit, whereIn } from '../access/scope'

/** Rounds the unit-editor's unit takes part in; null when the user has no unit. */
export const unitRoundsWhere = async ({ req }: { req: PayloadRequest }): Promise<Where | null> => {
  const unit = await userUnit({ req })
  if (!unit || unit.authority === null) return null
  const ancestry = await authorityAncestry({ authorityId: unit.authority, req })
  return { and: [whereIn({ field: 'authority', ids: ancestry }), { tier: { equals: unit.tier } }, { status: { not_equals: 'draft' } }] }
}

export const canReadRounds: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) visible.push({ 'team.user': { equals: user.id } })
  if (hasRole({ user, role: 'unit-editor' })) {
    const where = await unitRoundsWhere({ req })
    if (where) visible.push(where)
  }
  return visible.length === 0 ? false : { or: visible }
}

export const canCreateRound: Access = async ({ data, req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  const authorityId = relationId(data?.authority)
  return authorityId === null || isInUserSubtree({ authorityId, req })
}

export const canChangeRounds: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
}
