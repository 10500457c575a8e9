'use client'
/** Sidebar notice on a criteria set: which indicators still rest on unverified text or values. */
import { useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

export const UnverifiedNotice: TextFieldClientComponent = ({ path }) => {
  const { value } = useField<string>({ path })
  const codes = (value ?? '').split(',').map((code) => code.trim()).filter(Boolean)
  if (codes.length === 0) {
    return <p className="unverified-notice unverified-notice--ok">Mọi chỉ tiêu đã được đối chiếu với văn bản gốc.</p>
  }
  return (
    <div
      className="unverified-notice"
      role="status"
      style={{ background: 'var(--theme-warning-100, #fff4e0)', borderRadius: 4, marginBottom: 16, padding: '8px 12px' }}
    >
      <strong>⚠ {codes.length} chỉ tiêu chưa đối chiếu văn bản gốc</strong>
      <p style={{ margin: '4px 0' }}>{codes.join(', ')}</p>
      <small>Kết quả đánh giá dựa trên các chỉ tiêu này sẽ kèm cảnh báo. Sau khi đối chiếu, đánh dấu “Đã đối chiếu văn bản gốc” ở từng chỉ tiêu.</small>
    </div>
  )
}
