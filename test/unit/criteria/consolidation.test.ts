/**
 * The team's verdict per indicator at the edges of the majority rule (unanimity, reviewers who
 * gave no verdict, a tie the lead is not part of), against the unit's own assessment under each
 * model, and the message that stops the review from closing.
 */
import { describe, expect, it } from 'vitest'

import { checkConsolidationComplete, consolidate, verdictSet, type ReviewInput, type UnitIndicator, type VerdictValue } from '@criteria/review'
import { validateCriteriaSet } from '@criteria/schema'
import { mustValidate, passFailInput, pointsInput } from './fixtures'

const review = ({ reviewer, isLead = false, value }: { reviewer: string; isLead?: boolean; value: VerdictValue | null }): ReviewInput => ({
  isLead,
  reviewer,
  verdicts: { A: value },
})

/** The team verdict on indicator A, the unit having met it. */
const majority = ({ lead, members }: { lead: VerdictValue | null; members: (VerdictValue | null)[] }) =>
  consolidate({
    mode: 'majority',
    model: 'points',
    reviews: [review({ reviewer: 'lead', isLead: true, value: lead }), ...members.map((value, index) => review({ reviewer: `m${index}`, value }))],
    unit: [{ code: 'A', points: 10, status: 'met' }],
  }).indicators[0]

describe('majority: the most frequent verdict, the lead breaking a tie it is part of', () => {
  it.each([
    { name: 'unanimity', lead: 8, members: [8, 8], value: 8 },
    { name: 'a reviewer alone', lead: null, members: [7], value: 7 },
    { name: 'reviewers who gave no verdict do not count', lead: null, members: [6, null, null], value: 6 },
    { name: 'a tie the lead is in', lead: 5, members: [5, 7, 7], value: 5 },
    { name: 'a tie the lead is not in', lead: 3, members: [5, 5, 7, 7], value: null },
    { name: 'a tie without the lead’s verdict', lead: null, members: [5, 7], value: null },
    { name: 'a clear majority against the lead', lead: 3, members: [5, 5], value: 5 },
  ])('$name → $value', ({ lead, members, value }) => {
    expect(majority({ lead, members }).value).toBe(value)
  })

  it('reviewers who gave no verdict are no disagreement', () => {
    expect(majority({ lead: 8, members: [null, 8] })).toMatchObject({ value: 8, hasReviewerDisagreement: false })
  })

  it('no verdict from the team differs from nothing the unit said', () => {
    expect(majority({ lead: null, members: [null] })).toMatchObject({ value: null, differsFromUnit: false, hasReviewerDisagreement: false })
  })
})

describe("lead mode: the lead's verdict, whatever the others say", () => {
  it('the lead outvoted two to one still decides', () => {
    const result = consolidate({
      mode: 'lead',
      model: 'pass-fail',
      reviews: [review({ reviewer: 'lead', isLead: true, value: false }), review({ reviewer: 'm1', value: true }), review({ reviewer: 'm2', value: true })],
      unit: [{ code: 'A', points: null, status: 'met' }],
    })
    expect(result.values).toEqual({ A: false })
  })
})

describe("the team against the unit's own assessment", () => {
  const against = ({ model, own, value }: { model: 'pass-fail' | 'points'; own: UnitIndicator; value: VerdictValue }) =>
    consolidate({ mode: 'lead', model, reviews: [review({ reviewer: 'lead', isLead: true, value })], unit: [{ ...own, code: 'A' }] }).indicators[0].differsFromUnit

  it.each([
    { model: 'pass-fail', own: { code: 'A', status: 'met', points: null }, value: true, differs: false },
    { model: 'pass-fail', own: { code: 'A', status: 'not-met', points: null }, value: false, differs: false },
    { model: 'pass-fail', own: { code: 'A', status: 'not-met', points: null }, value: true, differs: true },
    { model: 'pass-fail', own: { code: 'A', status: 'missing', points: null }, value: false, differs: true },
    { model: 'pass-fail', own: { code: 'A', status: 'missing', points: null }, value: true, differs: true },
    { model: 'points', own: { code: 'A', status: 'met', points: 10 }, value: 10, differs: false },
    { model: 'points', own: { code: 'A', status: 'not-met', points: 7 }, value: 7, differs: false },
    { model: 'points', own: { code: 'A', status: 'not-met', points: 7 }, value: 6, differs: true },
    { model: 'points', own: { code: 'A', status: 'missing', points: null }, value: 0, differs: true },
  ] as const)('$model: unit $own.status ($own.points), team $value → differs: $differs', ({ model, own, value, differs }) => {
    expect(against({ model, own, value })).toBe(differs)
  })
})

describe('checkConsolidationComplete', () => {
  it('a verdict on every indicator lets the review close', () => {
    const consolidation = consolidate({
      mode: 'lead',
      model: 'pass-fail',
      reviews: [{ isLead: true, reviewer: 'lead', verdicts: { A: true, B: false } }],
      unit: [
        { code: 'A', points: null, status: 'met' },
        { code: 'B', points: null, status: 'met' },
      ],
    })
    expect(checkConsolidationComplete({ consolidation })).toEqual([])
  })

  it('lists every undecided indicator on the verdicts', () => {
    const consolidation = consolidate({
      mode: 'majority',
      model: 'pass-fail',
      reviews: [{ isLead: false, reviewer: 'm1', verdicts: { B: true } }],
      unit: [
        { code: 'A', points: null, status: 'met' },
        { code: 'B', points: null, status: 'met' },
        { code: 'C', points: null, status: 'not-met' },
      ],
    })
    expect(checkConsolidationComplete({ consolidation })).toEqual([
      {
        code: 'undecided-indicators',
        path: ['verdicts'],
        message: 'Chưa có kết luận của đoàn cho chỉ tiêu: A, C (chưa ai đánh giá, hoặc ý kiến ngang nhau mà trưởng đoàn chưa đánh giá).',
        severity: 'error',
      },
    ])
  })
})

describe('verdictSet is itself a valid criteria set', () => {
  it.each([
    { name: 'pass-fail level 2', input: passFailInput({ level: 2, prerequisiteLevel: 1 }) },
    { name: 'points', input: pointsInput() },
  ])('$name', ({ input }) => {
    const verdicts = verdictSet({ set: mustValidate(input) })
    expect(validateCriteriaSet(verdicts)).toEqual({ ok: true, set: verdicts })
  })
})
