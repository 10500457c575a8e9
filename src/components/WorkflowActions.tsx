'use client'
/**
 * The workflow buttons of a self-assessment (Nộp hồ sơ, Rút lại, Tiếp nhận, Trả lại…), from the
 * transition table in criteria/workflow. Each asks for confirmation first, saying what follows. The
 * server decides; a refusal comes back with its reasons, grouped one line per indicator (its code
 * and wording, linked to its row) or per document, and nothing changes. Unsaved answers must be
 * saved first, so the saved dossier is what is sent.
 */
import { ConfirmationModal, useAuth, useDocumentInfo, useFormFields, useFormModified, useModal } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { actionLabels, transitionsFrom, type WorkflowAction, type WorkflowTransition } from '@criteria/workflow'
import { shortWording } from '@criteria/wording'

type Problem = { message: string; path?: string }
type Line = { key: string; label: string | null; href: string | null; messages: string[] }

const modalSlug = 'workflow-confirm'

/** What each step means for the people on both sides, read before confirming. */
const consequences: Partial<Record<WorkflowAction, string>> = {
  accept: 'Hồ sơ chuyển sang thẩm định: đoàn đánh giá bắt đầu chấm, đơn vị không sửa được nữa.',
  close: 'Kết quả của đoàn được chốt theo các phiếu đã gửi; sau đó hồ sơ chờ quyết định công nhận.',
  resubmit: 'Hồ sơ đã bổ sung được gửi lại cho cơ quan quản lý; đơn vị không sửa được nữa trừ khi rút lại.',
  return: 'Hồ sơ được trả về đơn vị kèm lý do đã ghi; đơn vị bổ sung rồi nộp lại.',
  submit: 'Hồ sơ được gửi cho cơ quan quản lý; sau khi nộp, đơn vị không sửa được câu trả lời trừ khi rút lại hoặc bị trả lại.',
  withdraw: 'Hồ sơ trở về bản nháp; cần nộp lại trước hạn.',
}

const rowOf = (path: string | undefined): { array: string; index: number } | null => {
  const match = /^(answers|dossierFiles)\.(\d+)(\.|$)/.exec(path ?? '')
  return match ? { array: match[1], index: Number(match[2]) } : null
}

const short = (text: string) => shortWording({ max: 80, min: 30, text })

