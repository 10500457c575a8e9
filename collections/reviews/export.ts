/** «Xuất Excel» of the reviews list: one line per indicator verdict, with the review's recommendation. */
import { exportEndpoint, titleOf, titlesOf } from '../exportSheet'

type Verdict = { indicator?: string | null; text?: string | null; unitAnswer?: string | null; verdict?: string | null; points?: number | null; comment?: string | null }

const verdictLabels: Record<string, string> = { met: 'Đạt', 'not-met': 'Không đạt' }
const recommendationLabels: Record<string, string> = { 'not-recognise': 'Không đề nghị công nhận', recognise: 'Đề nghị công nhận', supplement: 'Yêu cầu bổ sung hồ sơ' }

const label = (table: Record<string, string>, value: unknown) => (typeof value === 'string' ? (table[value] ?? value) : null)

export const reviewsExportEndpoint = exportEndpoint({
  filename: 'phieu-danh-gia.xlsx',
  select: { recommendation: true, recommendationNote: true, reviewer: true, round: true, unit: true, verdicts: true },
  sheets: async ({ req, docs }) => {
    const [units, rounds, reviewers] = await Promise.all([
      titlesOf({ collection: 'units', req, values: docs.map((doc) => doc.unit) }),
      titlesOf({ collection: 'rounds', req, values: docs.map((doc) => doc.round) }),
      titlesOf({ collection: 'users', req, values: docs.map((doc) => doc.reviewer) }),
    ])
    return [
      {
        columns: [
          { header: 'Đợt đánh giá', width: 36 },
          { header: 'Đơn vị', width: 40 },
          { header: 'Thành viên đoàn', width: 26 },
          { header: 'Chỉ tiêu', width: 10 },
          { header: 'Nội dung chỉ tiêu', width: 60 },
          { header: 'Đơn vị trả lời', width: 20 },
          { header: 'Kết luận', width: 14 },
          { header: 'Điểm chấm', width: 12 },
          { header: 'Nhận xét', width: 40 },
          { header: 'Đề xuất của phiếu', width: 26 },
        ],
        name: 'Kết luận',
        rows: docs.flatMap((doc) =>
          ((doc.verdicts as Verdict[] | null) ?? []).map((verdict) => [
            titleOf(rounds, doc.round),
            titleOf(units, doc.unit),
            titleOf(reviewers, doc.reviewer),
            verdict.indicator ?? null,
            verdict.text ?? null,
            verdict.unitAnswer ?? null,
            label(verdictLabels, verdict.verdict),
            verdict.points ?? null,
            verdict.comment ?? null,
            label(recommendationLabels, doc.recommendation),
          ]),
        ),
      },
    ]
  },
  slug: 'reviews',
  sort: 'id',
})
