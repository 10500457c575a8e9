/**
 * Who may write which field of each collection, in which state, as each table's own description
 * says (criteria/policy/*.ts): asked the way the admin form asks — one capacity at a time — and
 * compared with the capacities the rule names. Also the server checks each scoping relation names,
 * and which step of the system takes the self-assessment transitions no person may take.
 *
 * The tables are imported inside the tests so that a table that fails to load fails them.
 */
import { describe, expect, it } from 'vitest'

import { canWriteField, capacities, checkWrites } from '@criteria/fieldRules'
import type { Capacity, WriteRules } from '@criteria/fieldRules'

/** Loaded by each test, so a table that throws while loading fails the test instead of skipping it. */
const loadTables = async (): Promise<Readonly<Record<string, WriteRules>>> => (await import('@criteria/policy/index')).writeRulesBySlug

const managers: Capacity[] = ['admin', 'authority-admin']

/** The table of `slug`, loaded inside the test. */
const table = async (slug: string): Promise<WriteRules> => (await loadTables())[slug]

/** The capacities that may write `field`, each on its own, in capacity order. */
const whoMay = ({ rules, field, operation, state }: { rules: WriteRules; field: string; operation: 'create' | 'update'; state: string }) =>
  capacities.filter((capacity) => canWriteField({ field, held: [capacity], operation, rules, state }))

const inputFields = (rules: WriteRules) => Object.keys(rules.fields).filter((field) => rules.fields[field].kind === 'input')

/** Every input field: who may set it on create, and who may change it in each state. */
const matrix = (rules: WriteRules) =>
  Object.fromEntries(
    inputFields(rules).map((field) => [
      field,
      {
        create: whoMay({ field, operation: 'create', rules, state: rules.initialState }),
        ...Object.fromEntries(Object.keys(rules.states).map((state) => [state, whoMay({ field, operation: 'update', rules, state })])),
      },
    ]),
  )

describe('the directory: administrators of the subtree write it; an account holder only its own name', () => {
  it.each(['authorities', 'units', 'criteria-sets'])('%s: every field, on create and after, by the managers', async (slug) => {
    const rules = await table(slug)
    expect(inputFields(rules).length).toBeGreaterThan(4)
    for (const [field, writers] of Object.entries(matrix(rules))) expect(writers, field).toEqual({ create: managers, any: managers })
  })

  it('authorities: what the register publishes is the managers’ setting like every other field', async () => {
    expect(matrix(await table('authorities')).publication).toEqual({ create: managers, any: managers })
  })

  it.each([
    ['tiers', ['authority', 'evaluatedBy', 'id', 'label', 'order', 'source']],
    ['unit-types', ['authority', 'id', 'label', 'order', 'source', 'tier']],
  ])('%s: a catalogue row by the managers; its code (the document id) is chosen once, when it is created', async (slug, fields) => {
    const writers = matrix(await table(slug))
    expect(Object.keys(writers).sort()).toEqual(fields)
    for (const [field, row] of Object.entries(writers)) expect(row, field).toEqual({ create: managers, any: field === 'id' ? [] : managers })
  })

  it('legal-documents: entered and corrected by the managers; the citation label is computed, never entered', async () => {
    const rules = await table('legal-documents')
    expect(matrix(rules)).toEqual(
      Object.fromEntries(['authority', 'issuedOn', 'issuer', 'kind', 'number', 'title'].map((field) => [field, { create: managers, any: managers }])),
    )
    expect(rules.fields.label).toEqual({ kind: 'derived' })
  })

  it('document-templates: uploaded and changed by the managers of the owning authority (none: the admin’s defaults)', async () => {
    const rules = await table('document-templates')
    expect(matrix(rules)).toEqual(Object.fromEntries(['authority', 'docType', 'isActive', 'regime', 'title'].map((field) => [field, { create: managers, any: managers }])))
  })

  it('criteria-sets: the counts of unverified and unsettled indicators are computed, never entered', async () => {
    const rules = await table('criteria-sets')
    expect(Object.keys(rules.fields).filter((field) => rules.fields[field].kind === 'derived').sort()).toEqual(['unsettledCount', 'unverifiedCount', 'unverifiedIndicators'])
  })

  it('users: roles, authority and unit by the managers; the name also by its holder', async () => {
    expect(matrix(await table('users'))).toEqual({
      authority: { create: managers, any: managers },
      name: { create: managers, any: ['admin', 'authority-admin', 'self'] },
      roles: { create: managers, any: managers },
      unit: { create: managers, any: managers },
    })
  })
})

