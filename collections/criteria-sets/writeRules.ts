/** The criteria set's write rules (criteria/policy/directory.ts): a national set is the admin's, a copy its authority's. */
import { criteriaSetWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { criteriaSetOwner } from '../access/targets'

export const criteriaSetRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules: criteriaSetWrites,
  targets: { 'set-owner': criteriaSetOwner },
}
