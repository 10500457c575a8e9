/**
 * What makes a criteria set valid, message by message, under each scoring model, and how each
 * model turns criterion results into an outcome at its edges: bands given in any order, a score
 * exactly on a band, a set where nothing applies. Every set is validated inside its test, so a
 * wrongly refused fixture fails that test instead of silently dropping a whole file.
 */
import { describe, expect, it } from 'vitest'

import { evaluate } from '@criteria/evaluate'
import type { PointsOutcome } from '@criteria/results'
import type { CriteriaSetInput } from '@criteria/schema'
import { validateCriteriaSet } from '@criteria/schema'
import { mustValidate, passFailInput, pointsInput } from './fixtures'

const issuesOf = (input: unknown) => {
  const result = validateCriteriaSet(input)
  return result.ok ? [] : result.issues.map(({ code, path, message }) => ({ code, path, message }))
}

const edit = (input: CriteriaSetInput, change: (set: CriteriaSetInput) => void): CriteriaSetInput => {
  const copy = structuredClone(input)
  change(copy)
  return copy
}

describe('criteria set structure', () => {
  it('trims codes, and an indicator is unverified until someone checks it', () => {
    const result = validateCriteriaSet(
      edit(passFailInput(), (set) => {
        set.criteria[0].code = '  TC1 '
        set.criteria[0].indicators[0] = { code: ' TC1.CT1', text: 'Ban hành kế hoạch', measure: 'boolean' }
      }),
    )
    expect(result.ok && result.set.criteria[0].code).toBe('TC1')
    expect(result.ok && result.set.criteria[0].indicators[0]).toMatchObject({ code: 'TC1.CT1', isVerified: false, evidenceRequired: false, source: null })
  })

  it('a code of blanks is no code', () => {
    expect(issuesOf(edit(passFailInput(), (set) => void (set.criteria[0].code = '   ')))).toMatchObject([{ code: 'too-small', path: ['criteria', 0, 'code'] }])
  })

  it('numbers in an issue path stay numbers (a Payload row index)', () => {
    expect(issuesOf(edit(passFailInput(), (set) => void (set.criteria[1].indicators[0].text = '')))).toMatchObject([
      { code: 'too-small', path: ['criteria', 1, 'indicators', 0, 'text'] },
    ])
  })

  it('duplicate codes say where the first one is', () => {
    const input = edit(passFailInput(), (set) => {
      set.criteria[1].code = 'TC1'
      set.criteria[1].indicators[1].code = 'TC1.CT1'
    })
    expect(issuesOf(input)).toEqual([
      { code: 'duplicate-criterion-code', path: ['criteria', 1, 'code'], message: 'Mã tiêu chí "TC1" bị trùng với tiêu chí thứ 1.' },
      {
        code: 'duplicate-indicator-code',
        path: ['criteria', 1, 'indicators', 1, 'code'],
        message: 'Mã chỉ tiêu "TC1.CT1" bị trùng (đã dùng ở criteria.0.indicators.0).',
      },
    ])
  })
})

describe('recognition rules', () => {
  it('level 2 after 12 months of level 1 is valid', () => {
    expect(issuesOf(passFailInput({ level: 2, prerequisiteLevel: 1 }))).toEqual([])
  })

  it('a negative wait is refused', () => {
    const input = edit(passFailInput({ level: 2, prerequisiteLevel: 1 }), (set) => {
      if (set.recognition) set.recognition.monthsAfterPrerequisite = -1
    })
    expect(issuesOf(input)).toMatchObject([{ code: 'too-small', path: ['recognition', 'monthsAfterPrerequisite'] }])
  })

  it('a prerequisite on a set without a level is refused, saying it has none', () => {
    const input = edit(passFailInput({ prerequisiteLevel: 1 }), (set) => void (set.level = null))
    expect(issuesOf(input)).toEqual([
      {
        code: 'invalid-prerequisite-level',
        path: ['recognition', 'prerequisiteLevel'],
        message: 'Mức độ tiên quyết (1) phải thấp hơn mức độ của bộ tiêu chí (không có).',
      },
    ])
  })

  it('a prerequisite at the set’s own level names both', () => {
    expect(issuesOf(passFailInput({ level: 1, prerequisiteLevel: 1 }))).toEqual([
      {
        code: 'invalid-prerequisite-level',
        path: ['recognition', 'prerequisiteLevel'],
        message: 'Mức độ tiên quyết (1) phải thấp hơn mức độ của bộ tiêu chí (1).',
      },
    ])
  })
})

