import { describe, expect, it } from 'vitest'

import { shortWording } from '@criteria/wording'

describe('shortWording', () => {
  it('keeps a wording that fits, whitespace collapsed', () => {
    expect(shortWording({ max: 20, min: 5, text: '  Ban hành\n kế   hoạch ' })).toBe('Ban hành kế hoạch')
  })

  it('cuts at the last space before the limit and marks the cut', () => {
    expect(shortWording({ max: 20, min: 5, text: 'Ban hành kế hoạch xây dựng đơn vị học tập' })).toBe('Ban hành kế hoạch…')
  })

  it('cuts at the limit when the last space would leave too little', () => {
    expect(shortWording({ max: 10, min: 5, text: 'Tỉ lệ cán-bộ-công-chức-viên-chức' })).toBe('Tỉ lệ cán-…')
  })

  it('a wording exactly at the limit is whole', () => {
    expect(shortWording({ max: 5, min: 1, text: 'abcde' })).toBe('abcde')
  })
})
