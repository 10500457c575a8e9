/**
 * What stops a unit from sending its dossier, case by case: the exact messages on the exact rows,
 * an indicator with no answer row at all, and explanations that are empty in every way a form can
 * send them.
 */
import { describe, expect, it } from 'vitest'

import type { IndicatorResult, IndicatorStatus } from '@criteria/results'
import { checkSubmission } from '@criteria/submission'

const indicator = (code: string, status: IndicatorStatus): IndicatorResult => ({
  code,
  criterion: 'TC1',
  isVerified: true,
  confirmation: null,
  maxPoints: null,
  points: null,
  status,
})

describe('checkSubmission', () => {
  it('an indicator left unanswered is named on its value, even when the form sent no row for it', () => {
    expect(checkSubmission({ answers: [], report: { indicators: [indicator('TC2.CT1', 'missing')] } })).toEqual([
      { code: 'answer-missing', path: ['answers', 'TC2.CT1', 'value'], message: 'Chỉ tiêu TC2.CT1 chưa được trả lời.', severity: 'error' },
    ])
  })

  it('an answered indicator with no row needs no evidence', () => {
    expect(checkSubmission({ answers: [], report: { indicators: [indicator('TC2.CT1', 'met')] } })).toEqual([])
  })

  it.each([null, undefined, '', ' \n '])('evidence required, none attached and explanation %j: refused on the evidence', (explanation) => {
    expect(
      checkSubmission({
        answers: [{ code: 'TC3.CT2', evidenceCount: 0, evidenceRequired: true, explanation }],
        report: { indicators: [indicator('TC3.CT2', 'not-met')] },
      }),
    ).toEqual([
      {
        code: 'evidence-missing',
        path: ['answers', 'TC3.CT2', 'evidence'],
        message: 'Chỉ tiêu TC3.CT2 cần minh chứng: đính kèm tệp minh chứng hoặc ghi giải trình.',
        severity: 'error',
      },
    ])
  })

  it('an unanswered indicator that also lacks its evidence gets both issues', () => {
    const issues = checkSubmission({
      answers: [{ code: 'A', evidenceCount: 0, evidenceRequired: true, explanation: null }],
      report: { indicators: [indicator('A', 'missing')] },
    })
    expect(issues.map((issue) => issue.code)).toEqual(['answer-missing', 'evidence-missing'])
  })
})
