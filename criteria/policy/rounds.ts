/**
 * Who writes which field of a round: the admin, or the authority-admin of the round's authority.
 * What defines the round (its authority, year, tier) is settled while it is being prepared; the
 * criteria sets until units start answering; the plan, team and deadlines until it is closed; a
 * closed round is history. Its status moves by the round transitions; "copied from" is written by
 * the copy-to-next-year action only. The authority may only ever be one inside the writer's subtree.
 */
import type { WriteRules } from '../fieldRules'
import { roundStatusLabels, roundTransitionList } from '../rounds'
import { inStates, input, managers, status, step } from './shared'

const untilClosed = inStates({ states: ['draft', 'open', 'reviewing'], writers: managers })

export const roundWrites: WriteRules = {
  collection: 'rounds',
  fields: {
    authority: input({ create: managers, target: 'authority-in-subtree', update: { draft: managers } }),
    basis: input({ create: managers, update: untilClosed }),
    consolidationMode: input({ create: managers, update: untilClosed }),
    copiedFrom: step('copy-to-next-year'),
    criteriaSets: input({ create: managers, update: inStates({ states: ['draft', 'open'], writers: managers }) }),
    deadlines: input({ create: managers, update: untilClosed }),
    dossier: input({ create: managers, update: untilClosed }),
    extensions: input({ create: managers, update: untilClosed }),
    plan: input({ create: managers, update: untilClosed }),
    processingWorkingDays: input({ create: managers, update: untilClosed }),
    reminderOffsets: input({ create: managers, update: untilClosed }),
    reportDeadlines: input({ create: managers, update: untilClosed }),
    status,
    team: input({ create: managers, update: untilClosed }),
    teamDecision: input({ create: managers, update: untilClosed }),
    tier: input({ create: managers, update: { draft: managers } }),
    title: input({ create: managers, update: untilClosed }),
    year: input({ create: managers, update: { draft: managers } }),
  },
  initialState: 'draft',
  noun: 'đợt đánh giá',
  states: roundStatusLabels,
  steps: { 'copy-to-next-year': 'Sao chép sang năm sau' },
  transitions: roundTransitionList.map((transition) => ({ ...transition, writers: managers })),
}
