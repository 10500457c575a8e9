import { describe, expect, it } from 'vitest'
import { checkTransition, isEditableByUnit, selfAssessmentStatuses, statusLabels, transitionsFrom } from '@criteria/workflow'

const withReason = 'Thiếu minh chứng cho tiêu chí 2.'

describe('checkTransition: allowed transitions per role', () => {
  it.each([
    { from: 'draft', to: 'submitted', roles: ['unit-editor'], action: 'submit' },
    { from: 'submitted', to: 'draft', roles: ['unit-editor'], action: 'withdraw' },
    { from: 'submitted', to: 'in-review', roles: ['authority-admin'], action: 'accept' },
    { from: 'submitted', to: 'in-review', roles: ['admin'], action: 'accept' },
    { from: 'submitted', to: 'returned', roles: ['authority-admin'], action: 'return' },
    { from: 'in-review', to: 'returned', roles: ['authority-admin'], action: 'return' },
    { from: 'in-review', to: 'returned', roles: ['admin'], action: 'return' },
    { from: 'returned', to: 'submitted', roles: ['unit-editor'], action: 'resubmit' },
    { from: 'in-review', to: 'reviewed', roles: ['reviewer', 'team-lead'], action: 'close' },
    { from: 'reviewed', to: 'recognised', roles: ['system'], action: 'recognise' },
    { from: 'reviewed', to: 'not-recognised', roles: ['system'], action: 'reject' },
    { from: 'recognised', to: 'reviewed', roles: ['system'], action: 'revoke' },
    { from: 'not-recognised', to: 'reviewed', roles: ['system'], action: 'revoke' },
  ])('$roles: $from → $to is $action', ({ from, to, roles, action }) => {
    expect(checkTransition({ from, to, roles, reason: withReason })).toEqual({ ok: true, action })
  })
})

describe('checkTransition: refused by role', () => {
  it.each([
    { from: 'draft', to: 'submitted', roles: ['admin'], allowed: 'người cập nhật của đơn vị' },
    { from: 'submitted', to: 'draft', roles: ['admin'], allowed: 'người cập nhật của đơn vị' },
    { from: 'returned', to: 'submitted', roles: ['admin', 'authority-admin'], allowed: 'người cập nhật của đơn vị' },
    // a result is recorded by its own step: the lead closes, a decision recognises or revokes — never the admin
    { from: 'in-review', to: 'reviewed', roles: ['admin'], allowed: 'trưởng đoàn đánh giá' },
    { from: 'reviewed', to: 'recognised', roles: ['admin'], allowed: 'hệ thống' },
    { from: 'reviewed', to: 'not-recognised', roles: ['admin', 'authority-admin'], allowed: 'hệ thống' },
    { from: 'recognised', to: 'reviewed', roles: ['admin'], allowed: 'hệ thống' },
    { from: 'draft', to: 'submitted', roles: ['authority-admin'], allowed: 'người cập nhật của đơn vị' },
    { from: 'submitted', to: 'in-review', roles: ['unit-editor'], allowed: 'quản trị cơ quan quản lý' },
    { from: 'submitted', to: 'returned', roles: ['reviewer'], allowed: 'quản trị cơ quan quản lý' },
    { from: 'in-review', to: 'reviewed', roles: ['reviewer'], allowed: 'trưởng đoàn đánh giá' },
    { from: 'in-review', to: 'reviewed', roles: ['authority-admin'], allowed: 'trưởng đoàn đánh giá' },
    { from: 'reviewed', to: 'recognised', roles: ['authority-admin'], allowed: 'hệ thống' },
    { from: 'reviewed', to: 'not-recognised', roles: [], allowed: 'hệ thống' },
  ])('$roles may not take $from → $to', ({ from, to, roles, allowed }) => {
    const result = checkTransition({ from, to, roles, reason: withReason })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'role-not-allowed', path: ['status'], severity: 'error' })
    expect(result.issues[0].message).toContain(allowed)
  })
})

describe('checkTransition: transitions that do not exist', () => {
  it.each([
    { from: 'draft', to: 'reviewed' },
    { from: 'in-review', to: 'draft' },
    { from: 'recognised', to: 'draft' },
    { from: 'returned', to: 'in-review' },
    { from: 'draft', to: 'draft' },
    { from: 'archived', to: 'draft' },
  ])('$from → $to is refused even for admin', ({ from, to }) => {
    const result = checkTransition({ from, to, roles: ['admin', 'unit-editor', 'system', 'team-lead'] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toMatchObject([{ code: 'no-such-transition', path: ['status'] }])
  })

  it('names both statuses in Vietnamese', () => {
    const result = checkTransition({ from: 'draft', to: 'reviewed', roles: ['admin'] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0].message).toBe('Không thể chuyển hồ sơ từ trạng thái «Bản nháp» sang «Đã đánh giá».')
  })
})

describe('checkTransition: a return needs a reason', () => {
  it.each([undefined, null, '', '   ', '\n\t'])('reason %j is missing', (reason) => {
    const result = checkTransition({ from: 'submitted', to: 'returned', roles: ['authority-admin'], reason })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toMatchObject([{ code: 'reason-required', path: ['reason'] }])
  })

  it('reports both a wrong role and a missing reason', () => {
    const result = checkTransition({ from: 'in-review', to: 'returned', roles: ['unit-editor'], reason: ' ' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((issue) => issue.code)).toEqual(['role-not-allowed', 'reason-required'])
  })

  it('other transitions need no reason', () => {
    expect(checkTransition({ from: 'submitted', to: 'in-review', roles: ['authority-admin'] })).toEqual({ ok: true, action: 'accept' })
  })
})

describe('transitionsFrom: the buttons a user sees', () => {
  it.each([
    { from: 'draft', roles: ['unit-editor'], actions: ['submit'] },
    { from: 'draft', roles: ['admin'], actions: [] },
    { from: 'submitted', roles: ['unit-editor'], actions: ['withdraw'] },
    { from: 'submitted', roles: ['authority-admin'], actions: ['accept', 'return'] },
    { from: 'in-review', roles: ['admin'], actions: ['return'] },
    { from: 'in-review', roles: ['reviewer', 'team-lead'], actions: ['close'] },
    { from: 'in-review', roles: ['unit-editor'], actions: [] },
    { from: 'returned', roles: ['unit-editor'], actions: ['resubmit'] },
    { from: 'reviewed', roles: ['system'], actions: ['recognise', 'reject'] },
    { from: 'recognised', roles: ['admin'], actions: [] },
  ])('$roles at $from: $actions', ({ from, roles, actions }) => {
    expect(transitionsFrom({ from, roles }).map((transition) => transition.action)).toEqual(actions)
  })
})

describe('isEditableByUnit', () => {
  it.each([
    { status: 'draft', expected: true },
    { status: 'returned', expected: true },
    { status: 'submitted', expected: false },
    { status: 'in-review', expected: false },
    { status: 'reviewed', expected: false },
    { status: 'recognised', expected: false },
    { status: 'not-recognised', expected: false },
  ])('$status → $expected', ({ status, expected }) => {
    expect(isEditableByUnit({ status })).toBe(expected)
  })

  it('every status has a Vietnamese label', () => {
    expect(selfAssessmentStatuses.map((status) => statusLabels[status])).toEqual([
      'Bản nháp',
      'Đã nộp',
      'Đang thẩm định',
      'Trả lại để bổ sung',
      'Đã đánh giá',
      'Được công nhận',
      'Không được công nhận',
    ])
  })
})
