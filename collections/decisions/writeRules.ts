/** The decision's write rules (criteria/policy/decisions.ts) bound to its documents. */
import { decisionWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { decisionInSubtree, roundInSubtree } from '../access/targets'

export const decisionRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules: decisionWrites,
  stateOf: ({ doc }) => String(doc.status ?? decisionWrites.initialState),
  statusField: 'status',
  targets: { 'decision-in-subtree': decisionInSubtree, 'round-in-subtree': roundInSubtree },
}
