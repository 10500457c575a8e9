import { describe, expect, it } from 'vitest'
import { evaluate } from '@criteria/evaluate'
import type { Evaluation } from '@criteria/evaluate'
import type { EvaluationReport, PassFailOutcome, PointsOutcome } from '@criteria/results'
import { metPassFailAnswers, mustValidate, passFailInput, pointsInput } from './fixtures'

const report = (evaluation: Evaluation): EvaluationReport => {
  if (!evaluation.ok) throw new Error(`unexpected input issues: ${JSON.stringify(evaluation.issues)}`)
  return evaluation
}
const pointsOutcome = (evaluation: Evaluation) => report(evaluation).outcome as PointsOutcome
const passFailOutcome = (evaluation: Evaluation) => report(evaluation).outcome as PassFailOutcome

describe('points model: grade bands at their boundaries', () => {
  const set = mustValidate(pointsInput())
  /** Answers whose total is `total`: 2.1 (boolean, 20) when total ≥ 20, the rest on 1.1 and 1.2. */
  const answersFor = (total: number) => {
    const hasBoolean = total >= 20
    const rest = hasBoolean ? total - 20 : total
    const first = Math.min(rest, 40)
    return { '1.1': first, '1.2': Math.round((rest - first) * 100) / 100, '2.1': hasBoolean }
  }

  it.each([
    { total: 100, grade: 'tot' },
    { total: 85, grade: 'tot' },
    { total: 84.99, grade: 'kha' },
    { total: 84.5, grade: 'kha' },
    { total: 84, grade: 'kha' },
    { total: 70, grade: 'kha' },
    { total: 69.99, grade: 'trung-binh' },
    { total: 69, grade: 'trung-binh' },
    { total: 50, grade: 'trung-binh' },
    { total: 49.5, grade: 'chua-dat' },
    { total: 49, grade: 'chua-dat' },
    { total: 0, grade: 'chua-dat' },
  ])('$total points → $grade', ({ total, grade }) => {
    const outcome = pointsOutcome(evaluate({ set, unitType: 'xa', answers: answersFor(total), asOf: '2025-01-10' }))
    expect(outcome).toMatchObject({ model: 'points', points: total, maxPoints: 100, grade })
  })

  it('sums fractional points without drift (84.5 + 0.5 = 85)', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: { '1.1': 24.5, '1.2': 40.5 - 0.5, '2.1': true }, asOf: '2025-01-10' }))
    expect(result.outcome).toMatchObject({ points: 84.5, grade: 'kha' })
    const topped = report(evaluate({ set, unitType: 'xa', answers: { '1.1': 25, '1.2': 40, '2.1': true }, asOf: '2025-01-10' }))
    expect(topped.outcome).toMatchObject({ points: 85, grade: 'tot' })
  })

  it('tells how many points reach the next band', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: answersFor(84.5), asOf: '2025-01-10' }))
    const gap = result.gaps.find((entry) => entry.code === 'next-grade')
    expect(gap).toMatchObject({ indicator: null, shortfall: 0.5 })
    expect(gap?.message).toContain('cần thêm 0,5 điểm để đạt xếp loại Tốt')
    expect(report(evaluate({ set, unitType: 'xa', answers: answersFor(100), asOf: '2025-01-10' })).gaps).toEqual([])
  })

  it('a points indicator is met only at full marks, and says what it lacks', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: { '1.1': 40, '1.2': 37.5, '2.1': false }, asOf: '2025-01-10' }))
    expect(result.indicators.map(({ code, status, points }) => ({ code, status, points }))).toEqual([
      { code: '1.1', status: 'met', points: 40 },
      { code: '1.2', status: 'not-met', points: 37.5 },
      { code: '2.1', status: 'not-met', points: 0 },
    ])
    expect(result.criteria.map(({ code, points, maxPoints }) => ({ code, points, maxPoints }))).toEqual([
      { code: '1', points: 77.5, maxPoints: 80 },
      { code: '2', points: 0, maxPoints: 20 },
    ])
    expect(result.gaps.find((gap) => gap.indicator === '1.2')).toMatchObject({ shortfall: 2.5 })
    expect(result.gaps.find((gap) => gap.indicator === '1.2')?.message).toContain('còn thiếu 2,5 điểm')
  })

  it('an incomplete self-assessment gets its points summed but no grade', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: { '1.1': 40, '1.2': null }, asOf: '2025-01-10' }))
    expect(result.isComplete).toBe(false)
    expect(result.outcome).toEqual({ model: 'points', points: 40, maxPoints: 100, grade: null, gradeLabel: null })
    expect(result.indicators.filter((entry) => entry.status === 'missing').map((entry) => entry.code)).toEqual(['1.2', '2.1'])
    expect(result.gaps.filter((gap) => gap.code === 'missing').map((gap) => gap.indicator)).toEqual(['1.2', '2.1'])
    expect(result.gaps.some((gap) => gap.code === 'next-grade')).toBe(false)
  })

  it.each([
    { value: 84.999, code: 'invalid-answer-precision' },
    { value: 40.01, code: 'answer-out-of-range' },
    { value: -1, code: 'answer-out-of-range' },
    { value: '40', code: 'invalid-answer-type' },
    { value: Number.NaN, code: 'invalid-answer-type' },
  ])('refuses points $value as $code', ({ value, code }) => {
    const result = evaluate({ set, unitType: 'xa', answers: { '1.1': value }, asOf: '2025-01-10' })
    expect(result).toMatchObject({ ok: false, issues: [{ code, path: ['answers', '1.1'] }] })
  })
})

