/**
 * Criteria sets are public law once published: anyone reads published sets. National sets (no
 * authority) are the admin's; an authority-admin keeps its own province's copies, drafts included.
 */
import type { Access, Where } from 'payload'

import { hasRole, isAdmin, relationId } from '../access/roles'
import { isInUserSubtree, userAuthoritySubtree } from '../access/scope'

const published: Where = { _status: { equals: 'published' } }

export const canReadCriteriaSets: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (hasRole({ user: req.user, role: 'authority-admin' })) {
    const ids = await userAuthoritySubtree({ req })
    return ids.length === 0 ? published : { or: [published, { authority: { in: ids } }] }
  }
  return published
}

export const canCreateCriteriaSet: Access = async ({ data, req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  // the admin panel asks with no owner (no data, or the form's defaults) whether to offer "Tạo mới";
  // a real create has its owner filled with the creator's authority before this runs (prepareCopy),
  // and an owner still empty is refused by the write rules' 'set-owner' check
  const authorityId = relationId(data?.authority)
  return authorityId === null || isInUserSubtree({ authorityId, req })
}

export const canChangeCriteriaSets: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  const ids = await userAuthoritySubtree({ req })
  return ids.length === 0 ? false : { authority: { in: ids } }
}
