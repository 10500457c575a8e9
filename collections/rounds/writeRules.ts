/** The round's write rules (criteria/policy/rounds.ts) bound to its documents. */
import { roundWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { authorityInSubtree } from '../access/targets'

export const roundRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules: roundWrites,
  stateOf: ({ doc }) => String(doc.status ?? roundWrites.initialState),
  statusField: 'status',
  targets: { 'authority-in-subtree': authorityInSubtree },
}
