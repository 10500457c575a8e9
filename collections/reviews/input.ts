/**
 * The shape of what a request may send to a review, checked before any logic reads it, and how
 * sent verdict rows merge into the stored ones: by indicator code, a row or value left out keeps
 * what is stored, so saving one verdict never blanks the others.
 */
import { z } from 'zod'

const id = z.union([z.number().int().positive().max(2147483647), z.string().regex(/^\d{1,10}$/), z.looseObject({ id: z.union([z.number(), z.string()]) })])

const verdictRow = z.looseObject({
  comment: z.string().max(20_000).nullish(),
  id: z.string().max(64).nullish(),
  indicator: z.string().max(100).nullish(),
  points: z.number().finite().nullish(),
  verdict: z.enum(['met', 'not-met']).nullish(),
})

export const reviewInput = z.looseObject({
  conflictNote: z.string().max(5000).nullish(),
  conflictOfInterest: z.boolean().nullish(),
  recommendation: z.enum(['recognise', 'not-recognise', 'supplement']).nullish(),
  recommendationNote: z.string().max(20_000).nullish(),
  reviewer: id.nullish(),
  selfAssessment: id.nullish(),
  verdicts: z.array(verdictRow).max(1000).nullish(),
})

export type VerdictRow = { id?: string | null; indicator?: string | null; text?: string | null; unitAnswer?: string | null; verdict?: string | null; points?: number | null; comment?: string | null }

const labels: Record<string, string> = {
  comment: 'Nhận xét',
  conflictNote: 'Nội dung xung đột lợi ích',
  conflictOfInterest: 'Xung đột lợi ích',
  points: 'Điểm chấm',
  recommendation: 'Đề xuất',
  recommendationNote: 'Ý kiến chung',
  reviewer: 'Người đánh giá',
  selfAssessment: 'Hồ sơ tự đánh giá',
  verdict: 'Kết luận của thành viên',
  verdicts: 'Ý kiến theo chỉ tiêu',
}

/** The problems of a request's data, each naming the field (and the row's indicator). */
export const reviewInputProblems = (data: unknown): { path: string; message: string }[] => {
  const parsed = reviewInput.safeParse(data ?? {})
  if (parsed.success) return []
  const rows = (data as { verdicts?: unknown } | null)?.verdicts
  return parsed.error.issues.map((issue) => {
    const name = [...issue.path].reverse().find((part) => typeof part === 'string') as string | undefined
    const row = issue.path[0] === 'verdicts' && typeof issue.path[1] === 'number' && Array.isArray(rows) ? (rows[issue.path[1]] as { indicator?: unknown } | undefined) : undefined
    const code = row && typeof row === 'object' && typeof row.indicator === 'string' ? row.indicator : null
    const where = issue.path[0] === 'verdicts' && typeof issue.path[1] === 'number' ? `Chỉ tiêu ${code ?? `dòng ${issue.path[1] + 1}`}: ` : ''
    const problem = issue.code === 'too_big' ? 'quá dài hoặc quá nhiều' : issue.code === 'invalid_value' ? `phải là một trong: ${issue.values.map(String).join(', ')}` : 'không đúng kiểu dữ liệu'
    return { message: `${where}«${labels[name ?? ''] ?? name ?? 'Dữ liệu'}» ${problem}.`, path: issue.path.map(String).join('.') }
  })
}

const entered = ['verdict', 'points', 'comment'] as const

/** Sent rows merged into the stored ones by indicator (or row id); unknown codes are returned apart. */
export const mergeVerdictRows = ({ stored, sent }: { stored: readonly VerdictRow[]; sent: readonly VerdictRow[] }): { rows: VerdictRow[]; unknown: string[] } => {
  const codes = new Set(stored.map((row) => row.indicator ?? ''))
  const codeById = new Map(stored.filter((row) => row.id).map((row) => [String(row.id), row.indicator ?? '']))
  const incoming = new Map<string, VerdictRow>()
  const unknown: string[] = []
  for (const row of sent) {
    const code = row.indicator ?? (row.id ? codeById.get(String(row.id)) : undefined) ?? ''
    if (!codes.has(code)) unknown.push(code)
    else incoming.set(code, { ...incoming.get(code), ...row })
  }
  const rows = stored.map((row) => {
    const update = incoming.get(row.indicator ?? '')
    if (!update) return row
    const merged: VerdictRow = { ...row }
    for (const field of entered) if (update[field] !== undefined) (merged as Record<string, unknown>)[field] = update[field]
    return merged
  })
  return { rows, unknown }
}

/** Whether merging `sent` into `stored` changes any verdict, score or comment. */
export const verdictsChanged = ({ stored, sent }: { stored: readonly VerdictRow[]; sent: unknown }): boolean => {
  const parsed = reviewInput.shape.verdicts.safeParse(sent)
  if (!parsed.success) return true
  const { rows, unknown } = mergeVerdictRows({ sent: (parsed.data ?? []) as VerdictRow[], stored })
  const key = (row: VerdictRow) => JSON.stringify(entered.map((field) => row[field] ?? null))
  return unknown.length > 0 || rows.some((row, index) => key(row) !== key(stored[index]))
}

/** Whether a review gives any verdict (a point under TT 22 counts). */
export const hasVerdicts = (rows: readonly VerdictRow[] | null | undefined) => (rows ?? []).some((row) => Boolean(row.verdict) || typeof row.points === 'number')
