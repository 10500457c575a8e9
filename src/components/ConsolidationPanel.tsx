'use client'
/**
 * On a self-assessment in review: the team's verdict per indicator, each member's verdict, and the
 * disagreements flagged — between members, and between the team and the unit — so they are
 * settled before the minutes are written. The lead closes the review from the workflow buttons.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Row = {
  code: string
  value: boolean | number | null
  verdicts: { reviewer: string; isLead: boolean; value: boolean | number | null }[]
  hasReviewerDisagreement: boolean
  differsFromUnit: boolean
}
type Data = {
  consolidation: { indicators: Row[]; undecided: string[]; disagreements: number }
  conflicts: string[]
  mode: string
  report: { outcome: { model: string; isMet?: boolean; level?: number | null; points?: number; gradeLabel?: string | null }; isComplete: boolean } | null
  reviewerNames: Record<string, string>
  /** the conclusion stored at closing, and its last audited correction */
  recorded?: { outcome: string | null; outcomeLabel: string | null; level: number | null; points: number | null; correction: { at: string; reason: string | null } | null } | null
}

const recordedText = ({ outcome, outcomeLabel, level, points }: NonNullable<Data['recorded']>) =>
  `${outcomeLabel ?? '—'}${outcome === 'met' && level ? ` mức độ ${level}` : ''}${points !== null ? ` (${points} điểm)` : ''}`

const dayOf = (at: string) => new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date(at))

const show = (value: boolean | number | null) => (value === null ? '—' : value === true ? 'Đạt' : value === false ? 'Không đạt' : `${value} điểm`)

export const ConsolidationPanel = () => {
  const { id, lastUpdateTime } = useDocumentInfo() as { id?: number | string; lastUpdateTime?: number }
  const [data, setData] = useState<Data | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/self-assessments/${id}/consolidation`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then(setData)
  }, [id, lastUpdateTime])
  if (!data) return null
  const reviewers = Object.keys(data.reviewerNames).filter((reviewer) => !data.conflicts.includes(reviewer))
  const { outcome } = data.report ?? { outcome: null }
  const outcomeText = !data.report || !data.report.isComplete ? 'chưa đủ ý kiến' : outcome?.model === 'points' ? `${outcome.points} điểm${outcome.gradeLabel ? `, ${outcome.gradeLabel}` : ''}` : outcome?.isMet ? `Đạt mức độ ${outcome.level}` : 'Chưa đạt'
  return (
    <section className="consolidation" data-testid="consolidation" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 24, padding: 16 }}>
      <h3 style={{ marginTop: 0 }}>Kết quả của đoàn đánh giá: {outcomeText}</h3>
      <p style={{ margin: '4px 0' }}>
        Tổng hợp {data.mode === 'majority' ? 'theo đa số (trưởng đoàn quyết khi ngang nhau)' : 'theo ý kiến trưởng đoàn'} · {reviewers.length} phiếu ·{' '}
        <strong data-testid="consolidation-disagreements">{data.consolidation.disagreements} chỉ tiêu có ý kiến khác nhau</strong>
        {data.conflicts.length > 0 ? ` · ${data.conflicts.length} thành viên khai báo xung đột lợi ích` : ''}
      </p>
      {data.recorded?.correction ? (
        <p data-testid="consolidation-corrected" role="status" style={{ background: 'var(--theme-warning-100, #fff4e0)', margin: '8px 0', padding: 8 }}>
          Kết luận đã ghi của đoàn: <strong>{recordedText(data.recorded)}</strong> — đã sửa sai ngày {dayOf(data.recorded.correction.at)}
          {data.recorded.correction.reason ? `: ${data.recorded.correction.reason}` : ''} (xem nhật ký). Các ý kiến dưới đây là của phiếu đánh giá, không đổi.
        </p>
      ) : null}
      {data.consolidation.undecided.length > 0 ? <p role="status">Chưa có kết luận: {data.consolidation.undecided.join(', ')}</p> : null}
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Chỉ tiêu</th>
            {reviewers.map((reviewer) => (
              <th key={reviewer} style={{ textAlign: 'left' }}>
                {data.reviewerNames[reviewer]}
              </th>
            ))}
            <th style={{ textAlign: 'left' }}>Kết luận của đoàn</th>
          </tr>
        </thead>
        <tbody>
          {data.consolidation.indicators.map((row) => (
            <tr data-testid={`consolidation-${row.code}`} key={row.code} style={{ background: row.hasReviewerDisagreement || row.differsFromUnit ? 'var(--theme-warning-100, #fff4e0)' : undefined }}>
              <td>{row.code}</td>
              {reviewers.map((reviewer) => (
                <td key={reviewer}>{show(row.verdicts.find((verdict) => verdict.reviewer === reviewer)?.value ?? null)}</td>
              ))}
              <td>
                {show(row.value)}
                {row.hasReviewerDisagreement ? ' ⚠ thành viên có ý kiến khác nhau' : ''}
                {row.differsFromUnit ? ' ⚠ khác với đơn vị tự đánh giá' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
