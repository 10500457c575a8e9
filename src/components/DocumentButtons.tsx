'use client'
/**
 * "Văn bản": the papers of this dossier, round or decision as download links (Word; PDF where the
 * server has LibreOffice, else said plainly; Excel for the upward report), and the dossier's ZIP.
 * The server checks the access of each; this only lists what the type registry offers.
 */
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { documentTypesFor, type DocumentScope } from '@criteria/documents'

const collectionScopes: Record<string, DocumentScope> = { decisions: 'decision', rounds: 'round', 'self-assessments': 'self-assessment' }
const formatLabels: Record<string, string> = { docx: 'Word', pdf: 'PDF', xlsx: 'Excel' }

type FileTask = { id: number; status: 'queued' | 'running' | 'done' | 'failed'; progress?: number | null; stage?: string | null; error?: string | null; url?: string | null; filename?: string | null }

/**
 * A paper read from every dossier of the round (the upward report): made in the background on the
 * server (POST …/jobs), its bar and what it is doing shown while the page polls the task, then a
 * download link. Leaving the page loses nothing: the task and its file stay under
 * Hệ thống › Tác vụ nền.
 */
const BackgroundPaper = ({ base, code, format }: { base: string; code: string; format: string }) => {
  const [task, setTask] = useState<FileTask | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!task || task.status === 'done' || task.status === 'failed') return
    const timer = setTimeout(() => {
      void fetch(`/api/file-tasks/${task.id}?depth=0`, { credentials: 'include' })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then((next: FileTask) => setTask(next))
        .catch(() => setProblem('Mất kết nối khi theo dõi tiến độ; văn bản vẫn được tạo, xem ở Hệ thống › Tác vụ nền.'))
    }, 800)
    return () => clearTimeout(timer)
  }, [task])
  const start = async () => {
    setProblem(null)
    const response = await fetch(`${base}/documents/${code}/jobs?format=${format}`, { credentials: 'include', method: 'POST' }).catch(() => null)
    const body = (await response?.json().catch(() => null)) as { doc?: FileTask; errors?: { message: string }[] } | null
    if (!response?.ok || !body?.doc) return setProblem(body?.errors?.[0]?.message ?? 'Không bắt đầu tạo được văn bản; hãy thử lại.')
    setTask(body.doc)
  }
  if (!task || task.status === 'failed')
    return (
      <>
        <button className="document-buttons__make" onClick={() => void start()} style={{ background: 'none', border: 0, color: 'var(--theme-success-750, #0a6)', cursor: 'pointer', padding: 0, textDecoration: 'underline' }} type="button">
          {formatLabels[format]}
        </button>
        {task?.error || problem ? (
          <span role="alert" style={{ color: 'var(--theme-error-500)', display: 'block', fontSize: 12 }}>
            {task?.error ?? problem}
          </span>
        ) : null}
      </>
    )
  if (task.status === 'done')
    return (
      <a download href={task.url ?? '#'}>
        Tải {formatLabels[format]} ({task.filename})
      </a>
    )
  const percent = Math.max(0, Math.min(100, Number(task.progress ?? 0)))
  return (
    <span className="document-buttons__progress" style={{ display: 'inline-block', minWidth: 240, verticalAlign: 'middle' }}>
      <span aria-label={`Tiến độ tạo văn bản: ${percent}%`} aria-valuemax={100} aria-valuemin={0} aria-valuenow={percent} role="progressbar" style={{ background: 'var(--theme-elevation-100)', display: 'block', height: 6, width: '100%' }}>
        <span style={{ background: 'var(--theme-success-500, #2a7)', display: 'block', height: 6, width: `${percent}%` }} />
      </span>
      <span style={{ fontSize: 12 }}>
        {task.stage ?? 'Đang chờ đến lượt'} — {percent}%
      </span>
      {problem ? <span role="alert" style={{ color: 'var(--theme-error-500)', display: 'block', fontSize: 12 }}>{problem}</span> : null}
    </span>
  )
}

export const DocumentButtons = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const criteriaSet = useFormFields(([fields]) => fields.criteriaSet?.value as number | undefined)
  const [canMakePdf, setCanMakePdf] = useState<boolean | null>(null)
  const [regime, setRegime] = useState<string | null>(null)
  useEffect(() => {
    void fetch('/api/document-types', { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { canMakePdf?: boolean }) => setCanMakePdf(Boolean(body.canMakePdf)))
      .catch(() => setCanMakePdf(false))
  }, [])
  useEffect(() => {
    if (!criteriaSet) return
    void fetch(`/api/criteria-sets/${criteriaSet}?depth=0&select[regime]=true`, { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { regime?: string }) => setRegime(body.regime ?? null))
      .catch(() => setRegime(null))
  }, [criteriaSet])
  const scope = collectionScopes[collectionSlug ?? '']
  if (!id || !scope) return null
  // a unit's clerk reads its rounds, but the round's papers are the authority's and the team's
  if (scope === 'round' && (user?.roles ?? []).every((role) => role === 'unit-editor')) return null
  const types = documentTypesFor({ regime, scope })
  const base = `/api/${collectionSlug}/${id}`
  return (
    <div className="document-buttons" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 6px' }}>Văn bản</h4>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {types.map((type) => (
          <li key={type.code} style={{ marginBottom: 6 }}>
            <span>{type.title}: </span>
            {type.formats
              .filter((format) => format !== 'pdf' || canMakePdf)
              .map((format, index) => (
                <span key={format}>
                  {index > 0 ? ' · ' : ''}
                  {type.inBackground ? (
                    <BackgroundPaper base={base} code={type.code} format={format} />
                  ) : (
                    <a download href={`${base}/documents/${type.code}?format=${format}`}>
                      {formatLabels[format]}
                    </a>
                  )}
                </span>
              ))}
          </li>
        ))}
      </ul>
      {scope === 'self-assessment' ? (
        <p style={{ margin: '6px 0' }}>
          <a download href={`${base}/dossier.zip`}>
            Tải cả bộ hồ sơ (.zip, kèm minh chứng)
          </a>
        </p>
      ) : null}
      {canMakePdf === false ? (
        <p role="note" style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '4px 0' }}>
          Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF; hãy tải bản Word rồi in hoặc lưu thành PDF.
        </p>
      ) : null}
      <p style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '4px 0' }}>Lưu trước khi tải để văn bản có số liệu mới nhất. Mẫu văn bản: Danh mục › Mẫu văn bản.</p>
      {types.some((type) => type.inBackground) ? (
        <p style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '4px 0' }}>Báo cáo tổng hợp đọc mọi hồ sơ của đợt nên được tạo ở chế độ nền: bấm định dạng, chờ thanh tiến độ, rồi tải về. Các lần tạo trước: Hệ thống › Tác vụ nền.</p>
      ) : null}
    </div>
  )
}
