/**
 * `evaluate` on the input a request body can carry: the exact refusal for each malformed part,
 * a prior recognition at the edges of what is valid, and answers to indicators that do not apply.
 * Also `checkPrerequisiteOn` (the level-2 check when a decision is signed), reason by reason.
 */
import { describe, expect, it } from 'vitest'

import { evaluate } from '@criteria/evaluate'
import { checkPrerequisiteOn } from '@criteria/recognition'
import type { IndicatorInput } from '@criteria/schema'
import { metPassFailAnswers, mustValidate, passFailInput } from './fixtures'

const preschoolOnly: IndicatorInput = { code: 'MN1', text: 'Trẻ được học hòa nhập', measure: 'boolean', appliesTo: ['mam_non_cong_lap'], isVerified: true }

const issuesFor = (input: Partial<Parameters<typeof evaluate>[0]>) => {
  const result = evaluate({ set: mustValidate(passFailInput({ extraIndicators: [preschoolOnly] })), unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-01-10', ...input })
  return result.ok ? [] : result.issues.map(({ code, path, message }) => ({ code, path, message }))
}

describe('evaluate refuses malformed input, naming it', () => {
  it.each([
    {
      name: 'answers as text',
      input: { answers: 'TC1.CT1' as unknown as Record<string, unknown> },
      issue: { code: 'invalid-answers', path: ['answers'], message: 'Câu trả lời cần dạng { [mã chỉ tiêu]: giá trị }.' },
    },
    {
      name: 'a malformed unit type, quoted',
      input: { unitType: 'Trường học' },
      issue: { code: 'unknown-unit-type', path: ['unitType'], message: 'Loại đơn vị không hợp lệ: "Trường học".' },
    },
    {
      name: 'an empty unit type, quoted',
      input: { unitType: '' },
      issue: { code: 'unknown-unit-type', path: ['unitType'], message: 'Loại đơn vị không hợp lệ: "".' },
    },
    {
      name: 'a unit type given as a number',
      input: { unitType: 42 as unknown as string },
      issue: { code: 'unknown-unit-type', path: ['unitType'], message: 'Loại đơn vị không hợp lệ: 42.' },
    },
    {
      name: 'a unit-type code one character too long (41)',
      input: { unitType: `a${'b'.repeat(40)}` },
      issue: { code: 'unknown-unit-type', path: ['unitType'], message: `Loại đơn vị không hợp lệ: "a${'b'.repeat(40)}".` },
    },
    {
      name: 'a prior that is not an object',
      input: { prior: 'Mức độ 1' as unknown as null },
      issue: { code: 'invalid-prior', path: ['prior'], message: 'Công nhận trước đây cần dạng { level, decidedOn }.' },
    },
    {
      name: 'a prior given as a list',
      input: { prior: [1, '2024-01-01'] as unknown as null },
      issue: { code: 'invalid-prior', path: ['prior'], message: 'Công nhận trước đây cần dạng { level, decidedOn }.' },
    },
    {
      name: 'a prior level as text',
      input: { prior: { level: '1' as unknown as number, decidedOn: '2024-01-01' } },
      issue: { code: 'invalid-prior-level', path: ['prior', 'level'], message: 'Mức độ công nhận trước đây không hợp lệ: "1"; cần số nguyên từ 1.' },
    },
    {
      name: 'a fractional prior level',
      input: { prior: { level: 1.5, decidedOn: '2024-01-01' } },
      issue: { code: 'invalid-prior-level', path: ['prior', 'level'], message: 'Mức độ công nhận trước đây không hợp lệ: 1.5; cần số nguyên từ 1.' },
    },
    {
      name: 'a prior level 0',
      input: { prior: { level: 0, decidedOn: '2024-01-01' } },
      issue: { code: 'invalid-prior-level', path: ['prior', 'level'], message: 'Mức độ công nhận trước đây không hợp lệ: 0; cần số nguyên từ 1.' },
    },
    {
      name: 'a prior without a level',
      input: { prior: { decidedOn: '2024-01-01' } as unknown as null },
      issue: { code: 'invalid-prior-level', path: ['prior', 'level'], message: 'Mức độ công nhận trước đây không hợp lệ: undefined; cần số nguyên từ 1.' },
    },
    {
      name: 'a prior decided after the evaluation day',
      input: { prior: { level: 1, decidedOn: '2025-01-11' } },
      issue: { code: 'prior-after-as-of', path: ['prior', 'decidedOn'], message: 'Ngày quyết định công nhận trước đây (2025-01-11) sau ngày đánh giá.' },
    },
  ])('$name', ({ input, issue }) => {
    expect(issuesFor(input)).toEqual([issue])
  })

  it('a prior decided on the evaluation day itself is accepted', () => {
    expect(issuesFor({ prior: { level: 1, decidedOn: '2025-01-10' } })).toEqual([])
  })

  it('a well-formed unit-type code the circulars do not list (a province’s own) is no input error', () => {
    expect(issuesFor({ unitType: 'truong_quoc_te' })).toEqual([])
    expect(issuesFor({ unitType: `a${'b'.repeat(39)}` })).toEqual([])
  })

  it('with a malformed unit type every answer is still checked, including those of restricted indicators', () => {
    expect(issuesFor({ unitType: 'Không rõ', answers: { ...metPassFailAnswers, MN1: 'có' } }).map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['unknown-unit-type', 'unitType'],
      ['invalid-answer-type', 'answers.MN1'],
    ])
  })
})

describe('answers to an indicator that does not apply', () => {
  const evaluateFor = (value: unknown) => {
    const result = evaluate({ set: mustValidate(passFailInput({ extraIndicators: [preschoolOnly] })), unitType: 'xa', answers: { ...metPassFailAnswers, MN1: value }, asOf: '2025-01-10' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    return result
  }

  it('are ignored with a warning that names the indicator', () => {
    const result = evaluateFor(false)
    expect(result.issues).toEqual([
      { code: 'answer-not-applicable', path: ['answers', 'MN1'], message: 'Chỉ tiêu MN1 không áp dụng cho loại đơn vị này; câu trả lời không được tính.', severity: 'warning' },
    ])
    expect(result.outcome).toMatchObject({ isMet: true, level: 1 })
  })

  it('an empty (null) answer is no answer, and raises no warning', () => {
    expect(evaluateFor(null).issues).toEqual([])
  })
})

describe('checkPrerequisiteOn: why a level-2 decision may not be signed', () => {
  const recognition = { monthsAfterPrerequisite: 12, prerequisiteLevel: 1 as const, validityMonths: 36 }

  it.each([
    {
      name: 'no prior recognition',
      input: { level: 2, prior: null, signedOn: '2026-01-19' },
      result: {
        eligibleFrom: null,
        isMet: false,
        reason:
          'Chưa có quyết định công nhận, chưa đạt Mức độ 1: đơn vị chỉ được đề nghị công nhận Mức độ 2 sau ít nhất 12 tháng kể từ ngày có quyết định công nhận Mức độ 1.',
      },
    },
    {
      name: 'no prior recognition, for a set without a level',
      input: { level: null, prior: null, signedOn: '2026-01-19' },
      result: {
        eligibleFrom: null,
        isMet: false,
        reason:
          'Chưa có quyết định công nhận, chưa đạt Mức độ 1: đơn vị chỉ được đề nghị công nhận mức độ này sau ít nhất 12 tháng kể từ ngày có quyết định công nhận Mức độ 1.',
      },
    },
    {
      name: 'a prior recognition whose date cannot be read counts as none',
      input: { level: 2, prior: { level: 1, decidedOn: '20/01/2025' }, signedOn: '2026-01-19' },
      result: {
        eligibleFrom: null,
        isMet: false,
        reason:
          'Chưa có quyết định công nhận, chưa đạt Mức độ 1: đơn vị chỉ được đề nghị công nhận Mức độ 2 sau ít nhất 12 tháng kể từ ngày có quyết định công nhận Mức độ 1.',
      },
    },
    {
      name: 'too early',
      input: { level: 2, prior: { level: 1, decidedOn: '2025-01-20' }, signedOn: '2026-01-19' },
      result: {
        eligibleFrom: '2026-01-20',
        isMet: false,
        reason:
          'Quyết định công nhận Mức độ 1 ngày 20/01/2025 chưa đủ 12 tháng tính đến ngày 19/01/2026: đơn vị có thể đề nghị công nhận Mức độ 2 từ ngày 20/01/2026.',
      },
    },
    {
      name: 'on the first eligible day',
      input: { level: 2, prior: { level: 1, decidedOn: '2025-01-20' }, signedOn: '2026-01-20' },
      result: { eligibleFrom: '2026-01-20', isMet: true, reason: null },
    },
    {
      name: 'a signing date that cannot be read',
      input: { level: 2, prior: { level: 1, decidedOn: '2025-01-20' }, signedOn: '20/01/2026' },
      result: { eligibleFrom: null, isMet: false, reason: 'Ngày ký không hợp lệ: 20/01/2026.' },
    },
  ])('$name', ({ input, result }) => {
    expect(checkPrerequisiteOn({ recognition, ...input })).toEqual(result)
  })

  it('a recognition below the prerequisite level does not count, however old', () => {
    expect(
      checkPrerequisiteOn({
        level: null,
        prior: { level: 1, decidedOn: '2020-01-01' },
        recognition: { ...recognition, prerequisiteLevel: 2 },
        signedOn: '2026-01-19',
      }),
    ).toEqual({
      eligibleFrom: null,
      isMet: false,
      reason:
        'Quyết định công nhận trước đây ở Mức độ 1, chưa đạt Mức độ 2: đơn vị chỉ được đề nghị công nhận mức độ này sau ít nhất 12 tháng kể từ ngày có quyết định công nhận Mức độ 2.',
    })
  })
})