describe('pass-fail model', () => {
  const set = mustValidate(passFailInput())

  it('meets the level when every applicable indicator is met', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-01-10' }))
    expect(result.isComplete).toBe(true)
    expect(result.outcome).toEqual({ model: 'pass-fail', isMet: true, level: 1, prerequisite: null })
    expect(result.criteria.map((criterion) => criterion.status)).toEqual(['met', 'met'])
    expect(result.gaps).toEqual([])
    expect(result.issues).toEqual([])
  })

  it('fails the criterion and the set when one indicator is not met', () => {
    const answers = { ...metPassFailAnswers, 'TC3.CT1': { numerator: 87, denominator: 100 } }
    const result = report(evaluate({ set, unitType: 'xa', answers, asOf: '2025-01-10' }))
    expect(result.outcome).toMatchObject({ isMet: false, level: null })
    expect(result.criteria.map((criterion) => criterion.status)).toEqual(['met', 'not-met'])
    expect(result.gaps).toEqual([expect.objectContaining({ code: 'not-met', indicator: 'TC3.CT1', shortfall: 3 })])
  })

  it('is not met while incomplete, even if everything answered is met', () => {
    const { 'TC3.CT3': _unanswered, ...answers } = metPassFailAnswers
    const result = report(evaluate({ set, unitType: 'xa', answers, asOf: '2025-01-10' }))
    expect(result.isComplete).toBe(false)
    expect(result.outcome).toMatchObject({ isMet: false, level: null })
    expect(result.indicators.find((entry) => entry.code === 'TC3.CT3')?.status).toBe('missing')
    expect(result.criteria[1].status).toBe('missing')
    expect(result.gaps).toEqual([{ code: 'missing', indicator: 'TC3.CT3', shortfall: null, message: 'Chỉ tiêu TC3.CT3: chưa chọn mức.' }])
  })

  it('says what an unanswered indicator lacks by its kind: no data for a count, no answer for a yes/no', () => {
    const { 'TC1.CT1': _yesNo, 'TC3.CT1': _count, ...answers } = metPassFailAnswers
    const gaps = report(evaluate({ set, unitType: 'xa', answers, asOf: '2025-01-10' })).gaps.map((gap) => gap.message)
    expect(gaps).toEqual(['Chỉ tiêu TC1.CT1: chưa trả lời Đạt/Không đạt.', 'Chỉ tiêu TC3.CT1: chưa có số liệu.'])
  })

  it('a not-met indicator outweighs a missing one in the criterion status', () => {
    const answers = { 'TC1.CT1': true, 'TC3.CT1': { numerator: 1, denominator: 2 } }
    const result = report(evaluate({ set, unitType: 'xa', answers, asOf: '2025-01-10' }))
    expect(result.criteria[1].status).toBe('not-met')
  })
})

