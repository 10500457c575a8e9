/**
 * Enforces a collection's field-write rules (criteria/policy/) for every way in that acts for a
 * user: REST, GraphQL, the admin, and the Local API with `overrideAccess: false` — also when a
 * version is restored. `applyWriteRules` wraps a collection config:
 *
 * - every top-level data field gets a `beforeValidate` hook that records whether the request
 *   changes its stored value (Payload gives it before field access could strip the value), and a
 *   field `access` computed from the same table, so the admin shows it read-only where the user
 *   may not write it;
 * - a collection `beforeValidate` hook then asks the core (`checkWrites`) about every changed
 *   field at once, checks the targets of scoping relations (an authority inside the writer's own
 *   subtree …), and refuses with a 400 naming each field in Vietnamese; nothing is stored.
 *
 * Calls with `overrideAccess: true` are the system's own steps (issuing a decision, seeds) and are
 * trusted. Server code that writes a step-owned field while acting for a user says so with
 * `withWriteStep`. A table that misses a field of the collection (or names one it lacks) stops the
 * server at start, so a new field cannot slip in without a rule.
 */
import type { CollectionBeforeValidateHook, CollectionConfig, Field, FieldAccess, FieldHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { canWriteField, checkWrites, type Capacity, type WriteRules } from '@criteria/fieldRules'

type Doc = Record<string, unknown>

export type CapacitiesOf = (args: { req: PayloadRequest; doc: Doc; operation: 'create' | 'update' }) => Promise<Capacity[]>
export type StateOf = (args: { req: PayloadRequest; doc: Doc }) => Promise<string> | string
/** Checks the new value of a scoping relation; answers a Vietnamese refusal, or null when allowed. */
export type TargetCheck = (args: { req: PayloadRequest; value: unknown; doc: Doc; capacities: readonly Capacity[] }) => Promise<string | null>
/** Whether `value` (sent) differs from `previous` (stored), for fields that need their own notion. */
export type ChangeTest = (args: { value: unknown; previous: unknown; originalDoc: Doc | undefined }) => boolean

export type WriteRulesAdapter = {
  rules: WriteRules
  capacitiesOf: CapacitiesOf
  stateOf?: StateOf
  /** the field holding the workflow status, when the rules have transitions */
  statusField?: string
  targets?: Readonly<Record<string, TargetCheck>>
  changeTests?: Readonly<Record<string, ChangeTest>>
}

const stepsKey = 'writeSteps'

/** The workflow steps of our own server code running now (never set by a request). */
export const activeSteps = (req: PayloadRequest): string[] => (Array.isArray(req.context[stepsKey]) ? (req.context[stepsKey] as string[]) : [])

/** Runs `write` as the workflow step `step`, which may then write the fields the step owns. */
export const withWriteStep = async <T>({ req, step, write }: { req: PayloadRequest; step: string; write: () => Promise<T> }): Promise<T> => {
  const before = activeSteps(req)
  req.context[stepsKey] = [...before, step]
  try {
    return await write()
  } finally {
    req.context[stepsKey] = before
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing a sent value with the stored one, by the field's type

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)

const relationKey = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value
    return inner === undefined ? JSON.stringify(value) : relationKey(inner)
  }
  return String(value)
}

const dateKey = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string' && !(value instanceof Date)) return JSON.stringify(value)
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? String(value) : String(time)
}

/** Sorted keys, so two JSON values that differ only in key order compare equal. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Doc)[key])]))
  }
  return value
}

/** The data fields of a field list, through rows, collapsibles and unnamed tabs. */
export const dataFields = (fields: readonly Field[]): Field[] =>
  fields.flatMap((field): Field[] => {
    if (field.type === 'row' || field.type === 'collapsible') return dataFields(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ ...tab, type: 'group' } as Field] : dataFields(tab.fields)))
    if (field.type === 'ui' || !('name' in field)) return []
    return [field]
  })

