/** The unit's write rules (criteria/policy/directory.ts) bound to its documents. */
import { unitWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { authorityInSubtree } from '../access/targets'

export const unitRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules: unitWrites,
  targets: { 'authority-in-subtree': authorityInSubtree },
}
