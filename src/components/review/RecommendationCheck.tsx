'use client'
/**
 * Under the recommendation: a warning when it goes against the reviewer's own verdicts (recognition
 * proposed with an indicator Không đạt, or refused with every indicator Đạt), asking for the reason
 * in "Ý kiến chung". It does not block: the team's consolidated result is what the decision follows.
 */
import { useAllFormFields } from '@payloadcms/ui'

export const RecommendationCheck = () => {
  const [fields] = useAllFormFields()
  const recommendation = fields.recommendation?.value
  const verdicts = Object.entries(fields).filter(([path]) => /^verdicts\.\d+\.verdict$/.test(path)).map(([, field]) => field?.value)
  const notMet = verdicts.filter((verdict) => verdict === 'not-met').length
  const allMet = verdicts.length > 0 && verdicts.every((verdict) => verdict === 'met')
  const note = String(fields.recommendationNote?.value ?? '').trim()
  let warning: string | null = null
  if (recommendation === 'recognise' && notMet > 0) warning = `Phiếu có ${notMet} chỉ tiêu «Không đạt» nhưng đề nghị công nhận.`
  if (recommendation === 'not-recognise' && allMet) warning = 'Mọi chỉ tiêu đều «Đạt» nhưng không đề nghị công nhận.'
  if (!warning) return null
  return (
    <p className="recommendation-check" data-testid="recommendation-check" role="status" style={{ color: 'var(--theme-warning-700, #b54708)', marginTop: -8 }}>
      {warning} {note ? 'Lý do đã ghi ở «Ý kiến chung».' : 'Ghi rõ lý do ở «Ý kiến chung».'}
    </p>
  )
}
