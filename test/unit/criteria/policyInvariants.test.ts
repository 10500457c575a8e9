/**
 * What must hold for every collection's field-write table (criteria/policy/), whatever its fields:
 * the table is consistent and registered under its own slug, everything it shows is labelled, a
 * step's field is written by that step and by nobody's input (the admin's included: issue 9), a
 * system-computed field is never offered for editing, and a status starts in the initial state and
 * moves only by a listed transition.
 *
 * The tables are imported inside the tests and every case is derived there, so a table that fails
 * to load fails these tests (a file that throws while being collected would be skipped instead).
 */
import { describe, expect, it } from 'vitest'

import { canWriteField, capacities, checkRules, checkWrites, findTransition } from '@criteria/fieldRules'
import type { WriteRules } from '@criteria/fieldRules'

const slugs = ['audit-events', 'authorities', 'criteria-sets', 'decisions', 'document-templates', 'evidence', 'file-tasks', 'holidays', 'legal-documents', 'message-templates', 'outbox', 'recognitions', 'reviews', 'rounds', 'self-assessments', 'tiers', 'unit-types', 'units', 'users']
const everyone = [...capacities]

/** Loaded by each test, so a table that throws while loading fails the test instead of skipping it. */
const loadTables = async (): Promise<Readonly<Record<string, WriteRules>>> => (await import('@criteria/policy/index')).writeRulesBySlug

const fieldsOfKind = ({ rules, kind }: { rules: WriteRules; kind: string }) => Object.keys(rules.fields).filter((field) => rules.fields[field].kind === kind)

describe('the registry', () => {
  it('has a table for every collection that stores documents', async () => {
    const bySlug = await loadTables()
    expect(Object.keys(bySlug).sort()).toEqual(slugs)
  })

  it.each(slugs)('%s: registered under its own slug, and consistent', async (slug) => {
    const bySlug = await loadTables()
    expect(bySlug[slug].collection).toBe(slug)
    expect(checkRules(bySlug[slug])).toEqual([])
  })
})

describe('everything a table shows is labelled', () => {
  it.each(slugs)('%s: noun, states, steps and transitions have Vietnamese labels; fields have names', async (slug) => {
    const bySlug = await loadTables()
    const rules = bySlug[slug]
    const labels = [rules.noun, ...Object.values(rules.states), ...Object.values(rules.steps), ...rules.transitions.map((transition) => transition.label)]
    for (const label of labels) expect(label.trim().length, JSON.stringify(labels)).toBeGreaterThan(1)
    for (const transition of rules.transitions) expect(transition.action).toMatch(/^[a-z][a-z-]*$/)
    expect(Object.keys(rules.states)).toContain(rules.initialState)
    expect(Object.keys(rules.fields).length).toBeGreaterThan(2)
    // camelCase names; `_objectKey` is the name Payload's storage adapter gives its own field (src/storage/locations.ts)
    for (const field of Object.keys(rules.fields)) expect(field).toMatch(/^(?:[a-z][A-Za-z]*|_objectKey)$/)
  })
})

describe("a step's field is written by that step only (issue 9)", () => {
  it('there are such fields in most tables', async () => {
    const bySlug = await loadTables()
    expect(slugs.filter((slug) => fieldsOfKind({ rules: bySlug[slug], kind: 'step' }).length > 0)).toEqual([
      'audit-events',
      'authorities',
      'file-tasks',
      'outbox',
      'recognitions',
      'reviews',
      'rounds',
      'self-assessments',
      'units',
    ])
  })

  it.each(slugs)('%s: refused to every capacity in every state, on create and update, unless its step writes', async (slug) => {
    const bySlug = await loadTables()
    const rules = bySlug[slug]
    for (const field of fieldsOfKind({ rules, kind: 'step' })) {
      const rule = rules.fields[field]
      const step = rule.kind === 'step' ? rule.step : ''
      expect(Object.keys(rules.steps)).toContain(step)
      for (const state of Object.keys(rules.states)) {
        const update = { capacities: everyone, changed: [field], nextState: state, operation: 'update' as const, state }
        expect(checkWrites({ rules, attempt: update }).map((issue) => [issue.code, issue.path])).toEqual([['step-owned', [field]]])
        expect(checkWrites({ rules, attempt: { ...update, operation: 'create' } }).map((issue) => issue.code)).toEqual(['step-owned'])
        expect(checkWrites({ rules, attempt: { ...update, capacities: [], steps: [step] } })).toEqual([])
        expect(canWriteField({ rules, field, held: everyone, operation: 'update', state })).toBe(false)
      }
    }
  })
})

describe('a system-computed field is never offered, and input to it is ignored', () => {
  it.each(slugs)('%s', async (slug) => {
    const bySlug = await loadTables()
    const rules = bySlug[slug]
    for (const field of fieldsOfKind({ rules, kind: 'derived' })) {
      for (const state of Object.keys(rules.states)) {
        expect(canWriteField({ rules, field, held: everyone, operation: 'update', state })).toBe(false)
        expect(checkWrites({ rules, attempt: { capacities: [], changed: [field], nextState: state, operation: 'update', state } })).toEqual([])
      }
    }
  })
})

describe('a status starts in the initial state and moves only by a listed transition', () => {
  it('the workflows with a status field', async () => {
    const bySlug = await loadTables()
    expect(slugs.filter((slug) => fieldsOfKind({ rules: bySlug[slug], kind: 'status' }).length > 0)).toEqual(['decisions', 'rounds', 'self-assessments'])
  })

  it.each(['decisions', 'rounds', 'self-assessments'])('%s', async (slug) => {
    const bySlug = await loadTables()
    const rules = bySlug[slug]
    const states = Object.keys(rules.states)
    for (const nextState of states) {
      const create = checkWrites({ rules, attempt: { capacities: everyone, changed: ['status'], nextState, operation: 'create', state: rules.initialState } })
      expect(create.map((issue) => issue.code)).toEqual(nextState === rules.initialState ? [] : ['initial-state'])
    }
    for (const state of states) {
      for (const nextState of states) {
        if (state === nextState) continue
        const transition = findTransition({ rules, nextState, state })
        const refused = checkWrites({ rules, attempt: { capacities: everyone, changed: ['status'], nextState, operation: 'update', state, steps: [] } })
        if (!transition) expect(refused.map((issue) => issue.code)).toEqual(['no-such-transition'])
        else expect(refused.map((issue) => issue.code)).toEqual(transition.writers.length > 0 ? [] : ['transition-not-allowed'])
        if (transition?.step) {
          expect(checkWrites({ rules, attempt: { capacities: [], changed: ['status'], nextState, operation: 'update', state, steps: [transition.step] } })).toEqual([])
        }
      }
    }
  })
})
