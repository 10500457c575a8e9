/**
 * Recognition rules as data (issue 11): where the validity months start, a result with no validity,
 * whether an expired level-1 recognition still counts, on which day the 12-month wait is measured,
 * and the rule said back in Vietnamese.
 */
import { describe, expect, it } from 'vitest'
import { validUntil } from '@criteria/calendar'
import { evaluate } from '@criteria/evaluate'
import type { PassFailOutcome } from '@criteria/results'
import { checkPrerequisiteOn, describeRecognitionRule, validityOf } from '@criteria/recognition'
import type { RecognitionRuleInput } from '@criteria/schema'
import { recognitionSchema, validateCriteriaSet } from '@criteria/schema'
import { metPassFailAnswers, mustValidate, passFailInput } from './fixtures'

const rule = (input: Partial<RecognitionRuleInput> = {}) =>
  recognitionSchema.parse({ prerequisiteLevel: 1, monthsAfterPrerequisite: 12, validityMonths: 36, ...input })

describe('recognitionSchema: the newer fields and their defaults', () => {
  it('a rule written before issue 11 parses with the defaults', () => {
    expect(recognitionSchema.parse({ prerequisiteLevel: 1, monthsAfterPrerequisite: 12, validityMonths: 36 })).toEqual({
      prerequisiteLevel: 1,
      monthsAfterPrerequisite: 12,
      waitMeasuredAt: 'application',
      expiredPrerequisiteCounts: false,
      validityMonths: 36,
      validityAnchor: 'after-decision-year',
      ruleText: null,
      isVerified: false,
      source: null,
    })
  })

  it('a result may have no validity period (TT 22 grades yearly)', () => {
    expect(recognitionSchema.parse({ prerequisiteLevel: null, monthsAfterPrerequisite: 0, validityMonths: null }).validityMonths).toBeNull()
  })

  it.each([
    { field: 'waitMeasuredAt', value: 'submission' },
    { field: 'validityAnchor', value: 'decision-year' },
    { field: 'expiredPrerequisiteCounts', value: 'no' },
    { field: 'validityMonths', value: 0 },
  ])('refuses $field = $value with its path', ({ field, value }) => {
    const input = passFailInput({ level: 2, prerequisiteLevel: 1 })
    const result = validateCriteriaSet({ ...input, recognition: { ...input.recognition, [field]: value } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((issue) => issue.path.join('.'))).toEqual([`recognition.${field}`])
  })
})

describe('validityOf: the last day a recognition is kept, per anchor', () => {
  it.each([
    // 01/01 after the decision's year (TT 24/2023 "tiếp theo năm được công nhận")
    { anchor: 'after-decision-year', decidedOn: '2025-03-15', months: 36, expected: '2028-12-31' },
    { anchor: 'after-decision-year', decidedOn: '2025-12-31', months: 36, expected: '2028-12-31' },
    { anchor: 'after-decision-year', decidedOn: '2023-06-15', months: 2, expected: '2024-02-29' },
    // the signing day is day one
    { anchor: 'signing-date', decidedOn: '2025-03-15', months: 36, expected: '2028-03-14' },
    { anchor: 'signing-date', decidedOn: '2025-01-01', months: 12, expected: '2025-12-31' },
    { anchor: 'signing-date', decidedOn: '2025-03-01', months: 12, expected: '2026-02-28' },
    { anchor: 'signing-date', decidedOn: '2023-03-01', months: 12, expected: '2024-02-29' },
    { anchor: 'signing-date', decidedOn: '2025-01-31', months: 1, expected: '2025-02-28' },
    { anchor: 'signing-date', decidedOn: '2024-02-29', months: 12, expected: '2025-02-28' },
    { anchor: 'signing-date', decidedOn: '2025-01-31', months: 2, expected: '2025-03-30' },
  ] as const)('$anchor, decided $decidedOn, $months months → $expected', ({ anchor, decidedOn, months, expected }) => {
    expect(validityOf({ rule: rule({ validityAnchor: anchor, validityMonths: months }), decidedOn })).toEqual({ ok: true, validUntil: expected })
  })

  it('after the evaluation year: the decision day does not matter, the evaluation year does', () => {
    const afterEvaluation = rule({ validityAnchor: 'after-evaluation-year' })
    expect(validityOf({ rule: afterEvaluation, decidedOn: '2025-02-10', evaluationYear: 2024 })).toEqual({ ok: true, validUntil: '2027-12-31' })
    expect(validityOf({ rule: afterEvaluation, decidedOn: '2025-12-30', evaluationYear: 2024 })).toEqual({ ok: true, validUntil: '2027-12-31' })
    expect(validityOf({ rule: afterEvaluation, decidedOn: '2025-02-10', evaluationYear: 2025 })).toEqual({ ok: true, validUntil: '2028-12-31' })
  })

  it('after the evaluation year without one is an issue, not a guess', () => {
    for (const evaluationYear of [undefined, null, 2024.5, 99]) {
      const result = validityOf({ rule: rule({ validityAnchor: 'after-evaluation-year' }), decidedOn: '2025-02-10', evaluationYear })
      expect(result).toMatchObject({ ok: false, issues: [{ code: 'invalid-evaluation-year', path: ['evaluationYear'], severity: 'error' }] })
    }
  })

  it('no validity period: null, whatever the anchor and even without an evaluation year', () => {
    for (const validityAnchor of ['after-decision-year', 'signing-date', 'after-evaluation-year'] as const) {
      expect(validityOf({ rule: rule({ validityAnchor, validityMonths: null }), decidedOn: '2025-03-15' })).toEqual({ ok: true, validUntil: null })
    }
  })

  it('a malformed decision day is an issue', () => {
    expect(validityOf({ rule: rule(), decidedOn: '15/03/2025' })).toMatchObject({ ok: false, issues: [{ code: 'invalid-date', path: ['decidedOn'] }] })
    expect(validityOf({ rule: rule({ validityMonths: null }), decidedOn: '' })).toMatchObject({ ok: false, issues: [{ code: 'invalid-date' }] })
  })

  it('a rule without an anchor is read with the default one, as validUntil has always counted', () => {
    for (const decidedOn of ['2024-01-01', '2024-02-29', '2025-12-31']) {
      const legacy = validUntil({ decidedOn, validityMonths: 36 })
      expect(validityOf({ rule: { validityMonths: 36 }, decidedOn })).toEqual({ ok: true, validUntil: legacy.ok ? legacy.date : 'unreachable' })
    }
  })
})

describe('checkPrerequisiteOn: an expired level-1 recognition', () => {
  const prior = { level: 1, decidedOn: '2025-03-15', validUntil: '2028-12-31' }

  it('does not count once its validity has ended, and says since when', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, appliedOn: '2029-01-05' })).toEqual({
      isMet: false,
      eligibleFrom: null,
      reason:
        'Quyết định công nhận Mức độ 1 ngày 15/03/2025 đã hết thời hạn bảo lưu từ ngày 01/01/2029 (bảo lưu đến hết ngày 31/12/2028), ' +
        'nên không còn là điều kiện để đề nghị công nhận Mức độ 2 tính đến ngày 05/01/2029.',
    })
  })

  it('still counts on its last valid day', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, appliedOn: '2028-12-31' })).toEqual({ isMet: true, eligibleFrom: '2026-03-15', reason: null })
  })

  it('counts when the rule lets expired recognitions count', () => {
    const lenient = rule({ expiredPrerequisiteCounts: true })
    expect(checkPrerequisiteOn({ recognition: lenient, level: 2, prior, appliedOn: '2030-06-01' })).toEqual({ isMet: true, eligibleFrom: '2026-03-15', reason: null })
  })

  it('a prior without a known validity never expires', () => {
    for (const validUntil of [null, undefined]) {
      expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior: { ...prior, validUntil }, appliedOn: '2035-01-01' })).toMatchObject({ isMet: true })
    }
  })

  it('expiry is measured on the same day as the wait', () => {
    const atDecision = rule({ waitMeasuredAt: 'decision' })
    const input = { level: 2, prior, appliedOn: '2028-12-20', signedOn: '2029-01-10' }
    expect(checkPrerequisiteOn({ recognition: rule(), ...input })).toMatchObject({ isMet: true })
    expect(checkPrerequisiteOn({ recognition: atDecision, ...input })).toMatchObject({ isMet: false, eligibleFrom: null })
  })

  it('a prior whose validity date cannot be read counts as none', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior: { ...prior, validUntil: '31/12/2028' }, appliedOn: '2027-01-05' })).toMatchObject({
      isMet: false,
      eligibleFrom: null,
      reason: expect.stringContaining('Chưa có quyết định công nhận'),
    })
  })
})

