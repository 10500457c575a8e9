/**
 * What the field-write tables (criteria/policy/) say, stated one rule at a time as the issue and
 * DESIGN.md put them. The integration matrix (test/int/write-matrix.test.ts) proves the server
 * enforces the tables; these tests prove the tables say the right thing.
 */
import { describe, expect, it } from 'vitest'

import { canWriteField, capacities, checkRules, checkWrites, type Capacity, type WriteRules } from '@criteria/fieldRules'
import { decisionWrites, evidenceWrites, recognitionWrites, reviewWrites, roundWrites, selfAssessmentWrites, userWrites, writeRulesBySlug } from '@criteria/policy'

const everyone: Capacity[][] = [...capacities.map((capacity) => [capacity]), [...capacities]]

/** Whether anybody at all (any combination of capacities) may change `field` in `state` by input. */
const anybodyWrites = ({ rules, field, state }: { rules: WriteRules; field: string; state: string }) =>
  everyone.some((held) => checkWrites({ attempt: { capacities: held, changed: [field], nextState: state, operation: 'update', state }, rules }).length === 0)

const writes = ({ rules, field, state, held, nextState }: { rules: WriteRules; field: string; state: string; held: Capacity[]; nextState?: string }) =>
  checkWrites({ attempt: { capacities: held, changed: [field], nextState: nextState ?? state, operation: 'update', state }, rules }).length === 0

const states = (rules: WriteRules) => Object.keys(rules.states)

describe('every table is consistent', () => {
  it.each(Object.entries(writeRulesBySlug))('%s', (_slug, rules) => {
    expect(checkRules(rules)).toEqual([])
  })
})

describe('self-assessments', () => {
  const rules = selfAssessmentWrites
  const stepOwned = ['submittedAt', 'submittedBy', 'teamOutcome', 'teamLevel', 'teamPoints', 'teamResult', 'disagreements', 'decision']

  it.each(stepOwned)('nobody’s input writes %s, in any state, the admin included', (field) => {
    for (const state of states(rules)) expect(anybodyWrites({ field, rules, state })).toBe(false)
  })

  it('only the unit’s own editor changes the answers, and only in a draft or a returned dossier', () => {
    for (const state of states(rules)) {
      for (const held of everyone) {
        const isUnitsOwn = held.includes('unit-editor') && ['draft', 'returned'].includes(state)
        expect(writes({ field: 'answers', held, rules, state })).toBe(isUnitsOwn)
      }
    }
  })

  it.each(['round', 'criteriaSet', 'unit'])('%s is chosen when the dossier is created and never changed', (field) => {
    for (const state of states(rules)) expect(anybodyWrites({ field, rules, state })).toBe(false)
  })

  it('the return reason is written only with a return, by the authority', () => {
    expect(writes({ field: 'returnReason', held: ['authority-admin'], nextState: 'returned', rules, state: 'submitted' })).toBe(true)
    expect(writes({ field: 'returnReason', held: ['authority-admin'], rules, state: 'submitted' })).toBe(false)
    expect(writes({ field: 'returnReason', held: ['unit-editor'], nextState: 'returned', rules, state: 'submitted' })).toBe(false)
  })

  it('the admin takes the authority’s steps but never the unit’s, the lead’s or the decision’s', () => {
    const admin: Capacity[] = ['admin']
    expect(writes({ field: 'status', held: admin, nextState: 'in-review', rules, state: 'submitted' })).toBe(true)
    expect(writes({ field: 'status', held: admin, nextState: 'returned', rules, state: 'in-review' })).toBe(true)
    for (const [from, to] of [
      ['draft', 'submitted'],
      ['submitted', 'draft'],
      ['returned', 'submitted'],
      ['in-review', 'reviewed'],
      ['reviewed', 'recognised'],
      ['reviewed', 'not-recognised'],
      ['recognised', 'reviewed'],
    ]) {
      expect(writes({ field: 'status', held: admin, nextState: to, rules, state: from })).toBe(false)
    }
  })

  it('only the team lead closes the review; recognition is the decision’s step', () => {
    expect(writes({ field: 'status', held: ['team-lead'], nextState: 'reviewed', rules, state: 'in-review' })).toBe(true)
    expect(writes({ field: 'status', held: ['team-member'], nextState: 'reviewed', rules, state: 'in-review' })).toBe(false)
    expect(writes({ field: 'status', held: ['authority-admin'], nextState: 'reviewed', rules, state: 'in-review' })).toBe(false)
    for (const to of ['recognised', 'not-recognised']) expect(writes({ field: 'status', held: [...capacities], nextState: to, rules, state: 'reviewed' })).toBe(false)
  })

  it('the admin corrects only the team’s conclusion, only on a reviewed dossier', () => {
    expect(rules.corrections).toEqual({ fields: ['teamOutcome', 'teamLevel', 'teamPoints'], states: ['reviewed'] })
  })
})

describe('reviews', () => {
  const rules = reviewWrites
  it('only its author gives verdicts, and only while the dossier is in review and undecided', () => {
    for (const state of states(rules)) {
      for (const held of everyone) expect(writes({ field: 'verdicts', held, rules, state })).toBe(held.includes('author') && ['open', 'judged'].includes(state))
    }
  })

  it('a conflict of interest is declared before any verdict, never after', () => {
    expect(writes({ field: 'conflictOfInterest', held: ['author'], rules, state: 'open' })).toBe(true)
    for (const state of ['judged', 'closed', 'decided']) expect(anybodyWrites({ field: 'conflictOfInterest', rules, state })).toBe(false)
  })

  it('the review is opened by a member of the team for itself; the decision alone marks it decided', () => {
    expect(rules.fields.reviewer).toEqual({ create: ['team-lead', 'team-member'], kind: 'input', target: 'self', update: [] })
    expect(rules.fields.selfAssessment).toMatchObject({ create: ['team-lead', 'team-member'], update: [] })
    for (const state of states(rules)) expect(anybodyWrites({ field: 'isDecided', rules, state })).toBe(false)
  })
})

