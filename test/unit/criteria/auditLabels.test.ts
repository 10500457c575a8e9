import { describe, expect, it } from 'vitest'

import { auditActionLabel, auditActionLabels, auditRecordLabel, auditValueLabel, isThresholdAction } from '@criteria/auditLabels'
import { workflowActions } from '@criteria/workflow'

describe('the audit trail in words', () => {
  it.each([
    ['accept', 'Tiếp nhận hồ sơ'],
    ['return', 'Trả lại để bổ sung'],
    ['round-status', 'Đổi trạng thái đợt đánh giá'],
    ['confirm-indicator', 'Xác nhận ngưỡng chỉ tiêu'],
    ['issue-decision', 'Ban hành quyết định công nhận'],
  ])('names the action %s «%s»', (action, label) => {
    expect(auditActionLabel(action)).toBe(label)
  })

  it('names every action the workflow and the hooks record, in Vietnamese', () => {
    const recorded = [...workflowActions, 'update', 'set-status', 'round-status', 'extend-deadline', 'correct', 'confirm-indicator', 'unconfirm-indicator', 'issue-decision', 'revoke-decision', 'import-units', 'move-unit', 'merge-unit', 'move-authority', 'merge-authority', 'abolish-authority']
    for (const action of recorded) expect(auditActionLabels[action], action).toMatch(/[^\x00-\x7F]/)
  })

  it('shows an unknown action or record as recorded, never hides it', () => {
    expect(auditActionLabel('something-new')).toBe('something-new')
    expect(auditRecordLabel('rounds')).toBe('Đợt đánh giá')
    expect(auditRecordLabel('elsewhere')).toBe('elsewhere')
  })

  it.each([
    ['accept', 'submitted', 'Đã nộp'],
    ['accept', 'in-review', 'Đang thẩm định'],
    ['update', 'in-review', 'Đang thẩm định'],
    ['set-status', 'submitted', 'Đã nộp'],
    ['set-status', 'draft', 'Bản nháp'],
    ['round-status', 'draft', 'Đang chuẩn bị'],
    ['round-status', 'open', 'Đang nhận hồ sơ'],
    ['issue-decision', 'issued', 'Đã ban hành'],
    ['extend-deadline', '2027-01-31', '31/01/2027'],
    ['extend-deadline', '2027-02-30', '2027-02-30'],
    ['confirm-indicator', '90%', '90%'],
    ['import-units', '30 đơn vị, 30 tài khoản', '30 đơn vị, 30 tài khoản'],
  ])('reads the value of %s %s as «%s»', (action, value, label) => {
    expect(auditValueLabel({ action, value })).toBe(label)
  })

  it('reads a confirmed rank threshold by its level’s name when the set gives it, else as recorded', () => {
    const rankLabel = (code: string) => ({ 'tap-the-lao-dong-xuat-sac': 'Tập thể lao động xuất sắc' })[code]
    expect(auditValueLabel({ action: 'confirm-indicator', rankLabel, value: 'tap-the-lao-dong-xuat-sac' })).toBe('Tập thể lao động xuất sắc')
    expect(auditValueLabel({ action: 'unconfirm-indicator', rankLabel, value: 'dap-ung' })).toBe('dap-ung')
    // a status code is never looked up as a threshold
    expect(auditValueLabel({ action: 'accept', rankLabel, value: 'tap-the-lao-dong-xuat-sac' })).toBe('tap-the-lao-dong-xuat-sac')
    expect(isThresholdAction('confirm-indicator')).toBe(true)
    expect(isThresholdAction('accept')).toBe(false)
  })
})
