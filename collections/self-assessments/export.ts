/**
 * «Xuất Excel» of the self-assessments list (filter it by round for «a round's self-assessments»):
 * a sheet of the dossiers (unit, round, status) and a sheet of every indicator's answer — the
 * value the unit gave and the indicator's status as the evaluation computed it.
 */
import { indicatorStatusLabels, statusLabels } from '@criteria/index'

import { exportEndpoint, titleOf, titlesOf, vietnameseDay } from '../exportSheet'

import { storedAnswersOf } from './storedRows'

type Answer = {
  indicator?: string | null
  criterion?: string | null
  text?: string | null
  isApplicable?: boolean | null
  status?: string | null
  yesNo?: string | null
  numerator?: number | null
  denominator?: number | null
  points?: number | null
  rank?: string | null
  explanation?: string | null
}

/** What the unit answered, as it reads in the form. */
export const answerValue = (answer: Answer): string | number | null => {
  if (answer.isApplicable === false) return 'Không áp dụng'
  if (answer.yesNo) return answer.yesNo === 'yes' ? 'Đạt' : 'Không đạt'
  if (answer.numerator !== null && answer.numerator !== undefined) return `${answer.numerator}/${answer.denominator ?? '?'}`
  if (answer.points !== null && answer.points !== undefined) return answer.points
  return answer.rank ?? null
}

const label = (table: Record<string, string>, value: unknown) => (typeof value === 'string' ? (table[value] ?? value) : null)

export const selfAssessmentsExportEndpoint = exportEndpoint({
  filename: 'ho-so-tu-danh-gia.xlsx',
  // the answer rows are read apart, in one SELECT (./storedRows.ts)
  select: { round: true, status: true, submittedAt: true, unit: true },
  sheets: async ({ req, docs }) => {
    const units = await titlesOf({ collection: 'units', req, values: docs.map((doc) => doc.unit) })
    const rounds = await titlesOf({ collection: 'rounds', req, values: docs.map((doc) => doc.round) })
    const answersOf = await storedAnswersOf({ ids: docs.map((doc) => Number(doc.id)), req })
    const answers = (doc: Record<string, unknown>): Answer[] => answersOf.get(Number(doc.id)) ?? []
    const head = (doc: Record<string, unknown>) => [titleOf(rounds, doc.round), titleOf(units, doc.unit)]
    return [
      {
        columns: [
          { header: 'Đợt đánh giá', width: 36 },
          { header: 'Đơn vị', width: 40 },
          { header: 'Trạng thái hồ sơ', width: 22 },
          { header: 'Nộp ngày', width: 14 },
          { header: 'Số chỉ tiêu đạt', width: 14 },
          { header: 'Số chỉ tiêu không đạt', width: 18 },
        ],
        name: 'Hồ sơ',
        rows: docs.map((doc) => {
          const rows = answers(doc)
          return [...head(doc), label(statusLabels, doc.status), vietnameseDay(doc.submittedAt), rows.filter((answer) => answer.status === 'met').length, rows.filter((answer) => answer.status === 'not-met').length]
        }),
      },
      {
        columns: [
          { header: 'Đợt đánh giá', width: 36 },
          { header: 'Đơn vị', width: 40 },
          { header: 'Tiêu chí', width: 10 },
          { header: 'Chỉ tiêu', width: 10 },
          { header: 'Nội dung chỉ tiêu', width: 60 },
          { header: 'Đơn vị tự đánh giá', width: 20 },
          { header: 'Kết quả chỉ tiêu', width: 18 },
          { header: 'Giải trình', width: 40 },
        ],
        name: 'Chỉ tiêu',
        rows: docs.flatMap((doc) =>
          answers(doc).map((answer) => [
            ...head(doc),
            answer.criterion ?? null,
            answer.indicator ?? null,
            answer.text ?? null,
            answerValue(answer),
            label(indicatorStatusLabels, answer.status),
            answer.explanation ?? null,
          ]),
        ),
      },
    ]
  },
  slug: 'self-assessments',
  sort: 'id',
})