describe('decisions and the register', () => {
  it('an issued decision changes for nobody (what the system computes is ignored, never stored)', () => {
    const entered = Object.entries(decisionWrites.fields).filter(([, rule]) => rule.kind !== 'derived')
    expect(entered.map(([field]) => field).sort()).toEqual(['entries', 'kind', 'number', 'reason', 'revokes', 'round', 'signedOn', 'signer', 'status'])
    for (const [field] of entered) expect(anybodyWrites({ field, rules: decisionWrites, state: 'issued' })).toBe(false)
  })

  it('a draft is written by the admin or the authority of its subtree; the round and a revoked decision must be theirs', () => {
    expect(writes({ field: 'entries', held: ['authority-admin'], rules: decisionWrites, state: 'draft' })).toBe(true)
    expect(writes({ field: 'entries', held: ['team-lead'], rules: decisionWrites, state: 'draft' })).toBe(false)
    expect(decisionWrites.fields.round).toMatchObject({ target: 'round-in-subtree' })
    expect(decisionWrites.fields.revokes).toMatchObject({ target: 'decision-in-subtree' })
    expect(anybodyWrites({ field: 'kind', rules: decisionWrites, state: 'draft' })).toBe(false)
  })

  it('nobody writes the register by hand', () => {
    for (const field of Object.keys(recognitionWrites.fields)) expect(anybodyWrites({ field, rules: recognitionWrites, state: 'any' })).toBe(false)
  })

  it('whether a row counts for emulation, is published, and the basis it notes come with the recognition decision', () => {
    for (const field of ['basisNote', 'countsForEmulation', 'isPublic']) expect(recognitionWrites.fields[field], field).toEqual({ kind: 'step', step: 'issue-decision' })
  })
})

describe('rounds', () => {
  const rules = roundWrites
  it('what defines a round is settled while it is prepared', () => {
    for (const field of ['authority', 'year', 'tier']) {
      expect(writes({ field, held: ['authority-admin'], rules, state: 'draft' })).toBe(true)
      for (const state of ['open', 'reviewing', 'closed']) expect(anybodyWrites({ field, rules, state })).toBe(false)
    }
    expect(rules.fields.authority).toMatchObject({ target: 'authority-in-subtree' })
  })

  it('a closed round is history', () => {
    for (const field of Object.keys(rules.fields)) expect(anybodyWrites({ field, rules, state: 'closed' })).toBe(false)
  })

  it('only the copy action says where a round was copied from', () => {
    for (const state of states(rules)) expect(anybodyWrites({ field: 'copiedFrom', rules, state })).toBe(false)
    expect(checkWrites({ attempt: { capacities: ['authority-admin'], changed: ['copiedFrom'], nextState: 'draft', operation: 'create', state: 'draft', steps: ['copy-to-next-year'] }, rules })).toEqual([])
  })

  it('the status moves one step at a time, by the authority', () => {
    expect(writes({ field: 'status', held: ['authority-admin'], nextState: 'open', rules, state: 'draft' })).toBe(true)
    expect(writes({ field: 'status', held: ['authority-admin'], nextState: 'closed', rules, state: 'draft' })).toBe(false)
    expect(writes({ field: 'status', held: ['team-lead', 'unit-editor'], nextState: 'open', rules, state: 'draft' })).toBe(false)
  })
})

describe('evidence and accounts', () => {
  it('evidence belongs to its unit for good, and is frozen once a submitted dossier cites it', () => {
    for (const state of states(evidenceWrites)) expect(anybodyWrites({ field: 'unit', rules: evidenceWrites, state })).toBe(false)
    // every field people write; where the file is kept (`prefix`, `_objectKey`) is the system's, whatever a request sends
    const entered = Object.keys(evidenceWrites.fields).filter((field) => evidenceWrites.fields[field].kind !== 'derived')
    expect(Object.keys(evidenceWrites.fields).filter((field) => !entered.includes(field))).toEqual(['_objectKey', 'prefix'])
    for (const field of entered) expect(anybodyWrites({ field, rules: evidenceWrites, state: 'cited' })).toBe(false)
    expect(writes({ field: 'title', held: ['unit-editor'], rules: evidenceWrites, state: 'free' })).toBe(true)
    expect(writes({ field: 'title', held: ['authority-admin'], rules: evidenceWrites, state: 'free' })).toBe(false)
  })

  it('an account holder renames itself but never assigns its own roles or scope', () => {
    expect(writes({ field: 'name', held: ['self'], rules: userWrites, state: 'any' })).toBe(true)
    for (const field of ['roles', 'authority', 'unit']) expect(writes({ field, held: ['self'], rules: userWrites, state: 'any' })).toBe(false)
    expect(userWrites.fields.authority).toMatchObject({ target: 'authority-in-subtree' })
    expect(userWrites.fields.unit).toMatchObject({ target: 'unit-in-subtree' })
  })

  it('the form shows the unit’s answers editable to its editor on a draft only', () => {
    expect(canWriteField({ field: 'answers', held: ['unit-editor'], operation: 'update', rules: selfAssessmentWrites, state: 'draft' })).toBe(true)
    expect(canWriteField({ field: 'answers', held: ['unit-editor'], operation: 'update', rules: selfAssessmentWrites, state: 'submitted' })).toBe(false)
    expect(canWriteField({ field: 'teamOutcome', held: ['admin'], operation: 'update', rules: selfAssessmentWrites, state: 'reviewed' })).toBe(false)
  })
})
