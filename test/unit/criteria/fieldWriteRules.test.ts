/**
 * The field-write check (criteria/fieldRules.ts) on a small table, at each kind of rule and each
 * boundary: create vs update, the writer's capacity, the state, transitions and their steps.
 */
import { describe, expect, it } from 'vitest'

import { canWriteField, capacities, capacityLabels, checkRules, checkWrites, type Capacity, type WriteAttempt, type WriteRules } from '@criteria/fieldRules'

const rules: WriteRules = {
  collection: 'dossiers',
  fields: {
    body: { create: ['unit-editor'], kind: 'input', update: { draft: ['unit-editor'], returned: ['unit-editor'] } },
    owner: { create: ['unit-editor', 'admin'], kind: 'input', target: 'own-unit', update: [] },
    note: { create: ['admin'], kind: 'input', update: ['admin', 'authority-admin'] },
    reason: { actions: ['return'], kind: 'with-transition' },
    status: { kind: 'status' },
    stamp: { kind: 'step', step: 'submit' },
    total: { kind: 'derived' },
  },
  initialState: 'draft',
  noun: 'hồ sơ',
  states: { done: 'Xong', draft: 'Nháp', returned: 'Trả lại', sent: 'Đã nộp' },
  steps: { decide: 'Quyết định', submit: 'Nộp hồ sơ' },
  transitions: [
    { action: 'submit', from: 'draft', label: 'Nộp hồ sơ', to: 'sent', writers: ['unit-editor'] },
    { action: 'return', from: 'sent', label: 'Trả lại', to: 'returned', writers: ['authority-admin', 'admin'] },
    { action: 'decide', from: 'sent', label: 'Quyết định', step: 'decide', to: 'done', writers: [] },
  ],
}

const labels = { body: 'Nội dung', note: 'Ghi chú', owner: 'Đơn vị', reason: 'Lý do', stamp: 'Nộp lúc', status: 'Trạng thái', total: 'Tổng' }

const attempt = (overrides: Partial<WriteAttempt>): WriteAttempt => ({ capacities: [], changed: [], nextState: 'draft', operation: 'update', state: 'draft', ...overrides })

const refused = (overrides: Partial<WriteAttempt>) => checkWrites({ attempt: attempt(overrides), labels, rules })

