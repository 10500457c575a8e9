/** The authority's write rules (criteria/policy/directory.ts) bound to its documents: an authority belongs to its own subtree. */
import { authorityWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { authorityInSubtree } from '../access/targets'

export const authorityRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.id), operation, req }),
  rules: authorityWrites,
  targets: { 'authority-in-subtree': authorityInSubtree },
}
