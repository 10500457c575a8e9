/**
 * The pure parts of hooks/inputGuards.ts on a small field list shaped like the collections':
 * serial ids, filter values by field type, query parameters, document shapes, and the iterative
 * depth/size/NUL/prototype-key inspection (also on input far deeper than any stack would allow).
 */
import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkDocument, checkQueryParams, checkWhere, fieldPathOf, inputLimits, inspectJson, isSerialId, resolveQueryPath, shown } from '@hooks/inputGuards'

const fields = [
  { name: 'title', type: 'text', label: { en: 'Title', vi: 'Tên đợt đánh giá' } },
  { name: 'year', type: 'number', label: { en: 'Year', vi: 'Năm đánh giá' } },
  { name: 'isActive', type: 'checkbox', label: { en: 'Active', vi: 'Đang hoạt động' } },
  { name: 'tier', type: 'select', label: { en: 'Tier', vi: 'Cấp đơn vị' }, options: [{ label: 'Huyện', value: 'huyen' }, { label: 'Tỉnh', value: 'tinh' }] },
  { name: 'roles', type: 'select', hasMany: true, label: { en: 'Roles', vi: 'Vai trò' }, options: ['admin', 'unit-editor'] },
  { name: 'authority', type: 'relationship', label: { en: 'Authority', vi: 'Cấp quản lý' }, relationTo: 'authorities' },
  { name: 'criteriaSets', type: 'relationship', hasMany: true, label: { en: 'Sets', vi: 'Bộ tiêu chí' }, relationTo: 'criteria-sets' },
  { name: 'decidedOn', type: 'date', label: { en: 'Decided on', vi: 'Ngày quyết định' } },
  { name: 'result', type: 'json', label: { en: 'Result', vi: 'Kết quả' } },
  {
    name: 'criteria',
    type: 'array',
    flattenedFields: [
      { name: 'code', type: 'text', label: { en: 'Code', vi: 'Mã' } },
      {
        name: 'indicators',
        type: 'array',
        flattenedFields: [
          { name: 'code', type: 'text', label: { en: 'Code', vi: 'Mã chỉ tiêu' } },
          { name: 'appliesTo', type: 'array', flattenedFields: [{ name: 'unitType', type: 'select', label: { en: 'Unit type', vi: 'Loại đơn vị' }, options: ['xa', 'thcs'] }], label: { en: 'Applies to', vi: 'Chỉ áp dụng cho loại đơn vị' } },
        ],
        label: { en: 'Indicators', vi: 'Chỉ tiêu' },
      },
    ],
    label: { en: 'Criteria', vi: 'Tiêu chí' },
  },
  { name: 'deadlines', type: 'group', flattenedFields: [{ name: 'day', type: 'number', label: { en: 'Day', vi: 'Ngày' } }], label: { en: 'Deadlines', vi: 'Thời hạn' } },
] as unknown as FlattenedField[]

const authorityFields = [{ name: 'name', type: 'text', label: { en: 'Name', vi: 'Tên' } }, { name: 'parent', type: 'relationship', label: { en: 'Parent', vi: 'Cấp trên' }, relationTo: 'authorities' }] as unknown as FlattenedField[]
const fieldsOf = (slug: string) => (slug === 'rounds' ? fields : slug === 'authorities' ? authorityFields : undefined)
const where = (value: unknown) => checkWhere({ fieldsOf, slug: 'rounds', where: value })

describe('serial ids', () => {
  it.each([1, '1', 2_147_483_647, '2147483647'])('accepts %s', (id) => expect(isSerialId(id)).toBe(true))
  it.each([0, -1, 1.5, 2_147_483_648, '2147483648', 'abc', '12abc', '1e3', ' 1', '01', '', null, NaN, Infinity, { id: 1 }])('refuses %s', (id) => expect(isSerialId(id)).toBe(false))
})

