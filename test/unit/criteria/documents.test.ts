/** The pure parts of generated paperwork: wording, the template check, the choice of template, the report's sums. */
import { describe, expect, it } from 'vitest'

import {
  answerInWords,
  changeInWords,
  checkPlaceholders,
  committeeName,
  countWithWords,
  dateInWords,
  documentTypeByCode,
  documentTypes,
  documentTypesFor,
  issuingPower,
  numberInWords,
  pickTemplate,
  placeAndDate,
  placeName,
  signatureBlock,
  upwardReport,
  type TemplateTag,
} from '@criteria/documents'

describe('the date line (NĐ 30/2020: leading zero for days below 10 and months 1 and 2)', () => {
  it.each([
    ['2027-02-05', 'ngày 05 tháng 02 năm 2027'],
    ['2027-01-10', 'ngày 10 tháng 01 năm 2027'],
    ['2027-03-09', 'ngày 09 tháng 3 năm 2027'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
    ['2026-10-01T05:00:00.000Z', 'ngày 01 tháng 10 năm 2026'],
  ])('%s → %s', (iso, words) => expect(dateInWords(iso)).toBe(words))

  it('refuses a date that does not exist', () => {
    expect(dateInWords('2027-02-30')).toBeNull()
    expect(dateInWords('hôm nay')).toBeNull()
  })

  it('puts the place before the date, and names the place without its tier', () => {
    expect(placeAndDate({ isoDate: '2027-02-05', place: 'Hà Quảng' })).toBe('Hà Quảng, ngày 05 tháng 02 năm 2027')
    expect(placeAndDate({ isoDate: '2027-02-05', place: null })).toBe('ngày 05 tháng 02 năm 2027')
    expect(placeName('Huyện Hà Quảng')).toBe('Hà Quảng')
    expect(placeName('Tỉnh Cao Bằng (demo)')).toBe('Cao Bằng')
    expect(placeName('Thành phố Cao Bằng')).toBe('Cao Bằng')
    expect(placeName('UBND xã Trường Hà')).toBe('Trường Hà')
    expect(placeName('Sở Giáo dục')).toBe('Sở Giáo dục')
  })
})

describe('numbers in words', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [100, 'một trăm'],
    [105, 'một trăm linh năm'],
    [114, 'một trăm mười bốn'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [3000, 'ba nghìn'],
    [2_000_021, 'hai triệu không trăm hai mươi mốt'],
  ])('%d → %s', (value, words) => expect(numberInWords(value)).toBe(words))

  it('has no words for a negative or fractional number', () => {
    expect(numberInWords(-1)).toBeNull()
    expect(numberInWords(1.5)).toBeNull()
  })

  it('writes a count in two digits with its words', () => {
    expect(countWithWords(5)).toBe('05 (năm)')
    expect(countWithWords(12)).toBe('12 (mười hai)')
  })
})

