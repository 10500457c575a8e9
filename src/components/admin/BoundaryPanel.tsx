'use client'
/**
 * Boundary changes on the unit and authority edit views (issue 15): "Chuyển sang cấp quản lý
 * khác", "Sáp nhập vào…", "Giải thể cấp này", each with a picker and a confirmation saying exactly
 * what will move, sent to the endpoints of collections/units/boundary.ts and
 * collections/authorities/boundary.ts (which decide who may). An absorbed record says where it
 * went, with a link; a unit lists its recognitions with those of the units merged into it.
 */
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState, type ReactNode } from 'react'

type Problem = { message: string; path?: string }
type Option = { id: number; name: string }
type Recognition = { id: number; unitName?: string | null; outcomeLabel?: string | null; decisionNumber?: string | null; decidedOn?: string | null; status?: string | null; isInherited: boolean }
type History = { mergedInto: Option | null; mergedUnits: (Option & { carriesPrerequisite: boolean })[]; recognitions: Recognition[] }

const box = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 16, padding: 12 } as const
const small = { fontSize: 12, margin: '4px 0' } as const

const day = (value?: string | null) => (value ? new Date(value).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '')

const relationIdOf = (value: unknown): number | null => {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return Number((value as { id: unknown }).id)
  return null
}

const getJson = async <T,>(url: string): Promise<T | null> => {
  const response = await fetch(url, { credentials: 'include' })
  return response.ok ? ((await response.json()) as T) : null
}

