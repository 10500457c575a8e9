'use client'
/** A row of a round's plan: its number, the start of the task and its timing as written in the plan. */
import { useRowLabel } from '@payloadcms/ui'

type PlanRow = { task?: string | null; timing?: string | null }

export const PlanRowLabel = () => {
  const { data, rowNumber } = useRowLabel<PlanRow>()
  const task = (data?.task ?? '').trim()
  const excerpt = task.length > 80 ? `${task.slice(0, 80)}…` : task
  return (
    <span className="plan-row-label">
      <strong>{(rowNumber ?? 0) + 1}.</strong> {excerpt || 'Công việc mới'}
      {data?.timing ? <span style={{ color: 'var(--theme-elevation-500)', marginLeft: 8 }}>— {data.timing}</span> : null}
    </span>
  )
}
