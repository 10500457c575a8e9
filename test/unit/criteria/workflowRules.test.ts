/**
 * The self-assessment workflow table, transition by transition: who may take it, whether it needs a
 * reason, and the exact Vietnamese message each refusal shows (the action, both statuses and who
 * may do it instead). Written out here rather than read from `workflowTransitions`, so a change to
 * the table has to be made on purpose in both places.
 */
import { describe, expect, it } from 'vitest'

import { checkTransition, transitionsFrom } from '@criteria/workflow'

const table = [
  { action: 'submit', from: 'draft', to: 'submitted', roles: ['unit-editor'], needsReason: false },
  { action: 'withdraw', from: 'submitted', to: 'draft', roles: ['unit-editor'], needsReason: false },
  { action: 'accept', from: 'submitted', to: 'in-review', roles: ['authority-admin', 'admin'], needsReason: false },
  { action: 'return', from: 'submitted', to: 'returned', roles: ['authority-admin', 'admin'], needsReason: true },
  { action: 'return', from: 'in-review', to: 'returned', roles: ['authority-admin', 'admin'], needsReason: true },
  { action: 'resubmit', from: 'returned', to: 'submitted', roles: ['unit-editor'], needsReason: false },
  { action: 'close', from: 'in-review', to: 'reviewed', roles: ['team-lead'], needsReason: false },
  { action: 'recognise', from: 'reviewed', to: 'recognised', roles: ['system'], needsReason: false },
  { action: 'reject', from: 'reviewed', to: 'not-recognised', roles: ['system'], needsReason: false },
  { action: 'revoke', from: 'recognised', to: 'reviewed', roles: ['system'], needsReason: false },
  { action: 'revoke', from: 'not-recognised', to: 'reviewed', roles: ['system'], needsReason: false },
]

const everyRole = ['admin', 'authority-admin', 'reviewer', 'unit-editor', 'team-lead', 'system']

describe('each transition is taken by each of its roles alone', () => {
  it.each(table.flatMap((row) => row.roles.map((role) => ({ ...row, role }))))(
    '$role: $from → $to is $action',
    ({ from, to, role, action, needsReason }) => {
      const reason = needsReason ? 'Thiếu biên bản họp.' : undefined
      expect(checkTransition({ from, to, roles: [role], reason })).toEqual({ ok: true, action })
    },
  )

  it.each(table.flatMap((row) => everyRole.filter((role) => !row.roles.includes(role)).map((role) => ({ ...row, role }))))(
    '$role may not take $from → $to',
    ({ from, to, role }) => {
      const result = checkTransition({ from, to, roles: [role], reason: 'Có lý do.' })
      expect(result).toMatchObject({ ok: false, issues: [{ code: 'role-not-allowed', path: ['status'], severity: 'error' }] })
    },
  )
})

describe('a refusal says which action, between which statuses, and who may do it', () => {
  it.each([
    {
      from: 'draft',
      to: 'submitted',
      roles: ['admin'],
      message: 'Bạn không có quyền «Nộp hồ sơ» (chuyển từ «Bản nháp» sang «Đã nộp»); chỉ người cập nhật của đơn vị được làm việc này.',
    },
    {
      from: 'submitted',
      to: 'draft',
      roles: ['authority-admin'],
      message: 'Bạn không có quyền «Rút lại hồ sơ» (chuyển từ «Đã nộp» sang «Bản nháp»); chỉ người cập nhật của đơn vị được làm việc này.',
    },
    {
      from: 'submitted',
      to: 'in-review',
      roles: ['unit-editor'],
      message:
        'Bạn không có quyền «Tiếp nhận hồ sơ» (chuyển từ «Đã nộp» sang «Đang thẩm định»); chỉ quản trị cơ quan quản lý, quản trị hệ thống được làm việc này.',
    },
    {
      from: 'in-review',
      to: 'returned',
      roles: ['reviewer'],
      message:
        'Bạn không có quyền «Trả lại để bổ sung» (chuyển từ «Đang thẩm định» sang «Trả lại để bổ sung»); chỉ quản trị cơ quan quản lý, quản trị hệ thống được làm việc này.',
    },
    {
      from: 'returned',
      to: 'submitted',
      roles: ['admin'],
      message: 'Bạn không có quyền «Nộp lại hồ sơ» (chuyển từ «Trả lại để bổ sung» sang «Đã nộp»); chỉ người cập nhật của đơn vị được làm việc này.',
    },
    {
      from: 'in-review',
      to: 'reviewed',
      roles: ['reviewer'],
      message: 'Bạn không có quyền «Kết thúc thẩm định» (chuyển từ «Đang thẩm định» sang «Đã đánh giá»); chỉ trưởng đoàn đánh giá được làm việc này.',
    },
    {
      from: 'reviewed',
      to: 'recognised',
      roles: ['admin'],
      message: 'Bạn không có quyền «Công nhận» (chuyển từ «Đã đánh giá» sang «Được công nhận»); chỉ hệ thống (khi ban hành quyết định) được làm việc này.',
    },
    {
      from: 'reviewed',
      to: 'not-recognised',
      roles: ['authority-admin'],
      message:
        'Bạn không có quyền «Không công nhận» (chuyển từ «Đã đánh giá» sang «Không được công nhận»); chỉ hệ thống (khi ban hành quyết định) được làm việc này.',
    },
    {
      from: 'recognised',
      to: 'reviewed',
      roles: ['admin'],
      message:
        'Bạn không có quyền «Thu hồi quyết định» (chuyển từ «Được công nhận» sang «Đã đánh giá»); chỉ hệ thống (khi ban hành quyết định) được làm việc này.',
    },
  ])('$roles at $from → $to', ({ from, to, roles, message }) => {
    expect(checkTransition({ from, to, roles, reason: 'Có lý do.' })).toEqual({
      ok: false,
      issues: [{ code: 'role-not-allowed', path: ['status'], message, severity: 'error' }],
    })
  })

  it('a return without a reason names the action on the reason field', () => {
    expect(checkTransition({ from: 'submitted', to: 'returned', roles: ['admin'], reason: '  ' })).toEqual({
      ok: false,
      issues: [{ code: 'reason-required', path: ['reason'], message: 'Cần ghi rõ lý do khi «Trả lại để bổ sung» hồ sơ.', severity: 'error' }],
    })
  })

  it('a status outside the workflow is named as it was sent', () => {
    expect(checkTransition({ from: 'archived', to: 'draft', roles: ['admin'] })).toEqual({
      ok: false,
      issues: [
        { code: 'no-such-transition', path: ['status'], message: 'Không thể chuyển hồ sơ từ trạng thái «archived» sang «Bản nháp».', severity: 'error' },
      ],
    })
  })
})

describe('transitionsFrom offers only the transitions of the roles held', () => {
  it.each([
    { from: 'reviewed', roles: ['admin'], actions: [] },
    { from: 'reviewed', roles: ['team-lead'], actions: [] },
    { from: 'recognised', roles: ['system'], actions: ['revoke'] },
    { from: 'not-recognised', roles: ['system'], actions: ['revoke'] },
    { from: 'submitted', roles: ['admin', 'unit-editor'], actions: ['withdraw', 'accept', 'return'] },
    { from: 'draft', roles: [], actions: [] },
  ])('$roles at $from: $actions', ({ from, roles, actions }) => {
    expect(transitionsFrom({ from, roles }).map((transition) => `${transition.action}:${transition.to}`)).toEqual(
      actions.map((action) => `${action}:${table.find((row) => row.from === from && row.action === action)?.to}`),
    )
  })
})
