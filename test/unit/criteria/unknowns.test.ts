/**
 * Unknown thresholds (issue 11): REGULATIONS asks an UNKNOWN value to be seeded empty, never
 * guessed. An unverified ratio or rank may wait for its threshold; a province's document may
 * confirm a value; the evaluator says `no-threshold` and holds the outcome back until it is known.
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '@criteria/evaluate'
import type { Evaluation } from '@criteria/evaluate'
import { indicatorStatusLabels } from '@criteria/results'
import type { EvaluationReport, PassFailOutcome, PointsOutcome } from '@criteria/results'
import { verdictSet } from '@criteria/review'
import type { CriteriaSetInput, IndicatorDefinition, IndicatorInput } from '@criteria/schema'
import { indicatorSchema, validateCriteriaSet } from '@criteria/schema'
import { isSettled, sameThreshold, unsettledIndicators } from '@criteria/settlement'
import { emulationScale, metPassFailAnswers, mustValidate, passFailInput, pointsInput } from './fixtures'

const report = (evaluation: Evaluation): EvaluationReport => {
  if (!evaluation.ok) throw new Error(`unexpected input issues: ${JSON.stringify(evaluation.issues)}`)
  return evaluation
}

/** The fixture's pass-fail set with its ratio TC3.CT1 changed. */
const withRatio = (changes: Partial<IndicatorInput>): CriteriaSetInput => {
  const input = passFailInput()
  input.criteria[1].indicators[0] = { ...input.criteria[1].indicators[0], ...changes }
  return input
}

const pathsOf = (input: CriteriaSetInput) => {
  const result = validateCriteriaSet(input)
  return result.ok ? [] : result.issues.map(({ code, path, message }) => ({ code, path: path.join('.'), message }))
}

const indicator = (input: IndicatorInput): IndicatorDefinition => indicatorSchema.parse(input)

describe('schema: a threshold may be empty only while unverified', () => {
  it('an unverified ratio or rank without threshold is accepted', () => {
    expect(pathsOf(withRatio({ threshold: null, isVerified: false }))).toEqual([])
    const input = passFailInput()
    input.criteria[1].indicators[1] = { ...input.criteria[1].indicators[1], threshold: null, isVerified: false }
    expect(pathsOf(input)).toEqual([])
  })

  it('a verified one is refused, naming the indicator and the way out', () => {
    expect(pathsOf(withRatio({ threshold: null, isVerified: true }))).toEqual([
      {
        code: 'invalid-threshold',
        path: 'criteria.1.indicators.0.threshold',
        message:
          'Chỉ tiêu TC3.CT1 đã được đánh dấu xác minh nên cần ngưỡng: một số trong khoảng (0, 1], ví dụ 0.9 cho 90%. ' +
          'Nếu văn bản chưa quy định ngưỡng, hãy bỏ đánh dấu xác minh và để trống ngưỡng.',
      },
    ])
  })

  it('the new field defaults to no confirmation', () => {
    expect(indicator({ code: 'X', text: 'x', measure: 'boolean' }).confirmation).toBeNull()
  })
})

