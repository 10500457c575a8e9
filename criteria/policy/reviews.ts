/**
 * Who writes which field of a review (Phiếu đánh giá): a member of the round's team opens it for
 * itself on a dossier in review; only its author gives verdicts, while the dossier is in review and
 * no decision is issued. A conflict of interest is declared before any verdict is given, never
 * after (that would drop a vote already cast). Nobody else writes a member's verdicts, not even the
 * admin. The review's own result and scope are the system's.
 */
import type { WriteRules } from '../fieldRules'
import { derived, fixed, input, step } from './shared'

export const reviewStates = {
  /** the dossier is in review and this review gives no verdict yet */
  open: 'đang thẩm định, chưa cho ý kiến',
  /** in review, with at least one verdict */
  judged: 'đang thẩm định, đã cho ý kiến',
  /** the dossier has left review (closed by the lead, or returned) */
  closed: 'đã kết thúc thẩm định',
  /** a decision on the round is issued */
  decided: 'đã có quyết định',
} as const

const team = ['team-lead', 'team-member'] as const

export const reviewWrites: WriteRules = {
  collection: 'reviews',
  fields: {
    authority: derived,
    conflictNote: input({ create: team, update: { judged: ['author'], open: ['author'] } }),
    conflictOfInterest: input({ create: team, update: { open: ['author'] } }),
    isDecided: step('issue-decision'),
    model: derived,
    recommendation: input({ create: team, update: { judged: ['author'], open: ['author'] } }),
    recommendationNote: input({ create: team, update: { judged: ['author'], open: ['author'] } }),
    result: derived,
    reviewer: fixed({ create: team, target: 'self' }),
    round: derived,
    selfAssessment: fixed({ create: team }),
    title: derived,
    unit: derived,
    verdicts: input({ create: team, update: { judged: ['author'], open: ['author'] } }),
  },
  initialState: 'open',
  noun: 'phiếu đánh giá',
  states: reviewStates,
  steps: { 'issue-decision': 'Ban hành quyết định công nhận' },
  transitions: [],
}
