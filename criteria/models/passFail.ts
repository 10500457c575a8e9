/**
 * Pass-fail model (TT 24/2023): a criterion is met when all its applicable indicators are met; the
 * unit meets the set's level when every applicable criterion is met, the self-assessment is
 * complete, and any prerequisite recognition is old enough.
 */
import type { Issue } from '../issues'
import { makeError } from '../issues'
import { checkPrerequisite } from '../recognition'
import type { Gap } from '../results'
import type { ScoringModel } from './types'

const notAllowed = ({ path, message }: { path: (string | number)[]; message: string }): Issue =>
  makeError({ code: 'not-allowed-in-pass-fail', path, message })

export const passFailModel: ScoringModel = {
  label: 'Đạt/Không đạt theo mức độ',
  verdictMeasure: 'boolean',
  unitVerdict: ({ status }) => (status === 'met' ? true : status === 'not-met' ? false : null),
  checkSet: ({ set }) => {
    const issues: Issue[] = []
    set.criteria.forEach((criterion, criterionIndex) => {
      if (criterion.maxPoints !== null) {
        issues.push(
          notAllowed({ path: ['criteria', criterionIndex, 'maxPoints'], message: 'Bộ tiêu chí đạt/không đạt không dùng điểm tối đa.' }),
        )
      }
      if (criterion.minPoints !== null) {
        issues.push(
          notAllowed({
            path: ['criteria', criterionIndex, 'minPoints'],
            message: `Tiêu chí ${criterion.code}: bộ tiêu chí đạt/không đạt không dùng điểm sàn.`,
          }),
        )
      }
      criterion.indicators.forEach((indicator, indicatorIndex) => {
        if (indicator.maxPoints !== null) {
          issues.push(
            notAllowed({
              path: ['criteria', criterionIndex, 'indicators', indicatorIndex, 'maxPoints'],
              message: `Chỉ tiêu ${indicator.code}: bộ tiêu chí đạt/không đạt không dùng điểm tối đa.`,
            }),
          )
        }
      })
    })
    if (set.gradeBands.length > 0) {
      issues.push(notAllowed({ path: ['gradeBands'], message: 'Bộ tiêu chí đạt/không đạt không có mức xếp loại theo điểm.' }))
    }
    return issues
  },
  summarise: ({ set, criteria, isComplete, prior, asOf }) => {
    const prerequisite = checkPrerequisite({ recognition: set.recognition, level: set.level, prior, asOf })
    const applicable = criteria.filter((criterion) => criterion.status !== 'not-applicable')
    const isMet =
      isComplete &&
      applicable.length > 0 &&
      applicable.every((criterion) => criterion.status === 'met') &&
      (prerequisite === null || prerequisite.isMet)
    const gaps: Gap[] =
      prerequisite?.reason == null
        ? []
        : [{ code: 'prerequisite', indicator: null, shortfall: null, message: prerequisite.reason }]
    return {
      outcome: {
        model: 'pass-fail',
        isMet,
        level: isMet ? set.level : null,
        prerequisite: prerequisite && { isMet: prerequisite.isMet, eligibleFrom: prerequisite.eligibleFrom },
      },
      gaps,
    }
  },
}
