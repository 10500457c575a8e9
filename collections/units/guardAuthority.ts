/** An authority-admin may move a unit only to an authority inside its own subtree. */
import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { isAdmin, relationId } from '../access/roles'
import { isInUserSubtree } from '../access/scope'

export const guardAuthority: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data || !req.user || isAdmin(req.user) || !('authority' in data)) return data
  const authorityId = relationId(data.authority)
  const isChanged = String(authorityId) !== String(relationId(originalDoc?.authority))
  if (isChanged && authorityId !== null && !(await isInUserSubtree({ authorityId, req }))) {
    throw new ValidationError({
      collection: 'units',
      errors: [{ message: 'Cấp quản lý của đơn vị phải thuộc phạm vi quản lý của bạn.', path: 'authority' }],
      req,
    }, req.t)
  }
  return data
}
