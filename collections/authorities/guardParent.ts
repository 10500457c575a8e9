/**
 * Keeps the authority tree a tree: no cycles, and an authority-admin can only hang an
 * authority below its own subtree (and cannot move its own root).
 */
import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { wouldCreateCycle } from '@criteria/authorityTree'

import { isAdmin, relationId } from '../access/roles'
import { isInUserSubtree, loadAuthorityNodes } from '../access/scope'

export const guardParent: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data || (operation === 'update' && !('parent' in data))) return data
  const parentId = relationId(data.parent)
  const originalParentId = relationId(originalDoc?.parent)
  const isChanged = operation === 'create' || String(parentId) !== String(originalParentId)
  if (!isChanged) return data
  const fail = (message: string) =>
    new ValidationError({ collection: 'authorities', errors: [{ message, path: 'parent' }], req }, req.t)

  // Local API calls without a user (seed, scripts) are trusted; the cycle check still applies
  if (req.user && !isAdmin(req.user)) {
    if (parentId === null) throw fail('Cấp quản lý cấp trên là bắt buộc.')
    if (operation === 'update' && String(originalDoc?.id) === String(relationId(req.user?.authority))) {
      throw fail('Không thể thay đổi cấp trên của chính cấp quản lý mình.')
    }
    if (!(await isInUserSubtree({ authorityId: parentId, req }))) {
      throw fail('Cấp quản lý cấp trên phải thuộc phạm vi quản lý của bạn.')
    }
  }
  if (operation === 'update' && originalDoc) {
    const nodes = await loadAuthorityNodes({ req })
    if (wouldCreateCycle({ id: originalDoc.id, nodes, parentId })) {
      throw fail('Cấp trên không thể là chính cấp quản lý này hoặc một cấp trực thuộc nó.')
    }
  }
  return data
}
