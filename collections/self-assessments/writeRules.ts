/**
 * The self-assessment's write rules (criteria/policy/selfAssessments.ts) bound to its documents:
 * what the user is to a dossier, its state, the unit it may be created for, and when a request
 * changes the answers (rows merged by indicator code, only what the unit enters compared) or the
 * dossier slots (merged by checklist item, only the files compared).
 */
import { selfAssessmentWrites } from '@criteria/policy'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { ownUnit } from '../access/targets'
import { changedIndicators, mergeAnswerRows, type AnswerRow } from './answers'
import { changesSlotFiles } from './dossierSlots'
import { selfAssessmentInput } from './input'

export const selfAssessmentRules: WriteRulesAdapter = {
  capacitiesOf: ({ doc, operation, req }) =>
    heldCapacities({ authority: relationId(doc.authority), operation, req, round: relationId(doc.round), unit: relationId(doc.unit) }),
  changeTests: {
    answers: ({ previous, value }) => {
      // a malformed value counts as a change: the rules decide who may send it, the hook refuses its shape
      const parsed = selfAssessmentInput.shape.answers.safeParse(value)
      if (!parsed.success) return true
      const stored = (Array.isArray(previous) ? previous : []) as AnswerRow[]
      const { rows, unknown } = mergeAnswerRows({ sent: (parsed.data ?? []) as AnswerRow[], stored })
      return unknown.length > 0 || changedIndicators({ after: rows, before: stored }).length > 0
    },
    // the form sends the slots back with the round's titles; only the files are the unit's
    dossierFiles: ({ previous, value }) => {
      const parsed = selfAssessmentInput.shape.dossierFiles.safeParse(value)
      return !parsed.success || changesSlotFiles({ previous, value: parsed.data })
    },
  },
  rules: selfAssessmentWrites,
  stateOf: ({ doc }) => String(doc.status ?? selfAssessmentWrites.initialState),
  statusField: 'status',
  targets: { 'own-unit': ownUnit },
}