describe('decisions: drafted and issued by the managers; once issued nothing changes', () => {
  it('every input field is the managers’ while a draft; the kind is fixed when created', async () => {
    const writers = matrix(await table('decisions'))
    expect(Object.keys(writers).length).toBeGreaterThan(5)
    for (const [field, row] of Object.entries(writers)) {
      expect(row, field).toEqual({ create: managers, draft: field === 'kind' ? [] : managers, issued: [] })
    }
  })

  it('the managers issue it; nothing moves it back', async () => {
    const decisions = await table('decisions')
    expect(whoMay({ field: 'status', operation: 'update', rules: decisions, state: 'draft' })).toEqual(managers)
    expect(whoMay({ field: 'status', operation: 'update', rules: decisions, state: 'issued' })).toEqual([])
    expect(decisions.transitions.map(({ action, from, to }) => `${action}: ${from} → ${to}`)).toEqual(['issue: draft → issued'])
  })
})

describe('evidence: uploaded and described by its unit (or the admin); frozen once a submitted dossier cites it', () => {
  it('the matrix', async () => {
    const owners: Capacity[] = ['admin', 'unit-editor']
    expect(matrix(await table('evidence'))).toEqual({
      documentNumber: { create: owners, cited: [], free: owners },
      issuedOn: { create: owners, cited: [], free: owners },
      title: { create: owners, cited: [], free: owners },
      unit: { create: owners, cited: [], free: [] },
    })
  })
})

describe('reviews: opened by a team member for itself; verdicts by their author only, while in review', () => {
  it('the matrix', async () => {
    const team: Capacity[] = ['team-lead', 'team-member']
    const whileInReview = { closed: [], create: team, decided: [], judged: ['author'], open: ['author'] }
    expect(matrix(await table('reviews'))).toEqual({
      conflictNote: whileInReview,
      conflictOfInterest: { ...whileInReview, judged: [] },
      recommendation: whileInReview,
      recommendationNote: whileInReview,
      reviewer: { closed: [], create: team, decided: [], judged: [], open: [] },
      selfAssessment: { closed: [], create: team, decided: [], judged: [], open: [] },
      verdicts: whileInReview,
    })
  })
})

describe('rounds: what defines a round is settled while prepared, the sets until units answer, the rest until closed', () => {
  it('the matrix', async () => {
    const whilePrepared = { closed: [], create: managers, draft: managers, open: [], reviewing: [] }
    const untilClosed = { closed: [], create: managers, draft: managers, open: managers, reviewing: managers }
    expect(matrix(await table('rounds'))).toEqual({
      authority: whilePrepared,
      basis: untilClosed,
      consolidationMode: untilClosed,
      criteriaSets: { ...untilClosed, reviewing: [] },
      deadlines: untilClosed,
      dossier: untilClosed,
      extensions: untilClosed,
      plan: untilClosed,
      processingWorkingDays: untilClosed,
      reminderOffsets: untilClosed,
      reportDeadlines: untilClosed,
      team: untilClosed,
      teamDecision: untilClosed,
      tier: whilePrepared,
      title: untilClosed,
      year: whilePrepared,
    })
  })

  it('the managers move it along the round transitions', async () => {
    const rules = await table('rounds')
    expect(['draft', 'open', 'reviewing', 'closed'].map((state) => whoMay({ field: 'status', operation: 'update', rules, state }))).toEqual([managers, managers, managers, []])
  })
})

