'use client'
/**
 * At the top of a self-assessment: the result the server computed on the last save — outcome, what
 * is still missing or not met, warnings about unverified indicators — and, when the authority has
 * returned the dossier, its reason.
 */
import { useFormFields } from '@payloadcms/ui'

type Report = {
  gaps?: { indicator?: string | null; message: string }[]
  indicators?: { status: string }[]
  isComplete?: boolean
  issues?: { message: string; severity?: string }[]
  outcome?: { gradeLabel?: string | null; isMet?: boolean; level?: number | null; maxPoints?: number; model?: string; points?: number }
}

const outcomeText = (report: Report) => {
  const outcome = report.outcome ?? {}
  if (outcome.model === 'points') {
    const grade = outcome.gradeLabel ? `, xếp loại ${outcome.gradeLabel}` : report.isComplete ? '' : ' (chưa đủ thông tin để xếp loại)'
    return `${outcome.points ?? 0}/${outcome.maxPoints ?? 100} điểm${grade}`
  }
  if (!report.isComplete) return 'Chưa trả lời đủ các chỉ tiêu'
  return outcome.isMet ? `Đạt mức độ ${outcome.level ?? ''}`.trim() : 'Chưa đạt'
}

export const SelfAssessmentResult = () => {
  const result = useFormFields(([fields]) => fields.result?.value) as Report | null | undefined
  const returnReason = useFormFields(([fields]) => fields.returnReason?.value) as string | null | undefined
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  if (!result?.outcome) {
    return <p className="sa-result sa-result--empty">Chọn đợt đánh giá và bộ tiêu chí rồi bấm Lưu: danh sách chỉ tiêu sẽ hiện ra để trả lời.</p>
  }
  const indicators = result.indicators ?? []
  const count = (status: string) => indicators.filter((indicator) => indicator.status === status).length
  const warnings = (result.issues ?? []).filter((issue) => issue.severity === 'warning')
  return (
    <section className="sa-result" data-testid="sa-result" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 24, padding: 16 }}>
      {status === 'returned' && returnReason ? (
        <div role="alert" style={{ background: 'var(--theme-warning-100, #fff4e0)', borderRadius: 4, marginBottom: 12, padding: '8px 12px' }}>
          <strong>Hồ sơ bị trả lại để bổ sung.</strong> Lý do: {returnReason}
        </div>
      ) : null}
      <h3 style={{ margin: 0 }} data-testid="sa-outcome">
        Kết quả tự đánh giá: {outcomeText(result)}
      </h3>
      <p style={{ margin: '4px 0 8px' }}>
        {count('met')} đạt · {count('not-met')} chưa đạt · {count('missing')} chưa trả lời · {count('not-applicable')} không áp dụng
      </p>
      {(result.gaps ?? []).length > 0 ? (
        <>
          <strong>Còn thiếu:</strong>
          <ul data-testid="sa-gaps" style={{ margin: '4px 0' }}>
            {(result.gaps ?? []).map((gap, index) => (
              <li key={`${gap.indicator ?? 'set'}-${index}`}>{gap.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {warnings.length > 0 ? (
        <details>
          <summary>⚠ {warnings.length} chỉ tiêu chưa được đối chiếu văn bản gốc</summary>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
