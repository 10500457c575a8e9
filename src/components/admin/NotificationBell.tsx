'use client'
/**
 * The bell in the admin header: how many of the user's own notifications are unread, and the latest
 * ones under it. Opening one marks it read (PATCH readAt, the only field its recipient writes) and
 * goes to the page to act on. Reads the outbox with the user's own access, every minute.
 */
import { useAuth } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

type Row = { id: number; subject: string; link?: string | null; readAt?: string | null; createdAt: string }

const when = (iso: string) => {
  const date = new Date(iso)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export const NotificationBell = () => {
  const { user } = useAuth()
  const [rows, setRows] = useState<Row[]>([])
  const [unread, setUnread] = useState(0)
  const [isOpen, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const userId = user?.id

  const load = useCallback(async () => {
    if (!userId) return
    const mine = `where[user][equals]=${userId}`
    const [list, count] = await Promise.all([
      fetch(`/api/outbox?${mine}&sort=-createdAt&limit=8&depth=0&select[subject]=true&select[link]=true&select[readAt]=true&select[createdAt]=true`, { credentials: 'include' }).then((response) => (response.ok ? response.json() : { docs: [] })),
      fetch(`/api/outbox/count?${mine}&where[readAt][exists]=false`, { credentials: 'include' }).then((response) => (response.ok ? response.json() : { totalDocs: 0 })),
    ])
    setRows((list as { docs: Row[] }).docs ?? [])
    setUnread((count as { totalDocs: number }).totalDocs ?? 0)
  }, [userId])

  useEffect(() => {
    void load()
    const timer = window.setInterval(() => void load(), 60_000)
    return () => window.clearInterval(timer)
  }, [load])

  useEffect(() => {
    if (!isOpen) return
    const close = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [isOpen])

  if (!userId) return null

  const open = async (row: Row) => {
    if (!row.readAt) {
      await fetch(`/api/outbox/${row.id}`, { body: JSON.stringify({ readAt: new Date().toISOString() }), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'PATCH' })
    }
    window.location.assign(row.link || `/admin/collections/outbox/${row.id}`)
  }

  return (
    <div className="notification-bell" ref={box}>
      <button
        aria-expanded={isOpen}
        aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        className="notification-bell__button"
        onClick={() => {
          setOpen(!isOpen)
          if (!isOpen) void load()
        }}
        title="Thông báo"
        type="button"
      >
        <svg aria-hidden="true" height="20" viewBox="0 0 24 24" width="20">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        {unread > 0 ? <span className="notification-bell__count">{unread > 99 ? '99+' : unread}</span> : null}
      </button>
      {isOpen ? (
        <div className="notification-bell__panel" role="menu">
          <p className="notification-bell__title">Thông báo {unread > 0 ? `(${unread} chưa đọc)` : ''}</p>
          {rows.length === 0 ? <p className="notification-bell__empty">Chưa có thông báo nào.</p> : null}
          <ul>
            {rows.map((row) => (
              <li key={row.id}>
                <button className={row.readAt ? 'notification-bell__item' : 'notification-bell__item notification-bell__item--unread'} onClick={() => void open(row)} role="menuitem" type="button">
                  <span>{row.subject}</span>
                  <small>{when(row.createdAt)}{row.readAt ? '' : ' · chưa đọc'}</small>
                </button>
              </li>
            ))}
          </ul>
          <a className="notification-bell__all" href="/admin/collections/outbox">
            Xem tất cả thông báo
          </a>
        </div>
      ) : null}
    </div>
  )
}
