'use client'
/** A reviewer's row: the indicator's code, the verdict given so far, and what the unit answered. */
import { useRowLabel } from '@payloadcms/ui'

type Row = { indicator?: string | null; points?: number | null; unitAnswer?: string | null; verdict?: string | null }

export const VerdictRowLabel = () => {
  const { data, rowNumber } = useRowLabel<Row>()
  const verdict = data?.verdict === 'met' ? '✓ Đạt' : data?.verdict === 'not-met' ? '✗ Không đạt' : typeof data?.points === 'number' ? `${data.points} điểm` : '• Chưa cho ý kiến'
  return (
    <span className="verdict-row-label">
      <strong>{data?.indicator || `Chỉ tiêu ${(rowNumber ?? 0) + 1}`}</strong>
      <span style={{ marginLeft: 8 }}>{verdict}</span>
      {data?.unitAnswer ? <span style={{ color: 'var(--theme-elevation-500)', marginLeft: 8 }}>— {data.unitAnswer}</span> : null}
    </span>
  )
}