describe('filters: values checked against the field type before the database sees them', () => {
  it('passes what the columns can evaluate, including -1 for "no id" and comma lists', () => {
    expect(where({ and: [{ year: { greater_than: '2025' } }, { authority: { in: '1,2,-1' } }, { tier: { in: ['huyen', 'tinh'] } }, { isActive: { equals: 'true' } }, { decidedOn: { less_than: '2026-02-15' } }, { title: { like: 'Đợt' } }, { 'result.outcome': { equals: 'met' } }, { criteriaSets: { contains: 3 } }, { roles: { contains: 'admin' } }, { authority: { equals: 'null' } }, { id: { exists: true } }] })).toEqual([])
  })

  it.each([
    [{ authority: { equals: 'abc' } }, 'authority.equals', '«Cấp quản lý»: giá trị lọc «abc» không phải mã bản ghi (số nguyên).'],
    [{ authority: { equals: 99_999_999_999 } }, 'authority.equals', '«Cấp quản lý»: giá trị lọc «99999999999» không phải mã bản ghi (số nguyên).'],
    [{ id: { in: '1,abc' } }, 'id.in', '«Mã (id)»: giá trị lọc «abc» không phải mã bản ghi (số nguyên).'],
    [{ year: { equals: 'abc' } }, 'year.equals', '«Năm đánh giá»: giá trị lọc «abc» không phải là số.'],
    [{ tier: { equals: 'zzz' } }, 'tier.equals', '«Cấp đơn vị»: «zzz» không có trong danh sách lựa chọn (huyen, tinh).'],
    [{ tier: { like: 'hu' } }, 'tier.like', 'Không dùng được toán tử «like» để lọc «Cấp đơn vị» (trường chọn từ danh sách); dùng equals, not_equals, in, not_in hoặc exists.'],
    [{ isActive: { equals: 'maybe' } }, 'isActive.equals', '«Đang hoạt động» chỉ lọc được theo true hoặc false (đã gửi «maybe»).'],
    [{ decidedOn: { greater_than: '99999-01-01' } }, 'decidedOn.greater_than', '«Ngày quyết định»: «99999-01-01» không phải ngày hợp lệ (năm từ 1 đến 9999).'],
    [{ title: { equals: 'a\u0000b' } }, 'title.equals', '«Tên đợt đánh giá»: giá trị lọc chứa ký tự NUL (\\u0000).'],
    [{ title: { equals: { a: 1 } } }, 'title.equals', '«Tên đợt đánh giá»: giá trị lọc phải là một giá trị đơn, không phải đối tượng (đã gửi «{a}»).'],
    [{ 'criteria.indicators.appliesTo.unitType': { equals: 'zzz' } }, 'criteria.indicators.appliesTo.unitType.equals', '«Tiêu chí › Chỉ tiêu › Chỉ áp dụng cho loại đơn vị › Loại đơn vị»: «zzz» không có trong danh sách lựa chọn (xa, thcs).'],
    [{ 'authority.parent': { equals: 'x' } }, 'authority.parent.equals', '«Cấp quản lý › Cấp trên»: giá trị lọc «x» không phải mã bản ghi (số nguyên).'],
    [{ result: { equals: 'x' } }, 'result.equals', '«Kết quả» chỉ lọc được theo một khoá bên trong (ví dụ result.outcome) hoặc bằng «exists».'],
    [{ 'result.a': { like: "x' or 1=1" } }, 'result.a.like', "«Kết quả»: giá trị lọc «x' or 1=1» chỉ được gồm chữ, số, khoảng trắng và các ký tự @ . - + : _"],
    [{ roles: { all: 'admin' } }, 'roles.all', 'Toán tử «all» chưa dùng được khi lọc «Vai trò»; hãy dùng «in».'],
    [{ year: { exists: 'maybe' } }, 'year.exists', 'Toán tử «exists» của «Năm đánh giá» chỉ nhận true hoặc false (đã gửi «maybe»).'],
    [{ year: 'abc' }, 'year', 'Điều kiện lọc theo «Năm đánh giá» phải có dạng { toán tử: giá trị }, ví dụ where[year][equals]=…'],
    [{ and: 'abc' }, 'and', '«and» trong điều kiện lọc phải là một danh sách điều kiện (tối đa 1000).'],
  ])('refuses %j at %s, naming the field', (value, path, message) => {
    expect(where(value)).toEqual([{ message, path }])
  })

  it('follows a relationship contains filter into the related collection', () => {
    expect(where({ authority: { equals: 1 }, criteriaSets: { contains: { code: { equals: 'x' } } } })).toEqual([])
    expect(where({ 'authority.parent': { in: [1, 'x'] } })).toHaveLength(1)
  })

  it('leaves unknown paths and operators to Payload (which answers 400 itself)', () => {
    expect(where({ nope: { equals: 1 }, title: { bogus: 1 } })).toEqual([])
  })

  it('refuses filters nested deeper than the bound, without recursion', () => {
    let deep: unknown = { title: { equals: 'x' } }
    for (let level = 0; level < 50_000; level += 1) deep = { or: [deep] }
    expect(where(deep)).toEqual([{ message: `Điều kiện lọc lồng nhau quá sâu (quá ${inputLimits.depth} tầng).`, path: expect.stringMatching(/^or\.0/) }])
  })

  it('resolves labels through arrays, groups and relationships, and versions', () => {
    expect(resolveQueryPath({ fieldsOf, path: 'version.deadlines.day', slug: 'rounds' })).toMatchObject({ kind: 'number', labels: ['Thời hạn', 'Ngày'] })
    expect(resolveQueryPath({ fieldsOf, path: 'authority__name', slug: 'rounds' })).toMatchObject({ kind: 'text', labels: ['Cấp quản lý', 'Tên'] })
    expect(resolveQueryPath({ fieldsOf, path: 'parent', slug: 'rounds' })).toMatchObject({ kind: 'id' })
    expect(resolveQueryPath({ fieldsOf, path: 'nope', slug: 'rounds' })).toBeNull()
  })
})

