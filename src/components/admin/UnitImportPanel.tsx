'use client'
/**
 * «Nhập đơn vị từ Excel/CSV» above the units list, for the admin and authority-admins: download
 * the template, choose a file, check it (the server's preview: every row's problem on its line,
 * and what each valid row would do), then import — the whole file when it is clean, or only its
 * valid rows when the clerk ticks that choice. The server decides everything
 * (collections/units/importFile.ts); this only shows its answers.
 */
import { useAuth } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Problem = { message: string; path: string }
type PreviewRow = { row: number; code: string | null; name: string; action: 'create' | 'update' | 'unchanged' }
type Preview = { rows: PreviewRow[]; errors: Problem[]; rowCount: number }
type Result = { created: { units: number; accounts: number }; updated: number; unchanged: number; skipped: Problem[] }

const actionLabel: Record<PreviewRow['action'], string> = { create: 'Thêm mới', unchanged: 'Không đổi', update: 'Cập nhật' }

/** Rows shown in the preview table; the counts above it cover all. */
const shownRows = 200
/** From this many rows the import runs in the background (POST …/import-file/jobs) with its progress, rather than in one long request. */
const backgroundRows = 1000

type Task = { id: number; status: 'queued' | 'running' | 'done' | 'failed'; progress?: number | null; stage?: string | null; error?: string | null; result?: Result | null }

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const cell = { borderBottom: '1px solid var(--theme-elevation-150)', padding: '4px 8px', textAlign: 'left' } as const

