/**
 * Each measure kind in its own words: the refusal an administrator sees for a wrong indicator
 * definition, the refusal a unit sees for a wrong answer, and the gap it reads when an answer
 * falls short. Sets are built inside each test, so a definition the schema wrongly refuses fails
 * that test instead of the whole file.
 */
import { describe, expect, it } from 'vitest'

import { evaluate } from '@criteria/evaluate'
import { measureKinds } from '@criteria/measures/registry'
import { scoringModels } from '@criteria/models/registry'
import type { CriteriaSetInput, IndicatorInput } from '@criteria/schema'
import { validateCriteriaSet } from '@criteria/schema'
import { mustValidate } from './fixtures'

/** A one-indicator set of `model`; a points set gets one band at 0 and matching maxPoints. */
const setWith = ({ model, indicator }: { model: 'pass-fail' | 'points'; indicator: IndicatorInput }): CriteriaSetInput => ({
  code: 'bo-thu',
  title: 'Bộ thử',
  regime: 'thu',
  model,
  level: model === 'pass-fail' ? 1 : null,
  gradeBands: model === 'points' ? [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }] : [],
  criteria: [{ code: 'TC1', title: 'Tiêu chí 1', indicators: [{ isVerified: true, ...indicator }] }],
})

const definitionIssues = (input: CriteriaSetInput) => {
  const result = validateCriteriaSet(input)
  return result.ok ? [] : result.issues.map(({ code, path, message }) => ({ code, path: path.join('.'), message }))
}

const answerIssues = ({ input, value }: { input: CriteriaSetInput; value: unknown }) => {
  const result = evaluate({ set: mustValidate(input), unitType: 'xa', answers: { X: value }, asOf: '2025-06-01' })
  return result.ok ? [] : result.issues.map(({ code, message }) => ({ code, message }))
}

const gapOf = ({ input, value }: { input: CriteriaSetInput; value: unknown }) => {
  const result = evaluate({ set: mustValidate(input), unitType: 'xa', answers: { X: value }, asOf: '2025-06-01' })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.gaps.find((gap) => gap.code === 'not-met') ?? null
}

const path = 'criteria.0.indicators.0'

describe('the choices the criteria-set form offers', () => {
  it('every measure kind and scoring model has its Vietnamese label', () => {
    expect(Object.entries(measureKinds).map(([code, kind]) => `${code}: ${kind.label}`)).toEqual(['boolean: Có/Không', 'ratio: Tỷ lệ', 'points: Chấm điểm', 'rank: Xếp bậc'])
    expect(Object.entries(scoringModels).map(([code, model]) => `${code}: ${model.label}`)).toEqual(['points: Chấm điểm, xếp loại', 'pass-fail: Đạt/Không đạt theo mức độ'])
  })
})

