/**
 * The pure parts of hooks/errorMessages.ts: which database errors are the caller's input (4xx)
 * or a saturated database (503), Payload's generic texts recognised in English and Vietnamese
 * and rewritten to name the field, and the location of a field error by its rows' codes.
 */
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { databaseErrorOf, describeDatabaseError, genericSentence, isDatabaseUnavailable, locate, matchGeneric } from '@hooks/errorMessages'

const indicatorFields = [
  { name: 'code', type: 'text', label: { en: 'Code', vi: 'Mã chỉ tiêu' } },
  { name: 'appliesTo', type: 'array', flattenedFields: [{ name: 'unitType', type: 'select', label: { en: 'Unit type', vi: 'Loại đơn vị' } }], label: { en: 'Applies to', vi: 'Chỉ áp dụng cho loại đơn vị' } },
]
const fields = [
  { name: 'code', type: 'text', label: { en: 'Code', vi: 'Mã bộ tiêu chí' } },
  { name: 'authority', type: 'relationship', label: { en: 'Owner', vi: 'Của cấp quản lý' }, relationTo: 'authorities' },
  {
    name: 'criteria',
    type: 'array',
    flattenedFields: [{ name: 'code', type: 'text', label: { vi: 'Mã' } }, { name: 'indicators', type: 'array', flattenedFields: indicatorFields, label: { vi: 'Chỉ tiêu' }, labels: { singular: { en: 'Indicator', vi: 'Chỉ tiêu' } } }],
    label: { en: 'Criteria', vi: 'Tiêu chí' },
    labels: { singular: { en: 'Criterion', vi: 'Tiêu chí' } },
  },
  { name: 'recognition', type: 'group', flattenedFields: [{ name: 'validityMonths', type: 'number', label: { vi: 'Thời hạn bảo lưu (tháng)' } }], label: { vi: 'Điều kiện công nhận' } },
] as unknown as FlattenedField[]

const collection = { config: { flattenedFields: fields, labels: { plural: { vi: 'Bộ tiêu chí' }, singular: { vi: 'Bộ tiêu chí' } }, slug: 'criteria-sets' } as unknown as SanitizedCollectionConfig }
const units = { config: { flattenedFields: [{ name: 'authority', type: 'relationship', label: { vi: 'Cấp quản lý' }, relationTo: 'authorities' }], labels: { plural: { vi: 'Đơn vị' }, singular: { vi: 'Đơn vị' } }, slug: 'units' } as unknown as SanitizedCollectionConfig }
const collections = [collection, units]

describe('locate: rows by their own code, groups by their label', () => {
  const data = { criteria: [{ code: 'TC1', indicators: [{ code: 'TC1.CT1' }, { code: 'TC1.CT2' }, { code: 'TC1.CT3' }, { appliesTo: [{ unitType: 'xa' }, { unitType: 'zzz' }], code: 'TC1.CT4' }] }] }
  it('names each row by its code and a row without one by its number', () => {
    expect(locate({ fields, path: 'criteria.0.indicators.3.appliesTo.1.unitType', sources: [data] })).toEqual({
      codes: ['TC1', 'TC1.CT4'],
      context: ['Tiêu chí TC1', 'Chỉ tiêu TC1.CT4', 'Chỉ áp dụng cho loại đơn vị (dòng 2)'],
      field: 'Loại đơn vị',
    })
  })

  it('falls back to later sources (the stored document), then to row numbers', () => {
    expect(locate({ fields, path: 'criteria.0.indicators.1.code', sources: [{}, data] }).context).toEqual(['Tiêu chí TC1', 'Chỉ tiêu TC1.CT2'])
    expect(locate({ fields, path: 'criteria.1.indicators.0.code', sources: [undefined] }).context).toEqual(['Tiêu chí (dòng 2)', 'Chỉ tiêu (dòng 1)'])
  })

  it('places a field of a group under the group, and a top-level field alone', () => {
    expect(locate({ fields, path: 'recognition.validityMonths', sources: [] })).toEqual({ codes: [], context: ['Điều kiện công nhận'], field: 'Thời hạn bảo lưu (tháng)' })
    expect(locate({ fields, path: 'code', sources: [] })).toEqual({ codes: [], context: [], field: 'Mã bộ tiêu chí' })
    expect(locate({ fields, path: 'password', sources: [] }).field).toBe('Mật khẩu')
  })
})