describe('query parameters', () => {
  it('accepts what the admin and the Local API send', () => {
    expect(checkQueryParams({ args: { depth: 0, limit: 0, page: 1, sort: '-createdAt,title' } })).toEqual([])
    expect(checkQueryParams({ args: { limit: 10, sort: ['title', '-year'] } })).toEqual([])
  })

  it.each([
    [{ limit: 'abc' }, 'limit', 'Tham số «limit» phải là số nguyên từ 0 đến 2147483647 (đã gửi «abc»).'],
    [{ limit: 1.5 }, 'limit', 'Tham số «limit» phải là số nguyên từ 0 đến 2147483647 (đã gửi «1.5»).'],
    [{ page: -1 }, 'page', 'Tham số «page» phải là số nguyên từ 1 đến 2147483647 (đã gửi «-1»).'],
    [{ page: Infinity }, 'page', 'Tham số «page» phải là số nguyên từ 1 đến 2147483647 (đã gửi «Infinity»).'],
    [{ depth: -1 }, 'depth', 'Tham số «depth» phải là số nguyên từ 0 đến 100 (đã gửi «-1»).'],
    [{ sort: { a: 'b' } }, 'sort', 'Tham số «sort» phải là tên trường (thêm dấu - phía trước để xếp giảm dần), cách nhau bởi dấu phẩy (đã gửi «{a}»).'],
    [{ sort: 'title; drop table x' }, 'sort', 'Tham số «sort» phải là tên trường (thêm dấu - phía trước để xếp giảm dần), cách nhau bởi dấu phẩy (đã gửi «title; drop table x»).'],
  ])('refuses %j', (args, path, message) => {
    expect(checkQueryParams({ args })).toEqual([{ message, path }])
  })
})