describe('checkPrerequisiteOn: the day the 12-month wait is measured at', () => {
  const prior = { level: 1, decidedOn: '2025-01-20' }
  // applied one day too early, signed after the 12 months
  const days = { appliedOn: '2026-01-19', signedOn: '2026-02-05' }

  it('at the application (the default): an application one day early is refused even if signed later', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, ...days })).toEqual({
      isMet: false,
      eligibleFrom: '2026-01-20',
      reason:
        'Quyết định công nhận Mức độ 1 ngày 20/01/2025 chưa đủ 12 tháng tính đến ngày 19/01/2026: đơn vị có thể đề nghị công nhận Mức độ 2 từ ngày 20/01/2026.',
    })
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, ...days, appliedOn: '2026-01-20' })).toMatchObject({ isMet: true })
  })

  it('at the decision: the signing day decides, whatever the application day', () => {
    expect(checkPrerequisiteOn({ recognition: rule({ waitMeasuredAt: 'decision' }), level: 2, prior, ...days })).toEqual({
      isMet: true,
      eligibleFrom: '2026-01-20',
      reason: null,
    })
    expect(checkPrerequisiteOn({ recognition: rule({ waitMeasuredAt: 'decision' }), level: 2, prior, appliedOn: '2026-02-05', signedOn: '2026-01-19' })).toMatchObject({
      isMet: false,
    })
  })

  it('at the application, without an application day: the signing day stands in', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, signedOn: '2026-02-05' })).toMatchObject({ isMet: true })
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, appliedOn: null, signedOn: '2026-01-19' })).toMatchObject({ isMet: false })
  })

  it('says which day is missing or unreadable', () => {
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior })).toEqual({
      isMet: false,
      eligibleFrom: null,
      reason: 'Thiếu ngày ký để tính điều kiện công nhận trước đó.',
    })
    expect(checkPrerequisiteOn({ recognition: rule(), level: 2, prior, appliedOn: '19/01/2026', signedOn: '2026-02-05' })).toEqual({
      isMet: false,
      eligibleFrom: null,
      reason: 'Ngày nộp hồ sơ không hợp lệ: 19/01/2026.',
    })
    expect(checkPrerequisiteOn({ recognition: rule({ waitMeasuredAt: 'decision' }), level: 2, prior, appliedOn: '2026-02-05' })).toMatchObject({
      reason: 'Thiếu ngày ký để tính điều kiện công nhận trước đó.',
    })
  })

  it('a set without a prerequisite needs no day at all', () => {
    expect(checkPrerequisiteOn({ recognition: rule({ prerequisiteLevel: null }), level: 1, prior: null })).toBeNull()
    expect(checkPrerequisiteOn({ recognition: null, level: 1, prior: null, signedOn: 'không rõ' })).toBeNull()
  })
})

