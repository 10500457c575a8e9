/** The tier catalogue's write rules (criteria/policy/directory.ts) bound to its rows. */
import { tierWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { catalogueOwner } from '../access/targets'

export const tierRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules: tierWrites,
  targets: { 'catalogue-owner': catalogueOwner },
}