describe('indicator definitions each kind refuses', () => {
  it.each([
    {
      name: 'a boolean with a scale',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'boolean', scale: ['a', 'b'] } }),
      issue: { code: 'scale-not-allowed', path: `${path}.scale`, message: 'Chỉ tiêu loại "Có/Không" không dùng thang bậc; hãy để trống thang bậc.' },
    },
    {
      name: 'a boolean with a threshold',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'boolean', threshold: 1 } }),
      issue: { code: 'threshold-not-allowed', path: `${path}.threshold`, message: 'Chỉ tiêu loại "Có/Không" không dùng ngưỡng; hãy để trống ngưỡng.' },
    },
    {
      name: 'a points indicator with a threshold',
      input: setWith({ model: 'points', indicator: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, threshold: 5 } }),
      issue: { code: 'threshold-not-allowed', path: `${path}.threshold`, message: 'Chỉ tiêu loại "Chấm điểm" không dùng ngưỡng; hãy để trống ngưỡng.' },
    },
    {
      name: 'a points indicator with a scale',
      input: setWith({ model: 'points', indicator: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, scale: ['a', 'b'] } }),
      issue: { code: 'scale-not-allowed', path: `${path}.scale`, message: 'Chỉ tiêu loại "Chấm điểm" không dùng thang bậc; hãy để trống thang bậc.' },
    },
    {
      name: 'a points indicator in a pass-fail set',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'points' } }),
      issue: { code: 'measure-not-allowed', path: `${path}.measure`, message: 'Loại đo "Chấm điểm" không dùng được trong bộ tiêu chí "Đạt/Không đạt theo mức độ".' },
    },
    {
      name: 'a ratio with a scale',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.9, scale: ['a', 'b'] } }),
      issue: { code: 'scale-not-allowed', path: `${path}.scale`, message: 'Chỉ tiêu loại "Tỷ lệ" không dùng thang bậc; hãy để trống thang bậc.' },
    },
    {
      // issue 11: only an unverified indicator may wait for its threshold
      name: 'a verified ratio without a threshold',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio' } }),
      issue: {
        code: 'invalid-threshold',
        path: `${path}.threshold`,
        message:
          'Chỉ tiêu X đã được đánh dấu xác minh nên cần ngưỡng: một số trong khoảng (0, 1], ví dụ 0.9 cho 90%. ' +
          'Nếu văn bản chưa quy định ngưỡng, hãy bỏ đánh dấu xác minh và để trống ngưỡng.',
      },
    },
    {
      name: 'a verified rank without a threshold',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'cao'] } }),
      issue: {
        code: 'threshold-not-in-scale',
        path: `${path}.threshold`,
        message:
          'Chỉ tiêu X đã được đánh dấu xác minh nên cần ngưỡng: một mã trong thang bậc (thap < cao). ' +
          'Nếu văn bản chưa quy định ngưỡng, hãy bỏ đánh dấu xác minh và để trống ngưỡng.',
      },
    },
    {
      name: 'a ratio whose threshold is text',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: '0.9' } }),
      issue: { code: 'invalid-threshold', path: `${path}.threshold`, message: 'Chỉ tiêu tỷ lệ cần ngưỡng là một số trong khoảng (0, 1], ví dụ 0.9 cho 90%.' },
    },
    {
      name: 'a ratio threshold written as a percentage',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 90 } }),
      issue: { code: 'invalid-threshold', path: `${path}.threshold`, message: 'Ngưỡng tỷ lệ 90 nằm ngoài khoảng (0, 1]; 90% được ghi là 0.9.' },
    },
    {
      name: 'a ratio threshold too precise',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.1234567 } }),
      issue: { code: 'invalid-threshold', path: `${path}.threshold`, message: 'Ngưỡng tỷ lệ 0.1234567 có quá 6 chữ số thập phân.' },
    },
    {
      name: 'a rank with one step',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['a'], threshold: 'a' } }),
      issue: { code: 'invalid-scale', path: `${path}.scale`, message: 'Chỉ tiêu xếp bậc cần thang bậc có ít nhất 2 mã, xếp từ thấp đến cao.' },
    },
    {
      name: 'a rank with a repeated step',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['a', 'b', 'a'], threshold: 'b' } }),
      issue: { code: 'duplicate-scale-code', path: `${path}.scale`, message: 'Thang bậc có mã bị trùng.' },
    },
    {
      name: 'a rank threshold outside its scale',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'cao'], threshold: 'rat-cao' } }),
      issue: { code: 'threshold-not-in-scale', path: `${path}.threshold`, message: 'Ngưỡng "rat-cao" không có trong thang bậc (thap < cao).' },
    },
    {
      name: 'a rank threshold given as a position',
      input: setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'cao'], threshold: 1 } }),
      issue: { code: 'threshold-not-in-scale', path: `${path}.threshold`, message: 'Ngưỡng 1 không có trong thang bậc (thap < cao).' },
    },
  ])('$name', ({ input, issue }) => {
    expect(definitionIssues(input)).toEqual([issue])
  })

  it.each<{ name: string; indicator: IndicatorInput }>([
    { name: 'a ratio of exactly 100%', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 1 } },
    { name: 'a ratio of one millionth', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.000001 } },
    { name: 'a rank of two steps', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'cao'], threshold: 'cao' } },
  ])('accepts $name', ({ indicator }) => {
    expect(definitionIssues(setWith({ model: 'pass-fail', indicator }))).toEqual([])
  })

  it.each<IndicatorInput>([
    { code: 'X', text: 'x', measure: 'boolean', maxPoints: 10 },
    { code: 'X', text: 'x', measure: 'ratio', maxPoints: 10, threshold: 0.9 },
    { code: 'X', text: 'x', measure: 'rank', maxPoints: 10, scale: ['thap', 'cao'], threshold: 'cao' },
    { code: 'X', text: 'x', measure: 'points', maxPoints: 10 },
  ])('a points set may score a $measure indicator', (indicator) => {
    expect(definitionIssues({ ...setWith({ model: 'points', indicator }), gradeBands: [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }] })).toEqual([])
  })
})