describe('documents: the JSON type of every field value', () => {
  it('accepts a well-formed document, numeric strings, populated relationships and dates', () => {
    const data = { authority: { id: 3, name: 'x' }, criteria: [{ code: 'TC1', id: 'abc', indicators: [{ appliesTo: [{ unitType: 'xa' }], code: 'TC1.CT1' }] }], criteriaSets: [1, '2'], decidedOn: '2026-01-15', deadlines: { day: 15 }, isActive: true, result: { any: ['thing'] }, roles: ['admin'], tier: 'huyen', title: 'Đợt', year: '2026' }
    expect(checkDocument({ data, fields })).toEqual([])
  })

  it('reads the admin form’s empty list (sent as 0) as [], at any depth, and nothing else as a list', () => {
    const data: Record<string, unknown> = { criteria: [{ code: 'TC1', indicators: [{ appliesTo: 0, code: 'TC1.CT1' }] }, { code: 'TC2', indicators: 0 }] }
    expect(checkDocument({ data, fields })).toEqual([])
    expect(data).toEqual({ criteria: [{ code: 'TC1', indicators: [{ appliesTo: [], code: 'TC1.CT1' }] }, { code: 'TC2', indicators: [] }] })
    expect(checkDocument({ data: { criteria: 1 }, fields }).map((problem) => problem.path)).toEqual(['criteria'])
  })

  it('names every wrong value with its path and its label', () => {
    const data = { authority: 99_999_999_999, criteria: [{ indicators: [{ appliesTo: [{ unitType: 'xa' }, { unitType: 'zzz' }] }] }], criteriaSets: 'abc', decidedOn: '99999-01-01', deadlines: 'abc', isActive: 'maybe', roles: 'admin', tier: 5, title: { a: 1 }, year: 'abc' }
    expect(checkDocument({ data, fields })).toEqual([
      { message: '«Cấp quản lý»: «99999999999» không phải mã bản ghi hợp lệ (số nguyên từ 1 đến 2147483647).', path: 'authority' },
      { message: '«Bộ tiêu chí»: «abc» không phải mã bản ghi hợp lệ (số nguyên từ 1 đến 2147483647).', path: 'criteriaSets' },
      { message: '«Thời hạn» phải là một nhóm trường (đối tượng), đã gửi «abc».', path: 'deadlines' },
      { message: '«Ngày quyết định»: «99999-01-01» không phải ngày hợp lệ (năm từ 1 đến 9999).', path: 'decidedOn' },
      { message: '«Đang hoạt động» chỉ nhận đúng (true) hoặc sai (false), đã gửi «maybe».', path: 'isActive' },
      { message: '«Vai trò» phải là một lựa chọn (chuỗi ký tự), đã gửi «admin».', path: 'roles' },
      { message: '«Cấp đơn vị» phải là một lựa chọn (chuỗi ký tự), đã gửi «5».', path: 'tier' },
      { message: '«Tên đợt đánh giá» phải là văn bản, đã gửi «{a}».', path: 'title' },
      { message: '«Năm đánh giá» phải là số, đã gửi «abc».', path: 'year' },
    ])
  })

  it('refuses a list of rows sent as a string, a number or an object', () => {
    for (const value of ['abc', 5, { a: 1 }]) {
      expect(checkDocument({ data: { criteria: value }, fields })).toEqual([{ message: `«Tiêu chí» phải là một danh sách dòng, đã gửi ${shown(value)}.`, path: 'criteria' }])
    }
    expect(checkDocument({ data: { criteria: ['abc'] }, fields })).toEqual([{ message: '«Tiêu chí»: dòng 1 phải là một đối tượng, đã gửi «abc».', path: 'criteria' }])
  })
})

describe('inspectJson: depth, size, NUL and prototype keys, iteratively', () => {
  const describePath = (path: string) => `«${path}»`
  it('refuses nesting past the bound even thousands of levels deep', () => {
    let deep: unknown = 'x'
    for (let level = 0; level < 100_000; level += 1) deep = { explanation: deep }
    const problem = inspectJson({ describe: describePath, value: { answers: [deep] } })
    expect(problem?.message).toMatch(new RegExp(`lồng nhau quá sâu \\(quá ${inputLimits.depth} tầng\\)\\.$`))
    expect(problem?.path.split('.')).toHaveLength(inputLimits.depth)
  })

  it('accepts the deepest shape our documents have (criteria → indicators → scale)', () => {
    const value = { criteria: [{ indicators: [{ scale: [{ code: 'a' }], appliesTo: [{ unitType: 'xa' }] }] }], result: { criteria: [{ indicators: [{ issues: [{ path: ['a', 0] }] }] }] } }
    expect(inspectJson({ describe: describePath, value })).toBeNull()
  })

  it('refuses more values than the bound', () => {
    expect(inspectJson({ describe: describePath, value: { rows: Array.from({ length: inputLimits.values }, () => 1) } })?.message).toBe('Dữ liệu gửi lên quá lớn (hơn 100.000 giá trị).')
  })

  it('refuses NUL characters and prototype keys, naming where', () => {
    expect(inspectJson({ describe: describePath, value: { a: ['x', 'y\u0000'] } })).toEqual({ message: '«a.1» chứa ký tự NUL (\\u0000), không lưu hay tìm được.', path: 'a.1' })
    expect(inspectJson({ describe: describePath, value: JSON.parse('{"a":{"__proto__":{"isAdmin":true}}}') })).toEqual({ message: 'Tên trường «__proto__» không được phép (trong «a»).', path: 'a' })
  })

  it('reduces a path to the fields it names, for the admin to mark', () => {
    expect(fieldPathOf({ fields, path: 'criteria.0.indicators.3.appliesTo.1.unitType' })).toEqual({ labels: ['Tiêu chí', 'Chỉ tiêu', 'Chỉ áp dụng cho loại đơn vị', 'Loại đơn vị'], path: 'criteria.0.indicators.3.appliesTo.1.unitType' })
    expect(fieldPathOf({ fields, path: 'result.a.a.a' })).toEqual({ labels: ['Kết quả'], path: 'result' })
  })
})
