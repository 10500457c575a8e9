'use client'
/**
 * "Thử đánh giá": on a criteria set's edit view, pick a unit type, enter answers and see at once
 * how a unit would come out — outcome, what it lacks, warnings — from the same public evaluation
 * endpoint a portal would call (on the latest saved version, drafts included for editors). The unit
 * types come from the `unit-types` catalogue (a province's own among them), those of the set's tier.
 */
import { DatePicker, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

type Indicator = {
  appliesTo?: { unitType: string }[] | null
  code: string
  maxPoints?: number | null
  measure: 'boolean' | 'points' | 'rank' | 'ratio'
  scale?: { code: string; label?: string | null }[] | null
  text?: string | null
  threshold?: string | null
}
type UnitTypeRow = { id: string; label: string; tier?: string | null }
type SetDoc = {
  tier?: string | null
  criteria?: { code: string; indicators?: Indicator[] | null; title?: string | null }[] | null
  recognition?: { prerequisiteLevel?: number | null } | null
  updatedAt?: string
}
type Message = { message: string; path?: string }
type Report = {
  gaps: { indicator?: string | null; message: string }[]
  indicators: { code: string; status: string }[]
  isComplete: boolean
  issues: (Message & { severity?: string })[]
  outcome: { gradeLabel?: string | null; isMet?: boolean; level?: number | null; maxPoints?: number; model: string; points?: number }
}

const statusLabels: Record<string, string> = { met: 'Đạt', missing: 'Chưa trả lời', 'not-applicable': 'Không áp dụng', 'not-met': 'Chưa đạt' }

const outcomeText = (report: Report) => {
  const { outcome } = report
  if (outcome.model === 'points') {
    const grade = outcome.gradeLabel ? `, xếp loại ${outcome.gradeLabel}` : report.isComplete ? '' : ' (chưa đủ thông tin để xếp loại)'
    return `${outcome.points ?? 0}/${outcome.maxPoints ?? 100} điểm${grade}`
  }
  if (outcome.isMet) return `Đạt — đủ điều kiện công nhận mức độ ${outcome.level}`
  return report.isComplete ? 'Chưa đạt' : 'Chưa đạt (còn chỉ tiêu chưa trả lời)'
}

const AnswerInput = ({ indicator, onChange, value }: { indicator: Indicator; onChange: (value: unknown) => void; value: unknown }) => {
  const testId = `tryout-answer-${indicator.code}`
  if (indicator.measure === 'boolean') {
    return (
      <select data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'true')} value={value === null || value === undefined ? '' : String(value)}>
        <option value="">—</option>
        <option value="true">Có</option>
        <option value="false">Không</option>
      </select>
    )
  }
  if (indicator.measure === 'rank') {
    return (
      <select data-testid={testId} onChange={(e) => onChange(e.target.value || null)} value={typeof value === 'string' ? value : ''}>
        <option value="">—</option>
        {(indicator.scale ?? []).map((step) => (
          <option key={step.code} value={step.code}>
            {step.label || step.code}
          </option>
        ))}
      </select>
    )
  }
  if (indicator.measure === 'points') {
    return (
      <input
        data-testid={testId}
        max={indicator.maxPoints ?? undefined}
        min={0}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        step="0.5"
        type="number"
        value={typeof value === 'number' ? value : ''}
      />
    )
  }
  const ratio = (value ?? {}) as { denominator?: number; numerator?: number }
  const set = (part: 'denominator' | 'numerator', raw: string) => {
    const next = { ...ratio, [part]: raw === '' ? undefined : Number(raw) }
    onChange(next.numerator === undefined && next.denominator === undefined ? null : next)
  }
  return (
    <span>
      <input aria-label="số đạt" data-testid={`${testId}-numerator`} min={0} onChange={(e) => set('numerator', e.target.value)} style={{ width: 80 }} type="number" value={ratio.numerator ?? ''} />
      {' / '}
      <input aria-label="tổng số" data-testid={`${testId}-denominator`} min={1} onChange={(e) => set('denominator', e.target.value)} style={{ width: 80 }} type="number" value={ratio.denominator ?? ''} />
    </span>
  )
}

/**
 * A calendar day shown and picked as dd/MM/yyyy whatever the browser's language (a native date
 * input follows the browser: mm/dd/yyyy in an English one); the value is `YYYY-MM-DD` or ''.
 */
const DayInput = ({ onChange, testId, value }: { onChange: (day: string) => void; testId: string; value: string }) => (
  <span data-testid={testId} style={{ display: 'inline-block', verticalAlign: 'middle', width: 170 }}>
    <DatePicker
      displayFormat="dd/MM/yyyy"
      onChange={(date) => onChange(date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : '')}
      pickerAppearance="dayOnly"
      placeholder="dd/mm/yyyy"
      // Payload's picker keeps a picked day at 12:00 UTC: the same day in every time zone
      value={value ? `${value}T12:00:00.000Z` : undefined}
    />
  </span>
)

