/**
 * The admin's correction of the team's conclusion on a reviewed dossier (before a decision), when
 * it was recorded wrongly: `POST /api/self-assessments/{id}/corrections`. The new values must fit
 * the dossier's criteria set — a level of the set under TT 24, a grade of its bands under TT 22.
 */
import { selfAssessmentWrites } from '@criteria/policy'

import { relationId } from '../access/roles'
import { correctionEndpoint, type CorrectionCheck } from '../corrections'

const labels = { teamLevel: 'Mức độ (đoàn)', teamOutcome: 'Kết luận của đoàn', teamPoints: 'Điểm của đoàn' }

const fitsTheSet: CorrectionCheck = async ({ req, doc, changes }) => {
  const set = await req.payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: relationId(doc.criteriaSet) as number, overrideAccess: true, req })
  const next = { teamLevel: doc.teamLevel ?? null, teamOutcome: doc.teamOutcome ?? null, teamPoints: doc.teamPoints ?? null, ...changes } as Record<string, unknown>
  const problems: { message: string; path: string }[] = []
  if (set.model === 'points') {
    const grades = [...(set.gradeBands ?? []).map((band) => band.code), 'incomplete']
    if (!grades.includes(String(next.teamOutcome))) problems.push({ message: `«Kết luận của đoàn» phải là một xếp loại của bộ tiêu chí: ${grades.join(', ')}.`, path: 'changes.teamOutcome' })
    if (next.teamPoints !== null && (typeof next.teamPoints !== 'number' || !Number.isFinite(next.teamPoints) || next.teamPoints < 0)) {
      problems.push({ message: '«Điểm của đoàn» phải là một số không âm.', path: 'changes.teamPoints' })
    }
    if (next.teamLevel !== null) problems.push({ message: 'Bộ tiêu chí chấm điểm không có mức độ: để trống «Mức độ (đoàn)».', path: 'changes.teamLevel' })
    return problems
  }
  if (!['met', 'not-met', 'incomplete'].includes(String(next.teamOutcome))) problems.push({ message: '«Kết luận của đoàn» phải là met (đạt), not-met (chưa đạt) hoặc incomplete.', path: 'changes.teamOutcome' })
  const level = next.teamOutcome === 'met' ? set.level : null
  if ((next.teamLevel ?? null) !== (level ?? null)) {
    problems.push({ message: level ? `Kết luận đạt của bộ tiêu chí này là «Mức độ ${level}»: «Mức độ (đoàn)» phải là ${level}.` : 'Khi chưa đạt, để trống «Mức độ (đoàn)».', path: 'changes.teamLevel' })
  }
  if (next.teamPoints !== null) problems.push({ message: 'Bộ tiêu chí đạt/không đạt không chấm điểm: để trống «Điểm của đoàn».', path: 'changes.teamPoints' })
  return problems
}

export const teamCorrectionEndpoint = correctionEndpoint({
  check: fitsTheSet,
  collection: 'self-assessments',
  labels,
  rules: selfAssessmentWrites,
  scope: (doc) => ({ authority: relationId(doc.authority), round: relationId(doc.round), unit: relationId(doc.unit) }),
})