describe('a pass-fail set has no points', () => {
  it.each([
    {
      name: 'a criterion maximum',
      change: (set: CriteriaSetInput) => void (set.criteria[0].maxPoints = 10),
      issue: { code: 'not-allowed-in-pass-fail', path: ['criteria', 0, 'maxPoints'], message: 'Bộ tiêu chí đạt/không đạt không dùng điểm tối đa.' },
    },
    {
      name: 'an indicator maximum',
      change: (set: CriteriaSetInput) => void (set.criteria[1].indicators[1].maxPoints = 5),
      issue: {
        code: 'not-allowed-in-pass-fail',
        path: ['criteria', 1, 'indicators', 1, 'maxPoints'],
        message: 'Chỉ tiêu TC3.CT3: bộ tiêu chí đạt/không đạt không dùng điểm tối đa.',
      },
    },
    {
      name: 'grade bands',
      change: (set: CriteriaSetInput) => void (set.gradeBands = [{ code: 'dat', label: 'Đạt', minPoints: 0 }]),
      issue: { code: 'not-allowed-in-pass-fail', path: ['gradeBands'], message: 'Bộ tiêu chí đạt/không đạt không có mức xếp loại theo điểm.' },
    },
  ])('refuses $name', ({ change, issue }) => {
    expect(issuesOf(edit(passFailInput(), change))).toEqual([issue])
  })
})

