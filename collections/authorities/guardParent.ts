/**
 * Keeps the authority tree a tree: no cycles, every authority of an authority-admin hangs below
 * another (only the admin makes a new top level), and nobody moves their own root. That the new
 * parent lies inside the writer's subtree is the write rules' target check (access/targets.ts).
 */
import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { wouldCreateCycle } from '@criteria/authorityTree'

import { isAdmin, relationId } from '../access/roles'
import { loadAuthorityNodes } from '../access/scope'

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
  }
  if (operation === 'update' && originalDoc) {
    const nodes = await loadAuthorityNodes({ req })
    if (wouldCreateCycle({ id: originalDoc.id, nodes, parentId })) {
      throw fail('Cấp trên không thể là chính cấp quản lý này hoặc một cấp trực thuộc nó.')
    }
  }
  return data
}
