'use client'
/**
 * "Đạt tất cả": every indicator the reviewer has not given a verdict yet becomes Đạt; those already
 * given (a Không đạt, say) stay as they are, and any row can be changed afterwards. Nothing is
 * saved until "Lưu".
 */
import { useAllFormFields, useForm } from '@payloadcms/ui'

export const AllMetButton = () => {
  const [fields, dispatchFields] = useAllFormFields()
  const { setModified } = useForm()
  const model = fields.model?.value
  const empty = Object.entries(fields).filter(([path, field]) => /^verdicts\.\d+\.verdict$/.test(path) && !field?.value)
  const total = Object.keys(fields).filter((path) => /^verdicts\.\d+\.verdict$/.test(path)).length
  if (model === 'points' || total === 0 || fields.conflictOfInterest?.value) return null
  const markAll = () => {
    for (const [path] of empty) dispatchFields({ path, type: 'UPDATE', value: 'met' })
    setModified(true)
  }
  return (
    <div className="all-met" style={{ alignItems: 'center', display: 'flex', gap: 12, marginBottom: 16 }}>
      <button className="btn btn--style-secondary btn--size-small" data-testid="all-met" disabled={empty.length === 0} onClick={markAll} style={{ margin: 0 }} type="button">
        Đạt tất cả
      </button>
      <span style={{ color: 'var(--theme-elevation-600)' }}>
        {empty.length === 0 ? `Đã cho ý kiến đủ ${total} chỉ tiêu.` : `${empty.length}/${total} chỉ tiêu chưa cho ý kiến sẽ thành «Đạt»; sửa từng chỉ tiêu sau nếu cần, rồi bấm Lưu.`}
      </span>
    </div>
  )
}
