'use client'
/** An answer row of a self-assessment: the indicator's code, how it stands, and the start of its wording. */
import { useRowLabel } from '@payloadcms/ui'

type AnswerRow = { indicator?: string | null; isApplicable?: boolean | null; maxPoints?: number | null; status?: string | null; text?: string | null }

const statusText: Record<string, { label: string; color: string }> = {
  met: { color: 'var(--theme-success-650, #2e7d32)', label: '✓ Đạt' },
  missing: { color: 'var(--theme-warning-650, #b35900)', label: '• Chưa trả lời' },
  'not-applicable': { color: 'var(--theme-elevation-500)', label: '— Không áp dụng' },
  'not-met': { color: 'var(--theme-error-500, #c62828)', label: '✗ Chưa đạt' },
}

export const AnswerRowLabel = () => {
  const { data, rowNumber } = useRowLabel<AnswerRow>()
  const text = (data?.text ?? '').trim()
  const excerpt = text.length > 80 ? `${text.slice(0, 80)}…` : text
  const status = statusText[data?.status ?? (data?.isApplicable === false ? 'not-applicable' : 'missing')]
  return (
    <span className="answer-row-label" data-indicator={data?.indicator ?? ''}>
      <strong>{data?.indicator || `Chỉ tiêu ${(rowNumber ?? 0) + 1}`}</strong>
      {status ? <span style={{ color: status.color, marginLeft: 8 }}>{status.label}</span> : null}
      {typeof data?.maxPoints === 'number' ? <span style={{ marginLeft: 8 }}>(tối đa {data.maxPoints} điểm)</span> : null}
      {excerpt ? <span style={{ marginLeft: 8 }}>{excerpt}</span> : null}
    </span>
  )
}