describe('schema: a local confirmation', () => {
  const label = 'KH 12/KH-UBND ngày 03/01/2025'

  it.each([
    {
      name: 'a ratio confirmation without its value',
      changes: { isVerified: false, confirmation: { documentLabel: label } },
      issue: {
        code: 'invalid-confirmation-threshold',
        path: 'criteria.1.indicators.0.confirmation.threshold',
        message: `Chỉ tiêu TC3.CT1, ngưỡng theo ${label}: cần ghi ngưỡng mà văn bản này xác nhận.`,
      },
    },
    {
      name: 'a ratio confirmation written as a percentage',
      changes: { isVerified: false, confirmation: { documentLabel: label, threshold: 90 } },
      issue: {
        code: 'invalid-confirmation-threshold',
        path: 'criteria.1.indicators.0.confirmation.threshold',
        message: `Chỉ tiêu TC3.CT1, ngưỡng theo ${label}: Ngưỡng tỷ lệ 90 nằm ngoài khoảng (0, 1]; 90% được ghi là 0.9.`,
      },
    },
    {
      name: 'a confirmation without its document',
      changes: { isVerified: false, confirmation: { documentLabel: '  ', threshold: 0.9 } },
      issue: { code: 'too-small', path: 'criteria.1.indicators.0.confirmation.documentLabel' },
    },
  ])('refuses $name', ({ changes, issue }) => {
    expect(pathsOf(withRatio(changes))).toEqual([expect.objectContaining(issue)])
  })

  it('refuses a value on a kind without threshold, and a rank code outside the scale', () => {
    const input = passFailInput()
    input.criteria[0].indicators[0] = { ...input.criteria[0].indicators[0], confirmation: { documentLabel: label, threshold: 1 } }
    input.criteria[1].indicators[1] = { ...input.criteria[1].indicators[1], confirmation: { documentLabel: label, threshold: 'chien-si' } }
    expect(pathsOf(input).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'criteria.0.indicators.0.confirmation.threshold', code: 'invalid-confirmation-threshold' },
      { path: 'criteria.1.indicators.1.confirmation.threshold', code: 'invalid-confirmation-threshold' },
    ])
  })

  it('accepts a confirmed ratio, a confirmation that differs from the stored value, and a boolean confirmed without value', () => {
    expect(pathsOf(withRatio({ isVerified: false, threshold: 0.9, confirmation: { documentLabel: label, threshold: 0.9 } }))).toEqual([])
    expect(pathsOf(withRatio({ isVerified: false, threshold: 0.8, confirmation: { documentLabel: label, threshold: 0.9 } }))).toEqual([])
    const input = passFailInput()
    input.criteria[0].indicators[0] = { ...input.criteria[0].indicators[0], confirmation: { documentLabel: label } }
    expect(pathsOf(input)).toEqual([])
  })
})

describe('sameThreshold', () => {
  it.each([
    { a: 0.9, b: 0.9, same: true },
    { a: 0.9, b: 0.9000001, same: false },
    { a: 0.1 + 0.2, b: 0.3, same: true },
    { a: 1, b: 1.0, same: true },
    { a: 'tien-tien', b: ' tien-tien ', same: true },
    { a: 'tien-tien', b: 'xuat-sac', same: false },
    { a: null, b: null, same: true },
    { a: null, b: 0.9, same: false },
    { a: 0.9, b: '0.9', same: false },
  ])('$a and $b: $same', ({ a, b, same }) => {
    expect(sameThreshold(a, b)).toBe(same)
    expect(sameThreshold(b, a)).toBe(same)
  })
})

describe('isSettled', () => {
  const label = 'QĐ 5/QĐ-UBND'
  it.each<{ name: string; input: IndicatorInput; settled: boolean }>([
    { name: 'a verified ratio', input: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.9, isVerified: true }, settled: true },
    { name: 'an unverified ratio', input: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.9 }, settled: false },
    {
      name: 'an unverified ratio confirmed for its value',
      input: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.9, confirmation: { documentLabel: label, threshold: 0.9 } },
      settled: true,
    },
    {
      name: 'an unverified ratio confirmed for another value',
      input: { code: 'X', text: 'x', measure: 'ratio', threshold: 0.85, confirmation: { documentLabel: label, threshold: 0.9 } },
      settled: false,
    },
    {
      name: 'a ratio without threshold, whatever is confirmed',
      input: { code: 'X', text: 'x', measure: 'ratio', confirmation: { documentLabel: label, threshold: 0.9 } },
      settled: false,
    },
    {
      name: 'a confirmed rank',
      input: { code: 'X', text: 'x', measure: 'rank', scale: emulationScale, threshold: emulationScale[1], confirmation: { documentLabel: label, threshold: emulationScale[1] } },
      settled: true,
    },
    { name: 'an unverified boolean', input: { code: 'X', text: 'x', measure: 'boolean' }, settled: false },
    { name: 'a confirmed boolean', input: { code: 'X', text: 'x', measure: 'boolean', confirmation: { documentLabel: label } }, settled: true },
  ])('$name: $settled', ({ input, settled }) => {
    expect(isSettled(indicator(input))).toBe(settled)
  })
})