describe('checkWrites: input fields', () => {
  it.each<{ capacities: Capacity[]; state: string; isAllowed: boolean }>([
    { capacities: ['unit-editor'], isAllowed: true, state: 'draft' },
    { capacities: ['unit-editor'], isAllowed: true, state: 'returned' },
    { capacities: ['unit-editor'], isAllowed: false, state: 'sent' },
    { capacities: ['admin'], isAllowed: false, state: 'draft' },
    { capacities: ['authority-admin', 'team-lead'], isAllowed: false, state: 'returned' },
    { capacities: ['admin', 'unit-editor'], isAllowed: true, state: 'draft' },
  ])('$capacities changing the body in $state: allowed $isAllowed', ({ capacities, state, isAllowed }) => {
    const issues = refused({ capacities, changed: ['body'], nextState: state, state })
    expect(issues.length === 0).toBe(isAllowed)
    if (!isAllowed) expect(issues[0].path).toEqual(['body'])
  })

  it('says who may write a field, in which state, naming it by its label', () => {
    const [issue] = refused({ capacities: ['admin'], changed: ['body'] })
    expect(issue.code).toBe('field-not-allowed')
    expect(issue.message).toBe('Bạn không có quyền sửa «Nội dung» khi hồ sơ ở trạng thái «Nháp»; chỉ cán bộ của chính đơn vị được sửa.')
  })

  it('says a field is locked in a state where nobody writes it', () => {
    const [issue] = refused({ capacities: ['unit-editor'], changed: ['body'], nextState: 'sent', state: 'sent' })
    expect(issue.code).toBe('field-locked')
    expect(issue.message).toBe('«Nội dung» không sửa được khi hồ sơ ở trạng thái «Đã nộp».')
  })

  it('says a field set at creation is fixed afterwards, whoever asks', () => {
    for (const capacities of [['admin'], ['unit-editor'], ['admin', 'authority-admin', 'unit-editor']] as Capacity[][]) {
      const [issue] = refused({ capacities, changed: ['owner'] })
      expect(issue.code).toBe('field-fixed')
      expect(issue.message).toBe('«Đơn vị» được cố định khi tạo hồ sơ, không đổi được.')
    }
  })

  it('lets the listed writers set a field on create, in any later state list', () => {
    expect(refused({ capacities: ['admin'], changed: ['owner', 'note'], operation: 'create' })).toEqual([])
    expect(refused({ capacities: ['unit-editor'], changed: ['owner', 'body'], operation: 'create' })).toEqual([])
    const issues = refused({ capacities: ['unit-editor'], changed: ['note'], operation: 'create' })
    expect(issues.map((issue) => issue.message)).toEqual(['Bạn không có quyền đặt «Ghi chú» khi tạo hồ sơ; chỉ quản trị hệ thống được đặt.'])
  })

  it('writes in every state when the update rule is a plain list', () => {
    for (const state of ['draft', 'sent', 'returned', 'done']) {
      expect(refused({ capacities: ['authority-admin'], changed: ['note'], nextState: state, state })).toEqual([])
    }
  })

  it('names every refused field at once, and only those', () => {
    const issues = refused({ capacities: ['unit-editor'], changed: ['body', 'owner', 'note', 'stamp'] })
    expect(issues.map((issue) => issue.path[0])).toEqual(['owner', 'note', 'stamp'])
    expect(issues.every((issue) => issue.severity === 'error')).toBe(true)
  })

  it('refuses a field the table does not know, with its name', () => {
    expect(refused({ capacities: ['admin'], changed: ['__proto__'] })).toEqual([
      { code: 'unknown-field', message: 'Trường «__proto__» không có trong hồ sơ.', path: ['__proto__'], severity: 'error' },
    ])
  })

  it('says a field nobody sets at creation cannot be set then, and names every writer in a list', () => {
    const table: WriteRules = { ...rules, fields: { ...rules.fields, later: { create: [], kind: 'input', update: ['admin', 'authority-admin'] } } }
    const [onCreate] = checkWrites({ attempt: attempt({ capacities: ['admin'], changed: ['later'], operation: 'create' }), labels: { later: 'Bổ sung' }, rules: table })
    expect(onCreate).toEqual({ code: 'field-not-settable', message: 'Không được tự đặt «Bổ sung» khi tạo hồ sơ mới.', path: ['later'], severity: 'error' })
    const [onUpdate] = checkWrites({ attempt: attempt({ capacities: ['unit-editor'], changed: ['later'] }), labels: { later: 'Bổ sung' }, rules: table })
    expect(onUpdate.message).toBe('Bạn không có quyền sửa «Bổ sung» khi hồ sơ ở trạng thái «Nháp»; chỉ quản trị hệ thống, quản trị của cấp quản lý phụ trách được sửa.')
  })

  it('tells a field fixed in every state (per-state lists, all empty) from one locked only in this state', () => {
    const table: WriteRules = {
      ...rules,
      fields: { ...rules.fields, frozen: { create: ['admin'], kind: 'input', update: { draft: [], sent: [] } }, sometimes: { create: ['admin'], kind: 'input', update: { draft: [], sent: ['admin'] } } },
    }
    const codes = (field: string) => checkWrites({ attempt: attempt({ capacities: ['admin'], changed: [field] }), rules: table }).map((issue) => issue.code)
    expect(codes('frozen')).toEqual(['field-fixed'])
    expect(codes('sometimes')).toEqual(['field-locked'])
    expect(checkWrites({ attempt: attempt({ capacities: ['admin'], changed: ['sometimes'], nextState: 'sent', state: 'sent' }), rules: table })).toEqual([])
  })

  it('names a state without a label by its code', () => {
    const [issue] = refused({ capacities: ['unit-editor'], changed: ['body'], nextState: 'archived', state: 'archived' })
    expect(issue.message).toBe('«Nội dung» không sửa được khi hồ sơ ở trạng thái «archived».')
  })

  it('has a distinct Vietnamese name for every capacity, the words its messages use', () => {
    expect(Object.keys(capacityLabels).sort()).toEqual([...capacities].sort())
    const names = Object.values(capacityLabels)
    expect(new Set(names).size).toBe(capacities.length)
    expect(capacityLabels['unit-editor']).toBe('cán bộ của chính đơn vị')
    expect(capacityLabels['team-lead']).toBe('trưởng đoàn đánh giá')
  })

  it('uses the field name when no label is given', () => {
    const [issue] = checkWrites({ attempt: attempt({ capacities: ['admin'], changed: ['body'] }), rules })
    expect(issue.message).toContain('«body»')
  })
})

