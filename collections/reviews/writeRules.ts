/**
 * The review's write rules (criteria/policy/reviews.ts) bound to its documents: its author and the
 * round's team, and its state — open or judged while the dossier is in review, closed after, decided
 * once the decision is issued.
 */
import type { PayloadRequest } from 'payload'

import { reviewWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { selfAccount } from '../access/targets'
import { hasVerdicts, verdictsChanged, type VerdictRow } from './input'

const dossierStatus = async ({ req, id }: { req: PayloadRequest; id: number | string | null }) => {
  if (id === null) return null
  const key = `reviewedDossierStatus:${String(id)}`
  if (typeof req.context[key] === 'string') return req.context[key] as string
  const sa = await req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { status: true } })
  const status = sa?.status ?? null
  if (status) req.context[key] = status
  return status
}

export const reviewRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) =>
    heldCapacities({ author: relationId(doc.reviewer), authority: relationId(doc.authority), operation, req, round: relationId(doc.round) }),
  changeTests: { verdicts: ({ previous, value }) => verdictsChanged({ sent: value, stored: (Array.isArray(previous) ? previous : []) as VerdictRow[] }) },
  rules: reviewWrites,
  stateOf: async ({ doc, req }) => {
    if (doc.isDecided) return 'decided'
    if ((await dossierStatus({ id: relationId(doc.selfAssessment), req })) !== 'in-review') return 'closed'
    return hasVerdicts(doc.verdicts as VerdictRow[] | undefined) ? 'judged' : 'open'
  },
  targets: { self: selfAccount },
}
