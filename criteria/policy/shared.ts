/** Small builders the write-rule tables share, so each table reads as who may write what, when. */
import type { FieldRule, Writers } from '../fieldRules'

/** Entered by people: who sets it on a new document, and who changes it (in every state, or per state). */
export const input = ({ create, update, target }: { create: Writers; update: Writers | Readonly<Partial<Record<string, Writers>>>; target?: string }): FieldRule =>
  target === undefined ? { create, kind: 'input', update } : { create, kind: 'input', target, update }

/** Set once, when the document is created, by `create`; never changed afterwards. */
export const fixed = ({ create, target }: { create: Writers; target?: string }): FieldRule => input({ create, target, update: [] })

export const status: FieldRule = { kind: 'status' }

export const derived: FieldRule = { kind: 'derived' }

export const step = (name: string): FieldRule => ({ kind: 'step', step: name })

/** The same writers in each of `states`. */
export const inStates = ({ states, writers }: { states: readonly string[]; writers: Writers }): Readonly<Record<string, Writers>> =>
  Object.fromEntries(states.map((state) => [state, writers]))

/** A collection without a workflow has one state. */
export const noWorkflow = { initialState: 'any', states: { any: 'bất kỳ' }, transitions: [] } as const

export const managers: Writers = ['admin', 'authority-admin']