describe("Payload's generic texts, in English and in Vietnamese, become sentences naming the field", () => {
  it.each([
    ['This field is required.', 'required', '«Mã» là bắt buộc.'],
    ['Trường này là bắt buộc.', 'required', '«Mã» là bắt buộc.'],
    ['This field has an invalid selection', 'invalidSelection', '«Mã»: «zzz» không có trong danh sách lựa chọn.'],
    ['Lựa chọn ở field này không hợp lệ.', 'invalidSelection', '«Mã»: «zzz» không có trong danh sách lựa chọn.'],
    ['This relationship field has the following invalid relationships: abc 0', 'invalidRelationships', '«Mã»: không có bản ghi được chọn (abc), hoặc bạn không được chọn nó.'],
    ['Value must be unique', 'valueMustBeUnique', '«Mã» «zzz» đã được dùng cho một bản ghi khác; hãy chọn giá trị khác.'],
    ['Lỗi - Giá trị không được trùng lặp.', 'valueMustBeUnique', '«Mã» «zzz» đã được dùng cho một bản ghi khác; hãy chọn giá trị khác.'],
    ['5 lớn hơn giá trị tối đa cho phép của Giá trị là 2.', 'greaterThanMax', '«Mã»: 5 lớn hơn mức tối đa cho phép (2).'],
    ['Trường này cần tối thiểu 1 hàng.', 'requiresAtLeast', '«Mã» cần ít nhất 1 dòng.'],
  ])('%s', (message, key, sentence) => {
    const generic = matchGeneric(message)
    expect(generic?.key).toBe(key)
    expect(genericSentence({ field: 'Mã', key: generic!.key, sent: 'zzz', values: generic!.values })).toBe(sentence)
  })

  it('does not take our own messages for generic ones', () => {
    expect(matchGeneric('Tên đơn vị không được để trống.')).toBeNull()
    expect(matchGeneric('Chỉ tiêu TC1.CT3 cần minh chứng hoặc giải trình.')).toBeNull()
  })
})

describe('database errors', () => {
  const pgError = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'db'), fields)
  const wrapped = (cause: Error) => Object.assign(new Error('Failed query: select …'), { cause })

  it('finds the PostgreSQL error behind a Drizzle error', () => {
    expect(databaseErrorOf(wrapped(pgError({ code: '22P02' })))?.code).toBe('22P02')
    expect(databaseErrorOf(new TypeError('x is not a function'))).toBeNull()
  })

  it.each([
    [{ code: '22P02', message: 'invalid input syntax for type integer: "NaN"' }, 400, 'Giá trị «NaN» không đúng kiểu dữ liệu của trường (ví dụ chữ ở chỗ cần số, hoặc một lựa chọn không có trong danh sách).'],
    [{ code: '22003', message: 'value "99999999999" is out of range for type integer' }, 400, 'Số «99999999999» vượt quá giới hạn cho phép.'],
    [{ code: '22008', message: 'date/time field value out of range' }, 400, 'Ngày giờ không hợp lệ hoặc nằm ngoài khoảng cho phép (năm từ 1 đến 9999).'],
    [{ code: '2201X', message: 'OFFSET must not be negative' }, 400, 'Tham số phân trang «limit» hoặc «page» không hợp lệ.'],
    [{ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }, 400, 'Dữ liệu có ký tự không lưu được (ký tự NUL \\u0000).'],
    [{ code: '23505', detail: 'Key (code)=(tt24) already exists.', table: 'criteria_sets' }, 409, 'Đã có Bộ tiêu chí khác với cùng «Mã bộ tiêu chí» (tt24); mỗi giá trị chỉ dùng được một lần.'],
    [{ code: '23503', detail: 'Key (authority_id)=(999) is not present in table "authorities".', table: 'criteria_sets' }, 400, '«Của cấp quản lý»: không có bản ghi mã 999 để tham chiếu tới.'],
    [{ code: '23503', detail: 'Key (id)=(5) is still referenced from table "units".', table: 'authorities' }, 400, 'Không xoá được: bản ghi này còn được dùng trong «Đơn vị».'],
    [{ code: '23502', column: 'code', table: 'criteria_sets' }, 400, '«Mã bộ tiêu chí» là bắt buộc.'],
    [{ code: '42883', message: 'operator does not exist: enum_units_tier ~~* unknown' }, 400, 'Không lọc được theo điều kiện này: toán tử không dùng được với kiểu của trường.'],
  ])('%j → %i', (fields, status, message) => {
    const described = describeDatabaseError({ collection: collection.config, collections, db: pgError(fields) as never })
    expect(described).toMatchObject({ message, status })
    expect(JSON.stringify(described)).not.toMatch(/select|insert|enum_|integer|constraint/i)
  })

  it('keeps the field path for the admin when the column is the collection’s own', () => {
    const described = describeDatabaseError({ collection: collection.config, collections, db: pgError({ code: '23505', detail: 'Key (code)=(tt24) already exists.', table: 'criteria_sets' }) as never })
    expect(described?.data).toEqual({ collection: 'criteria-sets', errors: [{ label: 'Mã bộ tiêu chí', message: described!.message, path: 'code' }] })
  })

  it('leaves errors that are not about input to the 500 path', () => {
    expect(describeDatabaseError({ collection: collection.config, collections, db: pgError({ code: '42601', message: 'syntax error' }) as never })).toBeNull()
  })

  it.each([
    pgError({ code: '53300', message: 'sorry, too many clients already' }),
    wrapped(pgError({ code: '57P01', message: 'terminating connection due to administrator command' })),
    new Error('timeout exceeded when trying to connect (5000 ms, 8 giao dịch đang mở)'),
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    pgError({ code: '40P01', message: 'deadlock detected' }),
  ])('a saturated or unreachable database is a 503: %s', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('a bad value is not an unreachable database', () => {
    expect(isDatabaseUnavailable(wrapped(pgError({ code: '22P02', message: 'invalid input syntax for type integer: "NaN"' })))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('previous.map is not a function'))).toBe(false)
  })
})
