'use client'
/**
 * For the admin, on a dossier at the team's conclusion: "Sửa sai kết luận của đoàn". The team's
 * conclusion is written by the lead's closing step only; when it was recorded wrongly, the admin
 * corrects it here, with a reason, through POST /api/self-assessments/{id}/corrections — which the
 * server allows to the admin alone and writes to the audit trail with the old and new values.
 */
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { outcomeOptions } from '@collections/self-assessments/outcomes'

type Problem = { message: string; path?: string }

const outcomesOf = (values: readonly string[]) =>
  outcomeOptions.filter((option) => values.includes(option.value)).map((option) => ({ label: option.label.vi, value: option.value }))
const passFailOutcomes = outcomesOf(['met', 'not-met'])
const gradeOutcomes = outcomesOf(['tot', 'kha', 'trung-binh', 'chua-dat'])

export const CorrectionPanel = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const result = useFormFields(([fields]) => fields.result?.value) as { outcome?: { model?: string; level?: number | null } } | undefined
  const [isOpen, setOpen] = useState(false)
  const [outcome, setOutcome] = useState('')
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const [isBusy, setBusy] = useState(false)
  if (!id || status !== 'reviewed' || !user?.roles?.includes('admin')) return null
  const isPoints = result?.outcome?.model === 'points'

  const submit = async () => {
    setBusy(true)
    setProblems([])
    const changes = isPoints
      ? { teamOutcome: outcome, teamPoints: points === '' ? null : Number(points) }
      : { teamLevel: outcome === 'met' ? (result?.outcome?.level ?? null) : null, teamOutcome: outcome }
    const response = await fetch(`/api/self-assessments/${id}/corrections`, {
      body: JSON.stringify({ changes, reason }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    if (response.ok) {
      window.location.reload()
      return
    }
    const body = (await response.json().catch(() => ({}))) as { errors?: Problem[] }
    setProblems(body.errors?.length ? body.errors : [{ message: `Không sửa được (mã ${response.status}).` }])
    setBusy(false)
  }

  if (!isOpen) {
    return (
      <div style={{ marginBottom: 24 }}>
        <button className="btn btn--style-secondary btn--size-small" data-testid="correction-open" onClick={() => setOpen(true)} type="button">
          Sửa sai kết luận của đoàn
        </button>
      </div>
    )
  }
  return (
    <div data-testid="correction-panel" style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 24, padding: 12 }}>
      <strong>Sửa sai kết luận của đoàn</strong>
      <p style={{ marginTop: 4 }}>Chỉ dùng khi kết luận đã ghi nhầm so với biên bản của đoàn. Thao tác được ghi vào nhật ký cùng giá trị cũ, giá trị mới và lý do.</p>
      <label style={{ display: 'block', marginBottom: 8 }}>
        Kết luận đúng
        <select data-testid="correction-outcome" onChange={(event) => setOutcome(event.target.value)} style={{ display: 'block', marginTop: 4, width: '100%' }} value={outcome}>
          <option value="">— Chọn —</option>
          {(isPoints ? gradeOutcomes : passFailOutcomes).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {isPoints ? (
        <label style={{ display: 'block', marginBottom: 8 }}>
          Điểm của đoàn
          <input inputMode="decimal" onChange={(event) => setPoints(event.target.value)} style={{ display: 'block', marginTop: 4, width: '100%' }} value={points} />
        </label>
      ) : null}
      <label style={{ display: 'block', marginBottom: 8 }}>
        Lý do sửa sai (bắt buộc)
        <textarea data-testid="correction-reason" onChange={(event) => setReason(event.target.value)} rows={3} style={{ display: 'block', marginTop: 4, width: '100%' }} value={reason} />
      </label>
      <div style={{ display: 'flex', gap: 8 }}>
        <button className="btn btn--style-primary btn--size-small" data-testid="correction-submit" disabled={isBusy || outcome === ''} onClick={() => void submit()} type="button">
          Ghi sửa sai
        </button>
        <button className="btn btn--style-secondary btn--size-small" disabled={isBusy} onClick={() => setOpen(false)} type="button">
          Hủy
        </button>
      </div>
      {problems.length > 0 ? (
        <ul data-testid="correction-problems" role="alert" style={{ color: 'var(--theme-error-500, #c62828)' }}>
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
