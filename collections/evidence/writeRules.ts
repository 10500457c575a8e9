/**
 * The evidence's write rules (criteria/policy/evidence.ts) bound to its documents: the unit it
 * belongs to, and whether a submitted dossier cites it (then it is frozen: `isCited`).
 */
import type { PayloadRequest } from 'payload'

import { evidenceWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { ownUnit } from '../access/targets'

/** Statuses in which a dossier is the unit's to change; in any other its evidence is on record. */
const editableStatuses = ['draft', 'returned']

/** Whether a dossier that has left the unit's hands (submitted and after) cites this evidence. */
export const isCited = async ({ req, id }: { req: PayloadRequest; id: number | string }) => {
  const key = `evidenceCited:${String(id)}`
  if (typeof req.context[key] === 'boolean') return req.context[key] as boolean
  const { totalDocs } = await req.payload.count({
    collection: 'self-assessments',
    overrideAccess: true,
    req,
    // cited by an answer row or attached to a slot of the round's dossier checklist
    where: { and: [{ or: [{ 'answers.evidence': { in: [Number(id)] } }, { 'dossierFiles.files': { in: [Number(id)] } }] }, { status: { not_in: editableStatuses } }] },
  })
  req.context[key] = totalDocs > 0
  return totalDocs > 0
}

export const evidenceRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ operation, req, unit: relationId(doc.unit) }),
  rules: evidenceWrites,
  stateOf: async ({ doc, req }) => (doc.id !== undefined && doc.id !== null && (await isCited({ id: doc.id as number, req })) ? 'cited' : 'free'),
  targets: { 'own-unit': ownUnit },
}
