/** The label test's eye (test/e2e/helpers/untranslated.ts): it sees the defects, and leaves codes users read alone. */
import { describe, expect, it } from 'vitest'

import { untranslated } from '../e2e/helpers/untranslated'

describe('what the label test calls untranslated', () => {
  it.each([
    'Tạo mới [object Object]',
    'Chưa có tiêu đề - ID: 5',
    'ID: huyen',
    'Grade Band 01',
    'Thêm: Grade Band',
    'Bật/tắt block',
    'Chọn một file',
    'round-status',
    'in-review',
    'accept',
    'Đang chuẩn bị → open',
    'tap-the-lao-dong-xuat-sac',
    'Save',
    'Create New',
    'Nov 29, 2026',
    'Giá trị: undefined',
  ])('flags «%s»', (text) => {
    expect(untranslated(text)).not.toEqual([])
  })

  it.each([
    'TC1.CT2 Thực hiện đầy đủ các chế độ về đào tạo',
    'tt24-2023-huyen-1',
    'cb-demo-tt24-2023-huyen-2: TC3.CT4: từ «Đáp ứng» trở lên',
    'reviewer@demo.vn',
    'http://localhost:3000/admin/collections/self-assessments',
    'UBND xã Trường Hà',
    'Đang nhận hồ sơ',
    '29/11/2026 22:31:42',
    'Email',
    'co_quan_nha_nuoc',
  ])('leaves «%s» alone', (text) => {
    expect(untranslated(text)).toEqual([])
  })

  it('names the kind of defect and the line it is on', () => {
    expect(untranslated('Nhật ký\nround-status\nĐơn vị')).toContainEqual({ context: 'round-status', kind: 'mã dạng kebab-case', match: 'round-status' })
  })
})
