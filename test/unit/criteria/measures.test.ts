/** Each measure kind at its boundaries, through `evaluate` (the kinds are not called directly). */
import { describe, expect, it } from 'vitest'
import { evaluate } from '@criteria/evaluate'
import type { IndicatorResult } from '@criteria/results'
import { emulationScale, metPassFailAnswers, mustValidate, passFailInput } from './fixtures'

const set = mustValidate(
  passFailInput({
    extraIndicators: [
      { code: 'R95', text: '95%', measure: 'ratio', threshold: 0.95, isVerified: true },
      { code: 'R97', text: '97,5%', measure: 'ratio', threshold: 0.975, isVerified: true },
      { code: 'R100', text: '100%', measure: 'ratio', threshold: 1, isVerified: true },
    ],
  }),
)
const baseAnswers = {
  ...metPassFailAnswers,
  R95: { numerator: 1, denominator: 1 },
  R97: { numerator: 1, denominator: 1 },
  R100: { numerator: 1, denominator: 1 },
}

const judge = ({ code, value }: { code: string; value: unknown }) => {
  const result = evaluate({ set, unitType: 'xa', answers: { ...baseAnswers, [code]: value }, asOf: '2025-01-10' })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  const indicator = result.indicators.find((entry) => entry.code === code) as IndicatorResult
  return { status: indicator.status, gap: result.gaps.find((gap) => gap.indicator === code) ?? null }
}

const refusal = ({ code, value }: { code: string; value: unknown }) => {
  const result = evaluate({ set, unitType: 'xa', answers: { ...baseAnswers, [code]: value }, asOf: '2025-01-10' })
  expect(result.ok).toBe(false)
  return result.ok ? null : result.issues[0]
}

describe('ratio: met when numerator/denominator ≥ threshold, exactly', () => {
  it.each([
    { code: 'TC3.CT1', numerator: 9, denominator: 10, status: 'met', needed: null },
    { code: 'TC3.CT1', numerator: 90, denominator: 100, status: 'met', needed: null },
    { code: 'TC3.CT1', numerator: 900, denominator: 1000, status: 'met', needed: null },
    { code: 'TC3.CT1', numerator: 899, denominator: 1000, status: 'not-met', needed: 1 },
    { code: 'TC3.CT1', numerator: 8999, denominator: 10000, status: 'not-met', needed: 1 },
    { code: 'TC3.CT1', numerator: 89999, denominator: 100000, status: 'not-met', needed: 1 },
    { code: 'TC3.CT1', numerator: 87, denominator: 100, status: 'not-met', needed: 3 },
    { code: 'TC3.CT1', numerator: 0, denominator: 7, status: 'not-met', needed: 7 },
    { code: 'TC3.CT1', numerator: 26, denominator: 29, status: 'not-met', needed: 1 },
    { code: 'TC3.CT1', numerator: 27, denominator: 29, status: 'met', needed: null },
    { code: 'R95', numerator: 19, denominator: 20, status: 'met', needed: null },
    { code: 'R95', numerator: 18, denominator: 20, status: 'not-met', needed: 1 },
    { code: 'R97', numerator: 39, denominator: 40, status: 'met', needed: null },
    { code: 'R97', numerator: 974, denominator: 1000, status: 'not-met', needed: 1 },
    { code: 'R100', numerator: 41, denominator: 41, status: 'met', needed: null },
    { code: 'R100', numerator: 999_999_999, denominator: 1_000_000_000, status: 'not-met', needed: 1 },
  ])('$code: $numerator/$denominator → $status', ({ code, numerator, denominator, status, needed }) => {
    const { status: actual, gap } = judge({ code, value: { numerator, denominator } })
    expect(actual).toBe(status)
    expect(gap?.shortfall ?? null).toBe(needed)
    if (needed !== null) expect(gap?.message).toContain(`cần thêm ${needed} người đạt`)
  })

  it('words the gap with counts and percentages', () => {
    expect(judge({ code: 'TC3.CT1', value: { numerator: 87, denominator: 100 } }).gap).toEqual({
      code: 'not-met',
      indicator: 'TC3.CT1',
      shortfall: 3,
      message: 'Chỉ tiêu TC3.CT1: đạt 87/100 (87%), cần tối thiểu 90%: cần thêm 3 người đạt.',
    })
  })

  it('never shows a percentage that looks met when it is not', () => {
    expect(judge({ code: 'TC3.CT1', value: { numerator: 89999, denominator: 100000 } }).gap?.message).toContain('(89,99%)')
    expect(judge({ code: 'R97', value: { numerator: 974, denominator: 1000 } }).gap?.message).toContain('tối thiểu 97,5%')
  })

  it.each([
    { value: 0.9, code: 'invalid-answer-type' },
    { value: '9/10', code: 'invalid-answer-type' },
    { value: [9, 10], code: 'invalid-answer-type' },
    { value: { numerator: 9 }, code: 'invalid-answer-type' },
    { value: { numerator: 9.5, denominator: 10 }, code: 'invalid-answer-type' },
    { value: { numerator: '9', denominator: 10 }, code: 'invalid-answer-type' },
    { value: { numerator: 11, denominator: 10 }, code: 'answer-out-of-range' },
    { value: { numerator: -1, denominator: 10 }, code: 'answer-out-of-range' },
    { value: { numerator: 0, denominator: 0 }, code: 'answer-out-of-range' },
    { value: { numerator: 1, denominator: 1_000_000_001 }, code: 'answer-out-of-range' },
  ])('refuses $value as $code', ({ value, code }) => {
    expect(refusal({ code: 'TC3.CT1', value })).toMatchObject({ code, path: ['answers', 'TC3.CT1'], severity: 'error' })
  })
})

describe('boolean: met when true', () => {
  it('true is met, false is not met with a gap', () => {
    expect(judge({ code: 'TC1.CT1', value: true })).toEqual({ status: 'met', gap: null })
    const { status, gap } = judge({ code: 'TC1.CT1', value: false })
    expect(status).toBe('not-met')
    expect(gap).toMatchObject({ code: 'not-met', indicator: 'TC1.CT1', shortfall: null })
  })

  it.each(['true', 1, 0, {}])('refuses %j', (value) => {
    expect(refusal({ code: 'TC1.CT1', value })).toMatchObject({ code: 'invalid-answer-type', path: ['answers', 'TC1.CT1'] })
  })
})

describe('rank: met at or above the threshold code', () => {
  it.each([
    { value: 'khong', status: 'not-met', steps: 1 },
    { value: 'tap-the-lao-dong-tien-tien', status: 'met', steps: null },
    { value: 'tap-the-lao-dong-xuat-sac', status: 'met', steps: null },
  ])('$value → $status', ({ value, status, steps }) => {
    const result = judge({ code: 'TC3.CT3', value })
    expect(result.status).toBe(status)
    expect(result.gap?.shortfall ?? null).toBe(steps)
  })

  it('refuses a code outside the scale and a non-string', () => {
    expect(refusal({ code: 'TC3.CT3', value: 'chien-si-thi-dua' })).toMatchObject({ code: 'answer-out-of-range' })
    expect(refusal({ code: 'TC3.CT3', value: emulationScale.indexOf('tap-the-lao-dong-xuat-sac') })).toMatchObject({
      code: 'invalid-answer-type',
    })
  })
})