describe('applicability by unit type', () => {
  const set = mustValidate(
    passFailInput({
      extraIndicators: [
        { code: 'MN', text: 'Hỗ trợ mầm non tư thục', measure: 'boolean', appliesTo: ['mam_non_cong_lap'], isVerified: false },
      ],
    }),
  )

  it('an indicator for public preschools is not applicable to a commune and weighs nothing', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-01-10' }))
    expect(result.indicators.find((entry) => entry.code === 'MN')).toMatchObject({ status: 'not-applicable' })
    expect(result.isComplete).toBe(true)
    expect(result.outcome).toMatchObject({ isMet: true, level: 1 })
    expect(result.issues).toEqual([])
  })

  it('the same indicator is required from a public preschool', () => {
    const missing = report(evaluate({ set, unitType: 'mam_non_cong_lap', answers: metPassFailAnswers, asOf: '2025-01-10' }))
    expect(missing.indicators.find((entry) => entry.code === 'MN')?.status).toBe('missing')
    expect(missing.outcome).toMatchObject({ isMet: false })
    const answered = report(evaluate({ set, unitType: 'mam_non_cong_lap', answers: { ...metPassFailAnswers, MN: true }, asOf: '2025-01-10' }))
    expect(answered.outcome).toMatchObject({ isMet: true })
  })

  it('an answer to a not-applicable indicator is ignored with a warning', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: { ...metPassFailAnswers, MN: false }, asOf: '2025-01-10' }))
    expect(result.outcome).toMatchObject({ isMet: true })
    expect(result.issues).toEqual([expect.objectContaining({ code: 'answer-not-applicable', path: ['answers', 'MN'], severity: 'warning' })])
  })

  it('a criterion whose indicators all do not apply is not applicable and does not block the level', () => {
    const input = passFailInput()
    input.criteria.push({
      code: 'TC9',
      title: 'Chỉ cho trường học',
      indicators: [{ code: 'TC9.CT1', text: 'Chuyển đổi số', measure: 'boolean', appliesTo: ['thpt'], isVerified: true }],
    })
    const result = report(evaluate({ set: mustValidate(input), unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-01-10' }))
    expect(result.criteria.map((criterion) => criterion.status)).toEqual(['met', 'met', 'not-applicable'])
    expect(result.outcome).toMatchObject({ isMet: true })
  })
})

describe('unverified indicators', () => {
  const set = mustValidate(
    passFailInput({
      extraIndicators: [{ code: 'X', text: 'Chưa kiểm chứng', measure: 'boolean', isVerified: false }],
    }),
  )

  it('warn when they apply, without changing the outcome', () => {
    const result = report(evaluate({ set, unitType: 'xa', answers: { ...metPassFailAnswers, X: true }, asOf: '2025-01-10' }))
    expect(result.outcome).toMatchObject({ isMet: true })
    expect(result.issues).toEqual([
      {
        code: 'unverified-indicator',
        path: ['X'],
        severity: 'warning',
        message: expect.stringContaining('Chỉ tiêu X chưa được xác minh với văn bản gốc'),
      },
    ])
    expect(result.indicators.find((entry) => entry.code === 'X')?.isVerified).toBe(false)
  })
})

describe('Level 2: prerequisite recognition and the 12-month wait', () => {
  const set = mustValidate(passFailInput({ level: 2, prerequisiteLevel: 1 }))
  const run = ({ prior, asOf }: { prior?: { level: number; decidedOn: string } | null; asOf: string }) =>
    report(evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, prior, asOf }))

  it.each([
    { decidedOn: '2024-03-31', asOf: '2025-02-28', isMet: false, months: '11' },
    { decidedOn: '2024-03-31', asOf: '2025-03-30', isMet: false, months: '12 minus a day' },
    { decidedOn: '2024-03-31', asOf: '2025-03-31', isMet: true, months: '12' },
    { decidedOn: '2024-03-31', asOf: '2025-04-30', isMet: true, months: '13' },
    { decidedOn: '2024-01-31', asOf: '2024-12-31', isMet: false, months: '11' },
    { decidedOn: '2024-01-31', asOf: '2025-01-30', isMet: false, months: '12 minus a day' },
    { decidedOn: '2024-01-31', asOf: '2025-01-31', isMet: true, months: '12' },
    { decidedOn: '2024-02-29', asOf: '2025-01-29', isMet: false, months: '11' },
    { decidedOn: '2024-02-29', asOf: '2025-02-27', isMet: false, months: '12 minus a day' },
    { decidedOn: '2024-02-29', asOf: '2025-02-28', isMet: true, months: '12 (month-end)' },
    { decidedOn: '2024-02-29', asOf: '2025-03-29', isMet: true, months: '13' },
  ])('Level 1 decided $decidedOn, evaluated $asOf ($months months) → met: $isMet', ({ decidedOn, asOf, isMet }) => {
    const result = run({ prior: { level: 1, decidedOn }, asOf })
    expect(result.outcome).toMatchObject({ isMet, level: isMet ? 2 : null, prerequisite: { isMet } })
    expect(result.gaps.some((gap) => gap.code === 'prerequisite')).toBe(!isMet)
  })

  it('says from which date the unit may apply', () => {
    const result = run({ prior: { level: 1, decidedOn: '2024-02-29' }, asOf: '2025-01-29' })
    expect(result.outcome).toMatchObject({ prerequisite: { isMet: false, eligibleFrom: '2025-02-28' } })
    expect(result.gaps).toEqual([expect.objectContaining({ code: 'prerequisite', indicator: null })])
    expect(result.gaps[0].message).toContain('từ ngày 28/02/2025')
  })

  it('without a Level 1 recognition the unit cannot be recognised at Level 2', () => {
    for (const prior of [undefined, null]) {
      const result = run({ prior, asOf: '2025-06-01' })
      expect(result.outcome).toEqual({ model: 'pass-fail', isMet: false, level: null, prerequisite: { isMet: false, eligibleFrom: null } })
      expect(result.gaps[0]).toMatchObject({ code: 'prerequisite' })
      expect(result.gaps[0].message).toContain('Mức độ 1')
    }
  })

  it('a prior Level 2 recognition also satisfies the Level 1 prerequisite', () => {
    expect(run({ prior: { level: 2, decidedOn: '2021-01-15' }, asOf: '2025-01-10' }).outcome).toMatchObject({ isMet: true })
  })

  it('an eligible unit still fails Level 2 when an indicator is not met', () => {
    const answers = { ...metPassFailAnswers, 'TC1.CT1': false }
    const result = report(evaluate({ set, unitType: 'xa', answers, prior: { level: 1, decidedOn: '2023-01-01' }, asOf: '2025-01-10' }))
    expect(result.outcome).toMatchObject({ isMet: false, prerequisite: { isMet: true, eligibleFrom: '2024-01-01' } })
  })
})

