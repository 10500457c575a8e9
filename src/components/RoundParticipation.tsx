'use client'
/** In a round's sidebar: how many units are at each status, and which have not started yet. */
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { statusLabels } from '@criteria/workflow'

type Participation = { counts: Record<string, number>; notStarted: { id: number; name: string }[]; units: unknown[] }

export const RoundParticipation = () => {
  const { id } = useDocumentInfo()
  const [data, setData] = useState<Participation | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/rounds/${id}/participation`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then(setData)
  }, [id])
  if (!id || !data) return null
  const labels: Record<string, string> = { ...statusLabels, 'not-started': 'Chưa bắt đầu' }
  return (
    <div className="round-participation" data-testid="round-participation" style={{ marginBottom: 24 }}>
      <strong>Tình hình nộp hồ sơ ({data.units.length} đơn vị)</strong>
      <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
        {Object.entries(data.counts)
          .filter(([, count]) => count > 0)
          .map(([status, count]) => (
            <li key={status}>
              {labels[status] ?? status}: {count}
            </li>
          ))}
      </ul>
      <a href={`/admin/collections/self-assessments?where[round][equals]=${id}`}>Xem danh sách hồ sơ của đợt</a>
      {data.notStarted.length > 0 ? (
        <details style={{ marginTop: 8 }}>
          <summary>Đơn vị chưa bắt đầu ({data.notStarted.length})</summary>
          <ul data-testid="round-not-started" style={{ paddingLeft: 18 }}>
            {data.notStarted.map((unit) => (
              <li key={unit.id}>{unit.name}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