describe('the signature block', () => {
  it('a chairman signs for the committee, a deputy on the chairman’s behalf', () => {
    expect(signatureBlock({ signerTitle: 'Chủ tịch UBND huyện' })).toEqual({ authorityLine: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' })
    expect(signatureBlock({ signerTitle: 'Phó Chủ tịch UBND huyện' })).toEqual({ authorityLine: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH' })
  })

  it('keeps an authority line the record writes out, and names the office alone', () => {
    expect(signatureBlock({ signerTitle: 'KT. Chủ tịch — Phó Chủ tịch UBND huyện' })).toEqual({ authorityLine: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH' })
    expect(signatureBlock({ signerTitle: 'TM. Ủy ban nhân dân - Chủ tịch' })).toEqual({ authorityLine: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' })
  })

  it('names the People’s Committee of a territory, and leaves another body as it is', () => {
    expect(committeeName({ authorityName: 'Huyện Hà Quảng' })).toBe('Ủy ban nhân dân huyện Hà Quảng')
    expect(committeeName({ authorityName: 'Tỉnh Cao Bằng (demo)', isUpper: true })).toBe('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG')
    expect(committeeName({ authorityName: 'Sở Giáo dục và Đào tạo' })).toBe('Sở Giáo dục và Đào tạo')
  })

  it('a committee’s decision is issued in the chairman’s power even when a deputy signs', () => {
    expect(issuingPower({ authorityName: 'Huyện Hà Quảng', signerTitle: 'KT. Chủ tịch — Phó Chủ tịch UBND huyện' })).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG')
    expect(issuingPower({ authorityName: 'Tỉnh Cao Bằng', signerTitle: 'Chủ tịch UBND tỉnh' })).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG')
    expect(issuingPower({ authorityName: 'Sở X', signerTitle: 'Giám đốc Sở' })).toBe('GIÁM ĐỐC SỞ')
  })

  it('another title is printed as it is; none leaves the block empty', () => {
    expect(signatureBlock({ signerTitle: 'Giám đốc Sở' })).toEqual({ authorityLine: '', signerTitle: 'GIÁM ĐỐC SỞ' })
    expect(signatureBlock({ signerTitle: null })).toEqual({ authorityLine: '', signerTitle: '' })
  })
})

describe('answers in words', () => {
  it('reads each measure as a clerk writes it', () => {
    expect(answerInWords({ measure: 'boolean', value: true })).toBe('Có')
    expect(answerInWords({ measure: 'boolean', value: false })).toBe('Không')
    expect(answerInWords({ denominator: 100, measure: 'ratio', numerator: 87 })).toBe('87/100 (87%)')
    expect(answerInWords({ denominator: 3, measure: 'ratio', numerator: 2 })).toBe('2/3 (66,67%)')
    expect(answerInWords({ maxPoints: 10, measure: 'points', points: 8.5 })).toBe('8,5/10 điểm')
    expect(answerInWords({ label: 'Tập thể lao động xuất sắc', measure: 'rank' })).toBe('Tập thể lao động xuất sắc')
    expect(answerInWords({ denominator: null, measure: 'ratio', numerator: null })).toBe('Chưa trả lời')
  })
})

const tag = (name: string, children?: TemplateTag[]): TemplateTag => ({ children: children ?? [], isSection: children !== undefined, name })

describe('checking a template’s placeholders against its data model', () => {
  const toTrinh = documentTypeByCode('to-trinh')!

  it('accepts the fields, the loops and, inside a loop, its fields and the outer ones', () => {
    expect(checkPlaceholders({ tags: [tag('coQuanBanHanh'), tag('hoSoKemTheo', [tag('stt'), tag('ten'), tag('tenDonVi')])], type: toTrinh })).toEqual([])
  })

  it('names an unknown placeholder, once, and one that belongs to a loop used outside it', () => {
    const problems = checkPlaceholders({ tags: [tag('tenDonViX'), tag('tenDonViX'), tag('stt'), tag('hoSoKemTheo', [tag('khongCo')])], type: toTrinh })
    expect(problems.map((problem) => problem.name)).toEqual(['tenDonViX', 'stt', 'khongCo'])
    expect(problems[0].message).toContain('{tenDonViX}')
    expect(problems[2].message).toContain('hoSoKemTheo')
  })

  it('a loop used as a plain value is refused with how to write it', () => {
    const [problem] = checkPlaceholders({ tags: [tag('noiNhan')], type: toTrinh })
    expect(problem.message).toContain('{#noiNhan}')
  })

  it('a section on a plain value is a condition whose inside sees the same names', () => {
    expect(checkPlaceholders({ tags: [tag('nguoiKy', [tag('nguoiKy')])], type: toTrinh })).toEqual([])
  })

  it('every type has the header of an administrative paper and unique names', () => {
    for (const type of documentTypes) {
      const names = [...type.fields.map((field) => field.name), ...type.loops.map((loop) => loop.name)]
      expect(new Set(names).size, type.code).toBe(names.length)
      for (const name of ['coQuanBanHanh', 'coQuanChuQuan', 'soKyHieu', 'diaDanhNgayThang', 'quyenHan', 'chucVuNguoiKy', 'nguoiKy']) expect(names, type.code).toContain(name)
    }
  })

  it('the Biểu tự chấm điểm belongs to TT 22 rounds only', () => {
    expect(documentTypesFor({ regime: 'tt22-2020', scope: 'self-assessment' }).map((type) => type.code)).toContain('bieu-tu-cham-diem')
    expect(documentTypesFor({ regime: 'tt24-2023', scope: 'self-assessment' }).map((type) => type.code)).toEqual(['to-trinh', 'bao-cao-tu-danh-gia', 'ban-tong-hop'])
  })
})

describe('choosing the template', () => {
  const candidate = (id: number, authority: number | null, regime: string | null = null, docType = 'to-trinh') => ({ authority, docType, id, isActive: true, regime })
  const chain = [3, 2, 1] // district 3 under province 2 under 1

  it('the authority’s own, then its parents up the tree, then the default', () => {
    const all = [candidate(1, null), candidate(2, 1), candidate(3, 2), candidate(4, 3)]
    expect(pickTemplate({ candidates: all, chain, docType: 'to-trinh', regime: null })?.id).toBe(4)
    expect(pickTemplate({ candidates: all.slice(0, 3), chain, docType: 'to-trinh', regime: null })?.id).toBe(3)
    expect(pickTemplate({ candidates: all.slice(0, 2), chain, docType: 'to-trinh', regime: null })?.id).toBe(2)
    expect(pickTemplate({ candidates: all.slice(0, 1), chain, docType: 'to-trinh', regime: null })?.id).toBe(1)
    expect(pickTemplate({ candidates: [], chain, docType: 'to-trinh', regime: null })).toBeNull()
  })

  it('a sibling’s template never applies; another type or regime or an inactive one neither', () => {
    expect(pickTemplate({ candidates: [candidate(5, 9)], chain, docType: 'to-trinh', regime: null })).toBeNull()
    expect(pickTemplate({ candidates: [candidate(6, 3, null, 'bien-ban')], chain, docType: 'to-trinh', regime: null })).toBeNull()
    expect(pickTemplate({ candidates: [candidate(7, 3, 'tt22-2020')], chain, docType: 'to-trinh', regime: 'tt24-2023' })).toBeNull()
    expect(pickTemplate({ candidates: [{ ...candidate(8, 3), isActive: false }], chain, docType: 'to-trinh', regime: null })).toBeNull()
  })

  it('at one authority the regime’s own template beats one for every regime', () => {
    expect(pickTemplate({ candidates: [candidate(1, 3), candidate(2, 3, 'tt24-2023')], chain, docType: 'to-trinh', regime: 'tt24-2023' })?.id).toBe(2)
  })
})

describe('the upward report', () => {
  const entry = (unitName: string, unitTypeLabel: string, levelLabel: string | null, reason: string | null = null) => ({ isRecognised: levelLabel !== null, levelLabel, reason, unitName, unitTypeLabel })

  it('counts by unit type and level, lists the units not recognised with why, and compares with last year', () => {
    const report = upwardReport({
      entries: [entry('Xã B', 'Xã', 'Mức độ 1'), entry('Xã A', 'Xã', 'Mức độ 2'), entry('Trường C', 'Trường THCS', null, 'Chỉ tiêu TC1.2 chưa đạt'), entry('Xã D', 'Xã', 'Mức độ 1')],
      levelOrder: ['Mức độ 1', 'Mức độ 2'],
      previous: [entry('Xã B', 'Xã', 'Mức độ 1'), entry('Xã E', 'Xã', null)],
    })
    expect(report.byType).toEqual([
      { dossiers: 1, label: 'Trường THCS', notRecognised: 1, recognised: 0 },
      { dossiers: 3, label: 'Xã', notRecognised: 0, recognised: 3 },
    ])
    expect(report.byLevel).toEqual([
      { change: 'tăng 1 đơn vị', count: 2, label: 'Mức độ 1', previous: 1 },
      { change: 'tăng 1 đơn vị', count: 1, label: 'Mức độ 2', previous: 0 },
    ])
    expect(report.notRecognised).toEqual([{ reason: 'Chỉ tiêu TC1.2 chưa đạt', unitName: 'Trường C', unitTypeLabel: 'Trường THCS' }])
    expect(report.totals).toEqual({ comparison: 'tăng 2 đơn vị', dossiers: 4, notRecognised: 1, previousRecognised: 1, recognised: 3 })
  })

  it('says a fall and an equal year in words', () => {
    expect(changeInWords({ before: 5, now: 3 })).toBe('giảm 2 đơn vị')
    expect(changeInWords({ before: 2, now: 2 })).toBe('bằng năm trước')
  })
})