const post = async ({ url, body }: { url: string; body: unknown }): Promise<Problem[]> => {
  const response = await fetch(url, { body: JSON.stringify(body), credentials: 'include', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
  if (response.ok) return []
  const answer = (await response.json().catch(() => ({}))) as { errors?: Problem[] }
  return answer.errors?.length ? answer.errors : [{ message: `Không thực hiện được (mã ${response.status}).` }]
}

const useIsManager = () => {
  const { user } = useAuth<{ roles?: string[] }>()
  return Boolean(user?.roles?.some((role) => role === 'admin' || role === 'authority-admin'))
}

/** An authority-admin does not move, merge or abolish the authority it administers (the server refuses it too). */
const useIsOwnAuthority = (id: number | string | undefined) => {
  const { user } = useAuth<{ roles?: string[]; authority?: unknown }>()
  return !user?.roles?.includes('admin') && id !== undefined && relationIdOf(user?.authority) === Number(id)
}

/** The active authorities the user may read (the server decides what it may write). */
const useAuthorities = (isWanted: boolean) => {
  const [options, setOptions] = useState<Option[]>([])
  useEffect(() => {
    if (!isWanted) return
    void getJson<{ docs: Option[] }>('/api/authorities?limit=0&depth=0&sort=name&select[name]=true&where[isActive][not_equals]=false').then((found) => setOptions(found?.docs ?? []))
  }, [isWanted])
  return options
}

/** One action: a button that opens its picker, the confirmation, and the refusal if any. */
const Action = ({
  label,
  testId,
  children,
  confirmation,
  canConfirm,
  onConfirm,
}: {
  label: string
  testId: string
  children?: ReactNode
  confirmation: string | null
  canConfirm: boolean
  onConfirm: () => Promise<Problem[]>
}) => {
  const [isOpen, setOpen] = useState(false)
  const [isBusy, setBusy] = useState(false)
  const [problems, setProblems] = useState<Problem[]>([])
  if (!isOpen) {
    return (
      <button className="btn btn--style-secondary btn--size-small" data-testid={`${testId}-open`} onClick={() => setOpen(true)} style={{ margin: '4px 8px 4px 0' }} type="button">
        {label}
      </button>
    )
  }
  const confirm = async () => {
    setBusy(true)
    const found = await onConfirm()
    if (found.length === 0) {
      window.location.reload()
      return
    }
    setProblems(found)
    setBusy(false)
  }
  return (
    <div data-testid={testId} style={box}>
      <strong>{label}</strong>
      {children}
      {confirmation ? <p style={{ ...small, fontSize: 13 }}>{confirmation}</p> : null}
      {problems.map((problem) => (
        <p key={problem.message} role="alert" style={{ color: 'var(--theme-error-500)', ...small }}>
          {problem.message}
        </p>
      ))}
      <button className="btn btn--style-primary btn--size-small" data-testid={`${testId}-confirm`} disabled={!canConfirm || isBusy} onClick={() => void confirm()} style={{ marginRight: 8 }} type="button">
        Xác nhận
      </button>
      <button className="btn btn--style-secondary btn--size-small" onClick={() => setOpen(false)} type="button">
        Hủy
      </button>
    </div>
  )
}

const Picker = ({ label, options, value, onChange, testId }: { label: string; options: Option[]; value: string; onChange: (value: string) => void; testId: string }) => (
  <label style={{ display: 'block', margin: '8px 0' }}>
    <span style={small}>{label}</span>
    <select data-testid={testId} onChange={(event) => onChange(event.target.value)} style={{ display: 'block', padding: 4, width: '100%' }} value={value}>
      <option value="">— chọn —</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </select>
  </label>
)

const nameOf = (options: Option[], id: string | number | null) => options.find((option) => String(option.id) === String(id))?.name ?? ''

const MergedNotice = ({ collection, target }: { collection: 'units' | 'authorities'; target: Option | null }) =>
  target ? (
    <p data-testid="merged-into" style={{ ...box, background: 'var(--theme-warning-100)' }}>
      Đã sáp nhập vào <a href={`/admin/collections/${collection}/${target.id}`}>{target.name}</a>.
    </p>
  ) : null

const HistoryList = ({ history }: { history: History }) => (
  <div data-testid="unit-history" style={box}>
    <strong>Lịch sử công nhận</strong>
    {history.mergedUnits.length > 0 ? (
      <p style={small}>
        Gồm cả đơn vị đã sáp nhập vào: {history.mergedUnits.map((unit) => `${unit.name}${unit.carriesPrerequisite ? ' (được tính làm điều kiện Mức độ 2)' : ''}`).join('; ')}.
      </p>
    ) : null}
    {history.recognitions.length === 0 ? <p style={small}>Chưa có quyết định công nhận nào.</p> : null}
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {history.recognitions.map((row) => (
        <li key={row.id} style={small}>
          {row.outcomeLabel} — QĐ {row.decisionNumber} ngày {day(row.decidedOn)}
          {row.isInherited ? ` (của ${row.unitName})` : ''}
          {row.status === 'revoked' ? ' — đã thu hồi' : ''}
        </li>
      ))}
    </ul>
  </div>
)

export const UnitBoundaryPanel = () => {
  const { id } = useDocumentInfo()
  const isManager = useIsManager()
  const authorityId = relationIdOf(useFormFields(([fields]) => fields.authority?.value))
  const name = useFormFields(([fields]) => fields.name?.value) as string | undefined
  const [history, setHistory] = useState<History | null>(null)
  const [target, setTarget] = useState('')
  const [into, setInto] = useState('')
  const [carries, setCarries] = useState(false)
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<Option[]>([])
  const authorities = useAuthorities(Boolean(id) && isManager)
  useEffect(() => {
    if (id) void getJson<History>(`/api/units/${id}/history`).then(setHistory)
  }, [id])
  useEffect(() => {
    if (!id || !isManager || search.trim().length < 2) return setFound([])
    const query = new URLSearchParams({ depth: '0', limit: '20', 'select[name]': 'true', sort: 'name', 'where[and][0][name][like]': search.trim(), 'where[and][1][isActive][equals]': 'true', 'where[and][2][id][not_equals]': String(id) })
    const timer = setTimeout(() => void getJson<{ docs: Option[] }>(`/api/units?${query}`).then((answer) => setFound(answer?.docs ?? [])), 250)
    return () => clearTimeout(timer)
  }, [id, isManager, search])
  if (!id) return null
  const isMerged = Boolean(history?.mergedInto)
  const unitName = name ?? ''
  const from = nameOf(authorities, authorityId)
  const survivor = nameOf(found, into)
  return (
    <div className="boundary-panel" style={{ marginBottom: 24 }}>
      <MergedNotice collection="units" target={history?.mergedInto ?? null} />
      {isManager && !isMerged ? (
        <div>
          <Action
            canConfirm={target !== ''}
            confirmation={target ? `Chuyển đơn vị «${unitName}» từ «${from}» sang «${nameOf(authorities, target)}». Hồ sơ và báo cáo của các đợt đã qua giữ nguyên cấp quản lý cũ.` : null}
            label="Chuyển sang cấp quản lý khác"
            onConfirm={() => post({ body: { authority: Number(target) }, url: `/api/units/${id}/move` })}
            testId="unit-move"
          >
            <Picker label="Cấp quản lý mới" onChange={setTarget} options={authorities.filter((option) => option.id !== authorityId)} testId="unit-move-target" value={target} />
          </Action>
          <Action
            canConfirm={into !== ''}
            confirmation={
              into
                ? `Sáp nhập «${unitName}» vào «${survivor}»: «${unitName}» ngừng hoạt động và ghi «Đã sáp nhập vào ${survivor}»; các công nhận của nó xem được từ «${survivor}». ` +
                  (carries ? `«${survivor}» được dùng công nhận Mức độ 1 của «${unitName}» làm điều kiện đề nghị Mức độ 2.` : `Công nhận của «${unitName}» không được tính làm điều kiện Mức độ 2 của «${survivor}».`)
                : null
            }
            label="Sáp nhập vào…"
            onConfirm={() => post({ body: { carriesPrerequisite: carries, into: Number(into) }, url: `/api/units/${id}/merge` })}
            testId="unit-merge"
          >
            <label style={{ display: 'block', margin: '8px 0' }}>
              <span style={small}>Tìm đơn vị nhận sáp nhập (gõ ít nhất 2 ký tự của tên)</span>
              <input data-testid="unit-merge-search" onChange={(event) => setSearch(event.target.value)} style={{ display: 'block', padding: 4, width: '100%' }} value={search} />
            </label>
            <Picker label="Đơn vị nhận sáp nhập" onChange={setInto} options={found} testId="unit-merge-target" value={into} />
            <label style={{ display: 'block', ...small }}>
              <input checked={carries} data-testid="unit-merge-carries" onChange={(event) => setCarries(event.target.checked)} type="checkbox" /> Cho phép đơn vị nhận sáp nhập dùng công nhận Mức độ 1 của đơn vị này làm điều kiện đề nghị Mức độ 2
            </label>
          </Action>
        </div>
      ) : null}
      {history ? <HistoryList history={history} /> : null}
    </div>
  )
}

export const AuthorityBoundaryPanel = () => {
  const { id } = useDocumentInfo()
  const isManager = useIsManager()
  const isOwn = useIsOwnAuthority(id)
  const parentId = relationIdOf(useFormFields(([fields]) => fields.parent?.value))
  const isActive = useFormFields(([fields]) => fields.isActive?.value) !== false
  const mergedIntoId = relationIdOf(useFormFields(([fields]) => fields.mergedInto?.value))
  const name = (useFormFields(([fields]) => fields.name?.value) as string | undefined) ?? ''
  const authorities = useAuthorities(Boolean(id))
  const [counts, setCounts] = useState<{ units: number; children: number } | null>(null)
  const [mergedInto, setMergedInto] = useState<Option | null>(null)
  const [parent, setParent] = useState('')
  const [into, setInto] = useState('')
  useEffect(() => {
    if (!id || !isManager) return
    void Promise.all([
      getJson<{ totalDocs: number }>(`/api/units?limit=1&depth=0&select[name]=true&where[authority][equals]=${id}`),
      getJson<{ totalDocs: number }>(`/api/authorities?limit=1&depth=0&select[name]=true&where[parent][equals]=${id}`),
    ]).then(([units, children]) => setCounts({ children: children?.totalDocs ?? 0, units: units?.totalDocs ?? 0 }))
  }, [id, isManager])
  useEffect(() => {
    if (mergedIntoId !== null) void getJson<Option>(`/api/authorities/${mergedIntoId}?depth=0&select[name]=true`).then(setMergedInto)
  }, [mergedIntoId])
  if (!id) return null
  const what = counts ? `${counts.units} đơn vị và ${counts.children} cấp trực thuộc` : 'các đơn vị và cấp trực thuộc'
  const keeps = 'Các đợt đánh giá, quyết định và sổ công nhận đã có giữ nguyên.'
  const others = authorities.filter((option) => String(option.id) !== String(id))
  const parentName = nameOf(authorities, parentId)
  return (
    <div className="boundary-panel" style={{ marginBottom: 24 }}>
      <MergedNotice collection="authorities" target={mergedInto} />
      {!isActive && mergedIntoId === null ? <p data-testid="abolished" style={{ ...box, background: 'var(--theme-warning-100)' }}>Cấp quản lý này đã giải thể.</p> : null}
      {isManager && isActive && !isOwn ? (
        <div>
          <Action
            canConfirm={parent !== ''}
            confirmation={parent ? `Chuyển «${name}» cùng toàn bộ đơn vị và cấp trực thuộc từ cấp trên «${parentName || 'không có'}» sang «${nameOf(authorities, parent)}».` : null}
            label="Chuyển sang cấp quản lý khác"
            onConfirm={() => post({ body: { parent: Number(parent) }, url: `/api/authorities/${id}/move` })}
            testId="authority-move"
          >
            <Picker label="Cấp trên mới" onChange={setParent} options={others.filter((option) => option.id !== parentId)} testId="authority-move-target" value={parent} />
          </Action>
          <Action
            canConfirm={into !== ''}
            confirmation={into ? `Sáp nhập «${name}» vào «${nameOf(authorities, into)}»: chuyển ${what} sang «${nameOf(authorities, into)}»; «${name}» ngừng hoạt động. ${keeps}` : null}
            label="Sáp nhập vào…"
            onConfirm={() => post({ body: { into: Number(into) }, url: `/api/authorities/${id}/merge` })}
            testId="authority-merge"
          >
            <Picker label="Cấp quản lý nhận sáp nhập" onChange={setInto} options={others} testId="authority-merge-target" value={into} />
          </Action>
          {parentId !== null ? (
            <Action
              canConfirm
              confirmation={`Giải thể «${name}»: chuyển ${what} lên cấp trên «${parentName}»; «${name}» ngừng hoạt động. ${keeps}`}
              label="Giải thể cấp này"
              onConfirm={() => post({ body: {}, url: `/api/authorities/${id}/abolish` })}
              testId="authority-abolish"
            />
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