/** A comparable form of `value` for `field`: ids for relations, instants for dates, rows without their ids. */
export const comparable = ({ field, value }: { field: Field; value: unknown }): unknown => {
  switch (field.type) {
    case 'relationship':
    case 'upload':
      if ('hasMany' in field && field.hasMany) return Array.isArray(value) ? value.map(relationKey) : relationKey(value)
      return relationKey(value)
    case 'date':
      return dateKey(value)
    case 'number':
      if (value === null || value === undefined || value === '') return null
      return Array.isArray(value) ? value.map(Number) : Number(value)
    case 'checkbox':
      return value === true || value === 'true'
    case 'array':
      // (the admin form's empty list, sent as 0, is already [] here: hooks/inputGuards.ts)
      if (!Array.isArray(value)) return isEmpty(value) ? [] : JSON.stringify(value)
      return value.map((row) => (row && typeof row === 'object' ? comparableRow({ fields: field.fields, row: row as Doc }) : row))
    case 'group':
      if (!value || typeof value !== 'object') return isEmpty(value) ? {} : JSON.stringify(value)
      return comparableRow({ fields: field.fields, row: value as Doc })
    case 'json':
      return isEmpty(value) ? null : JSON.stringify(canonical(value))
    case 'select':
      if ('hasMany' in field && field.hasMany) return Array.isArray(value) ? value.map(String) : isEmpty(value) ? [] : [String(value)]
      return isEmpty(value) ? null : String(value)
    default:
      return isEmpty(value) ? null : typeof value === 'string' ? value : JSON.stringify(canonical(value))
  }
}

const comparableRow = ({ fields, row }: { fields: readonly Field[]; row: Doc }) =>
  Object.fromEntries(dataFields(fields).map((field) => [(field as { name: string }).name, comparable({ field, value: row[(field as { name: string }).name] })]))

const isSame = ({ field, a, b }: { field: Field; a: unknown; b: unknown }) =>
  JSON.stringify(comparable({ field, value: a })) === JSON.stringify(comparable({ field, value: b }))

/** The value a new document gets when the request leaves the field out (static defaults only). */
const staticDefault = (field: Field): unknown => ('defaultValue' in field && typeof field.defaultValue !== 'function' ? field.defaultValue : undefined)

const labelOf = (field: Field): string => {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'vi' in label && typeof (label as { vi?: unknown }).vi === 'string') return (label as { vi: string }).vi
  return (field as { name: string }).name
}

// ---------------------------------------------------------------------------------------------

const pendingKey = ({ slug, id }: { slug: string; id: unknown }) => `writeRules:${slug}:${String(id ?? 'new')}`

/** What the field hooks saw of one request: the fields it changes and the values it sent (before field access could strip them). */
type Pending = { changed: Set<string>; sent: Doc }

const capacityCache = ({ req, slug, doc, operation }: { req: PayloadRequest; slug: string; doc: Doc; operation: string }) => {
  const id = doc.id
  return operation === 'update' && id !== undefined && id !== null ? `capacities:${slug}:${String(id)}` : null
}