describe('bad input is returned as issues, never thrown', () => {
  const set = mustValidate(passFailInput())

  it.each([
    { name: 'malformed unit type (words, not a code)', input: { unitType: 'Trường học' }, code: 'unknown-unit-type', path: ['unitType'] },
    { name: 'unit type as a number', input: { unitType: 42 }, code: 'unknown-unit-type', path: ['unitType'] },
    { name: 'empty unit type', input: { unitType: '' }, code: 'unknown-unit-type', path: ['unitType'] },
    { name: 'unknown indicator code', input: { answers: { ...metPassFailAnswers, 'TC9.CT9': true } }, code: 'unknown-indicator', path: ['answers', 'TC9.CT9'] },
    { name: 'wrong value type', input: { answers: { ...metPassFailAnswers, 'TC1.CT1': 'có' } }, code: 'invalid-answer-type', path: ['answers', 'TC1.CT1'] },
    { name: 'out-of-range value', input: { answers: { ...metPassFailAnswers, 'TC3.CT1': { numerator: 5, denominator: 4 } } }, code: 'answer-out-of-range', path: ['answers', 'TC3.CT1'] },
    { name: 'malformed asOf', input: { asOf: '10/01/2025' }, code: 'invalid-date', path: ['asOf'] },
    { name: 'impossible asOf', input: { asOf: '2025-02-29' }, code: 'invalid-date', path: ['asOf'] },
    { name: 'malformed prior date', input: { prior: { level: 1, decidedOn: '2024-13-01' } }, code: 'invalid-date', path: ['prior', 'decidedOn'] },
    { name: 'prior level not a number', input: { prior: { level: 'một', decidedOn: '2024-01-01' } }, code: 'invalid-prior-level', path: ['prior', 'level'] },
    { name: 'prior after asOf', input: { prior: { level: 1, decidedOn: '2025-06-01' } }, code: 'prior-after-as-of', path: ['prior', 'decidedOn'] },
    { name: 'answers not an object', input: { answers: [true, true] }, code: 'invalid-answers', path: ['answers'] },
    { name: 'answers null', input: { answers: null }, code: 'invalid-answers', path: ['answers'] },
    { name: 'an inherited key as indicator code', input: { answers: JSON.parse('{"__proto__": true}') as Record<string, unknown> }, code: 'unknown-indicator', path: ['answers', '__proto__'] },
  ])('$name → $code at $path', ({ input, code, path }) => {
    const result = evaluate({ set, unitType: 'xa', answers: metPassFailAnswers, asOf: '2025-01-10', ...(input as object) } as Parameters<typeof evaluate>[0])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toContainEqual(expect.objectContaining({ code, path, severity: 'error' }))
    for (const issue of result.issues) expect(issue.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệềếểễôộồốổỗơớờợởỡưứừựửữđ]/i)
  })

  it('reports every error at once', () => {
    const result = evaluate({
      set,
      unitType: 'Không rõ',
      answers: { 'TC1.CT1': 1, 'TC3.CT3': 'cao', 'Z': true },
      asOf: '2025-1-10',
    })
    expect(result.ok ? [] : result.issues.map((issue) => issue.code).sort()).toEqual(
      ['answer-out-of-range', 'invalid-answer-type', 'invalid-date', 'unknown-indicator', 'unknown-unit-type'].sort(),
    )
  })

  it('a well-formed unit-type code outside REGULATIONS §2.1 (a province’s own catalogue row) is evaluated', () => {
    const result = evaluate({ set, unitType: 'truong_quoc_te', answers: metPassFailAnswers, asOf: '2025-01-10' })
    expect(result.ok ? result.issues : result.issues.map((issue) => issue.code)).toEqual([])
  })
})
