'use client'
/** A dossier slot of a self-assessment: the document the round asks for, whether it is required, and how many files it holds. */
import { useRowLabel } from '@payloadcms/ui'

type SlotRow = { title?: string | null; isRequired?: boolean | null; files?: unknown[] | null }

export const DossierSlotRowLabel = () => {
  const { data, rowNumber } = useRowLabel<SlotRow>()
  const count = (data?.files ?? []).length
  const isMissing = Boolean(data?.isRequired) && count === 0
  return (
    <span className="dossier-slot-label" data-missing={isMissing ? 'true' : 'false'}>
      <strong>{data?.title || `Tài liệu ${(rowNumber ?? 0) + 1}`}</strong>
      <span style={{ color: data?.isRequired ? 'var(--theme-error-500, #c62828)' : 'var(--theme-elevation-500)', marginLeft: 8 }}>{data?.isRequired ? '(bắt buộc)' : '(không bắt buộc)'}</span>
      <span style={{ color: isMissing ? 'var(--theme-warning-650, #b35900)' : 'var(--theme-success-650, #2e7d32)', marginLeft: 8 }}>
        {count === 0 ? '• Chưa đính kèm' : `✓ ${count} tệp`}
      </span>
    </span>
  )
}
