'use client'
/**
 * "Tạo bản sao cho tỉnh/huyện": an authority-admin makes its own province's or district's copy of any
 * set it can read (a national one included) to change a threshold or add a local indicator; the
 * copy is a draft owned by the admin's authority and opens at once.
 */
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Me = { roles?: string[] | null }

export const CopySetButton = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<Me>()
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const roles = user?.roles ?? []
  if (!id || !(roles.includes('admin') || roles.includes('authority-admin'))) return null
  const copy = async () => {
    setBusy(true)
    setMessage(null)
    const response = await fetch(`/api/criteria-sets/${id}/duplicate?draft=true&depth=0`, { credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    const body = (await response.json().catch(() => ({}))) as { doc?: { id: number }; errors?: { message: string }[] }
    if (response.ok && body.doc) {
      window.location.assign(`/admin/collections/criteria-sets/${body.doc.id}`)
      return
    }
    setMessage(body.errors?.map((error) => error.message).join(' ') || `Không tạo được bản sao (mã ${response.status}).`)
    setBusy(false)
  }
  return (
    <div className="copy-set" data-testid="copy-set" style={{ marginBottom: 24 }}>
      <button className="btn btn--style-secondary btn--size-small" disabled={isBusy} onClick={() => void copy()} type="button">
        {isBusy ? 'Đang tạo bản sao…' : 'Tạo bản sao cho tỉnh/huyện'}
      </button>
      <p style={{ fontSize: 12, margin: '4px 0' }}>
        Bản sao là bản nháp của cấp quản lý của bạn: sửa ngưỡng, thêm chỉ tiêu riêng, xác nhận chỉ tiêu chưa rõ, rồi xuất bản. Bộ gốc không thay đổi.
      </p>
      {message ? <p role="alert">{message}</p> : null}
    </div>
  )
}