describe('evaluate: a prior recognition with its validity', () => {
  const set = mustValidate(passFailInput({ level: 2, prerequisiteLevel: 1 }))
  const evaluateWith = (prior: unknown, asOf = '2029-01-05') =>
    evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, prior: prior as never, asOf })

  it('an expired level-1 recognition leaves level 2 unmet, with the reason as a gap', () => {
    const result = evaluateWith({ level: 1, decidedOn: '2025-03-15', validUntil: '2028-12-31' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.outcome as PassFailOutcome).toEqual({ model: 'pass-fail', isMet: false, level: null, prerequisite: { isMet: false, eligibleFrom: null } })
    expect(result.gaps).toEqual([
      { code: 'prerequisite', indicator: null, shortfall: null, message: expect.stringContaining('đã hết thời hạn bảo lưu từ ngày 01/01/2029') },
    ])
  })

  it('the same recognition still valid meets it', () => {
    const result = evaluateWith({ level: 1, decidedOn: '2025-03-15', validUntil: '2028-12-31' }, '2028-12-31')
    expect(result.ok && result.outcome).toMatchObject({ isMet: true, level: 2 })
  })

  it.each([
    { validUntil: '31/12/2028', code: 'invalid-date' },
    { validUntil: '2025-03-14', code: 'prior-valid-until-before-decision' },
  ])('refuses a validity date $validUntil ($code)', ({ validUntil, code }) => {
    const result = evaluateWith({ level: 1, decidedOn: '2025-03-15', validUntil })
    expect(result).toMatchObject({ ok: false, issues: [{ code, path: ['prior', 'validUntil'], severity: 'error' }] })
  })
})

