/**
 * Who writes which field of a decision: the authority-admin of its subtree (or the admin) drafts
 * it and issues it; once issued nothing of it changes and it is never deleted — a correction is a
 * new decision that revokes it. Its authority, title and the entries' outcomes are the system's.
 */
import type { WriteRules } from '../fieldRules'
import { derived, fixed, input, managers, status } from './shared'

const whileDraft = { draft: managers }

export const decisionWrites: WriteRules = {
  collection: 'decisions',
  fields: {
    authority: derived,
    entries: input({ create: managers, update: whileDraft }),
    kind: fixed({ create: managers }),
    number: input({ create: managers, update: whileDraft }),
    reason: input({ create: managers, update: whileDraft }),
    revokes: input({ create: managers, target: 'decision-in-subtree', update: whileDraft }),
    round: input({ create: managers, target: 'round-in-subtree', update: whileDraft }),
    signedOn: input({ create: managers, update: whileDraft }),
    signer: input({ create: managers, update: whileDraft }),
    status,
    title: derived,
  },
  initialState: 'draft',
  noun: 'quyết định',
  states: { draft: 'Dự thảo', issued: 'Đã ban hành' },
  steps: {},
  transitions: [{ action: 'issue', from: 'draft', label: 'Ban hành quyết định', to: 'issued', writers: managers }],
}
