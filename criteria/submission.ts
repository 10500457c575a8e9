/**
 * What a self-assessment needs before the unit may send it (DESIGN.md "Self-assessment workflow"):
 * every applicable indicator answered, and evidence or an explanation wherever the indicator asks
 * for evidence. Whether it is met does not matter here: a unit may submit a dossier that falls
 * short, and the authority decides. The deadline is checked with `checkDeadline`.
 */
import type { Issue } from './issues'
import { makeError } from './issues'
import type { EvaluationReport } from './results'

export type SubmissionAnswer = {
  code: string
  evidenceRequired: boolean
  evidenceCount: number
  explanation: string | null | undefined
}

/** Issues have the path `['answers', indicatorCode, field]`, for the caller to map to its rows. */
export const checkSubmission = ({
  report,
  answers,
}: {
  report: Pick<EvaluationReport, 'indicators'>
  answers: readonly SubmissionAnswer[]
}): Issue[] => {
  const byCode = new Map(answers.map((answer) => [answer.code, answer]))
  const issues: Issue[] = []
  for (const indicator of report.indicators) {
    if (indicator.status === 'not-applicable') continue
    if (indicator.status === 'missing') {
      issues.push(
        makeError({
          code: 'answer-missing',
          path: ['answers', indicator.code, 'value'],
          message: `Chỉ tiêu ${indicator.code} chưa được trả lời.`,
        }),
      )
    }
    const answer = byCode.get(indicator.code)
    const hasExplanation = (answer?.explanation ?? '').trim() !== ''
    if (answer?.evidenceRequired && answer.evidenceCount === 0 && !hasExplanation) {
      issues.push(
        makeError({
          code: 'evidence-missing',
          path: ['answers', indicator.code, 'evidence'],
          message: `Chỉ tiêu ${indicator.code} cần minh chứng: đính kèm tệp minh chứng hoặc ghi giải trình.`,
        }),
      )
    }
  }
  return issues
}
