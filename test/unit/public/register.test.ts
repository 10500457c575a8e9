/** The public register's filters as the query reads them and as the printed list names them. */
import { describe, expect, it } from 'vitest'

import { describeFilters, pageHref, readFilters } from '@/public/register'

const authorities = [
  { id: '2', name: 'Huyện Hà Quảng' },
  { id: '3', name: 'Thành phố Cao Bằng' },
]

describe('readFilters', () => {
  it('reads numbers for the selects and the searched text trimmed; anything else is no filter', () => {
    expect(readFilters({ authority: '2', level: '1', q: '  Xuân Hòa ', year: '2025' })).toEqual({ authority: 2, level: 1, page: 1, q: 'Xuân Hòa', year: 2025 })
    expect(readFilters({ authority: 'x', level: '-1', q: undefined, year: '2025.5' })).toEqual({ authority: null, level: null, page: 1, q: '', year: null })
  })

  it('takes the first of a repeated parameter (?q=a&q=b), and at most 200 characters of text', () => {
    expect(readFilters({ q: ['Sóc Hà', 'khác'], year: ['2024', '2025'] })).toMatchObject({ q: 'Sóc Hà', year: 2024 })
    expect(readFilters({ q: 'a'.repeat(500) }).q).toHaveLength(200)
  })

  it('reads the page from 1: a missing, zero, negative or unreadable page is the first', () => {
    expect([undefined, '0', '-2', 'hai', '1.5', '3'].map((page) => readFilters({ page }).page)).toEqual([1, 1, 1, 1, 1, 3])
  })
})

describe('pageHref', () => {
  it('keeps the filters as read, drops the page parameter for the first page, encodes the text', () => {
    expect(pageHref({ filters: {}, page: 1 })).toBe('/cong-nhan')
    expect(pageHref({ filters: { page: '4' }, page: 2 })).toBe('/cong-nhan?page=2')
    expect(pageHref({ filters: { authority: '3', level: 'x', page: '2', q: ' Hòa An ', year: '2025' }, page: 3 })).toBe('/cong-nhan?q=H%C3%B2a+An&authority=3&year=2025&page=3')
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