describe('describeRecognitionRule: the rule in Vietnamese', () => {
  it('TT 24 level 2 as seeded (not verified)', () => {
    expect(describeRecognitionRule({ rule: rule(), level: 2 })).toBe(
      'Đơn vị chỉ được đề nghị công nhận Mức độ 2 khi đã được công nhận Mức độ 1 và quyết định đó còn thời hạn bảo lưu, ' +
        'sau ít nhất 12 tháng kể từ ngày ra quyết định công nhận Mức độ 1 (tính đến ngày đơn vị nộp hồ sơ đề nghị). ' +
        'Kết quả công nhận được bảo lưu 36 tháng, tính từ ngày 01/01 của năm sau năm ra quyết định công nhận. (chưa đối chiếu văn bản gốc)',
    )
  })

  it('a verified rule measured at the decision, expired recognitions counting, kept from the signing day', () => {
    const verified = rule({ waitMeasuredAt: 'decision', expiredPrerequisiteCounts: true, validityAnchor: 'signing-date', isVerified: true })
    expect(describeRecognitionRule({ rule: verified, level: 2 })).toBe(
      'Đơn vị chỉ được đề nghị công nhận Mức độ 2 khi đã được công nhận Mức độ 1, kể cả khi quyết định đó đã hết thời hạn bảo lưu, ' +
        'sau ít nhất 12 tháng kể từ ngày ra quyết định công nhận Mức độ 1 (tính đến ngày ký quyết định công nhận). ' +
        'Kết quả công nhận được bảo lưu 36 tháng, tính từ ngày ký quyết định công nhận.',
    )
  })

  it('level 1 without prerequisite, and a result with no validity', () => {
    expect(describeRecognitionRule({ rule: rule({ prerequisiteLevel: null, monthsAfterPrerequisite: 0, validityMonths: null, isVerified: true }), level: 1 })).toBe(
      'Đơn vị được đề nghị công nhận Mức độ 1 mà không cần đã được công nhận ở mức độ khác. Kết quả công nhận không có thời hạn bảo lưu.',
    )
  })

  it('after the evaluation year, with no wait', () => {
    expect(describeRecognitionRule({ rule: rule({ monthsAfterPrerequisite: 0, validityAnchor: 'after-evaluation-year', validityMonths: 24 }), level: null })).toBe(
      'Đơn vị chỉ được đề nghị công nhận mức độ này khi đã được công nhận Mức độ 1 và quyết định đó còn thời hạn bảo lưu. ' +
        'Kết quả công nhận được bảo lưu 24 tháng, tính từ ngày 01/01 của năm sau năm đánh giá. (chưa đối chiếu văn bản gốc)',
    )
  })
})
