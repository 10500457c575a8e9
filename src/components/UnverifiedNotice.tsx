'use client'
/**
 * Sidebar notice on a criteria set: which indicators are still unsettled — neither checked against
 * the official text nor confirmed by a local document for their current value — and why, read from
 * the form as it stands (collections/criteria-sets/settlement.ts, the same reading the server's
 * gates use). A round cannot open on the set, nor a decision be issued on it, until the list is empty.
 */
import { useAllFormFields, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useMemo } from 'react'

import { unsettledOfDoc } from '@collections/criteria-sets/settlement'
import { formToDoc, type FormFields } from '@collections/criteria-sets/formToDoc'
import type { CriteriaSetDoc } from '@collections/criteria-sets/toCriteriaSet'

export const UnverifiedNotice: TextFieldClientComponent = ({ path }) => {
  const { value } = useField<string>({ path })
  const [fields] = useAllFormFields()
  const unsettled = useMemo(() => {
    try {
      return unsettledOfDoc({ doc: formToDoc(fields as FormFields) as CriteriaSetDoc })
    } catch {
      return null
    }
  }, [fields])
  const unverified = (value ?? '').split(',').map((code) => code.trim()).filter(Boolean)

  if (unsettled !== null && unsettled.length === 0) {
    return (
      <p className="unverified-notice unverified-notice--ok" data-testid="unsettled-notice">
        {unverified.length === 0
          ? 'Mọi chỉ tiêu đã được đối chiếu với văn bản gốc.'
          : `Mọi chỉ tiêu đã được đối chiếu văn bản gốc hoặc được địa phương xác nhận (${unverified.length} chỉ tiêu theo văn bản của địa phương).`}
      </p>
    )
  }
  return (
    <div
      className="unverified-notice"
      data-testid="unsettled-notice"
      role="status"
      style={{ background: 'var(--theme-warning-100, #fff4e0)', borderRadius: 4, marginBottom: 16, padding: '8px 12px' }}
    >
      <strong>⚠ {unsettled === null ? unverified.length : unsettled.length} chỉ tiêu chưa xác định</strong>
      {unsettled === null ? (
        <p style={{ margin: '4px 0' }}>{unverified.join(', ')}</p>
      ) : (
        <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
          {unsettled.map((entry) => (
            <li key={`${entry.criterionCode}:${entry.code}`}>
              <strong>{entry.code}</strong>: {entry.reason}
            </li>
          ))}
        </ul>
      )}
      <small>
        Có thể thử đánh giá, nhưng chưa mở đợt đánh giá và chưa ban hành quyết định công nhận được trên các chỉ tiêu này. Với mỗi chỉ tiêu: nhập ngưỡng (hoặc hướng dẫn chấm điểm)
        rồi chọn văn bản của địa phương ở «Xác nhận của địa phương» và Lưu; hoặc, sau khi đối chiếu văn bản gốc, đánh dấu «Đã đối chiếu văn bản gốc».
      </small>
    </div>
  )
}
