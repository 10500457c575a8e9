/**
 * A review's rules: written by a member of the round's team (never someone of the unit, never
 * after declaring a conflict of interest) while the self-assessment is in review; its rows follow
 * the unit's indicators; its own result is computed with the same evaluator as the unit's.
 */
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { evaluate, validateCriteriaSet, verdictSet } from '@criteria/index'

import { relationId } from '../access/roles'
import { toCriteriaSetInput, type CriteriaSetDoc } from '../criteria-sets/toCriteriaSet'
import { todayInVietnam } from '../dates'
import { hasVerdicts, mergeVerdictRows, reviewInputProblems, type VerdictRow } from './input'

type ReviewData = { conflictOfInterest?: boolean | null; reviewer?: unknown; selfAssessment?: unknown; verdicts?: VerdictRow[] | null }

const fail = ({ errors, req }: { errors: { message: string; path: string }[]; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'reviews', errors, req }, req.t)
}

const statusText: Record<string, string> = { met: 'đạt', missing: 'chưa trả lời', 'not-met': 'chưa đạt' }

/** What the unit answered for an indicator, in words, for the reviewer to compare. */
const describeUnitAnswer = (row: { measure?: string | null; yesNo?: string | null; numerator?: number | null; denominator?: number | null; points?: number | null; rank?: string | null; scale?: unknown; status?: string | null }) => {
  // a rank by its level's name on the indicator's scale (the row keeps the scale it was answered on)
  const rankLabel = (code: string) => (Array.isArray(row.scale) ? (row.scale as { code?: unknown; label?: unknown }[]).find((step) => step.code === code)?.label : undefined)
  const answer =
    row.measure === 'boolean' ? (row.yesNo === 'yes' ? 'Đạt' : row.yesNo === 'no' ? 'Không đạt' : '—')
    : row.measure === 'ratio' ? `${row.numerator ?? '—'}/${row.denominator ?? '—'}`
    : row.measure === 'points' ? `${row.points ?? '—'} điểm`
    : row.rank ? String(rankLabel(row.rank) || row.rank) : '—'
  return `${answer} (đơn vị tự đánh giá: ${statusText[row.status ?? 'missing'] ?? row.status})`
}

/** The verdict of a row as the core's value: true/false, or points under a points model. */
export const verdictValue = ({ row, model }: { row: VerdictRow; model: string }): boolean | number | null => {
  if (model === 'points') return typeof row.points === 'number' ? row.points : null
  return row.verdict === 'met' ? true : row.verdict === 'not-met' ? false : null
}

/** The dossier's fields a review reads: its state, relations, title and what the unit answered. */
const dossierForReview = {
  answers: { denominator: true, indicator: true, isApplicable: true, measure: true, numerator: true, points: true, rank: true, scale: true, status: true, text: true, yesNo: true },
  authority: true,
  criteriaSet: true,
  round: true,
  status: true,
  title: true,
  unit: true,
} as const

