/** The public register's filters as the query reads them and as the printed list names them. */
import { describe, expect, it } from 'vitest'

import { describeFilters, readFilters } from '@/public/register'

const authorities = [
  { id: '2', name: 'Huyện Hà Quảng' },
  { id: '3', name: 'Thành phố Cao Bằng' },
]

describe('readFilters', () => {
  it('reads numbers for the selects and the searched text trimmed; anything else is no filter', () => {
    expect(readFilters({ authority: '2', level: '1', q: '  Xuân Hòa ', year: '2025' })).toEqual({ authority: 2, level: 1, q: 'Xuân Hòa', year: 2025 })
    expect(readFilters({ authority: 'x', level: '-1', q: undefined, year: '2025.5' })).toEqual({ authority: null, level: null, q: '', year: null })
  })

  it('takes the first of a repeated parameter (?q=a&q=b), and at most 200 characters of text', () => {
    expect(readFilters({ q: ['Sóc Hà', 'khác'], year: ['2024', '2025'] })).toMatchObject({ q: 'Sóc Hà', year: 2024 })
    expect(readFilters({ q: 'a'.repeat(500) }).q).toHaveLength(200)
  })
})

describe('describeFilters', () => {
  it('names each filter in Vietnamese, the authority by its name', () => {
    expect(describeFilters({ authorities, filters: { authority: '3', level: '2', q: 'Hợp Giang', year: '2025' } })).toEqual([
      'Cơ quan công nhận: Thành phố Cao Bằng',
      'Năm đánh giá: 2025',
      'Mức độ 2',
      'Tên đơn vị có «Hợp Giang»',
    ])
  })

  it('is empty for the whole register, blank text and unreadable values included', () => {
    expect(describeFilters({ authorities, filters: {} })).toEqual([])
    expect(describeFilters({ authorities, filters: { level: 'abc', q: '   ', year: '' } })).toEqual([])
  })
})
