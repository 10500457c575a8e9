'use client'
/** An indicator's row in the criteria-set editor: its code, the start of its wording, and a warning when unverified. */
import { useRowLabel } from '@payloadcms/ui'

type IndicatorRow = { code?: string | null; isVerified?: boolean | null; text?: string | null }

export const IndicatorRowLabel = () => {
  const { data, rowNumber } = useRowLabel<IndicatorRow>()
  const text = (data?.text ?? '').trim()
  const excerpt = text.length > 70 ? `${text.slice(0, 70)}…` : text
  return (
    <span className="indicator-row-label">
      <strong>{data?.code || `Chỉ tiêu ${(rowNumber ?? 0) + 1}`}</strong>
      {excerpt ? ` — ${excerpt}` : ''}
      {data?.isVerified ? null : (
        <span className="indicator-row-label__unverified" style={{ color: 'var(--theme-warning-650, #b35900)', marginLeft: 8 }}>
          ⚠ chưa đối chiếu văn bản gốc
        </span>
      )}
    </span>
  )
}
