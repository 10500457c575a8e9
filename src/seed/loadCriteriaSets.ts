/**
 * Loads the national criteria sets (seed/criteria: TT 22/2020 and the four TT 24/2023 sets) as
 * published documents. Idempotent: a set whose code exists is left as the admin made it.
 */
import type { Payload, PayloadRequest } from 'payload'

import { fromCriteriaSetInput } from '@collections/criteria-sets/toCriteriaSet'
import { criteriaSetInputs } from '@seed/criteria'
import { scaleLabels } from '@seed/criteria/scaleLabels'

export const loadCriteriaSets = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }) => {
  let created = 0
  for (const input of criteriaSetInputs) {
    const found = await payload.count({ collection: 'criteria-sets', req, where: { code: { equals: input.code } } })
    if (found.totalDocs > 0) continue
    await payload.create({
      collection: 'criteria-sets',
      data: { ...fromCriteriaSetInput({ input, scaleLabels }), _status: 'published' },
      req,
    })
    created += 1
  }
  return created
}