describe('checkWrites: workflow status, steps and derived values', () => {
  it('lets a status move only by a transition of the table, by its writers', () => {
    expect(refused({ capacities: ['unit-editor'], changed: ['status'], nextState: 'sent' })).toEqual([])
    expect(refused({ capacities: ['authority-admin'], changed: ['status'], nextState: 'returned', state: 'sent' })).toEqual([])
    const [notYours] = refused({ capacities: ['admin'], changed: ['status'], nextState: 'sent' })
    expect(notYours.code).toBe('transition-not-allowed')
    expect(notYours.message).toBe('Bạn không có quyền «Nộp hồ sơ» (chuyển từ «Nháp» sang «Đã nộp»); chỉ cán bộ của chính đơn vị được làm việc này.')
    const [noSuch] = refused({ capacities: ['admin'], changed: ['status'], nextState: 'done' })
    expect(noSuch.code).toBe('no-such-transition')
    expect(noSuch.message).toBe('Không thể chuyển hồ sơ từ trạng thái «Nháp» sang «Xong».')
  })

  it('leaves a step transition to its step, whoever asks', () => {
    const [issue] = refused({ capacities: ['admin', 'authority-admin'], changed: ['status'], nextState: 'done', state: 'sent' })
    expect(issue.message).toBe('Bạn không có quyền «Quyết định» (chuyển từ «Đã nộp» sang «Xong»); việc này do hệ thống làm ở một bước riêng.')
    expect(refused({ capacities: [], changed: ['status'], nextState: 'done', state: 'sent', steps: ['decide'] })).toEqual([])
  })

  it('starts a new document in the initial state only', () => {
    expect(refused({ capacities: ['unit-editor'], changed: ['status'], nextState: 'draft', operation: 'create' })).toEqual([])
    const [issue] = refused({ capacities: ['admin'], changed: ['status'], nextState: 'sent', operation: 'create' })
    expect(issue.code).toBe('initial-state')
    expect(issue.message).toBe('Khi tạo mới, hồ sơ luôn ở trạng thái «Nháp», không phải «Đã nộp».')
  })

  it('writes a transition argument only together with its transition', () => {
    expect(refused({ capacities: ['authority-admin'], changed: ['status', 'reason'], nextState: 'returned', state: 'sent' })).toEqual([])
    const alone = refused({ capacities: ['authority-admin'], changed: ['reason'], nextState: 'sent', state: 'sent' })
    expect(alone.map((issue) => issue.message)).toEqual(['«Lý do» chỉ được ghi cùng thao tác «Trả lại».'])
    const wrongWriter = refused({ capacities: ['unit-editor'], changed: ['reason', 'status'], nextState: 'returned', state: 'sent' })
    expect(wrongWriter.map((issue) => issue.path[0])).toEqual(['reason', 'status'])
    expect(refused({ capacities: ['unit-editor'], changed: ['reason'], nextState: 'sent' }).map((issue) => issue.code)).toEqual(['field-needs-transition'])
    expect(refused({ capacities: ['admin'], changed: ['reason'], operation: 'create' }).map((issue) => issue.code)).toEqual(['field-needs-transition'])
  })

  it('refuses a step-owned value to everyone but its step', () => {
    for (const capacities of [['admin'], ['unit-editor'], ['admin', 'authority-admin', 'team-lead', 'unit-editor']] as Capacity[][]) {
      expect(refused({ capacities, changed: ['stamp'] })).toEqual([
        { code: 'step-owned', message: '«Nộp lúc» do bước «Nộp hồ sơ» ghi, không sửa trực tiếp được.', path: ['stamp'], severity: 'error' },
      ])
    }
    expect(refused({ capacities: [], changed: ['stamp'], steps: ['submit'] })).toEqual([])
    expect(refused({ capacities: [], changed: ['stamp'], steps: ['decide'] })).toHaveLength(1)
  })

  it('never refuses a derived value: the system computes it whatever is sent', () => {
    expect(refused({ capacities: [], changed: ['total'] })).toEqual([])
  })
})

