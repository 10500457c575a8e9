/**
 * TT 22 scoring guides and group floors (issue 11): a points indicator's `rubric` (a step, or named
 * levels) decides which scores an answer may take; a group's `minPoints` floor sends a complete
 * self-assessment below it to the lowest band. Both are checked as definitions, with field paths.
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '@criteria/evaluate'
import type { Evaluation } from '@criteria/evaluate'
import type { EvaluationReport, PointsOutcome } from '@criteria/results'
import { verdictSet } from '@criteria/review'
import type { CriteriaSetInput, IndicatorInput } from '@criteria/schema'
import { indicatorSchema, validateCriteriaSet } from '@criteria/schema'
import { isSettled, unsettledIndicators } from '@criteria/settlement'
import { mustValidate, passFailInput, pointsInput } from './fixtures'

type Rubric = IndicatorInput['rubric']

const report = (evaluation: Evaluation): EvaluationReport => {
  if (!evaluation.ok) throw new Error(`unexpected input issues: ${JSON.stringify(evaluation.issues)}`)
  return evaluation
}

/** The fixture's points set (1.1 and 1.2 worth 40 each, 2.1 a boolean worth 20) with 1.2's guide and overrides. */
const withRubric = (rubric: Rubric, changes: Partial<IndicatorInput> = {}): CriteriaSetInput => {
  const input = pointsInput()
  input.criteria[0].indicators[1] = { ...input.criteria[0].indicators[1], rubric, ...changes }
  return input
}

const issuesOf = (input: CriteriaSetInput) => {
  const result = validateCriteriaSet(input)
  return result.ok ? [] : result.issues.map(({ code, path, message }) => ({ code, path: path.join('.'), message }))
}

