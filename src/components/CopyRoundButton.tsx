'use client'
/** "Sao chép sang năm sau": creates next year's round as a draft and opens it. */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export const CopyRoundButton = () => {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<{ text: string; href?: string } | null>(null)
  const [isBusy, setBusy] = useState(false)
  if (!id) return null
  const copy = async () => {
    setBusy(true)
    const response = await fetch(`/api/rounds/${id}/copy-to-next-year`, { credentials: 'include', method: 'POST' })
    const body = (await response.json().catch(() => ({}))) as { doc?: { id: number }; errors?: { message: string }[] }
    if (response.status === 201 && body.doc) {
      window.location.assign(`/admin/collections/rounds/${body.doc.id}`)
      return
    }
    setMessage({ href: body.doc ? `/admin/collections/rounds/${body.doc.id}` : undefined, text: body.errors?.[0]?.message ?? `Không sao chép được (mã ${response.status}).` })
    setBusy(false)
  }
  return (
    <div className="copy-round" style={{ marginBottom: 24 }}>
      <button className="btn btn--style-secondary btn--size-small" disabled={isBusy} onClick={() => void copy()} type="button">
        Sao chép sang năm sau
      </button>
      <p style={{ fontSize: 12, margin: '4px 0' }}>Giữ kế hoạch, đoàn đánh giá, thành phần hồ sơ; mọi ngày lùi một năm; chọn bộ tiêu chí mới nhất đã xuất bản.</p>
      {message ? (
        <p role="alert">
          {message.text} {message.href ? <a href={message.href}>Mở đợt đó</a> : null}
        </p>
      ) : null}
    </div>
  )
}