describe('canWriteField: what the form shows as editable', () => {
  it.each<{ field: string; operation: 'create' | 'update'; state: string; held: Capacity[]; expected: boolean }>([
    { expected: true, field: 'body', held: ['unit-editor'], operation: 'update', state: 'draft' },
    { expected: false, field: 'body', held: ['unit-editor'], operation: 'update', state: 'sent' },
    { expected: false, field: 'body', held: ['admin'], operation: 'update', state: 'draft' },
    { expected: true, field: 'body', held: ['unit-editor'], operation: 'create', state: 'draft' },
    { expected: false, field: 'note', held: ['unit-editor'], operation: 'create', state: 'draft' },
    { expected: false, field: 'owner', held: ['admin'], operation: 'update', state: 'draft' },
    { expected: true, field: 'status', held: ['unit-editor'], operation: 'update', state: 'draft' },
    { expected: false, field: 'status', held: ['unit-editor'], operation: 'update', state: 'sent' },
    { expected: false, field: 'status', held: ['admin'], operation: 'create', state: 'draft' },
    { expected: true, field: 'reason', held: ['authority-admin'], operation: 'update', state: 'sent' },
    { expected: false, field: 'reason', held: ['authority-admin'], operation: 'update', state: 'draft' },
    { expected: false, field: 'reason', held: ['unit-editor'], operation: 'update', state: 'sent' },
    { expected: false, field: 'stamp', held: ['admin'], operation: 'update', state: 'draft' },
    { expected: false, field: 'total', held: ['admin'], operation: 'update', state: 'draft' },
    { expected: false, field: 'missing', held: ['admin'], operation: 'update', state: 'draft' },
  ])('$held: $field ($operation, $state) → $expected', ({ field, operation, state, held, expected }) => {
    expect(canWriteField({ field, held, operation, rules, state })).toBe(expected)
  })
})

describe('checkRules: the table is consistent', () => {
  it('finds nothing wrong with a consistent table', () => {
    expect(checkRules(rules)).toEqual([])
  })

  it('names states, steps, actions, capacities and corrections that do not exist', () => {
    const broken: WriteRules = {
      ...rules,
      corrections: { fields: ['ghost'], states: ['draft'] },
      fields: {
        ...rules.fields,
        a: { create: ['boss' as Capacity], kind: 'input', update: { limbo: ['admin'] } },
        b: { kind: 'step', step: 'nowhere' },
        c: { actions: ['fly'], kind: 'with-transition' },
      },
      initialState: 'void',
      transitions: [...rules.transitions, { action: 'x', from: 'draft', label: 'X', step: 'nope', to: 'gone', writers: ['chief' as Capacity] }],
    }
    const issues = checkRules(broken)
    expect(new Set(issues.map((issue) => `${issue.code}/${issue.severity}`))).toEqual(new Set(['bad-write-rules/error']))
    expect(issues.map((issue) => issue.path)).toEqual([
      ['initialState'],
      ['transitions', 3],
      ['transitions', 3, 'step'],
      ['transitions', 3, 'writers'],
      ['fields', 'a'],
      ['fields', 'a'],
      ['fields', 'b'],
      ['fields', 'c'],
      ['corrections'],
    ])
    const messages = issues.map((issue) => issue.message)
    expect(messages).toEqual([
      'Trạng thái ban đầu «void» không có trong bảng.',
      'Chuyển draft → gone dùng trạng thái không có trong bảng.',
      'Bước «nope» không có trong bảng.',
      'Không có tư cách «chief».',
      'Không có tư cách «boss».',
      'Trạng thái «limbo» của «a» không có trong bảng.',
      'Bước «nowhere» của «b» không có trong bảng.',
      '«c» nhắc tới thao tác không có trong bảng.',
      'Trường sửa sai «ghost» không có trong bảng.',
    ])
  })
})