describe('rubric definitions', () => {
  const rubricPath = 'criteria.0.indicators.1.rubric'

  it.each<{ name: string; rubric: Rubric; issues: { code: string; path: string; message: string }[] }>([
    {
      name: 'a step of 0',
      rubric: { kind: 'step', step: 0 },
      issues: [{ code: 'invalid-rubric-step', path: `${rubricPath}.step`, message: 'Chỉ tiêu 1.2: bước điểm 0 phải lớn hơn 0 và có tối đa 2 chữ số thập phân.' }],
    },
    {
      name: 'a step finer than hundredths',
      rubric: { kind: 'step', step: 0.125 },
      issues: [{ code: 'invalid-rubric-step', path: `${rubricPath}.step`, message: 'Chỉ tiêu 1.2: bước điểm 0.125 phải lớn hơn 0 và có tối đa 2 chữ số thập phân.' }],
    },
    {
      name: 'a step above the maximum',
      rubric: { kind: 'step', step: 50 },
      issues: [{ code: 'rubric-step-above-max', path: `${rubricPath}.step`, message: 'Chỉ tiêu 1.2: bước điểm 50 lớn hơn điểm tối đa 40.' }],
    },
    {
      name: 'no levels',
      rubric: { kind: 'levels', levels: [] },
      issues: [{ code: 'missing-rubric-levels', path: `${rubricPath}.levels`, message: 'Chỉ tiêu 1.2: hướng dẫn chấm theo mức cần ít nhất một mức.' }],
    },
    {
      name: 'a level without a name, one above the maximum, one below 0 and a repeated score',
      rubric: {
        kind: 'levels',
        levels: [
          { label: ' ', points: 0 },
          { label: 'Vượt', points: 45 },
          { label: 'Âm', points: -5 },
          { label: 'Đạt', points: 40 },
          { label: 'Cũng đạt', points: 40 },
          { label: 'Lẻ', points: 12.345 },
        ],
      },
      issues: [
        { code: 'missing-rubric-label', path: `${rubricPath}.levels.0.label`, message: 'Chỉ tiêu 1.2: mức thứ 1 của hướng dẫn chấm cần tên (ví dụ "Đạt một phần").' },
        { code: 'invalid-rubric-points', path: `${rubricPath}.levels.1.points`, message: 'Chỉ tiêu 1.2: điểm 45 của mức "Vượt" phải từ 0 đến 40, có tối đa 2 chữ số thập phân.' },
        { code: 'invalid-rubric-points', path: `${rubricPath}.levels.2.points`, message: 'Chỉ tiêu 1.2: điểm -5 của mức "Âm" phải từ 0 đến 40, có tối đa 2 chữ số thập phân.' },
        { code: 'duplicate-rubric-points', path: `${rubricPath}.levels.4.points`, message: 'Chỉ tiêu 1.2: hai mức của hướng dẫn chấm cùng 40 điểm.' },
        { code: 'invalid-rubric-points', path: `${rubricPath}.levels.5.points`, message: 'Chỉ tiêu 1.2: điểm 12.345 của mức "Lẻ" phải từ 0 đến 40, có tối đa 2 chữ số thập phân.' },
      ],
    },
  ])('refuses $name', ({ rubric, issues }) => {
    expect(issuesOf(withRubric(rubric))).toEqual(issues)
  })

  it('accepts a step that does not divide the maximum, and levels in any order', () => {
    expect(issuesOf(withRubric({ kind: 'step', step: 15 }))).toEqual([])
    expect(issuesOf(withRubric({ kind: 'levels', levels: [{ label: 'Đạt', points: 40 }, { label: 'Chưa đạt', points: 0 }, { label: 'Một phần', points: 20.5 }] }))).toEqual([])
  })

  it('refuses a guide on a kind that is not scored by points', () => {
    const input = pointsInput()
    input.criteria[1].indicators[0] = { ...input.criteria[1].indicators[0], rubric: { kind: 'step', step: 5 } }
    expect(issuesOf(input)).toEqual([
      {
        code: 'rubric-not-allowed',
        path: 'criteria.1.indicators.0.rubric',
        message: 'Chỉ tiêu 2.1: chỉ tiêu loại "Có/Không" không dùng hướng dẫn chấm điểm; hãy để trống.',
      },
    ])
    const ratio = passFailInput()
    ratio.criteria[1].indicators[0] = { ...ratio.criteria[1].indicators[0], rubric: { kind: 'levels', levels: [{ label: 'Đạt', points: 1 }] } }
    expect(issuesOf(ratio).map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'rubric-not-allowed', path: 'criteria.1.indicators.0.rubric' }])
  })

  it('an unknown kind of guide is refused by the schema at the guide', () => {
    const result = validateCriteriaSet(withRubric({ kind: 'percent', step: 5 } as never))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0].path.slice(0, 5)).toEqual(['criteria', 0, 'indicators', 1, 'rubric'])
  })

  it('defaults to no guide', () => {
    expect(indicatorSchema.parse({ code: 'X', text: 'x', measure: 'points', maxPoints: 10 }).rubric).toBeNull()
  })
})