describe('self-assessments: answers by the unit’s own editor only, while a draft or returned', () => {
  it('the matrix', async () => {
    const fixed = (create: Capacity[]) => ({ create, draft: [], 'in-review': [], 'not-recognised': [], recognised: [], returned: [], reviewed: [], submitted: [] })
    expect(matrix(await table('self-assessments'))).toEqual({
      answers: { ...fixed(['unit-editor']), draft: ['unit-editor'], returned: ['unit-editor'] },
      criteriaSet: fixed(['admin', 'unit-editor']),
      dossierFiles: { ...fixed(['unit-editor']), draft: ['unit-editor'], returned: ['unit-editor'] },
      round: fixed(['admin', 'unit-editor']),
      unit: fixed(['admin', 'unit-editor']),
    })
  })

  it('a return’s reason is written with the return, by those who return', async () => {
    const rules = await table('self-assessments')
    const write = (state: string, nextState: string, held: Capacity[]) =>
      checkWrites({ attempt: { capacities: held, changed: ['status', 'returnReason'], nextState, operation: 'update', state }, rules }).map((issue) => issue.code)
    expect(write('submitted', 'returned', ['authority-admin'])).toEqual([])
    expect(write('in-review', 'returned', ['admin'])).toEqual([])
    expect(write('submitted', 'in-review', ['authority-admin'])).toEqual(['field-needs-transition'])
    expect(write('submitted', 'returned', ['unit-editor'])).toEqual(['transition-not-allowed', 'field-needs-transition'])
  })

  it('a decision’s steps take the result transitions: issuing recognises or rejects, revoking sends back to reviewed', async () => {
    const rules = await table('self-assessments')
    const stepsTaking = (state: string, nextState: string) =>
      ['issue-decision', 'revoke-decision', 'close', 'submit'].filter(
        (step) => checkWrites({ attempt: { capacities: [], changed: ['status'], nextState, operation: 'update', state, steps: [step] }, rules }).length === 0,
      )
    expect(stepsTaking('reviewed', 'recognised')).toEqual(['issue-decision'])
    expect(stepsTaking('reviewed', 'not-recognised')).toEqual(['issue-decision'])
    expect(stepsTaking('recognised', 'reviewed')).toEqual(['revoke-decision'])
    expect(stepsTaking('not-recognised', 'reviewed')).toEqual(['revoke-decision'])
    expect(stepsTaking('draft', 'submitted')).toEqual([])
    expect(rules.transitions.filter((transition) => transition.step !== undefined).every((transition) => transition.writers.length === 0)).toBe(true)
  })

  it('the admin corrects the team’s conclusion only once the review is closed', async () => {
    expect((await table('self-assessments')).corrections).toEqual({ fields: ['teamOutcome', 'teamLevel', 'teamPoints'], states: ['reviewed'] })
  })
})

describe('notifications: the system writes the outbox; the recipient only marks a row read; the admin edits templates and holidays', () => {
  it('the matrix', async () => {
    expect(matrix(await table('outbox'))).toEqual({ readAt: { any: ['self'], create: [] } })
    const outbox = await table('outbox')
    expect(Object.keys(outbox.fields).filter((field) => outbox.fields[field].kind === 'step').sort()).toEqual(
      ['attempts', 'dedupeKey', 'event', 'html', 'lastError', 'link', 'nextAttemptAt', 'relatedTo', 'sentAt', 'status', 'subject', 'text', 'to', 'user'],
    )
    const adminOnly = { any: ['admin'], create: ['admin'] }
    expect(matrix(await table('message-templates'))).toEqual({ event: adminOnly, html: adminOnly, subject: adminOnly, text: adminOnly, title: adminOnly })
    expect(matrix(await table('holidays'))).toEqual({ date: adminOnly, isVerified: adminOnly, isWorkingDay: adminOnly, name: adminOnly, source: adminOnly })
  })
})

describe('every scoping relation names the server check its new value must pass', () => {
  it('the checks, by collection and field', async () => {
    const targets = Object.fromEntries(
      Object.entries(await loadTables()).flatMap(([slug, rules]) =>
        Object.entries(rules.fields).flatMap(([field, rule]) => (rule.kind === 'input' && rule.target !== undefined ? [[`${slug}.${field}`, rule.target]] : [])),
      ),
    )
    expect(targets).toEqual({
      'authorities.parent': 'authority-in-subtree',
      'criteria-sets.authority': 'set-owner',
      'decisions.revokes': 'decision-in-subtree',
      'decisions.round': 'round-in-subtree',
      'document-templates.authority': 'catalogue-owner',
      'evidence.unit': 'own-unit',
      'legal-documents.authority': 'catalogue-owner',
      'reviews.reviewer': 'self',
      'rounds.authority': 'authority-in-subtree',
      'self-assessments.unit': 'own-unit',
      'tiers.authority': 'catalogue-owner',
      'unit-types.authority': 'catalogue-owner',
      'units.authority': 'authority-in-subtree',
      'users.authority': 'authority-in-subtree',
      'users.unit': 'unit-in-subtree',
    })
  })
})
