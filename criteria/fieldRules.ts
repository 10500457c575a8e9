/**
 * Who may write which field of a document, and in which state of its workflow: the rules as data
 * (one table per collection, in criteria/policy/) and the check that names every field a request
 * may not write. The caller says who the writer is *to this document* — its capacities: the
 * unit's own editor, the authority-admin of its subtree, the round's team lead … — the state
 * before and after the request, and which fields the request changes. Fields that a workflow step
 * owns (statuses, results, outcomes, timestamps) are written by that step only: nobody's input,
 * the admin's included, may change them.
 */
import type { Issue } from './issues'
import { makeError } from './issues'

/** What a user is to one document; the same user is `unit-editor` of its own unit's dossier only. */
export const capacities = ['admin', 'authority-admin', 'team-lead', 'team-member', 'author', 'unit-editor', 'self'] as const
export type Capacity = (typeof capacities)[number]

export const capacityLabels: Record<Capacity, string> = {
  admin: 'quản trị hệ thống',
  'authority-admin': 'quản trị của cấp quản lý phụ trách',
  'team-lead': 'trưởng đoàn đánh giá',
  'team-member': 'thành viên đoàn đánh giá',
  author: 'người lập phiếu',
  'unit-editor': 'cán bộ của chính đơn vị',
  self: 'chủ tài khoản',
}

export const isCapacity = (value: string): value is Capacity => (capacities as readonly string[]).includes(value)

export type Writers = readonly Capacity[]

/** How one field is written. */
export type FieldRule =
  /**
   * Entered by people: `create` lists who may set it on a new document, `update` who may change it
   * afterwards, in every state (a list) or per state (missing states: nobody). `target` names the
   * check the server makes on the new value (e.g. an authority inside the writer's own subtree).
   */
  | { kind: 'input'; create: Writers; update: Writers | Readonly<Partial<Record<string, Writers>>>; target?: string }
  /** The workflow status: changed only by a transition of the table, by the capacities it names. */
  | { kind: 'status' }
  /** Written together with one of the listed transitions only (a return's reason). */
  | { kind: 'with-transition'; actions: readonly string[] }
  /** Written by a workflow step (its hook) and by nothing else: a change by anyone else is refused. */
  | { kind: 'step'; step: string }
  /** Computed by the system on every save: whatever a request sends is ignored, never stored. */
  | { kind: 'derived' }

export type RuleTransition = {
  action: string
  label: string
  from: string
  to: string
  writers: Writers
  /** a step of the system that takes this transition (issuing a decision), besides `writers` */
  step?: string
}

export type WriteRules = {
  collection: string
  /** how the document is named in messages: "hồ sơ", "đợt đánh giá" */
  noun: string
  /** state code → its label; a collection without a workflow has the single state `any` */
  states: Readonly<Record<string, string>>
  initialState: string
  transitions: readonly RuleTransition[]
  /** step code → what the step is called ("Kết thúc thẩm định") */
  steps: Readonly<Record<string, string>>
  fields: Readonly<Record<string, FieldRule>>
  /** fields the admin corrects through the audited correction action, and in which states */
  corrections?: { fields: readonly string[]; states: readonly string[] }
}

export type WriteAttempt = {
  operation: 'create' | 'update'
  /** the state before the request (on create: the collection's initial state) */
  state: string
  /** the state the request asks for; the same as `state` when it does not change it */
  nextState: string
  capacities: readonly Capacity[]
  /** the top-level fields whose stored value the request changes */
  changed: readonly string[]
  /** workflow steps of the server's own code that make this write */
  steps?: readonly string[]
}

const quote = (text: string) => `«${text}»`

const list = (writers: Writers) => writers.map((writer) => capacityLabels[writer]).join(', ')

const hasAny = ({ writers, held }: { writers: Writers; held: readonly Capacity[] }) => writers.some((writer) => held.includes(writer))

const stateLabel = ({ rules, state }: { rules: WriteRules; state: string }) => rules.states[state] ?? state

/** Who may change an input field in `state`. */
export const updateWriters = ({ rule, state }: { rule: Extract<FieldRule, { kind: 'input' }>; state: string }): Writers => {
  if (Array.isArray(rule.update)) return rule.update as Writers
  return (rule.update as Readonly<Partial<Record<string, Writers>>>)[state] ?? []
}

const isFixedAfterCreate = (rule: Extract<FieldRule, { kind: 'input' }>) =>
  Array.isArray(rule.update) ? rule.update.length === 0 : Object.values(rule.update as Record<string, Writers>).every((writers) => writers.length === 0)

/** The transition the request takes, when `state` and `nextState` differ and the table has it. */
export const findTransition = ({ rules, state, nextState }: { rules: WriteRules; state: string; nextState: string }) =>
  rules.transitions.find((transition) => transition.from === state && transition.to === nextState) ?? null