export const prepareReview: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  // issuing a decision marks the round's reviews decided; nothing else about them changes
  if (req.context.workflowRole === 'system' && operation === 'update') return data
  const { user } = req
  const original = (originalDoc ?? {}) as ReviewData
  const problems = reviewInputProblems(data)
  if (problems.length > 0) return fail({ errors: problems, req })
  if (operation === 'create' && user) data.reviewer = user.id
  const merged = { ...original, ...data } as ReviewData
  const saId = relationId(merged.selfAssessment)
  // only what a review needs of the dossier, its round and its reviewer: the whole dossier (its
  // answers' evidence, dossier slots, results) and the whole round were most of a review's save
  const sa = saId === null ? null : await req.payload.findByID({ collection: 'self-assessments', depth: 0, disableErrors: true, id: saId, overrideAccess: true, req, select: dossierForReview })
  if (!sa) return fail({ errors: [{ message: 'Chọn hồ sơ tự đánh giá.', path: 'selfAssessment' }], req })
  const [round, set, reviewer] = await Promise.all([
    req.payload.findByID({ collection: 'rounds', depth: 0, id: relationId(sa.round) as number, overrideAccess: true, req, select: { team: true, title: true } }),
    req.payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: relationId(sa.criteriaSet) as number, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'users', depth: 0, disableErrors: true, id: relationId(merged.reviewer) as number, overrideAccess: true, req, select: { email: true, name: true, unit: true } }),
  ])
  const errors: { message: string; path: string }[] = []
  if (!reviewer) errors.push({ message: 'Chọn thành viên đoàn đánh giá.', path: 'reviewer' })
  if (user) {
    if (sa.status !== 'in-review') errors.push({ message: `Hồ sơ đang ở trạng thái không thẩm định được; chỉ đánh giá hồ sơ đã được tiếp nhận (đang thẩm định).`, path: 'selfAssessment' })
    const isMember = (round.team ?? []).some((member) => String(relationId(member.user)) === String(reviewer?.id))
    if (!isMember) errors.push({ message: `Bạn không có tên trong đoàn đánh giá của đợt «${round.title}».`, path: 'selfAssessment' })
    if (reviewer && String(relationId(reviewer.unit)) === String(relationId(sa.unit))) {
      errors.push({ message: 'Thành viên thuộc chính đơn vị được đánh giá không được đánh giá hồ sơ này.', path: 'reviewer' })
    }
    if (operation === 'create') {
      const existing = await req.payload.count({ collection: 'reviews', overrideAccess: true, req, where: { and: [{ selfAssessment: { equals: sa.id } }, { reviewer: { equals: reviewer?.id } }] } })
      if (existing.totalDocs > 0) errors.push({ message: 'Bạn đã có phiếu đánh giá cho hồ sơ này; hãy mở phiếu đó để sửa.', path: 'selfAssessment' })
    }
  }
  if (errors.length > 0) return fail({ errors, req })

  // one row per applicable indicator of the unit; the request's rows merge into the stored ones by code
  const storedByCode = new Map<string, VerdictRow>(((original.verdicts ?? []) as VerdictRow[]).map((row) => [row.indicator ?? '', row]))
  const skeleton: VerdictRow[] = (sa.answers ?? []).filter((answer) => answer.isApplicable).map((answer) => ({ ...storedByCode.get(answer.indicator ?? ''), indicator: answer.indicator }))
  const { rows: mergedRows, unknown } = mergeVerdictRows({ sent: (data.verdicts ?? []) as VerdictRow[], stored: skeleton })
  if (unknown.length > 0) return fail({ errors: unknown.map((code) => ({ message: `Chỉ tiêu «${code}» không có trong hồ sơ được đánh giá (hoặc không áp dụng cho đơn vị).`, path: 'verdicts' })), req })
  const previous = new Map<string, VerdictRow>(mergedRows.map((row) => [row.indicator ?? '', row]))
  const rows: VerdictRow[] = (sa.answers ?? [])
    .filter((answer) => answer.isApplicable)
    .map((answer) => {
      const old = previous.get(answer.indicator ?? '')
      return {
        ...(old?.id ? { id: old.id } : {}),
        comment: old?.comment ?? null,
        indicator: answer.indicator,
        points: old?.points ?? null,
        text: answer.text,
        unitAnswer: describeUnitAnswer(answer),
        verdict: old?.verdict ?? null,
      }
    })
  // a declared conflict gives no verdict, under TT 24's Đạt/Không đạt as under TT 22's points
  if (merged.conflictOfInterest && hasVerdicts(rows)) {
    return fail({ errors: [{ message: 'Đã khai báo xung đột lợi ích: không được cho ý kiến đánh giá hồ sơ này.', path: 'conflictOfInterest' }], req })
  }

  const { input } = toCriteriaSetInput({ doc: set as CriteriaSetDoc })
  const validation = validateCriteriaSet(input)
  if (!validation.ok) return fail({ errors: [{ message: `Bộ tiêu chí «${set.title}» chưa hợp lệ.`, path: 'selfAssessment' }], req })
  const answers = Object.fromEntries(rows.map((row) => [row.indicator ?? '', verdictValue({ model: set.model, row })]).filter(([, value]) => value !== null))
  const unitType = await unitTypeOf({ req, unitId: relationId(sa.unit) })
  const evaluation = evaluate({ answers, asOf: todayInVietnam(new Date()), set: verdictSet({ set: validation.set }), unitType })
  if (!evaluation.ok) {
    const indexOf = (code: unknown) => rows.findIndex((row) => row.indicator === code)
    return fail({
      errors: evaluation.issues.filter((issue) => issue.severity === 'error').map((issue) => ({ message: issue.message, path: `verdicts.${indexOf(issue.path[1])}.${set.model === 'points' ? 'points' : 'verdict'}` })),
      req,
    })
  }
  const { ok: _ok, ...report } = evaluation
  data.verdicts = rows
  data.model = set.model
  data.result = report
  data.round = relationId(sa.round)
  data.unit = relationId(sa.unit)
  data.authority = relationId(sa.authority)
  data.title = `${reviewer?.name ?? reviewer?.email} — ${sa.title ?? ''}`
  return data
}

const unitTypeOf = async ({ req, unitId }: { req: PayloadRequest; unitId: number | string | null }) => {
  if (unitId === null) return ''
  const unit = await req.payload.findByID({ collection: 'units', depth: 0, id: unitId, overrideAccess: true, req, select: { unitType: true } })
  return unit.unitType
}