export const applyWriteRules = ({ config, adapter }: { config: CollectionConfig; adapter: WriteRulesAdapter }): CollectionConfig => {
  const { rules } = adapter
  const slug = config.slug
  const fields = dataFields(config.fields)
  const names = new Set(fields.map((field) => (field as { name: string }).name))
  const missing = [...names].filter((name) => !Object.hasOwn(rules.fields, name))
  const extra = Object.keys(rules.fields).filter((name) => !names.has(name))
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`Bảng quyền ghi của ${slug} không khớp các trường: thiếu ${missing.join(', ') || '—'}; thừa ${extra.join(', ') || '—'}.`)
  }
  const labels = Object.fromEntries(fields.map((field) => [(field as { name: string }).name, labelOf(field)]))

  const capacitiesOf = async ({ req, doc, operation }: { req: PayloadRequest; doc: Doc; operation: 'create' | 'update' }) => {
    const key = capacityCache({ doc, operation, req, slug })
    if (key && Array.isArray(req.context[key])) return req.context[key] as Capacity[]
    const held = req.user ? await adapter.capacitiesOf({ doc, operation, req }) : []
    if (key) req.context[key] = held
    return held
  }
  const stateOf = async ({ req, doc }: { req: PayloadRequest; doc: Doc }) => (adapter.stateOf ? adapter.stateOf({ doc, req }) : rules.initialState)

  const recordChange: FieldHook = ({ field, operation, originalDoc, overrideAccess, path, previousValue, req, siblingData, value }) => {
    if (overrideAccess || path.length !== 1 || (operation !== 'create' && operation !== 'update')) return value
    const name = (field as { name: string }).name
    const key = pendingKey({ id: operation === 'update' ? (originalDoc as Doc | undefined)?.id : undefined, slug })
    const pending = (req.context[key] as Pending | undefined) ?? { changed: new Set<string>(), sent: {} }
    req.context[key] = pending
    if (!siblingData || !Object.hasOwn(siblingData, name)) return value
    const sent = (siblingData as Doc)[name]
    const changeTest = adapter.changeTests?.[name]
    const isChanged =
      operation === 'create'
        ? !isEmpty(sent) && !isSame({ a: sent, b: staticDefault(field as Field), field: field as Field })
        : changeTest
          ? changeTest({ originalDoc: originalDoc as Doc | undefined, previous: previousValue, value: sent })
          : !isSame({ a: sent, b: previousValue, field: field as Field })
    if (isChanged) {
      pending.changed.add(name)
      pending.sent[name] = sent
    }
    return value
  }

  const fieldAccess =
    (name: string, operation: 'create' | 'update'): FieldAccess =>
    async ({ data, doc, req }) => {
      if (!req.user) return false
      const rule = rules.fields[name]
      if (rule.kind === 'derived') return false
      if (rule.kind === 'step') return activeSteps(req).includes(rule.step)
      const target = (operation === 'update' ? doc : data) as Doc | undefined
      // a list view asks without a document: the edit view asks again with it
      if (operation === 'update' && !target) return rule.kind === 'input' || rule.kind === 'status'
      const held = await capacitiesOf({ doc: target ?? {}, operation, req })
      const state = operation === 'update' ? await stateOf({ doc: target as Doc, req }) : rules.initialState
      return canWriteField({ field: name, held, operation, rules, state })
    }

  const enforce: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'create' && operation !== 'update') return data
    const key = pendingKey({ id: operation === 'update' ? (originalDoc as Doc | undefined)?.id : undefined, slug })
    const pending = req.context[key] as Pending | undefined
    delete req.context[key]
    if (!pending || pending.changed.size === 0) return data
    const incoming = (data ?? {}) as Doc
    const doc = (operation === 'update' ? originalDoc : incoming) as Doc
    const sent = pending.sent
    const held = await capacitiesOf({ doc, operation, req })
    const state = operation === 'update' ? await stateOf({ doc, req }) : rules.initialState
    const statusValue = adapter.statusField ? sent[adapter.statusField] : undefined
    const nextState = typeof statusValue === 'string' && statusValue !== '' ? statusValue : state
    const changed = [...pending.changed]
    const issues = checkWrites({ attempt: { capacities: held, changed, nextState, operation, state, steps: activeSteps(req) }, labels, rules })
    const errors = issues.map((issue) => ({ message: issue.message, path: issue.path.join('.') }))
    if (errors.length === 0 && !held.includes('admin')) {
      for (const name of changed) {
        const rule = rules.fields[name]
        const check = rule.kind === 'input' && rule.target ? adapter.targets?.[rule.target] : undefined
        if (!check) continue
        const refusal = await check({ capacities: held, doc, req, value: sent[name] })
        if (refusal) errors.push({ message: refusal, path: name })
      }
    }
    if (errors.length > 0) throw new ValidationError({ collection: slug, errors, req }, req.t)
    return data
  }

  const wrapFields = (list: Field[]): Field[] =>
    list.map((field): Field => {
      if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: wrapFields(field.fields) }
      if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ('name' in tab && tab.name ? wrapNamed(tab as unknown as Field) : { ...tab, fields: wrapFields(tab.fields) })) as typeof field.tabs }
      if (field.type === 'ui' || !('name' in field)) return field
      return wrapNamed(field)
    })
  const wrapNamed = <F extends Field>(field: F): F => {
    const name = (field as { name: string }).name
    const hooks = 'hooks' in field ? (field.hooks ?? {}) : {}
    const access = 'access' in field ? (field.access ?? {}) : {}
    return {
      ...field,
      access: { ...access, create: fieldAccess(name, 'create'), update: fieldAccess(name, 'update') },
      hooks: { ...hooks, beforeValidate: [recordChange, ...(hooks.beforeValidate ?? [])] },
    }
  }

  return {
    ...config,
    fields: wrapFields(config.fields),
    hooks: { ...config.hooks, beforeValidate: [enforce, ...(config.hooks?.beforeValidate ?? [])] },
  }
}
