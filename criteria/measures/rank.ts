/**
 * Rank measure: a code from an ordered scale, low to high (emulation titles `khong` <
 * `tap-the-lao-dong-tien-tien` < `tap-the-lao-dong-xuat-sac`; digital-transformation levels);
 * met when the answer is at or above the threshold code.
 */
import type { MeasureKind } from './types'
import { indicatorLabel, invalidAnswer, refuseUnusedFields, verifiedWithoutThreshold } from './types'

const label = 'Xếp bậc'

export const rankMeasure: MeasureKind = {
  label,
  needsRubric: false,
  missingText: 'chưa chọn mức',
  needsThreshold: true,
  allowedModels: ['points', 'pass-fail'],
  checkDefinition: ({ indicator }) => {
    const problems = refuseUnusedFields({ indicator, kindLabel: label, fields: ['rubric'] })
    const { scale, threshold } = indicator
    if (scale.length < 2) {
      problems.push({
        field: 'scale',
        code: 'invalid-scale',
        message: 'Chỉ tiêu xếp bậc cần thang bậc có ít nhất 2 mã, xếp từ thấp đến cao.',
      })
    } else if (new Set(scale).size !== scale.length) {
      problems.push({ field: 'scale', code: 'duplicate-scale-code', message: 'Thang bậc có mã bị trùng.' })
    }
    if (threshold === null) {
      // an unknown threshold is stored empty while unverified (evaluate judges it `no-threshold`)
      if (indicator.isVerified) {
        problems.push(
          verifiedWithoutThreshold({
            indicator,
            code: 'threshold-not-in-scale',
            expected: `một mã trong thang bậc (${scale.join(' < ')})`,
          }),
        )
      }
    } else if (typeof threshold !== 'string' || !scale.includes(threshold)) {
      problems.push({
        field: 'threshold',
        code: 'threshold-not-in-scale',
        message: `Ngưỡng ${JSON.stringify(threshold)} không có trong thang bậc (${scale.join(' < ')}).`,
      })
    }
    return problems
  },
  assess: ({ indicator, value }) => {
    const { scale, threshold } = indicator
    if (typeof value !== 'string') {
      return invalidAnswer({ code: 'invalid-answer-type', message: `cần một mã trong thang bậc: ${scale.join(', ')}.` })
    }
    const position = scale.indexOf(value)
    if (position < 0) {
      return invalidAnswer({
        code: 'answer-out-of-range',
        message: `"${value}" không có trong thang bậc: ${scale.join(', ')}.`,
      })
    }
    const required = typeof threshold === 'string' ? scale.indexOf(threshold) : scale.length - 1
    const isMet = position >= required
    return {
      isValid: true,
      isMet,
      pointsHundredths: null,
      shortfall: isMet
        ? null
        : {
            amount: required - position,
            message:
              `${indicatorLabel(indicator)}: hiện ở mức "${value}", cần từ mức "${String(threshold)}" trở lên ` +
              `(còn thiếu ${required - position} bậc).`,
          },
    }
  },
}