describe('a points set adds up', () => {
  it.each([
    {
      name: 'a level',
      change: (set: CriteriaSetInput) => void (set.level = 1),
      issue: { code: 'level-not-allowed', path: ['level'], message: 'Bộ tiêu chí chấm điểm xếp loại, không công nhận theo mức độ: hãy để trống mức độ.' },
    },
    {
      name: 'an indicator without a maximum',
      change: (set: CriteriaSetInput) => {
        set.criteria[1].indicators[0].maxPoints = null
        set.gradeBands = [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]
      },
      issue: { code: 'missing-max-points', path: ['criteria', 1, 'indicators', 0, 'maxPoints'], message: 'Chỉ tiêu 2.1 cần số điểm tối đa (bộ tiêu chí chấm điểm).' },
    },
    {
      name: 'a maximum with three decimals',
      change: (set: CriteriaSetInput) => {
        set.criteria[1].indicators[0].maxPoints = 20.125
        set.gradeBands = [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]
      },
      issue: {
        code: 'invalid-max-points',
        path: ['criteria', 1, 'indicators', 0, 'maxPoints'],
        message: 'Điểm tối đa 20.125 phải lớn hơn 0 và có tối đa 2 chữ số thập phân.',
      },
    },
    {
      name: 'a criterion maximum that is not the sum',
      change: (set: CriteriaSetInput) => void (set.criteria[0].maxPoints = 79.5),
      issue: {
        code: 'criterion-max-points-mismatch',
        path: ['criteria', 0, 'maxPoints'],
        message: 'Điểm tối đa của tiêu chí 1 (79.5) khác tổng điểm tối đa các chỉ tiêu (80).',
      },
    },
    {
      name: 'no grade bands',
      change: (set: CriteriaSetInput) => void (set.gradeBands = []),
      issue: { code: 'missing-grade-bands', path: ['gradeBands'], message: 'Bộ tiêu chí chấm điểm cần các mức xếp loại.' },
    },
    {
      name: 'two bands with one code',
      change: (set: CriteriaSetInput) => void (set.gradeBands = [{ code: 'dat', label: 'Đạt', minPoints: 50 }, { code: 'dat', label: 'Chưa đạt', minPoints: 0 }]),
      issue: { code: 'duplicate-grade-band-code', path: ['gradeBands', 1, 'code'], message: 'Mã xếp loại "dat" bị trùng.' },
    },
    {
      name: 'a band floor with three decimals',
      change: (set: CriteriaSetInput) => void (set.gradeBands = [{ code: 'dat', label: 'Đạt', minPoints: 50.125 }, { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]),
      issue: { code: 'invalid-min-points', path: ['gradeBands', 0, 'minPoints'], message: 'Điểm sàn 50.125 có quá 2 chữ số thập phân.' },
    },
    {
      name: 'two bands with one floor',
      change: (set: CriteriaSetInput) =>
        void (set.gradeBands = [
          { code: 'kha', label: 'Khá', minPoints: 70 },
          { code: 'tot', label: 'Tốt', minPoints: 70 },
          { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 },
        ]),
      issue: { code: 'duplicate-min-points', path: ['gradeBands', 1, 'minPoints'], message: 'Hai mức xếp loại cùng điểm sàn 70.' },
    },
    {
      name: 'a band floor above the total',
      change: (set: CriteriaSetInput) => void (set.gradeBands = [{ code: 'tot', label: 'Tốt', minPoints: 100.5 }, { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]),
      issue: { code: 'min-points-above-total', path: ['gradeBands', 0, 'minPoints'], message: 'Điểm sàn 100.5 vượt tổng điểm tối đa 100.' },
    },
    {
      name: 'no band from 0',
      change: (set: CriteriaSetInput) => void (set.gradeBands = [{ code: 'dat', label: 'Đạt', minPoints: 50 }]),
      issue: {
        code: 'missing-lowest-grade-band',
        path: ['gradeBands'],
        message: 'Cần một mức xếp loại có điểm sàn 0 (ví dụ "Chưa đạt") để mọi tổng điểm đều được xếp loại.',
      },
    },
  ])('refuses $name', ({ change, issue }) => {
    expect(issuesOf(edit(pointsInput(), change))).toEqual([issue])
  })

  it('a band exactly at the total (only full marks reach it) is valid', () => {
    expect(issuesOf(edit(pointsInput(), (set) => void (set.gradeBands = [{ code: 'xuat-sac', label: 'Xuất sắc', minPoints: 100 }, { code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }])))).toEqual([])
  })
})

describe('points outcome at the band edges', () => {
  /** The TT 22 bands listed lowest first: grading must not depend on their order. */
  const ascending = () =>
    mustValidate(
      edit(pointsInput(), (set) => {
        set.gradeBands = [...(set.gradeBands ?? [])].reverse()
      }),
    )
  const outcomeAt = ({ answers }: { answers: Record<string, unknown> }) => {
    const result = evaluate({ set: ascending(), unitType: 'xa', answers, asOf: '2025-01-10' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    return { outcome: result.outcome as PointsOutcome, gaps: result.gaps.filter((gap) => gap.code === 'next-grade') }
  }

  it.each([
    { answers: { '1.1': 40, '1.2': 40, '2.1': true }, grade: 'tot', gradeLabel: 'Tốt' },
    { answers: { '1.1': 40, '1.2': 25, '2.1': true }, grade: 'tot', gradeLabel: 'Tốt' },
    { answers: { '1.1': 40, '1.2': 24.99, '2.1': true }, grade: 'kha', gradeLabel: 'Khá' },
    { answers: { '1.1': 30, '1.2': 20, '2.1': false }, grade: 'trung-binh', gradeLabel: 'Trung bình' },
    { answers: { '1.1': 0, '1.2': 0, '2.1': false }, grade: 'chua-dat', gradeLabel: 'Chưa đạt' },
  ])('bands listed lowest first still grade $grade', ({ answers, grade, gradeLabel }) => {
    expect(outcomeAt({ answers }).outcome).toMatchObject({ grade, gradeLabel })
  })

  it('exactly on a band, the next band up is the one above it', () => {
    expect(outcomeAt({ answers: { '1.1': 40, '1.2': 10, '2.1': true } }).gaps).toEqual([
      { code: 'next-grade', indicator: null, shortfall: 15, message: 'Tổng 70 điểm: cần thêm 15 điểm để đạt xếp loại Tốt (từ 85 điểm).' },
    ])
  })

  it('at the top band there is nothing to reach', () => {
    expect(outcomeAt({ answers: { '1.1': 40, '1.2': 25, '2.1': true } }).gaps).toEqual([])
  })
})

describe('pass-fail outcome', () => {
  it('a set where nothing applies to the unit is not met (nothing was shown)', () => {
    const set = mustValidate(
      edit(passFailInput(), (set) => {
        for (const criterion of set.criteria) for (const indicator of criterion.indicators) indicator.appliesTo = ['mam_non_cong_lap']
      }),
    )
    const result = evaluate({ set, unitType: 'xa', answers: {}, asOf: '2025-01-10' })
    expect(result).toMatchObject({ ok: true, isComplete: true, outcome: { isMet: false, level: null }, criteria: [{ status: 'not-applicable' }, { status: 'not-applicable' }] })
  })

  it('indicators and criteria carry no points', () => {
    const result = evaluate({ set: mustValidate(passFailInput()), unitType: 'xa', answers: { 'TC1.CT1': true }, asOf: '2025-01-10' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.indicators.map(({ points, maxPoints }) => ({ points, maxPoints }))).toEqual([
      { points: null, maxPoints: null },
      { points: null, maxPoints: null },
      { points: null, maxPoints: null },
    ])
    expect(result.criteria.map(({ points, maxPoints }) => ({ points, maxPoints }))).toEqual([
      { points: null, maxPoints: null },
      { points: null, maxPoints: null },
    ])
  })
})
