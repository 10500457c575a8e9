import { describe, expect, it } from 'vitest'

import { evaluate } from '@criteria/evaluate'
import { checkPrerequisiteOn } from '@criteria/recognition'
import { checkConsolidationComplete, consolidate, verdictSet, type ReviewInput, type UnitIndicator } from '@criteria/review'
import { validateCriteriaSet } from '@criteria/schema'
import { criteriaSetInputs } from '@seed/criteria'

const seeded = (code: string) => {
  const result = validateCriteriaSet(criteriaSetInputs.find((input) => input.code === code))
  if (!result.ok) throw new Error(code)
  return result.set
}

const unit = (entries: [string, UnitIndicator['status'], number?][]): UnitIndicator[] =>
  entries.map(([code, status, points]) => ({ code, points: points ?? null, status }))

const lead = (verdicts: ReviewInput['verdicts']): ReviewInput => ({ isLead: true, reviewer: 'lead', verdicts })
const member = (reviewer: string, verdicts: ReviewInput['verdicts']): ReviewInput => ({ isLead: false, reviewer, verdicts })

describe('consolidate: the team verdict per indicator', () => {
  const own = unit([
    ['A', 'met'],
    ['B', 'met'],
    ['C', 'not-met'],
    ['D', 'not-applicable'],
  ])

  it("in 'lead' mode takes the lead's verdict and flags where reviewers or the unit differ", () => {
    const result = consolidate({
      mode: 'lead',
      model: 'pass-fail',
      reviews: [lead({ A: true, B: false, C: false }), member('m1', { A: true, B: true, C: true })],
      unit: own,
    })
    expect(result.values).toEqual({ A: true, B: false, C: false })
    expect(result.indicators.map((row) => [row.code, row.hasReviewerDisagreement, row.differsFromUnit])).toEqual([
      ['A', false, false],
      ['B', true, true],
      ['C', true, false],
    ])
    expect(result.disagreements).toBe(2)
    expect(result.undecided).toEqual([])
  })

  it("in 'majority' mode takes the majority, lets the lead break a tie, and leaves an unbroken tie undecided", () => {
    const result = consolidate({
      mode: 'majority',
      model: 'pass-fail',
      reviews: [lead({ A: false, B: true }), member('m1', { A: true, B: false, C: true }), member('m2', { A: true, C: false })],
      unit: own,
    })
    // A: 2 against the lead's 1; B: 1–1, the lead decides; C: 1–1 without the lead
    expect(result.values).toEqual({ A: true, B: true })
    expect(result.undecided).toEqual(['C'])
    expect(checkConsolidationComplete({ consolidation: result })[0].message).toContain('C')
  })

  it('under a points model compares points, to each other and to the unit', () => {
    const result = consolidate({
      mode: 'majority',
      model: 'points',
      reviews: [lead({ '1.1': 8 }), member('m1', { '1.1': 8 }), member('m2', { '1.1': 10 })],
      unit: unit([['1.1', 'met', 10]]),
    })
    expect(result.values).toEqual({ '1.1': 8 })
    expect(result.indicators[0]).toMatchObject({ differsFromUnit: true, hasReviewerDisagreement: true })
  })

  it('an indicator nobody reviewed is undecided, in either mode', () => {
    for (const mode of ['lead', 'majority'] as const) {
      const result = consolidate({ mode, model: 'pass-fail', reviews: [member('m1', {})], unit: unit([['A', 'met']]) })
      expect(result.undecided).toEqual(['A'])
    }
  })
})

describe('verdictSet: the team verdicts go through the same evaluator', () => {
  it('TT 24 district level 1: all met is level 1; one not met is not', () => {
    const set = verdictSet({ set: seeded('tt24-2023-huyen-1') })
    const codes = set.criteria.flatMap((criterion) => criterion.indicators).filter((indicator) => indicator.appliesTo.length === 0 || indicator.appliesTo.includes('xa')).map((indicator) => indicator.code)
    const all = Object.fromEntries(codes.map((code) => [code, true]))
    const met = evaluate({ answers: all, asOf: '2027-01-20', set, unitType: 'xa' })
    expect(met.ok && met.outcome).toMatchObject({ isMet: true, level: 1 })
    const notMet = evaluate({ answers: { ...all, 'TC3.CT1': false }, asOf: '2027-01-20', set, unitType: 'xa' })
    expect(notMet.ok && notMet.outcome).toMatchObject({ isMet: false, level: null })
  })

  it('TT 22: the team’s points are summed and graded (85 is tốt, 84 is khá)', () => {
    const set = verdictSet({ set: seeded('tt22-2020') })
    const indicators = set.criteria.flatMap((criterion) => criterion.indicators)
    const full = Object.fromEntries(indicators.map((indicator) => [indicator.code, indicator.maxPoints as number]))
    const total = indicators.reduce((sum, indicator) => sum + (indicator.maxPoints ?? 0), 0)
    const at = (points: number) => {
      const answers: Record<string, number> = { ...full }
      let deficit = total - points
      for (const indicator of indicators) {
        const taken = Math.min(deficit, answers[indicator.code])
        answers[indicator.code] -= taken
        deficit -= taken
      }
      const result = evaluate({ answers, asOf: '2027-01-20', set, unitType: 'xa' })
      return result.ok && result.outcome.model === 'points' ? result.outcome.grade : 'error'
    }
    expect(at(85)).toBe('tot')
    expect(at(84)).toBe('kha')
  })
})

describe('checkPrerequisiteOn: a level-2 decision and the level-1 recognition before it', () => {
  const recognition = { monthsAfterPrerequisite: 12, prerequisiteLevel: 1 as const, validityMonths: 36 }
  it.each([
    ['2025-01-20', '2026-01-19', false, '2026-01-20'],
    ['2025-01-20', '2026-01-20', true, '2026-01-20'],
    ['2024-02-29', '2025-02-28', true, '2025-02-28'],
  ])('level 1 decided %s, level 2 signed %s → %s', (decidedOn, signedOn, isMet, eligibleFrom) => {
    expect(checkPrerequisiteOn({ level: 2, prior: { decidedOn, level: 1 }, recognition, signedOn })).toMatchObject({ eligibleFrom, isMet })
  })
  it('no prior recognition: not met, and no date', () => {
    expect(checkPrerequisiteOn({ level: 2, prior: null, recognition, signedOn: '2027-02-01' })).toMatchObject({ eligibleFrom: null, isMet: false })
  })
  it('a set without prerequisite needs nothing', () => {
    expect(checkPrerequisiteOn({ level: 1, prior: null, recognition: { ...recognition, prerequisiteLevel: null }, signedOn: '2027-02-01' })).toBeNull()
  })
})

describe('verdictSet leaves the level-2 wait to the decision', () => {
  it('a level-2 team verdict of all met is level 2 without a prior; the wait is checked when the decision is signed', () => {
    const set = verdictSet({ set: seeded('tt24-2023-huyen-2') })
    const codes = set.criteria.flatMap((criterion) => criterion.indicators).filter((indicator) => indicator.appliesTo.length === 0 || indicator.appliesTo.includes('xa')).map((indicator) => indicator.code)
    const result = evaluate({ answers: Object.fromEntries(codes.map((code) => [code, true])), asOf: '2027-01-20', set, unitType: 'xa' })
    expect(result.ok && result.outcome).toMatchObject({ isMet: true, level: 2 })
  })
})