describe('unsettledIndicators', () => {
  const label = 'KH 12/KH-UBND ngày 03/01/2025'
  const set = mustValidate(
    passFailInput({
      extraIndicators: [
        { code: 'TC3.CT4', text: 'Tỷ lệ chưa rõ', measure: 'ratio', appliesTo: ['thpt'] },
        { code: 'TC3.CT5', text: 'Tỷ lệ địa phương đặt', measure: 'ratio', threshold: 0.8, confirmation: { documentLabel: label, threshold: 0.8 } },
        { code: 'TC3.CT6', text: 'Tỷ lệ đã đổi', measure: 'ratio', threshold: 0.85, confirmation: { documentLabel: label, threshold: 0.8 } },
        { code: 'TC3.CT7', text: 'Tỷ lệ chưa xác nhận', measure: 'ratio', threshold: 0.7 },
        { code: 'TC3.CT8', text: 'Có/không chưa xác minh', measure: 'boolean', appliesTo: ['xa'] },
      ],
    }),
  )

  it('lists every unsettled indicator with why, in the set’s order', () => {
    expect(unsettledIndicators({ set })).toEqual([
      { code: 'TC3.CT4', criterionCode: 'TC3', problem: 'no-threshold', reason: 'chưa có ngưỡng', message: 'Chỉ tiêu TC3.CT4: chưa có ngưỡng.' },
      {
        code: 'TC3.CT6',
        criterionCode: 'TC3',
        problem: 'threshold-not-confirmed',
        reason: `ngưỡng chưa được địa phương xác nhận (${label} xác nhận 80%, khác ngưỡng đang ghi 85%)`,
        message: `Chỉ tiêu TC3.CT6: ngưỡng chưa được địa phương xác nhận (${label} xác nhận 80%, khác ngưỡng đang ghi 85%).`,
      },
      {
        code: 'TC3.CT7',
        criterionCode: 'TC3',
        problem: 'threshold-not-confirmed',
        reason: 'ngưỡng chưa được địa phương xác nhận',
        message: 'Chỉ tiêu TC3.CT7: ngưỡng chưa được địa phương xác nhận.',
      },
      {
        code: 'TC3.CT8',
        criterionCode: 'TC3',
        problem: 'not-confirmed',
        reason: 'chưa được đối chiếu văn bản gốc hoặc địa phương xác nhận',
        message: 'Chỉ tiêu TC3.CT8: chưa được đối chiếu văn bản gốc hoặc địa phương xác nhận.',
      },
    ])
  })

  it('keeps only those applicable to a unit type', () => {
    expect(unsettledIndicators({ set, unitType: 'xa' }).map((entry) => entry.code)).toEqual(['TC3.CT6', 'TC3.CT7', 'TC3.CT8'])
    expect(unsettledIndicators({ set, unitType: 'thpt' }).map((entry) => entry.code)).toEqual(['TC3.CT4', 'TC3.CT6', 'TC3.CT7'])
  })

  it('a fully verified set has none', () => {
    expect(unsettledIndicators({ set: mustValidate(passFailInput()) })).toEqual([])
  })
})

