/**
 * The shape of what a request may send to a self-assessment, checked before any logic reads it:
 * answer rows as objects with the input of their measure, dossier slots as objects with file ids,
 * a known status, ids as ids. A wrong
 * shape is refused naming the field (and the indicator, for a row), never a 500 further down.
 * Snapshot fields the admin form sends back with each row (wording, threshold …) are ignored.
 */
import { z } from 'zod'

import { selfAssessmentStatuses } from '@criteria/workflow'

const id = z.union([z.number().int().positive().max(2147483647), z.string().regex(/^\d{1,10}$/), z.looseObject({ id: z.union([z.number(), z.string()]) })])

const finiteNumber = z.number().finite()

const answerRow = z.looseObject({
  denominator: finiteNumber.nullish(),
  evidence: z.array(id).max(200).nullish(),
  explanation: z.string().max(20_000).nullish(),
  id: z.string().max(64).nullish(),
  indicator: z.string().max(100).nullish(),
  numerator: finiteNumber.nullish(),
  points: finiteNumber.nullish(),
  rank: z.string().max(100).nullish(),
  yesNo: z.enum(['yes', 'no']).nullish(),
})

/** A dossier slot: the unit sends its files; item, title and requirement come from the round. */
const dossierSlot = z.looseObject({
  files: z.array(id).max(200).nullish(),
  id: z.string().max(64).nullish(),
  item: z.string().max(64).nullish(),
})

export const selfAssessmentInput = z.looseObject({
  answers: z.array(answerRow).max(1000).nullish(),
  dossierFiles: z.array(dossierSlot).max(200).nullish(),
  criteriaSet: id.nullish(),
  returnReason: z.string().max(5000).nullish(),
  round: id.nullish(),
  status: z.enum(selfAssessmentStatuses).nullish(),
  unit: id.nullish(),
})

const labels: Record<string, string> = {
  answers: 'Tự đánh giá theo chỉ tiêu',
  criteriaSet: 'Bộ tiêu chí',
  denominator: 'Tổng số',
  dossierFiles: 'Thành phần hồ sơ',
  evidence: 'Minh chứng',
  explanation: 'Giải trình',
  files: 'Tệp đính kèm',
  item: 'Mục hồ sơ',
  id: 'Mã dòng',
  indicator: 'Mã chỉ tiêu',
  numerator: 'Số đạt',
  points: 'Điểm tự chấm',
  rank: 'Mức đạt được',
  returnReason: 'Lý do trả lại',
  round: 'Đợt đánh giá',
  status: 'Trạng thái',
  unit: 'Đơn vị',
  yesNo: 'Đơn vị tự đánh giá',
}

const expected = (issue: z.core.$ZodIssue): string => {
  const field = String(issue.path.at(-1) ?? '')
  if (issue.code === 'too_big') return 'quá dài hoặc quá nhiều'
  if (issue.code === 'invalid_value') return `phải là một trong: ${issue.values.map(String).join(', ')}`
  if (field === 'answers') return 'phải là danh sách các dòng chỉ tiêu'
  if (field === 'dossierFiles') return 'phải là danh sách các tài liệu'
  if (['round', 'unit', 'criteriaSet'].includes(field) || issue.path.includes('evidence') || issue.path.includes('files')) return 'phải là mã số (id) của bản ghi'
  if (['numerator', 'denominator', 'points'].includes(field)) return 'phải là một số'
  if (typeof issue.path.at(-1) === 'number' && issue.path[0] === 'answers' && issue.path.length === 2) return 'phải là một dòng chỉ tiêu (đối tượng)'
  if (typeof issue.path.at(-1) === 'number' && issue.path[0] === 'dossierFiles' && issue.path.length === 2) return 'phải là một dòng tài liệu (đối tượng)'
  return 'phải là văn bản'
}

/** The problems of a request's data, each `{ path, message }` naming the field and the row's indicator. */
export const inputProblems = (data: unknown): { path: string; message: string }[] => {
  const parsed = selfAssessmentInput.safeParse(data ?? {})
  if (parsed.success) return []
  const rows = (data as { answers?: unknown } | null)?.answers
  return parsed.error.issues.map((issue) => {
    const path = issue.path.map(String)
    const name = [...issue.path].reverse().find((part) => typeof part === 'string') as string | undefined
    const label = labels[name ?? ''] ?? name ?? 'Dữ liệu'
    const row = issue.path[0] === 'answers' && typeof issue.path[1] === 'number' && Array.isArray(rows) ? (rows[issue.path[1]] as { indicator?: unknown } | undefined) : undefined
    const code = row && typeof row === 'object' && typeof row.indicator === 'string' ? row.indicator : null
    const where =
      issue.path[0] === 'answers' && typeof issue.path[1] === 'number'
        ? `Chỉ tiêu ${code ?? `dòng ${issue.path[1] + 1}`}: `
        : issue.path[0] === 'dossierFiles' && typeof issue.path[1] === 'number'
          ? `Thành phần hồ sơ, dòng ${issue.path[1] + 1}: `
          : ''
    return { message: `${where}«${label}» ${expected(issue)}.`, path: path.join('.') }
  })
}
