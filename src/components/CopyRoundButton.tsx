'use client'
/**
 * "Sao chép sang năm sau": creates next year's round as a draft and opens it. Above the button,
 * what changed in the map since this round (GET /api/rounds/{id}/changes): units added, merged or
 * deactivated, and the accounts left without a unit — to settle before the new year opens.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState, type ReactNode } from 'react'

type Row = { id: number; name: string; code?: string | null }
type Changes = {
  added: Row[]
  merged: (Row & { mergedIntoName: string | null })[]
  deactivated: Row[]
  accountsWithoutUnit: { id: number; email: string; name: string | null; unitName: string | null }[]
}

const unitLink = (row: Row) => <a href={`/admin/collections/units/${row.id}`}>{row.name}</a>

const ChangeList = ({ title, rows, render }: { title: string; rows: unknown[]; render: (row: never) => ReactNode }) =>
  rows.length === 0 ? null : (
    <div style={{ fontSize: 12, margin: '4px 0' }}>
      <strong>
        {title} ({rows.length}):
      </strong>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {rows.slice(0, 50).map((row, index) => (
          <li key={index}>{render(row as never)}</li>
        ))}
        {rows.length > 50 ? <li>… và {rows.length - 50} mục khác</li> : null}
      </ul>
    </div>
  )

export const CopyRoundButton = () => {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<{ text: string; href?: string } | null>(null)
  const [isBusy, setBusy] = useState(false)
  const [changes, setChanges] = useState<Changes | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/rounds/${id}/changes`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Changes>) : null))
      .then(setChanges)
      .catch(() => setChanges(null))
  }, [id])
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
  const isUnchanged = changes !== null && [changes.added, changes.merged, changes.deactivated, changes.accountsWithoutUnit].every((rows) => rows.length === 0)
  return (
    <div className="copy-round" style={{ marginBottom: 24 }}>
      {changes ? (
        <div data-testid="round-changes" style={{ marginBottom: 8 }}>
          <p style={{ fontSize: 12, fontWeight: 600, margin: '4px 0' }}>Thay đổi về đơn vị kể từ khi lập đợt này</p>
          {isUnchanged ? <p style={{ fontSize: 12, margin: '4px 0' }}>Không có đơn vị nào được thêm, sáp nhập hay ngừng hoạt động.</p> : null}
          <ChangeList render={(row: Row) => unitLink(row)} rows={changes.added} title="Đơn vị mới" />
          <ChangeList render={(row: Changes['merged'][number]) => <>{unitLink(row)} → {row.mergedIntoName ?? 'đơn vị khác'}</>} rows={changes.merged} title="Đơn vị đã sáp nhập" />
          <ChangeList render={(row: Row) => unitLink(row)} rows={changes.deactivated} title="Đơn vị ngừng hoạt động" />
          <ChangeList
            render={(row: Changes['accountsWithoutUnit'][number]) => (
              <>
                <a href={`/admin/collections/users/${row.id}`}>{row.name || row.email}</a> ({row.email}) — {row.unitName}
              </>
            )}
            rows={changes.accountsWithoutUnit}
            title="Tài khoản không còn đơn vị"
          />
        </div>
      ) : null}
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