describe('answers each kind refuses, in the unit’s words', () => {
  const booleanSet = setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'boolean' } })
  const ratioSet = setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.9 } })
  const pointsSet = setWith({ model: 'points', indicator: { code: 'X', text: 'x', measure: 'points', maxPoints: 10 } })
  const rankSet = setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'vua', 'cao'], threshold: 'vua' } })

  it.each([
    { input: booleanSet, value: 'có', issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần trả lời true (đạt) hoặc false (chưa đạt).' } },
    { input: ratioSet, value: '9/10', issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần dạng { numerator, denominator }: số người đạt và tổng số người.' } },
    { input: ratioSet, value: [9, 10], issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần dạng { numerator, denominator }: số người đạt và tổng số người.' } },
    { input: ratioSet, value: { numerator: 9 }, issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần dạng { numerator, denominator }: số người đạt và tổng số người.' } },
    { input: ratioSet, value: { denominator: 10 }, issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần dạng { numerator, denominator }: số người đạt và tổng số người.' } },
    { input: ratioSet, value: { numerator: 9, denominator: 10.5 }, issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: số người đạt và tổng số phải là số nguyên.' } },
    { input: ratioSet, value: { numerator: 0, denominator: 0 }, issue: { code: 'answer-out-of-range', message: 'Chỉ tiêu X: tổng số (0) phải lớn hơn 0 và không quá 1000000000.' } },
    { input: ratioSet, value: { numerator: 11, denominator: 10 }, issue: { code: 'answer-out-of-range', message: 'Chỉ tiêu X: số người đạt (11) phải từ 0 đến tổng số (10).' } },
    { input: pointsSet, value: '7', issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần một số điểm.' } },
    { input: pointsSet, value: 7.125, issue: { code: 'invalid-answer-precision', message: 'Chỉ tiêu X: điểm 7.125 có quá 2 chữ số thập phân.' } },
    { input: pointsSet, value: 10.5, issue: { code: 'answer-out-of-range', message: 'Chỉ tiêu X: điểm 10,5 phải từ 0 đến 10.' } },
    { input: pointsSet, value: -0.25, issue: { code: 'answer-out-of-range', message: 'Chỉ tiêu X: điểm -0,25 phải từ 0 đến 10.' } },
    { input: rankSet, value: 1, issue: { code: 'invalid-answer-type', message: 'Chỉ tiêu X: cần một mã trong thang bậc: thap, vua, cao.' } },
    { input: rankSet, value: 'rat-cao', issue: { code: 'answer-out-of-range', message: 'Chỉ tiêu X: "rat-cao" không có trong thang bậc: thap, vua, cao.' } },
  ])('$input.criteria.0.indicators.0.measure answer $value', ({ input, value, issue }) => {
    expect(answerIssues({ input, value })).toEqual([issue])
  })
})

describe('the gap an answer that falls short leaves', () => {
  it('boolean: not done', () => {
    const input = setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'boolean' } })
    expect(gapOf({ input, value: false })).toEqual({ code: 'not-met', indicator: 'X', shortfall: null, message: 'Chỉ tiêu X: chưa đạt.' })
  })

  it('points: what is missing to full marks', () => {
    const input = setWith({ model: 'points', indicator: { code: 'X', text: 'x', measure: 'points', maxPoints: 10 } })
    expect(gapOf({ input, value: 7.25 })).toEqual({ code: 'not-met', indicator: 'X', shortfall: 2.75, message: 'Chỉ tiêu X: 7,25/10 điểm, còn thiếu 2,75 điểm.' })
    expect(gapOf({ input, value: 10 })).toBeNull()
  })

  it.each([
    { value: 'thap', threshold: 'cao', shortfall: 2 },
    { value: 'vua', threshold: 'cao', shortfall: 1 },
    { value: 'thap', threshold: 'vua', shortfall: 1 },
  ])('rank: $value under $threshold is $shortfall step(s) short', ({ value, threshold, shortfall }) => {
    const input = setWith({ model: 'pass-fail', indicator: { code: 'X', text: 'x', measure: 'rank', scale: ['thap', 'vua', 'cao'], threshold } })
    expect(gapOf({ input, value })).toEqual({
      code: 'not-met',
      indicator: 'X',
      shortfall,
      message: `Chỉ tiêu X: hiện ở mức "${value}", cần từ mức "${threshold}" trở lên (còn thiếu ${shortfall} bậc).`,
    })
  })
})