const mayTake = ({ transition, held, steps }: { transition: RuleTransition; held: readonly Capacity[]; steps: readonly string[] }) =>
  hasAny({ writers: transition.writers, held }) || (transition.step !== undefined && steps.includes(transition.step))

const refuse = ({ field, code, message }: { field: string; code: string; message: string }): Issue => makeError({ code, message, path: [field] })

type Check<K extends FieldRule['kind']> = { rules: WriteRules; field: string; label: string; rule: Extract<FieldRule, { kind: K }>; attempt: WriteAttempt }

const checkInput = ({ rules, field, label, rule, attempt }: Check<'input'>): Issue[] => {
  const held = attempt.capacities
  if (attempt.operation === 'create') {
    if (hasAny({ writers: rule.create, held })) return []
    return [
      rule.create.length === 0
        ? refuse({ code: 'field-not-settable', field, message: `Không được tự đặt ${quote(label)} khi tạo ${rules.noun} mới.` })
        : refuse({ code: 'field-not-allowed', field, message: `Bạn không có quyền đặt ${quote(label)} khi tạo ${rules.noun}; chỉ ${list(rule.create)} được đặt.` }),
    ]
  }
  const writers = updateWriters({ rule, state: attempt.state })
  if (hasAny({ writers, held })) return []
  const state = quote(stateLabel({ rules, state: attempt.state }))
  if (isFixedAfterCreate(rule)) {
    return [refuse({ code: 'field-fixed', field, message: `${quote(label)} được cố định khi tạo ${rules.noun}, không đổi được.` })]
  }
  if (writers.length === 0) {
    return [refuse({ code: 'field-locked', field, message: `${quote(label)} không sửa được khi ${rules.noun} ở trạng thái ${state}.` })]
  }
  return [
    refuse({
      code: 'field-not-allowed',
      field,
      message: `Bạn không có quyền sửa ${quote(label)} khi ${rules.noun} ở trạng thái ${state}; chỉ ${list(writers)} được sửa.`,
    }),
  ]
}

const checkStatus = ({ rules, field, attempt }: Check<'status'>): Issue[] => {
  const from = quote(stateLabel({ rules, state: attempt.state }))
  const to = quote(stateLabel({ rules, state: attempt.nextState }))
  if (attempt.operation === 'create') {
    if (attempt.nextState === rules.initialState) return []
    return [refuse({ code: 'initial-state', field, message: `Khi tạo mới, ${rules.noun} luôn ở trạng thái ${quote(stateLabel({ rules, state: rules.initialState }))}, không phải ${to}.` })]
  }
  const transition = findTransition({ rules, nextState: attempt.nextState, state: attempt.state })
  if (!transition) return [refuse({ code: 'no-such-transition', field, message: `Không thể chuyển ${rules.noun} từ trạng thái ${from} sang ${to}.` })]
  if (mayTake({ held: attempt.capacities, steps: attempt.steps ?? [], transition })) return []
  const allowed = transition.writers.length > 0 ? `chỉ ${list(transition.writers)} được làm việc này` : 'việc này do hệ thống làm ở một bước riêng'
  return [refuse({ code: 'transition-not-allowed', field, message: `Bạn không có quyền ${quote(transition.label)} (chuyển từ ${from} sang ${to}); ${allowed}.` })]
}

const checkWithTransition = ({ rules, field, label, rule, attempt }: Check<'with-transition'>): Issue[] => {
  const transition = attempt.operation === 'update' ? findTransition({ rules, nextState: attempt.nextState, state: attempt.state }) : null
  if (transition && rule.actions.includes(transition.action) && mayTake({ held: attempt.capacities, steps: attempt.steps ?? [], transition })) return []
  const actions = [...new Set(rules.transitions.filter((candidate) => rule.actions.includes(candidate.action)).map((candidate) => quote(candidate.label)))].join(', ')
  return [refuse({ code: 'field-needs-transition', field, message: `${quote(label)} chỉ được ghi cùng thao tác ${actions}.` })]
}

const checkStep = ({ rules, field, label, rule, attempt }: Check<'step'>): Issue[] =>
  (attempt.steps ?? []).includes(rule.step) ? [] : [refuse({ code: 'step-owned', field, message: `${quote(label)} do bước ${quote(rules.steps[rule.step] ?? rule.step)} ghi, không sửa trực tiếp được.` })]

/** How each kind of rule judges a change (a derived field's input is ignored; the system computes it). */
const checks: { readonly [K in FieldRule['kind']]: (check: Check<K>) => Issue[] } = {
  derived: () => [],
  input: checkInput,
  status: checkStatus,
  step: checkStep,
  'with-transition': checkWithTransition,
}

const judge = <K extends FieldRule['kind']>(check: Check<K>): Issue[] => (checks[check.rule.kind] as (check: Check<K>) => Issue[])(check)