export const WorkflowActions = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const { openModal } = useModal()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  // the rows' codes and wordings, to name what a refusal is about
  const rowText = useFormFields(([fields]) => {
    const texts: Record<string, string> = {}
    for (const [path, field] of Object.entries(fields)) {
      if (/^answers\.\d+\.(indicator|text)$/.test(path) || /^dossierFiles\.\d+\.title$/.test(path)) texts[path] = String(field?.value ?? '')
    }
    return texts
  })
  const isModified = useFormModified()
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const [isBusy, setBusy] = useState(false)
  const [pending, setPending] = useState<WorkflowTransition | null>(null)
  // the list is the server's answer to the last attempt: once the form changes, it may no longer hold
  const [isStale, setStale] = useState(false)
  useEffect(() => {
    if (isModified) setStale(true)
  }, [isModified])
  if (!id || !status) return null
  const roles = [...(user?.roles ?? []), ...(user?.roles?.includes('reviewer') ? ['team-lead'] : [])]
  const transitions = transitionsFrom({ from: status, roles }).filter((transition) => !['recognise', 'reject'].includes(transition.action))
  if (transitions.length === 0) return null

  /** One line per indicator row or document, its messages together; other problems as they come. */
  const lines: Line[] = []
  for (const problem of problems) {
    const row = rowOf(problem.path)
    const key = row ? `${row.array}.${row.index}` : `other-${lines.length}`
    const known = lines.find((line) => line.key === key)
    if (known) {
      known.messages.push(problem.message)
      continue
    }
    const code = row ? rowText[`answers.${row.index}.indicator`] : ''
    const label = !row
      ? null
      : row.array === 'answers'
        ? [code, short(rowText[`answers.${row.index}.text`] ?? '')].filter(Boolean).join(' — ')
        : (rowText[`dossierFiles.${row.index}.title`] ?? null)
    lines.push({ href: row ? `#${row.array}-row-${row.index}` : null, key, label, messages: [problem.message] })
  }
  /** A message without the "Chỉ tiêu TC1.CT1" its line already names. */
  const bare = ({ line, message }: { line: Line; message: string }) => {
    const code = line.label?.split(' — ')[0]
    return code ? message.replace(new RegExp(`^Chỉ tiêu ${code.replace(/\./g, '\\.')}:?\\s*`), '') : message
  }

  const ask = (transition: WorkflowTransition) => {
    if (transition.requiresReason && reason.trim() === '') {
      setProblems([{ message: 'Ghi lý do trước khi trả lại hồ sơ.' }])
      return
    }
    setPending(transition)
    openModal(modalSlug)
  }

  const run = async (transition: WorkflowTransition) => {
    setBusy(true)
    setProblems([])
    setStale(false)
    // only the status is needed back: the page reloads (the transition path answers with the fields asked)
    const response = await fetch(`/api/self-assessments/${id}?depth=0&select[status]=true`, {
      body: JSON.stringify(transition.requiresReason ? { returnReason: reason, status: transition.to } : { status: transition.to }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
    }).catch(() => null)
    if (response?.ok) {
      window.location.reload()
      return
    }
    const body = (await response?.json().catch(() => ({}))) as { errors?: { data?: { errors?: Problem[] }; message?: string }[] } | undefined
    const details = (body?.errors ?? []).flatMap((error) => error.data?.errors ?? [{ message: error.message ?? 'Không thực hiện được.' }])
    setProblems(details.length > 0 ? details : [{ message: response ? `Không thực hiện được (mã ${response.status}).` : 'Không kết nối được máy chủ; thử lại sau.' }])
    setBusy(false)
  }

  const goTo = (href: string) => {
    const target = document.getElementById(href.slice(1))
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' })
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
            onClick={() => ask(transition)}
            type="button"
          >
            {isBusy && pending === transition ? 'Đang xử lý…' : actionLabels[transition.action]}
          </button>
        ))}
      </div>
      {lines.length > 0 ? (
        <div className="workflow-actions__problems" data-testid="workflow-problems" role="alert" style={{ color: 'var(--theme-error-500, #c62828)' }}>
          <p style={{ fontWeight: 600, margin: '8px 0 4px' }}>{lines.some((line) => line.href) ? `Chưa thực hiện được: ${lines.length} mục cần bổ sung` : 'Chưa thực hiện được'}</p>
          {isStale ? (
            <p data-testid="workflow-problems-stale" style={{ color: 'var(--theme-elevation-650, #555)', margin: '0 0 4px' }}>
              Danh sách theo lần kiểm tra trước; hồ sơ đã thay đổi sau đó. Lưu rồi bấm lại để kiểm tra.
            </p>
          ) : null}
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {lines.map((line) => (
              <li key={line.key} style={{ marginBottom: 4 }}>
                {line.label && line.href ? (
                  <>
                    <a
                      href={line.href}
                      onClick={(event) => {
                        event.preventDefault()
                        goTo(line.href as string)
                      }}
                      style={{ color: 'inherit' }}
                    >
                      {line.label}
                    </a>
                    : {line.messages.map((message) => bare({ line, message })).join(' ')}
                  </>
                ) : (
                  line.messages.join(' ')
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConfirmationModal
        body={pending ? (consequences[pending.action] ?? 'Thực hiện bước này?') : ''}
        cancelLabel="Huỷ"
        confirmingLabel="Đang xử lý…"
        confirmLabel="Xác nhận"
        heading={pending ? `${actionLabels[pending.action]}?` : ''}
        modalSlug={modalSlug}
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          if (pending) await run(pending)
        }}
      />
    </div>
  )
}