describe('rubric answers', () => {
  const answerTo = (input: CriteriaSetInput, value: number) =>
    evaluate({ set: mustValidate(input), unitType: 'xa', answers: { '1.1': 40, '1.2': value, '2.1': true }, asOf: '2025-06-01' })
  const refusal = (input: CriteriaSetInput, value: number) => {
    const result = answerTo(input, value)
    return result.ok ? null : result.issues.map(({ code, path, message }) => ({ code, path, message }))
  }

  it.each([
    { rubric: { kind: 'step', step: 5 }, max: 10, allowed: [0, 5, 10], refused: { value: 7.35, list: '0; 5; 10' } },
    { rubric: { kind: 'step', step: 3 }, max: 10, allowed: [0, 3, 9, 10], refused: { value: 8, list: '0; 3; 6; 9; 10' } },
    { rubric: { kind: 'step', step: 0.25 }, max: 25, allowed: [0, 0.25, 24.75, 25], refused: { value: 24.8, list: 'các bội số của 0,25 từ 0 đến 25' } },
    { rubric: { kind: 'step', step: 0.3 }, max: 25, allowed: [0.3, 24.9, 25], refused: { value: 24.95, list: 'các bội số của 0,3 từ 0 đến 24,9, và 25' } },
    {
      rubric: { kind: 'levels', levels: [{ label: 'Đạt', points: 10 }, { label: 'Chưa đạt', points: 0 }, { label: 'Một phần', points: 2.5 }] },
      max: 10,
      allowed: [0, 2.5, 10],
      refused: { value: 5, list: '0; 2,5; 10' },
    },
  ] as const)('$rubric.kind guide, maximum $max: allows $allowed, refuses $refused.value', ({ rubric, max, allowed, refused }) => {
    const input = withRubric(rubric as Rubric, { maxPoints: max })
    input.criteria[0].maxPoints = null
    input.gradeBands = [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]
    for (const value of allowed) expect(answerTo(input, value).ok, String(value)).toBe(true)
    expect(refusal(input, refused.value)).toEqual([
      {
        code: 'answer-not-in-rubric',
        path: ['answers', '1.2'],
        message: `Chỉ tiêu 1.2: điểm ${String(refused.value).replace('.', ',')} không có trong hướng dẫn chấm (${refused.list}).`,
      },
    ])
  })

  it('the brief’s example, word for word', () => {
    const input = withRubric({ kind: 'step', step: 5 }, { maxPoints: 10 })
    input.criteria[0].maxPoints = null
    input.gradeBands = [{ code: 'chua-dat', label: 'Chưa đạt', minPoints: 0 }]
    expect(refusal(input, 7.35)?.[0].message).toBe('Chỉ tiêu 1.2: điểm 7,35 không có trong hướng dẫn chấm (0; 5; 10).')
  })

  it('an answer out of range is said as before, not as off the guide', () => {
    expect(refusal(withRubric({ kind: 'step', step: 5 }), 45)?.[0].code).toBe('answer-out-of-range')
  })

  it('no guide: any score with two decimals, as before', () => {
    expect(report(answerTo(withRubric(null), 7.35)).indicators[1]).toMatchObject({ code: '1.2', points: 7.35, status: 'not-met' })
  })

  it('the team scores by the same guide', () => {
    const set = mustValidate(withRubric({ kind: 'step', step: 10 }))
    const team = (value: number) => evaluate({ set: verdictSet({ set }), unitType: 'xa', answers: { '1.1': 40, '1.2': value, '2.1': 20 }, asOf: '2025-06-01' })
    expect(team(30).ok).toBe(true)
    expect(team(35)).toMatchObject({ ok: false, issues: [{ code: 'answer-not-in-rubric', path: ['answers', '1.2'] }] })
  })
})

describe('rubrics and settlement', () => {
  const label = 'HD 219/HD-UBND ngày 28/01/2021'
  it.each<{ name: string; input: IndicatorInput; settled: boolean }>([
    { name: 'a verified points indicator without guide', input: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, isVerified: true }, settled: true },
    { name: 'an unverified one without guide', input: { code: 'X', text: 'x', measure: 'points', maxPoints: 10 }, settled: false },
    {
      name: 'an unverified one without guide, though confirmed',
      input: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, confirmation: { documentLabel: label } },
      settled: false,
    },
    {
      name: 'an unverified one with a guide, confirmed',
      input: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, rubric: { kind: 'step', step: 5 }, confirmation: { documentLabel: label } },
      settled: true,
    },
    { name: 'an unverified one with a guide, not confirmed', input: { code: 'X', text: 'x', measure: 'points', maxPoints: 10, rubric: { kind: 'step', step: 5 } }, settled: false },
  ])('$name: $settled', ({ input, settled }) => {
    expect(isSettled(indicatorSchema.parse(input))).toBe(settled)
  })

  it('unsettledIndicators says a points indicator lacks its guide', () => {
    const set = mustValidate(withRubric(null, { isVerified: false, confirmation: { documentLabel: label } }))
    expect(unsettledIndicators({ set })).toEqual([
      { code: '1.2', criterionCode: '1', problem: 'no-rubric', reason: 'chưa có hướng dẫn chấm điểm', message: 'Chỉ tiêu 1.2: chưa có hướng dẫn chấm điểm.' },
    ])
  })
})

