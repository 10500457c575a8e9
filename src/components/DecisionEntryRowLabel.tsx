'use client'
/**
 * A decision's row: its number, the unit's name and what it is recognised as — a district issuing
 * thirty at once reads "3. UBND xã Quý Quân — Đơn vị học tập Mức độ 1", not "Đơn vị 03". The name is
 * read once per unit with the viewer's own access (a unit they may not read keeps the number only).
 */
import { useRowLabel } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type EntryRow = { isRemoved?: boolean | null; outcomeLabel?: string | null; unit?: number | string | { id?: number | string; name?: string } | null }

const names = new Map<string, Promise<string | null>>()

const nameOf = (id: string) => {
  if (!names.has(id)) {
    names.set(
      id,
      fetch(`/api/units/${encodeURIComponent(id)}?depth=0&select[name]=true`, { credentials: 'include' })
        .then((response) => (response.ok ? response.json() : null))
        .then((unit: { name?: unknown } | null) => (typeof unit?.name === 'string' ? unit.name : null))
        .catch(() => null),
    )
  }
  return names.get(id) as Promise<string | null>
}

export const DecisionEntryRowLabel = () => {
  const { data, rowNumber } = useRowLabel<EntryRow>()
  const unit = data?.unit
  const unitId = unit === null || unit === undefined ? null : typeof unit === 'object' ? (unit.id ?? null) : unit
  const [name, setName] = useState<string | null>(typeof unit === 'object' && unit?.name ? unit.name : null)
  useEffect(() => {
    if (unitId === null || name) return
    let isCurrent = true
    void nameOf(String(unitId)).then((found) => {
      if (isCurrent) setName(found)
    })
    return () => {
      isCurrent = false
    }
  }, [unitId, name])
  const number = (rowNumber ?? 0) + 1
  return (
    <span className="decision-entry-row-label" style={data?.isRemoved ? { color: 'var(--theme-elevation-500)' } : undefined}>
      <strong>
        {number}. {name ?? (unitId === null ? 'Đơn vị mới' : 'Đơn vị')}
      </strong>
      {data?.outcomeLabel ? <span style={{ marginLeft: 8 }}>— {data.outcomeLabel}</span> : null}
      {data?.isRemoved ? <span style={{ marginLeft: 8 }}>(đưa ra khỏi quyết định)</span> : null}
    </span>
  )
}
