/**
 * What the signed-in user is to one document — its capacities in the field-write rules
 * (criteria/fieldRules.ts): the admin; the authority-admin of the subtree the document belongs to;
 * the unit's own editor; a member or the lead of the round's team; the author of a review; the
 * holder of an account. On create the document's relations are only being chosen, so the roles
 * count, and the rules' target checks (targets.ts) and the collections' hooks check the values.
 */
import type { PayloadRequest } from 'payload'

import type { Capacity } from '@criteria/fieldRules'

import { teamRoundIds } from '../self-assessments/access'
import { hasRole, isAdmin, relationId } from './roles'
import { isInUserSubtree } from './scope'

type Id = number | string | null

const same = (a: Id | undefined, b: Id | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b)

export const heldCapacities = async ({
  req,
  operation,
  authority = null,
  unit = null,
  round = null,
  author = null,
  account = null,
}: {
  req: PayloadRequest
  operation: 'create' | 'update'
  /** the authority whose subtree the document belongs to */
  authority?: Id
  unit?: Id
  round?: Id
  /** the review's reviewer */
  author?: Id
  /** the account itself (users) */
  account?: Id
}): Promise<Capacity[]> => {
  const { user } = req
  if (!user) return []
  const held: Capacity[] = []
  if (isAdmin(user)) held.push('admin')
  if (hasRole({ user, role: 'authority-admin' }) && (operation === 'create' || (authority !== null && (await isInUserSubtree({ authorityId: authority, req }))))) {
    held.push('authority-admin')
  }
  if (hasRole({ user, role: 'unit-editor' }) && (operation === 'create' || same(unit, relationId(user.unit)))) held.push('unit-editor')
  if (hasRole({ user, role: 'reviewer' })) {
    if (operation === 'create') held.push('team-member')
    else if (round !== null) {
      if ((await teamRoundIds({ req })).some((id) => same(id, round))) held.push('team-member')
      if ((await teamRoundIds({ req, role: 'truong-doan' })).some((id) => same(id, round))) held.push('team-lead')
    }
  }
  if (operation === 'update' && same(author, user.id)) held.push('author')
  if (operation === 'update' && same(account, user.id)) held.push('self')
  return held
}