describe('evaluate: a ratio without threshold', () => {
  const set = mustValidate(withRatio({ threshold: null, isVerified: false }))
  const evaluateWith = (answers: Record<string, unknown>) => evaluate({ set, unitType: 'xa', answers, asOf: '2025-06-01' })

  it('answered: status no-threshold, a warning and a gap, the outcome held back as incomplete', () => {
    const result = report(evaluateWith(metPassFailAnswers))
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')).toMatchObject({ status: 'no-threshold', points: null, confirmation: null })
    expect(result.criteria.map(({ code, status }) => ({ code, status }))).toEqual([
      { code: 'TC1', status: 'met' },
      { code: 'TC3', status: 'no-threshold' },
    ])
    expect(result.isComplete).toBe(false)
    expect(result.outcome as PassFailOutcome).toMatchObject({ isMet: false, level: null })
    expect(result.issues).toContainEqual({
      code: 'missing-threshold',
      path: ['TC3.CT1'],
      severity: 'warning',
      message: 'Chỉ tiêu TC3.CT1 chưa có ngưỡng đạt (văn bản chưa quy định hoặc chưa được xác định); chưa thể kết luận chỉ tiêu này.',
    })
    expect(result.gaps).toEqual([
      {
        code: 'no-threshold',
        indicator: 'TC3.CT1',
        shortfall: null,
        message:
          'Chỉ tiêu TC3.CT1: chưa có ngưỡng đạt, nên chưa thể kết luận đạt hay chưa đạt; kết quả chung chờ cơ quan có thẩm quyền xác định ngưỡng.',
      },
    ])
  })

  it('the status reads "Chưa có ngưỡng đạt"', () => {
    expect(indicatorStatusLabels['no-threshold']).toBe('Chưa có ngưỡng đạt')
  })

  it('unanswered: still missing for the unit to answer, and still explained', () => {
    const result = report(evaluateWith({ 'TC1.CT1': true, 'TC3.CT3': 'tap-the-lao-dong-tien-tien' }))
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')?.status).toBe('missing')
    expect(result.gaps.map((gap) => gap.code)).toEqual(['missing', 'no-threshold'])
  })

  it('a failure elsewhere still fails the criterion', () => {
    const result = report(evaluateWith({ ...metPassFailAnswers, 'TC3.CT3': 'khong' }))
    expect(result.criteria.find((entry) => entry.code === 'TC3')?.status).toBe('not-met')
  })

  it('the answer is still checked', () => {
    expect(evaluateWith({ ...metPassFailAnswers, 'TC3.CT1': { numerator: 11, denominator: 10 } })).toMatchObject({
      ok: false,
      issues: [{ code: 'answer-out-of-range', path: ['answers', 'TC3.CT1'] }],
    })
  })

  it('not applicable to the unit type: nothing held back', () => {
    const narrowed = mustValidate(withRatio({ threshold: null, isVerified: false, appliesTo: ['thpt'] }))
    const result = report(evaluate({ set: narrowed, unitType: 'xa', answers: { 'TC1.CT1': true, 'TC3.CT3': 'tap-the-lao-dong-tien-tien' }, asOf: '2025-06-01' }))
    expect(result.outcome).toMatchObject({ isMet: true, level: 1 })
    expect(result.issues).toEqual([])
  })

  it('in a points set: no points for it and no grade', () => {
    const input = pointsInput()
    input.criteria[1].indicators.push({ code: '2.2', text: 'Tỷ lệ', measure: 'ratio', maxPoints: 0.01 })
    input.gradeBands = [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]
    const result = report(evaluate({ set: mustValidate(input), unitType: 'xa', answers: { '1.1': 40, '1.2': 40, '2.1': true, '2.2': { numerator: 1, denominator: 1 } }, asOf: '2025-06-01' }))
    expect(result.indicators.find((entry) => entry.code === '2.2')).toMatchObject({ status: 'no-threshold', points: null })
    expect(result.outcome as PointsOutcome).toMatchObject({ points: 100, maxPoints: 100.01, grade: null })
  })
})

describe('evaluate: a locally confirmed threshold', () => {
  const label = 'KH 12/KH-UBND ngày 03/01/2025'

  it('carries its document on the result and raises no unverified warning', () => {
    const set = mustValidate(withRatio({ isVerified: false, threshold: 0.9, confirmation: { documentLabel: label, threshold: 0.9 } }))
    const result = report(evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-06-01' }))
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')).toMatchObject({ status: 'met', isVerified: false, confirmation: label })
    expect(result.issues).toEqual([])
    expect(result.outcome).toMatchObject({ isMet: true })
  })

  it('a confirmation of another value confirms nothing: no label, the unverified warning stays', () => {
    const set = mustValidate(withRatio({ isVerified: false, threshold: 0.85, confirmation: { documentLabel: label, threshold: 0.9 } }))
    const result = report(evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-06-01' }))
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')?.confirmation).toBeNull()
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['unverified-indicator', ['TC3.CT1']]])
  })

  it('the team’s verdict set keeps the confirmation behind its verdicts', () => {
    const set = mustValidate(withRatio({ isVerified: false, threshold: 0.9, confirmation: { documentLabel: label, threshold: 0.9 } }))
    const result = report(evaluate({ set: verdictSet({ set }), unitType: 'xa', answers: { 'TC1.CT1': true, 'TC3.CT1': true, 'TC3.CT3': true }, asOf: '2025-06-01' }))
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')?.confirmation).toBe(label)
    expect(result.issues).toEqual([])
  })
})
