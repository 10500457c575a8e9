'use client'
/** «Gửi lại» on a failed message: puts it back in the queue (POST /api/outbox/{id}/resend) and reloads. */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export const ResendButton = () => {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  if (!id) return null
  const resend = async () => {
    setBusy(true)
    const response = await fetch(`/api/outbox/${id}/resend`, { credentials: 'include', method: 'POST' })
    const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
    if (response.ok) {
      window.location.reload()
      return
    }
    setMessage(body.errors?.[0]?.message ?? `Không gửi lại được (mã ${response.status}).`)
    setBusy(false)
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <button className="btn btn--style-primary btn--size-small" disabled={isBusy} onClick={() => void resend()} type="button">
        Gửi lại
      </button>
      <p style={{ fontSize: 12, margin: '4px 0' }}>Đưa thư vào hàng đợi; hệ thống thử gửi lại trong vòng một phút.</p>
      {message ? <p role="alert">{message}</p> : null}
    </div>
  )
}
