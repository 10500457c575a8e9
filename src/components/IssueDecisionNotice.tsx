'use client'
/**
 * Under a decision's status: once "Đã ban hành" is chosen and not yet saved, what saving will do —
 * the units listed go into the register, and the decision can no longer be changed, only revoked by
 * another decision. Read before the final click.
 */
import { useAllFormFields, useFormModified } from '@payloadcms/ui'

export const IssueDecisionNotice = () => {
  const [fields] = useAllFormFields()
  const isModified = useFormModified()
  const status = fields.status?.value
  const entries = Object.keys(fields).filter((path) => /^entries\.\d+\.id$/.test(path)).length
  if (status !== 'issued' || !isModified) return null
  return (
    <div className="issue-decision-notice" data-testid="issue-decision-notice" role="status" style={{ border: '1px solid var(--theme-warning-500, #f79009)', borderRadius: 4, marginBottom: 24, padding: '8px 12px' }}>
      <strong>Bấm «Lưu» để ban hành quyết định.</strong>
      <div>
        {entries > 0 ? `${entries} đơn vị trong quyết định được ghi vào sổ công nhận` : 'Các đơn vị trong quyết định được ghi vào sổ công nhận'}; sau khi ban hành không sửa được, chỉ thu hồi bằng một quyết định khác.
      </div>
    </div>
  )
}
