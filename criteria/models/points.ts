/**
 * Points model (TT 22/2020): indicators are scored, scores are summed, and the total is graded by
 * the set's bands (Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, else Chưa đạt). Not-applicable indicators
 * weigh 0; an incomplete self-assessment gets points but no grade. A group (criterion) may have a
 * floor (`minPoints`): a complete self-assessment with a group below it gets the lowest band.
 */
import { formatHundredths, toHundredths } from '../fixedPoint'
import type { Issue } from '../issues'
import { makeError } from '../issues'
import type { CriterionResult, Gap } from '../results'
import type { CriteriaSet, GradeBand } from '../schema'
import type { ScoringModel } from './types'

/** Bands with bounds in hundredths, highest first. */
const rankBands = ({ bands }: { bands: readonly GradeBand[] }) =>
  bands
    .map((band) => ({ band, minHundredths: toHundredths(band.minPoints) ?? 0 }))
    .sort((a, b) => b.minHundredths - a.minHundredths)

/** One gap per group below its floor, in the set's order; a group with nothing applicable has no points and no floor. */
const belowFloors = ({
  set,
  criteria,
  lowest,
  totals,
}: {
  set: CriteriaSet
  criteria: readonly CriterionResult[]
  lowest: GradeBand
  totals: { pointsHundredths: number }
}): Gap[] => {
  const resultByCode = new Map(criteria.map((criterion) => [criterion.code, criterion]))
  return set.criteria.flatMap((criterion) => {
    const result = resultByCode.get(criterion.code)
    const floor = criterion.minPoints === null ? null : toHundredths(criterion.minPoints)
    const points = result?.points == null ? null : toHundredths(result.points)
    if (floor === null || points === null || points >= floor) return []
    return [
      {
        code: 'group-floor' as const,
        indicator: null,
        shortfall: (floor - points) / 100,
        message:
          `Nhóm ${criterion.code} (${criterion.title}) đạt ${formatHundredths(points)} điểm, dưới điểm sàn ${formatHundredths(floor)} điểm ` +
          `của nhóm: xếp loại ${lowest.label} dù tổng ${formatHundredths(totals.pointsHundredths)} điểm.`,
      },
    ]
  })
}