describe('group floors', () => {
  /** Group 1 (1.1 + 1.2, max 80) with a floor; group 2 is the boolean 2.1 worth 20. */
  const withFloor = (minPoints: number | null, changes: (input: CriteriaSetInput) => void = () => {}) => {
    const input = pointsInput()
    input.criteria[0].minPoints = minPoints
    changes(input)
    return input
  }
  const evaluateWith = (input: CriteriaSetInput, answers: Record<string, unknown>, unitType = 'xa') =>
    report(evaluate({ set: mustValidate(input), unitType, answers, asOf: '2025-06-01' }))

  it('a group below its floor gets the lowest band, whatever the total, and says why', () => {
    const result = evaluateWith(withFloor(50), { '1.1': 40, '1.2': 9.5, '2.1': true })
    expect(result.outcome as PointsOutcome).toEqual({ model: 'points', points: 69.5, maxPoints: 100, grade: 'chua-dat', gradeLabel: 'Chưa đạt' })
    expect(result.gaps.filter((gap) => gap.code !== 'not-met')).toEqual([
      {
        code: 'group-floor',
        indicator: null,
        shortfall: 0.5,
        message: 'Nhóm 1 (Nhóm 1) đạt 49,5 điểm, dưới điểm sàn 50 điểm của nhóm: xếp loại Chưa đạt dù tổng 69,5 điểm.',
      },
    ])
  })

  it('at its floor the total decides, with the next band said as before', () => {
    const result = evaluateWith(withFloor(50), { '1.1': 40, '1.2': 10, '2.1': true })
    expect(result.outcome).toMatchObject({ points: 70, grade: 'kha' })
    expect(result.gaps.map((gap) => gap.code)).toEqual(['not-met', 'next-grade'])
  })

  it('without a floor the same answers grade by the total', () => {
    expect(evaluateWith(withFloor(null), { '1.1': 40, '1.2': 9.5, '2.1': true }).outcome).toMatchObject({ grade: 'trung-binh' })
  })

  it('an incomplete self-assessment has no grade and no floor gap yet', () => {
    const result = evaluateWith(withFloor(50), { '1.1': 10, '2.1': true })
    expect(result.outcome).toMatchObject({ grade: null })
    expect(result.gaps.map((gap) => gap.code)).not.toContain('group-floor')
  })

  it('a group with nothing applicable to the unit has no floor to miss', () => {
    const input = withFloor(null, (set) => {
      set.criteria[1].minPoints = 10
      set.criteria[1].indicators[0].appliesTo = ['thpt']
    })
    const result = evaluateWith(input, { '1.1': 40, '1.2': 40 })
    expect(result.outcome).toMatchObject({ points: 80, maxPoints: 80, grade: 'kha' })
    expect(result.gaps.map((gap) => gap.code)).toEqual(['next-grade'])
  })

  it.each([
    { name: 'a floor above the group’s maximum', minPoints: 80.01, code: 'criterion-min-points-above-max', message: 'Điểm sàn của nhóm 1 (80,01) vượt điểm tối đa của nhóm (80).' },
    { name: 'a negative floor', minPoints: -1, code: 'invalid-criterion-min-points', message: 'Điểm sàn của nhóm 1 (-1) phải từ 0 trở lên và có tối đa 2 chữ số thập phân.' },
    { name: 'a floor finer than hundredths', minPoints: 10.005, code: 'invalid-criterion-min-points', message: 'Điểm sàn của nhóm 1 (10.005) phải từ 0 trở lên và có tối đa 2 chữ số thập phân.' },
  ])('refuses $name', ({ minPoints, code, message }) => {
    expect(issuesOf(withFloor(minPoints))).toEqual([{ code, path: 'criteria.0.minPoints', message }])
  })

  it('accepts a floor equal to the group’s maximum', () => {
    expect(issuesOf(withFloor(80))).toEqual([])
  })

  it('a pass-fail set has no floors', () => {
    const input = passFailInput()
    input.criteria[0].minPoints = 1
    expect(issuesOf(input)).toEqual([
      { code: 'not-allowed-in-pass-fail', path: 'criteria.0.minPoints', message: 'Tiêu chí TC1: bộ tiêu chí đạt/không đạt không dùng điểm sàn.' },
    ])
  })
})