/**
 * One issue per changed field the attempt may not write; empty when every change is allowed.
 * `labels` names the fields as the form does; a derived field is never refused (its input is
 * ignored, the system computes it).
 */
export const checkWrites = ({ rules, attempt, labels = {} }: { rules: WriteRules; attempt: WriteAttempt; labels?: Readonly<Record<string, string>> }): Issue[] =>
  attempt.changed.flatMap((field): Issue[] => {
    const rule = Object.hasOwn(rules.fields, field) ? rules.fields[field] : undefined
    if (!rule) return [refuse({ code: 'unknown-field', field, message: `Trường ${quote(field)} không có trong ${rules.noun}.` })]
    const label = Object.hasOwn(labels, field) ? labels[field] : field
    return judge({ attempt, field, label, rule, rules })
  })

type Writable<K extends FieldRule['kind']> = { rule: Extract<FieldRule, { kind: K }>; operation: 'create' | 'update'; state: string; held: readonly Capacity[]; available: readonly RuleTransition[] }

/** Per kind of rule, whether a holder of `held` may write the field at all. */
const writable: { readonly [K in FieldRule['kind']]: (args: Writable<K>) => boolean } = {
  derived: () => false,
  input: ({ rule, operation, state, held }) => hasAny({ held, writers: operation === 'create' ? rule.create : updateWriters({ rule, state }) }),
  status: ({ available }) => available.length > 0,
  step: () => false,
  'with-transition': ({ rule, available }) => available.some((transition) => rule.actions.includes(transition.action)),
}

const mayWrite = <K extends FieldRule['kind']>(args: Writable<K>): boolean => (writable[args.rule.kind] as (args: Writable<K>) => boolean)(args)

/**
 * Whether someone with `held` capacities may write `field` at all in `state` (the admin shows it
 * read-only otherwise). A status is writable when some transition from `state` is theirs.
 */
export const canWriteField = ({
  rules,
  field,
  operation,
  state,
  held,
}: {
  rules: WriteRules
  field: string
  operation: 'create' | 'update'
  state: string
  held: readonly Capacity[]
}): boolean => {
  const rule = Object.hasOwn(rules.fields, field) ? rules.fields[field] : undefined
  if (!rule) return false
  const available = operation === 'update' ? rules.transitions.filter((transition) => transition.from === state && hasAny({ held, writers: transition.writers })) : []
  return mayWrite({ available, held, operation, rule, state })
}

/** Problems with the table itself: every state, step and capacity it names must exist. */
export const checkRules = (rules: WriteRules): Issue[] => {
  const issues: Issue[] = []
  const states = new Set(Object.keys(rules.states))
  const problem = (path: (string | number)[], message: string) => issues.push(makeError({ code: 'bad-write-rules', message, path }))
  if (!states.has(rules.initialState)) problem(['initialState'], `Trạng thái ban đầu ${quote(rules.initialState)} không có trong bảng.`)
  rules.transitions.forEach((transition, index) => {
    if (!states.has(transition.from) || !states.has(transition.to)) problem(['transitions', index], `Chuyển ${transition.from} → ${transition.to} dùng trạng thái không có trong bảng.`)
    if (transition.step !== undefined && !Object.hasOwn(rules.steps, transition.step)) problem(['transitions', index, 'step'], `Bước ${quote(transition.step)} không có trong bảng.`)
    for (const writer of transition.writers) if (!isCapacity(writer)) problem(['transitions', index, 'writers'], `Không có tư cách ${quote(writer)}.`)
  })
  for (const [field, rule] of Object.entries(rules.fields)) {
    if (rule.kind === 'step' && !Object.hasOwn(rules.steps, rule.step)) problem(['fields', field], `Bước ${quote(rule.step)} của ${quote(field)} không có trong bảng.`)
    if (rule.kind === 'with-transition' && !rule.actions.every((action) => rules.transitions.some((transition) => transition.action === action))) {
      problem(['fields', field], `${quote(field)} nhắc tới thao tác không có trong bảng.`)
    }
    if (rule.kind === 'input') {
      const groups = [rule.create, ...(Array.isArray(rule.update) ? [rule.update as Writers] : Object.values(rule.update as Record<string, Writers>))]
      for (const writers of groups) for (const writer of writers) if (!isCapacity(writer)) problem(['fields', field], `Không có tư cách ${quote(writer)}.`)
      if (!Array.isArray(rule.update)) for (const state of Object.keys(rule.update)) if (!states.has(state)) problem(['fields', field], `Trạng thái ${quote(state)} của ${quote(field)} không có trong bảng.`)
    }
  }
  for (const field of rules.corrections?.fields ?? []) if (!Object.hasOwn(rules.fields, field)) problem(['corrections'], `Trường sửa sai ${quote(field)} không có trong bảng.`)
  return issues
}