export const pointsModel: ScoringModel = {
  label: 'Chấm điểm, xếp loại',
  verdictMeasure: 'points',
  unitVerdict: ({ status, points }) => (status === 'met' || status === 'not-met' ? points : null),
  checkSet: ({ set }) => {
    const issues: Issue[] = []
    if (set.level !== null) {
      issues.push(
        makeError({
          code: 'level-not-allowed',
          path: ['level'],
          message: 'Bộ tiêu chí chấm điểm xếp loại, không công nhận theo mức độ: hãy để trống mức độ.',
        }),
      )
    }

    let totalHundredths = 0
    set.criteria.forEach((criterion, criterionIndex) => {
      let criterionHundredths = 0
      criterion.indicators.forEach((indicator, indicatorIndex) => {
        const path = ['criteria', criterionIndex, 'indicators', indicatorIndex, 'maxPoints']
        const maxHundredths = indicator.maxPoints === null ? null : toHundredths(indicator.maxPoints)
        if (indicator.maxPoints === null) {
          issues.push(
            makeError({
              code: 'missing-max-points',
              path,
              message: `Chỉ tiêu ${indicator.code} cần số điểm tối đa (bộ tiêu chí chấm điểm).`,
            }),
          )
        } else if (maxHundredths === null || maxHundredths <= 0) {
          issues.push(
            makeError({
              code: 'invalid-max-points',
              path,
              message: `Điểm tối đa ${indicator.maxPoints} phải lớn hơn 0 và có tối đa 2 chữ số thập phân.`,
            }),
          )
        } else {
          criterionHundredths += maxHundredths
        }
      })
      if (criterion.minPoints !== null) {
        const floor = toHundredths(criterion.minPoints)
        const path = ['criteria', criterionIndex, 'minPoints']
        if (floor === null || floor < 0) {
          issues.push(
            makeError({
              code: 'invalid-criterion-min-points',
              path,
              message: `Điểm sàn của nhóm ${criterion.code} (${criterion.minPoints}) phải từ 0 trở lên và có tối đa 2 chữ số thập phân.`,
            }),
          )
        } else if (floor > criterionHundredths) {
          issues.push(
            makeError({
              code: 'criterion-min-points-above-max',
              path,
              message: `Điểm sàn của nhóm ${criterion.code} (${formatHundredths(floor)}) vượt điểm tối đa của nhóm (${formatHundredths(criterionHundredths)}).`,
            }),
          )
        }
      }
      if (criterion.maxPoints !== null && toHundredths(criterion.maxPoints) !== criterionHundredths) {
        issues.push(
          makeError({
            code: 'criterion-max-points-mismatch',
            path: ['criteria', criterionIndex, 'maxPoints'],
            message: `Điểm tối đa của tiêu chí ${criterion.code} (${criterion.maxPoints}) khác tổng điểm tối đa các chỉ tiêu (${formatHundredths(criterionHundredths)}).`,
          }),
        )
      }
      totalHundredths += criterionHundredths
    })

    if (set.gradeBands.length === 0) {
      issues.push(
        makeError({ code: 'missing-grade-bands', path: ['gradeBands'], message: 'Bộ tiêu chí chấm điểm cần các mức xếp loại.' }),
      )
      return issues
    }
    const seenCodes = new Set<string>()
    const seenBounds = new Set<number>()
    set.gradeBands.forEach((band, bandIndex) => {
      if (seenCodes.has(band.code)) {
        issues.push(
          makeError({
            code: 'duplicate-grade-band-code',
            path: ['gradeBands', bandIndex, 'code'],
            message: `Mã xếp loại "${band.code}" bị trùng.`,
          }),
        )
      }
      seenCodes.add(band.code)
      const bound = toHundredths(band.minPoints)
      const path = ['gradeBands', bandIndex, 'minPoints']
      if (bound === null) {
        issues.push(
          makeError({ code: 'invalid-min-points', path, message: `Điểm sàn ${band.minPoints} có quá 2 chữ số thập phân.` }),
        )
      } else if (seenBounds.has(bound)) {
        issues.push(
          makeError({ code: 'duplicate-min-points', path, message: `Hai mức xếp loại cùng điểm sàn ${band.minPoints}.` }),
        )
      } else if (bound > totalHundredths) {
        issues.push(
          makeError({
            code: 'min-points-above-total',
            path,
            message: `Điểm sàn ${band.minPoints} vượt tổng điểm tối đa ${formatHundredths(totalHundredths)}.`,
          }),
        )
      }
      if (bound !== null) seenBounds.add(bound)
    })
    if (!seenBounds.has(0)) {
      issues.push(
        makeError({
          code: 'missing-lowest-grade-band',
          path: ['gradeBands'],
          message: 'Cần một mức xếp loại có điểm sàn 0 (ví dụ "Chưa đạt") để mọi tổng điểm đều được xếp loại.',
        }),
      )
    }
    return issues
  },
  summarise: ({ set, criteria, isComplete, totals }) => {
    const bands = rankBands({ bands: set.gradeBands })
    const lowest = bands.at(-1) ?? null
    const floorGaps = isComplete && lowest ? belowFloors({ set, criteria, lowest: lowest.band, totals }) : []
    const reached = floorGaps.length > 0 ? lowest : (bands.find(({ minHundredths }) => minHundredths <= totals.pointsHundredths) ?? null)
    const outcome = {
      model: 'points' as const,
      points: totals.pointsHundredths / 100,
      maxPoints: totals.maxPointsHundredths / 100,
      grade: isComplete && reached ? reached.band.code : null,
      gradeLabel: isComplete && reached ? reached.band.label : null,
    }
    // a floor missed decides the grade: more points on the total would not lift it
    if (floorGaps.length > 0) return { outcome, gaps: floorGaps }
    // the next band up is the lowest bound above the total; only said once the score is final
    const next = bands.findLast(({ minHundredths }) => minHundredths > totals.pointsHundredths)
    if (!isComplete || !next) return { outcome, gaps: [] }
    const missing = next.minHundredths - totals.pointsHundredths
    return {
      outcome,
      gaps: [
        {
          code: 'next-grade',
          indicator: null,
          shortfall: missing / 100,
          message:
            `Tổng ${formatHundredths(totals.pointsHundredths)} điểm: cần thêm ${formatHundredths(missing)} điểm ` +
            `để đạt xếp loại ${next.band.label} (từ ${formatHundredths(next.minHundredths)} điểm).`,
        },
      ],
    }
  },
}
