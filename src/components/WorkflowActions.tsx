'use client'
/**
 * The workflow buttons of a self-assessment (Nộp hồ sơ, Rút lại, Tiếp nhận, Trả lại…), from the
 * transition table in criteria/workflow. The server decides; a refusal comes back with its reason
 * and nothing changes. Unsaved answers must be saved first, so the saved dossier is what is sent.
 */
import { useAuth, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { useState } from 'react'

import { actionLabels, transitionsFrom, type WorkflowTransition } from '@criteria/workflow'

type Problem = { message: string; path?: string }

export const WorkflowActions = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const isModified = useFormModified()
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const [isBusy, setBusy] = useState(false)
  if (!id || !status) return null
  const roles = [...(user?.roles ?? []), ...(user?.roles?.includes('reviewer') ? ['team-lead'] : [])]
  const transitions = transitionsFrom({ from: status, roles }).filter((transition) => !['recognise', 'reject'].includes(transition.action))
  if (transitions.length === 0) return null

  const run = async (transition: WorkflowTransition) => {
    if (transition.requiresReason && reason.trim() === '') {
      setProblems([{ message: 'Ghi lý do trước khi trả lại hồ sơ.' }])
      return
    }
    setBusy(true)
    setProblems([])
    // only the status is needed back: the page reloads (the transition path answers with the fields asked)
    const response = await fetch(`/api/self-assessments/${id}?depth=0&select[status]=true`, {
      body: JSON.stringify(transition.requiresReason ? { returnReason: reason, status: transition.to } : { status: transition.to }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
    })
    if (response.ok) {
      window.location.reload()
      return
    }
    const body = (await response.json().catch(() => ({}))) as { errors?: { data?: { errors?: Problem[] }; message?: string }[] }
    const details = (body.errors ?? []).flatMap((error) => error.data?.errors ?? [{ message: error.message ?? 'Không thực hiện được.' }])
    setProblems(details.length > 0 ? details : [{ message: `Không thực hiện được (mã ${response.status}).` }])
    setBusy(false)
  }

  return (
    <div className="workflow-actions" data-testid="workflow-actions" style={{ marginBottom: 24 }}>
      {isModified ? <p style={{ color: 'var(--theme-warning-650, #b35900)' }}>Lưu thay đổi trước khi nộp hoặc chuyển hồ sơ.</p> : null}
      {transitions.some((transition) => transition.requiresReason) ? (
        <label style={{ display: 'block', marginBottom: 8 }}>
          Lý do trả lại
          <textarea
            data-testid="workflow-reason"
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            style={{ display: 'block', marginTop: 4, width: '100%' }}
            value={reason}
          />
        </label>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {transitions.map((transition) => (
          <button
            className="btn btn--style-secondary btn--size-small"
            disabled={isBusy || isModified}
            key={`${transition.action}-${transition.to}`}
            onClick={() => void run(transition)}
            type="button"
          >
            {actionLabels[transition.action]}
          </button>
        ))}
      </div>
      {problems.length > 0 ? (
        <ul className="workflow-actions__problems" data-testid="workflow-problems" role="alert" style={{ color: 'var(--theme-error-500, #c62828)' }}>
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