export const UnitImportPanel = () => {
  const { user } = useAuth<{ roles?: string[] }>()
  const router = useRouter()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [isValidOnly, setValidOnly] = useState(false)
  const [isBusy, setBusy] = useState(false)
  const [task, setTask] = useState<Task | null>(null)
  if (!user?.roles?.some((role) => role === 'admin' || role === 'authority-admin')) return null

  const send = async (mode: 'all' | 'preview' | 'valid') => {
    if (!file) return null
    setBusy(true)
    setFailure(null)
    try {
      const response = await fetch(`/api/units/import-file?mode=${mode}`, { body: file, credentials: 'include', headers: { 'Content-Type': 'application/octet-stream' }, method: 'POST' })
      const body = (await response.json().catch(() => ({}))) as { errors?: Problem[] }
      if (response.status >= 400) {
        setFailure(body.errors?.map((error) => error.message).join(' ') ?? `Máy chủ trả lời mã ${response.status}.`)
        return null
      }
      return body
    } finally {
      setBusy(false)
    }
  }
  const check = async () => {
    setResult(null)
    setPreview((await send('preview')) as Preview | null)
  }
  const done = (body: Result) => {
    setResult(body)
    setPreview(null)
    // the list below shows the new and updated units
    router.refresh()
  }
  /** A large file: queued on the server, then its task polled until it ends (Hệ thống › Tác vụ nền keeps it). */
  const importInBackground = async () => {
    if (!file) return
    setBusy(true)
    setFailure(null)
    try {
      const response = await fetch(`/api/units/import-file/jobs?mode=${isValidOnly ? 'valid' : 'all'}`, { body: file, credentials: 'include', headers: { 'Content-Type': 'application/octet-stream' }, method: 'POST' })
      const body = (await response.json().catch(() => ({}))) as { doc?: Task; errors?: Problem[] }
      if (response.status >= 400 || !body.doc) return setFailure(body.errors?.map((error) => error.message).join(' ') ?? `Máy chủ trả lời mã ${response.status}.`)
      let current: Task = body.doc
      setTask(current)
      while (current.status === 'queued' || current.status === 'running') {
        await wait(1000)
        const next = await fetch(`/api/file-tasks/${current.id}?depth=0`, { credentials: 'include' }).catch(() => null)
        if (!next?.ok) return setFailure('Mất kết nối khi theo dõi tiến độ; việc nhập vẫn tiếp tục, xem ở Hệ thống › Tác vụ nền.')
        current = (await next.json()) as Task
        setTask(current)
      }
      if (current.status === 'failed') return setFailure(current.error ?? 'Không nhập được.')
      if (current.result) done(current.result)
    } finally {
      setBusy(false)
      setTask(null)
    }
  }
  const importRows = async () => {
    if ((preview?.rowCount ?? 0) >= backgroundRows) return importInBackground()
    const body = (await send(isValidOnly ? 'valid' : 'all')) as Result | null
    if (body) done(body)
  }
  const count = (action: PreviewRow['action']) => preview?.rows.filter((row) => row.action === action).length ?? 0
  const hasErrors = (preview?.errors.length ?? 0) > 0
  const canImport = preview !== null && preview.rows.length > 0 && (!hasErrors || isValidOnly)

  return (
    <details className="unit-import" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 16, padding: '8px 12px' }}>
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Nhập danh sách đơn vị từ Excel/CSV</summary>
      <ol style={{ margin: '8px 0', paddingLeft: 20 }}>
        <li>
          <a download href="/api/units/import-template">
            Tải tệp mẫu (.xlsx)
          </a>{' '}
          — trang «Danh mục mã» liệt kê mã loại đơn vị, cấp đơn vị và cấp quản lý bạn được nhập.
        </li>
        <li>Điền mỗi đơn vị một dòng. Dòng có mã đơn vị đã có sẽ cập nhật đơn vị đó; tài khoản cán bộ nhận thư mời tự đặt mật khẩu.</li>
        <li>Chọn tệp, bấm «Kiểm tra tệp», xem kết quả rồi bấm nhập.</li>
      </ol>
      <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {/* the browser's own file button speaks the browser's language: a Vietnamese one stands in for it */}
        <label className="btn btn--style-secondary btn--size-small" style={{ cursor: 'pointer', margin: 0 }}>
          Chọn tệp Excel (.xlsx) hoặc CSV…
          <input
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-label="Tệp danh sách đơn vị"
            style={{ height: 1, opacity: 0, overflow: 'hidden', position: 'absolute', width: 1 }}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setPreview(null)
              setResult(null)
              setFailure(null)
              setValidOnly(false)
            }}
            type="file"
          />
        </label>
        <span>{file ? file.name : 'Chưa chọn tệp.'}</span>
        <button className="btn btn--style-secondary btn--size-small" disabled={!file || isBusy} onClick={() => void check()} style={{ margin: 0 }} type="button">
          Kiểm tra tệp
        </button>
      </div>
      {isBusy && !task ? <p>Đang xử lý…</p> : null}
      {task ? (
        <div className="unit-import__progress" role="status" style={{ margin: '8px 0', maxWidth: 480 }}>
          <div aria-label={`Tiến độ nhập: ${task.progress ?? 0}%`} aria-valuemax={100} aria-valuemin={0} aria-valuenow={task.progress ?? 0} role="progressbar" style={{ background: 'var(--theme-elevation-100)', height: 6 }}>
            <div style={{ background: 'var(--theme-success-500, #2a7)', height: 6, width: `${task.progress ?? 0}%` }} />
          </div>
          <span style={{ fontSize: 12 }}>
            Đang nhập ở chế độ nền: {task.stage ?? 'Đang chờ đến lượt'} — {task.progress ?? 0}%. Có thể rời trang; kết quả xem ở Hệ thống › Tác vụ nền.
          </span>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {failure}
        </p>
      ) : null}
      {preview ? (
        <div className="unit-import__preview">
          <p>
            Tệp có {preview.rowCount.toLocaleString('vi-VN')} dòng đơn vị: {preview.rows.length.toLocaleString('vi-VN')} dòng hợp lệ ({count('create').toLocaleString('vi-VN')} thêm mới,{' '}
            {count('update').toLocaleString('vi-VN')} cập nhật, {count('unchanged').toLocaleString('vi-VN')} không đổi)
            {hasErrors ? `; ${preview.errors.length.toLocaleString('vi-VN')} lỗi cần sửa.` : '; không có lỗi.'}
          </p>
          {hasErrors ? (
            <>
              <ul aria-label="Lỗi trong tệp" style={{ color: 'var(--theme-error-500)', maxHeight: 240, overflowY: 'auto' }}>
                {preview.errors.map((error) => (
                  <li key={`${error.path}:${error.message}`}>{error.message}</li>
                ))}
              </ul>
              {preview.rows.length > 0 ? (
                <label style={{ display: 'block', margin: '8px 0' }}>
                  <input checked={isValidOnly} onChange={(event) => setValidOnly(event.target.checked)} type="checkbox" /> Chỉ nhập {preview.rows.length.toLocaleString('vi-VN')} dòng hợp lệ, bỏ qua các dòng lỗi
                </label>
              ) : null}
            </>
          ) : null}
          {preview.rows.length > 0 ? (
            <table aria-label="Các dòng sẽ nhập" style={{ borderCollapse: 'collapse', margin: '8px 0', width: '100%' }}>
              <thead>
                <tr>
                  <th style={cell}>Dòng</th>
                  <th style={cell}>Mã đơn vị</th>
                  <th style={cell}>Tên đơn vị</th>
                  <th style={cell}>Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, shownRows).map((row) => (
                  <tr key={row.row}>
                    <td style={cell}>{row.row}</td>
                    <td style={cell}>{row.code ?? '—'}</td>
                    <td style={cell}>{row.name}</td>
                    <td style={cell}>{actionLabel[row.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.rows.length > shownRows ? <p>… và {(preview.rows.length - shownRows).toLocaleString('vi-VN')} dòng khác.</p> : null}
          <button
            className="btn btn--style-primary btn--size-small"
            disabled={!canImport || isBusy}
            onClick={() => void importRows()}
            // Payload's primary button looks the same disabled: a file with errors must not look ready to import
            style={{ cursor: canImport ? 'pointer' : 'not-allowed', opacity: canImport && !isBusy ? 1 : 0.45 }}
            type="button"
          >
            {hasErrors ? `Nhập ${preview.rows.length.toLocaleString('vi-VN')} dòng hợp lệ` : `Nhập ${preview.rows.length.toLocaleString('vi-VN')} đơn vị`}
          </button>
        </div>
      ) : null}
      {result ? (
        <p className="unit-import__result" role="status">
          Đã nhập: {result.created.units.toLocaleString('vi-VN')} đơn vị mới, {result.updated.toLocaleString('vi-VN')} cập nhật, {result.unchanged.toLocaleString('vi-VN')} không đổi;{' '}
          {result.created.accounts.toLocaleString('vi-VN')} tài khoản được mời đặt mật khẩu
          {result.skipped.length > 0 ? `; bỏ qua các dòng có ${result.skipped.length.toLocaleString('vi-VN')} lỗi` : ''}.{' '}
          Danh sách bên dưới đã được cập nhật.
        </p>
      ) : null}
    </details>
  )
}
