/**
 * The account's write rules (criteria/policy/directory.ts) bound to its documents: an account
 * belongs to the subtree of its authority, or of its unit's authority; its holder is `self`.
 */
import { userWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { authorityInSubtree, unitInSubtree } from '../access/targets'

export const userRules: WriteRulesAdapter = {
  capacitiesOf: async ({ doc, operation, req }) => {
    let authority = relationId(doc.authority)
    const unitId = relationId(doc.unit)
    if (authority === null && unitId !== null && operation === 'update') {
      const unit = await req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: unitId, overrideAccess: true, req, select: { authority: true } })
      authority = relationId(unit?.authority)
    }
    return heldCapacities({ account: relationId(doc.id), authority, operation, req })
  },
  rules: userWrites,
  targets: { 'authority-in-subtree': authorityInSubtree, 'unit-in-subtree': unitInSubtree },
}
