/**
 * Self-assessments (DESIGN.md access matrix): admin all; authority-admin reads its subtree's and
 * takes the authority's transitions (accept, return); a reviewer reads those of rounds whose team
 * lists them (the team lead may close them); a unit-editor creates and edits its own unit's, and
 * deletes them only as drafts. Which fields each may change is the hook's business (hooks.ts).
 */
import type { Access, PayloadRequest, Where } from 'payload'

import { canCreateForOwnUnit, hasRole, isAdmin, relationId } from '../access/roles'
import { matchNothing, userAuthoritySubtree, whereIn } from '../access/scope'

/** Ids of the rounds whose team lists the user (with `role`, when given); once per request. */
export const teamRoundIds = async ({ req, role }: { req: PayloadRequest; role?: string }): Promise<(number | string)[]> => {
  const userId = req.user?.id
  if (userId === undefined) return []
  const key = `teamRounds:${userId}:${role ?? '*'}`
  if (Array.isArray(req.context[key])) return req.context[key] as (number | string)[]
  const where: Where = role ? { and: [{ 'team.user': { equals: userId } }, { 'team.role': { equals: role } }] } : { 'team.user': { equals: userId } }
  const { docs } = await req.payload.find({ collection: 'rounds', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { team: true }, where })
  // `team.user` and `team.role` may match different rows; keep the rounds where one row has both
  const ids = docs
    .filter((round) => (round.team ?? []).some((member) => String(relationId(member.user)) === String(userId) && (!role || member.role === role)))
    .map((round) => round.id)
  req.context[key] = ids
  return ids
}

const ownUnit = (req: PayloadRequest): Where => {
  const unitId = relationId(req.user?.unit)
  return unitId === null ? matchNothing : { unit: { equals: unitId } }
}

const scoped = async ({ req, withTeam }: { req: PayloadRequest; withTeam: 'member' | 'lead' }): Promise<Where | boolean> => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  const visible: Where[] = []
  if (hasRole({ user, role: 'authority-admin' })) visible.push(whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) }))
  if (hasRole({ user, role: 'reviewer' })) {
    visible.push(whereIn({ field: 'round', ids: await teamRoundIds({ req, role: withTeam === 'lead' ? 'truong-doan' : undefined }) }))
  }
  if (hasRole({ user, role: 'unit-editor' })) visible.push(ownUnit(req))
  return visible.length === 0 ? false : { or: visible }
}

export const canReadSelfAssessments: Access = ({ req }) => scoped({ req, withTeam: 'member' })

export const canUpdateSelfAssessments: Access = ({ req }) => scoped({ req, withTeam: 'lead' })

export const canCreateSelfAssessment: Access = ({ data, req }) => canCreateForOwnUnit({ data, user: req.user })

export const canDeleteSelfAssessments: Access = ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'unit-editor' })) return false
  return { and: [ownUnit(req), { status: { equals: 'draft' } }] }
}
