'use client'
/**
 * One click that creates a record and opens it: "Bắt đầu tự đánh giá" (the unit's dossier for the
 * right round and set) or "Tạo phiếu đánh giá" (the reviewer's review of a dossier). A refusal is
 * shown in Vietnamese as the server wrote it; nothing is created twice while the request runs.
 */
import { useState } from 'react'

export const CreateAndOpen = ({
  collection,
  data,
  label,
  isPrimary = true,
  testId,
}: {
  collection: 'self-assessments' | 'reviews'
  data: Record<string, unknown>
  label: string
  isPrimary?: boolean
  testId?: string
}) => {
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const create = async () => {
    setBusy(true)
    setError(null)
    const response = await fetch(`/api/${collection}?depth=0`, {
      body: JSON.stringify(data),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    }).catch(() => null)
    const body = (await response?.json().catch(() => ({}))) as { doc?: { id: number }; errors?: { message: string; data?: { errors?: { message: string }[] } }[] } | undefined
    if (response && response.status === 201 && body?.doc) {
      window.location.assign(`/admin/collections/${collection}/${body.doc.id}`)
      return
    }
    const detail = body?.errors?.[0]?.data?.errors?.map((item) => item.message).join(' ') || body?.errors?.[0]?.message
    setError(detail ?? (response ? `Không tạo được (mã ${response.status}).` : 'Không kết nối được máy chủ; thử lại sau.'))
    setBusy(false)
  }
  return (
    <span className="dashboard-create">
      <button className={`btn btn--size-small ${isPrimary ? 'btn--style-primary' : 'btn--style-secondary'}`} data-testid={testId} disabled={isBusy} onClick={() => void create()} type="button">
        {isBusy ? 'Đang tạo…' : label}
      </button>
      {error ? (
        <span className="dashboard-create__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  )
}
