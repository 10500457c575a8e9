/**
 * Who writes which field of a self-assessment (DESIGN.md workflow): the unit's own editor enters
 * the answers while the dossier is a draft or returned; its status moves only by the transitions
 * of criteria/workflow.ts; submission, the team's conclusion and the decision are written by their
 * steps and by nothing else. The admin corrects the team's conclusion through the audited
 * correction action, never by editing it.
 */
import type { RuleTransition, WriteRules } from '../fieldRules'
import { isCapacity } from '../fieldRules'
import { actionLabels, statusLabels, workflowTransitions } from '../workflow'
import { derived, fixed, input, status, step } from './shared'

/** The workflow's roles are capacities, except `system`: that is the step that issues a decision. */
export const selfAssessmentTransitions: readonly RuleTransition[] = workflowTransitions.map((transition) => ({
  action: transition.action,
  from: transition.from,
  label: actionLabels[transition.action],
  to: transition.to,
  writers: transition.roles.filter(isCapacity),
  ...(transition.roles.includes('system') ? { step: transition.action === 'revoke' ? 'revoke-decision' : 'issue-decision' } : {}),
}))

export const selfAssessmentWrites: WriteRules = {
  collection: 'self-assessments',
  corrections: { fields: ['teamOutcome', 'teamLevel', 'teamPoints'], states: ['reviewed'] },
  fields: {
    answers: input({ create: ['unit-editor'], update: { draft: ['unit-editor'], returned: ['unit-editor'] } }),
    authority: derived,
    criteriaSet: fixed({ create: ['unit-editor', 'admin'] }),
    deadlineText: derived,
    dossierFiles: input({ create: ['unit-editor'], update: { draft: ['unit-editor'], returned: ['unit-editor'] } }),
    decision: step('issue-decision'),
    disagreements: step('close'),
    isComplete: derived,
    level: derived,
    missingCount: derived,
    outcome: derived,
    points: derived,
    result: derived,
    returnReason: { actions: ['return'], kind: 'with-transition' },
    round: fixed({ create: ['unit-editor', 'admin'] }),
    status,
    submittedAt: step('submit'),
    submittedBy: step('submit'),
    teamLevel: step('close'),
    teamOutcome: step('close'),
    teamPoints: step('close'),
    teamResult: step('close'),
    title: derived,
    unit: fixed({ create: ['unit-editor', 'admin'], target: 'own-unit' }),
  },
  initialState: 'draft',
  noun: 'hồ sơ',
  states: statusLabels,
  steps: {
    close: actionLabels.close,
    'issue-decision': 'Ban hành quyết định công nhận',
    'revoke-decision': 'Ban hành quyết định thu hồi',
    submit: actionLabels.submit,
  },
  transitions: selfAssessmentTransitions,
}