export const TryOutPanel = () => {
  const { id, lastUpdateTime } = useDocumentInfo() as { id?: number | string; lastUpdateTime?: number }
  const [set, setSet] = useState<SetDoc | null>(null)
  const [unitType, setUnitType] = useState<string>('co_quan_nha_nuoc')
  const [answers, setAnswers] = useState<Record<string, unknown>>({})
  const [prior, setPrior] = useState<{ decidedOn: string; level: string }>({ decidedOn: '', level: '' })
  const [asOf, setAsOf] = useState('')
  const [report, setReport] = useState<Report | null>(null)
  const [errors, setErrors] = useState<Message[]>([])
  const [catalogue, setCatalogue] = useState<UnitTypeRow[]>([])

  useEffect(() => {
    void fetch('/api/unit-types?limit=0&depth=0&sort=order', { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((result: { docs?: UnitTypeRow[] }) => setCatalogue(result.docs ?? []))
  }, [])

  // a type that belongs to another tier is refused by the endpoint: offered only where it applies
  const unitTypes = useMemo(() => catalogue.filter((type) => !type.tier || !set?.tier || type.tier === set.tier), [catalogue, set])
  useEffect(() => {
    if (unitTypes.length > 0 && !unitTypes.some((type) => type.id === unitType)) setUnitType(unitTypes[0]!.id)
  }, [unitTypes, unitType])

  useEffect(() => {
    if (!id) return
    void fetch(`/api/criteria-sets/${id}?draft=true&depth=0`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: SetDoc | null) => setSet(doc))
  }, [id, lastUpdateTime])

  const indicators = useMemo(() => (set?.criteria ?? []).flatMap((criterion) => criterion.indicators ?? []), [set])
  const applicable = (indicator: Indicator) => !indicator.appliesTo?.length || indicator.appliesTo.some((row) => row.unitType === unitType)
  const needsPrior = Boolean(set?.recognition?.prerequisiteLevel)

  const run = useCallback(async () => {
    if (!id) return
    const body: Record<string, unknown> = {
      answers: Object.fromEntries(Object.entries(answers).filter(([code, value]) => value !== null && indicators.some((i) => i.code === code && applicable(i)))),
      unitType,
    }
    if (asOf) body.asOf = asOf
    if (needsPrior && prior.level && prior.decidedOn) body.prior = { decidedOn: prior.decidedOn, level: Number(prior.level) }
    const response = await fetch(`/api/criteria-sets/${id}/evaluate?draft=true`, {
      body: JSON.stringify(body),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const json = await response.json()
    if (response.ok) {
      setReport(json as Report)
      setErrors([])
    } else {
      setReport(null)
      setErrors((json.errors ?? [{ message: json.message ?? `Lỗi ${response.status}` }]) as Message[])
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answers, asOf, id, indicators, needsPrior, prior, unitType])

  useEffect(() => {
    const timer = setTimeout(() => void run(), 300)
    return () => clearTimeout(timer)
  }, [run, set])

  if (!id) return <p className="tryout">Lưu bộ tiêu chí (bản nháp) để thử đánh giá.</p>

  const statusOf = (code: string) => report?.indicators.find((result) => result.code === code)?.status
  return (
    <section className="tryout" data-testid="tryout" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, margin: '24px 0', padding: 16 }}>
      <h3 style={{ marginTop: 0 }}>Thử đánh giá</h3>
      <p style={{ marginTop: 0 }}>Đánh giá trên phiên bản đã lưu gần nhất. Lưu thay đổi rồi xem kết quả ở đây.</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 12 }}>
        <label>
          Loại đơn vị{' '}
          <select data-testid="tryout-unitType" onChange={(e) => setUnitType(e.target.value)} value={unitType}>
            {unitTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Ngày đánh giá <DayInput onChange={setAsOf} testId="tryout-asOf" value={asOf} />
        </label>
        {needsPrior ? (
          <>
            <label>
              Đã công nhận mức độ{' '}
              <input data-testid="tryout-prior-level" max={2} min={1} onChange={(e) => setPrior({ ...prior, level: e.target.value })} style={{ width: 50 }} type="number" value={prior.level} />
            </label>
            <label>
              theo quyết định ngày <DayInput onChange={(decidedOn) => setPrior({ ...prior, decidedOn })} testId="tryout-prior-decidedOn" value={prior.decidedOn} />
            </label>
          </>
        ) : null}
      </div>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {indicators.map((indicator) => (
            <tr key={indicator.code} style={{ borderTop: '1px solid var(--theme-elevation-100)', opacity: applicable(indicator) ? 1 : 0.5 }}>
              <td style={{ padding: '4px 8px', verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                <strong>{indicator.code}</strong>
              </td>
              <td style={{ padding: '4px 8px' }}>{indicator.text}</td>
              <td style={{ padding: '4px 8px', whiteSpace: 'nowrap' }}>
                {applicable(indicator) ? (
                  <AnswerInput indicator={indicator} onChange={(value) => setAnswers({ ...answers, [indicator.code]: value })} value={answers[indicator.code]} />
                ) : (
                  'Không áp dụng'
                )}
              </td>
              <td data-testid={`tryout-status-${indicator.code}`} style={{ padding: '4px 8px', whiteSpace: 'nowrap' }}>
                {statusLabels[statusOf(indicator.code) ?? ''] ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div aria-live="polite" data-testid="tryout-result" style={{ marginTop: 12 }}>
        {errors.length > 0 ? (
          <ul data-testid="tryout-errors" style={{ color: 'var(--theme-error-500, #c00)' }}>
            {errors.map((error, index) => (
              <li key={index}>{error.path ? `${error.path}: ` : ''}{error.message}</li>
            ))}
          </ul>
        ) : null}
        {report ? (
          <>
            <p data-testid="tryout-outcome">
              <strong>Kết quả: {outcomeText(report)}</strong>
            </p>
            {report.gaps.length > 0 ? (
              <ul data-testid="tryout-gaps">
                {report.gaps.map((gap, index) => (
                  <li key={index}>{gap.message}</li>
                ))}
              </ul>
            ) : null}
            {report.issues.length > 0 ? (
              <ul data-testid="tryout-warnings" style={{ color: 'var(--theme-warning-650, #b35900)' }}>
                {report.issues.map((issue, index) => (
                  <li key={index}>⚠ {issue.message}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  )
}
