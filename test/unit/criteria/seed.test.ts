import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluate } from '@criteria/evaluate'
import { validateCriteriaSet } from '@criteria/schema'
import type { CriteriaSet } from '@criteria/schema'
import { unsettledIndicators } from '@criteria/settlement'
import { criteriaSetInputs, criteriaSets, unverifiedIndicators } from '@seed/criteria/index'

const byCode = (code: string): CriteriaSet => {
  const set = criteriaSets.find((entry) => entry.code === code)
  if (!set) throw new Error(`no seeded set ${code}`)
  return set
}
const indicatorsOf = (set: CriteriaSet) => set.criteria.flatMap((criterion) => criterion.indicators)

describe('seeded criteria sets', () => {
  it('are the five expected sets', () => {
    expect(criteriaSets.map((set) => set.code)).toEqual([
      'tt22-2020',
      'tt24-2023-huyen-1',
      'tt24-2023-huyen-2',
      'tt24-2023-tinh-1',
      'tt24-2023-tinh-2',
    ])
  })

  it.each(criteriaSetInputs.map((input) => ({ code: input.code, input })))('$code passes validateCriteriaSet', ({ input }) => {
    const result = validateCriteriaSet(input)
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it('TT 22: ten points indicators 1.1–3.3 worth 30/30/40 = 100, bands 85/70/50/0, no scoring guide and no validity', () => {
    const set = byCode('tt22-2020')
    expect(set).toMatchObject({ model: 'points', tier: null, level: null })
    expect(indicatorsOf(set).map((indicator) => indicator.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3'])
    // partial credit is UNKNOWN (REGULATIONS §3.2): no rubric, unverified, so every indicator is unsettled
    expect(indicatorsOf(set).every((indicator) => indicator.measure === 'points' && !indicator.isVerified && indicator.rubric === null)).toBe(true)
    expect(unsettledIndicators({ set }).map((entry) => [entry.code, entry.problem])).toEqual(indicatorsOf(set).map((indicator) => [indicator.code, 'no-rubric']))
    // a yearly grading: no validity period, no prerequisite
    expect(set.recognition).toMatchObject({ prerequisiteLevel: null, validityMonths: null, isVerified: false })
    expect(set.criteria.map((criterion) => criterion.maxPoints)).toEqual([30, 30, 40])
    expect(set.gradeBands.map((band) => [band.code, band.minPoints])).toEqual([
      ['tot', 85],
      ['kha', 70],
      ['trung-binh', 50],
      ['chua-dat', 0],
    ])
  })

  it('TT 24: criteria TC1–TC3, indicator codes TC{n}.CT{m}, levels and recognition rules', () => {
    for (const set of criteriaSets.filter((entry) => entry.regime === 'tt24-2023')) {
      expect(set.model).toBe('pass-fail')
      expect(set.criteria.map((criterion) => criterion.code)).toEqual(['TC1', 'TC2', 'TC3'])
      for (const criterion of set.criteria) {
        for (const indicator of criterion.indicators) expect(indicator.code).toMatch(new RegExp(`^${criterion.code}\\.CT\\d+b?$`))
      }
      // REGULATIONS §2.3 in its own words; the anchor and the measuring day are readings, so unverified
      const readings = { waitMeasuredAt: 'application', expiredPrerequisiteCounts: false, validityAnchor: 'after-decision-year', isVerified: false }
      expect(set.recognition).toMatchObject(
        set.level === 2
          ? { prerequisiteLevel: 1, monthsAfterPrerequisite: 12, validityMonths: 36, ...readings }
          : { prerequisiteLevel: null, monthsAfterPrerequisite: 0, validityMonths: 36, ...readings },
      )
      expect(set.recognition?.ruleText).toContain('được bảo lưu trong thời hạn 03 năm (36 tháng) tiếp theo năm được công nhận')
      if (set.level === 2) expect(set.recognition?.ruleText).toContain('sau ít nhất 1 năm (12 tháng) kể từ ngày ra quyết định công nhận')
      expect(set.recognition?.source).toMatch(/S13/)
    }
  })

  it('every threshold REGULATIONS marks UNKNOWN is seeded empty, and none other', () => {
    const empty = criteriaSets.flatMap((set) =>
      indicatorsOf(set)
        .filter((indicator) => (indicator.measure === 'ratio' || indicator.measure === 'rank') && indicator.threshold === null)
        .map((indicator) => `${set.code} ${indicator.code}`),
    )
    expect(empty).toEqual([
      'tt24-2023-huyen-1 TC3.CT1',
      'tt24-2023-huyen-1 TC3.CT3',
      'tt24-2023-huyen-1 TC3.CT4',
      'tt24-2023-huyen-2 TC2.CT1',
      'tt24-2023-huyen-2 TC2.CT2',
      'tt24-2023-huyen-2 TC3.CT1',
      'tt24-2023-huyen-2 TC3.CT3',
      'tt24-2023-huyen-2 TC3.CT4',
      'tt24-2023-tinh-2 TC2.CT1',
      'tt24-2023-tinh-2 TC2.CT2',
      'tt24-2023-tinh-2 TC3.CT5',
    ])
    // an empty threshold is never written into the wording either
    for (const set of criteriaSets) {
      for (const indicator of indicatorsOf(set).filter((entry) => entry.threshold === null && entry.measure === 'ratio')) expect(indicator.text).toContain('…%')
    }
  })

  it('every indicator names its source', () => {
    for (const set of criteriaSets) for (const indicator of indicatorsOf(set)) expect(indicator.source).toMatch(/^TT (22\/2020|24\/2023) Điều /)
  })

  it('unverifiedIndicators lists exactly the indicators with isVerified false', () => {
    const expected = criteriaSets.flatMap((set) =>
      indicatorsOf(set)
        .filter((indicator) => !indicator.isVerified)
        .map((indicator) => `${set.code} ${indicator.code}`),
    )
    expect(unverifiedIndicators.map((entry) => `${entry.set} ${entry.indicator}`)).toEqual(expected)
    expect(unverifiedIndicators.map((entry) => `${entry.set} ${entry.indicator}`)).toEqual(
      expect.arrayContaining(['tt24-2023-huyen-1 TC3.CT1', 'tt24-2023-tinh-2 TC2.CT1', 'tt24-2023-huyen-1 TC1.CT5']),
    )
    expect(unverifiedIndicators.filter((entry) => entry.set === 'tt22-2020')).toHaveLength(10)
    expect(unverifiedIndicators.some((entry) => entry.set === 'tt24-2023-tinh-1' && entry.indicator === 'TC3.CT3')).toBe(false)
  })

  it('README.md lists every unverified indicator with its sets', () => {
    const readme = readFileSync(new URL('../../../seed/criteria/README.md', import.meta.url), 'utf8')
    const rows = readme.split('\n').filter((line) => line.startsWith('|'))
    for (const { set, indicator } of unverifiedIndicators) {
      expect(rows.some((row) => row.includes(`\`${indicator}\``) && row.includes(set)), `${set} ${indicator}`).toBe(true)
    }
  })
})

describe('seeded sets evaluate', () => {
  it('TT 22 all at full marks is Tốt with 100 points, each indicator warned as unverified', () => {
    const set = byCode('tt22-2020')
    const answers = Object.fromEntries(indicatorsOf(set).map((indicator) => [indicator.code, indicator.maxPoints]))
    const result = evaluate({ set, unitType: 'co_quan_nha_nuoc', answers, asOf: '2021-03-31' })
    expect(result).toMatchObject({ ok: true, isComplete: true, outcome: { points: 100, grade: 'tot' } })
    if (result.ok) expect(result.issues.map((issue) => [issue.code, issue.path[0]])).toEqual(indicatorsOf(set).map((indicator) => ['unverified-indicator', indicator.code]))
  })

  it('TT 24 district Level 1: with its UNKNOWN thresholds empty, a commune meeting everything is not complete', () => {
    const set = byCode('tt24-2023-huyen-1')
    const result = evaluate({ set, unitType: 'xa', answers: { 'TC3.CT1': { numerator: 19, denominator: 20 }, 'TC3.CT3': 'tap-the-lao-dong-xuat-sac' }, asOf: '2025-01-10' })
    expect(result).toMatchObject({ ok: true, isComplete: false, outcome: { isMet: false, level: null } })
    if (result.ok) {
      expect(result.indicators.filter((entry) => entry.status === 'no-threshold').map((entry) => entry.code)).toEqual(['TC3.CT1', 'TC3.CT3'])
      expect(result.issues.filter((issue) => issue.code === 'missing-threshold').map((issue) => issue.path[0])).toEqual(expect.arrayContaining(['TC3.CT1', 'TC3.CT3']))
    }
  })

  it('TT 24 district Level 1: once a province confirms its values, a commune meeting every indicator is recognised at Level 1, with warnings', () => {
    const seeded = byCode('tt24-2023-huyen-1')
    const label = 'HD 01/HD-UBND ngày 03/01/2025'
    const values: Record<string, number | string> = { 'TC3.CT1': 0.9, 'TC3.CT3': 'tap-the-lao-dong-tien-tien', 'TC3.CT4': 'dap-ung-co-ban' }
    const confirmed = validateCriteriaSet({
      ...seeded,
      criteria: seeded.criteria.map((criterion) => ({
        ...criterion,
        indicators: criterion.indicators.map((indicator) => {
          if (indicator.isVerified) return indicator
          const threshold = values[indicator.code] ?? indicator.threshold
          return { ...indicator, threshold, confirmation: { documentLabel: label, threshold } }
        }),
      })),
    })
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues))
    const set = confirmed.set
    expect(unsettledIndicators({ set })).toEqual([])
    const answers = {
      'TC1.CT1': true,
      'TC1.CT2': true,
      'TC1.CT3': true,
      'TC1.CT4': true,
      'TC1.CT5': true,
      'TC2.CT1': { numerator: 18, denominator: 20 },
      'TC2.CT2': { numerator: 20, denominator: 20 },
      'TC3.CT1': { numerator: 19, denominator: 20 },
      'TC3.CT2': true,
      'TC3.CT3': 'tap-the-lao-dong-tien-tien',
    }
    const result = evaluate({ set, unitType: 'xa', answers, asOf: '2025-01-10' })
    expect(result).toMatchObject({ ok: true, isComplete: true, outcome: { isMet: true, level: 1 } })
    if (result.ok) {
      expect(result.indicators.find((entry) => entry.code === 'TC3.CT4')?.status).toBe('not-applicable')
      // confirmed locally: no warning, and the result names the document
      expect(result.issues).toEqual([])
      expect(result.indicators.find((entry) => entry.code === 'TC3.CT1')).toMatchObject({ status: 'met', confirmation: label })
    }
  })

  it('TT 24 provincial Level 1: a THPT must also report learners and its digital level', () => {
    const set = byCode('tt24-2023-tinh-1')
    const result = evaluate({ set, unitType: 'thpt', answers: {}, asOf: '2025-01-10' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const statusOf = (code: string) => result.indicators.find((entry) => entry.code === code)?.status
    expect([statusOf('TC3.CT1b'), statusOf('TC3.CT4'), statusOf('TC3.CT5'), statusOf('TC3.CT6')]).toEqual([
      'missing',
      'missing',
      'not-applicable',
      'not-applicable',
    ])
    expect(result.outcome).toMatchObject({ isMet: false, level: null })
  })
})
