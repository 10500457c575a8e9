import { describe, expect, it } from 'vitest'

import { checkSubmission } from '@criteria/submission'
import type { IndicatorResult, IndicatorStatus } from '@criteria/results'

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
  it('a complete dossier with evidence or explanations passes, met or not', () => {
    const issues = checkSubmission({
      answers: [
        { code: 'A', evidenceCount: 1, evidenceRequired: true, explanation: null },
        { code: 'B', evidenceCount: 0, evidenceRequired: true, explanation: 'Hồ sơ giấy lưu tại đơn vị.' },
        { code: 'C', evidenceCount: 0, evidenceRequired: false, explanation: '' },
      ],
      report: { indicators: [indicator('A', 'met'), indicator('B', 'not-met'), indicator('C', 'met')] },
    })
    expect(issues).toEqual([])
  })

  it('names each unanswered indicator and each missing evidence', () => {
    const issues = checkSubmission({
      answers: [
        { code: 'A', evidenceCount: 0, evidenceRequired: true, explanation: '   ' },
        { code: 'B', evidenceCount: 0, evidenceRequired: false, explanation: null },
      ],
      report: { indicators: [indicator('A', 'met'), indicator('B', 'missing')] },
    })
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['evidence-missing', 'answers.A.evidence'],
      ['answer-missing', 'answers.B.value'],
    ])
    expect(issues[0].message).toContain('A')
  })

  it('indicators not applicable to the unit need neither an answer nor evidence', () => {
    const issues = checkSubmission({
      answers: [{ code: 'X', evidenceCount: 0, evidenceRequired: true, explanation: null }],
      report: { indicators: [indicator('X', 'not-applicable')] },
    })
    expect(issues).toEqual([])
  })
})
