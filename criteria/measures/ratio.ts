/**
 * Ratio measure: how many of a population (members, learners) meet a condition, e.g. "ít nhất 90%
 * Thành viên …". The answer keeps both counts; met when numerator/denominator ≥ threshold, decided
 * with integers (threshold in parts per million) so 9/10 meets 0.9 and 8999/10000 does not.
 */
import {
  ceilDivide,
  formatPartsPerMillionAsPercent,
  formatRatioAsPercent,
  maxRatioDenominator,
  partsPerMillion,
  toPartsPerMillion,
} from '../fixedPoint'
import type { DefinitionProblem, MeasureKind } from './types'
import { indicatorLabel, invalidAnswer, refuseUnusedFields, verifiedWithoutThreshold } from './types'

const label = 'Tỷ lệ'

export interface RatioAnswer {
  numerator: number
  denominator: number
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const thresholdProblem = (message: string): DefinitionProblem => ({
  field: 'threshold',
  code: 'invalid-threshold',
  message,
})

/** The threshold in ppm; the schema has already refused anything else. */
const thresholdOf = ({ threshold }: { threshold: number | string | null }): number =>
  typeof threshold === 'number' ? (toPartsPerMillion(threshold) ?? partsPerMillion) : partsPerMillion

export const ratioMeasure: MeasureKind = {
  label,
  needsRubric: false,
  missingText: 'chưa có số liệu',
  needsThreshold: true,
  allowedModels: ['points', 'pass-fail'],
  checkDefinition: ({ indicator }) => {
    const problems = refuseUnusedFields({ indicator, kindLabel: label, fields: ['scale', 'rubric'] })
    const { threshold } = indicator
    if (threshold === null) {
      // an unknown threshold is stored empty while unverified (evaluate judges it `no-threshold`)
      if (indicator.isVerified) {
        problems.push(
          verifiedWithoutThreshold({ indicator, code: 'invalid-threshold', expected: 'một số trong khoảng (0, 1], ví dụ 0.9 cho 90%' }),
        )
      }
    } else if (typeof threshold !== 'number') {
      problems.push(thresholdProblem('Chỉ tiêu tỷ lệ cần ngưỡng là một số trong khoảng (0, 1], ví dụ 0.9 cho 90%.'))
    } else if (!(threshold > 0 && threshold <= 1)) {
      problems.push(thresholdProblem(`Ngưỡng tỷ lệ ${threshold} nằm ngoài khoảng (0, 1]; 90% được ghi là 0.9.`))
    } else if (toPartsPerMillion(threshold) === null) {
      problems.push(thresholdProblem(`Ngưỡng tỷ lệ ${threshold} có quá 6 chữ số thập phân.`))
    }
    return problems
  },
  assess: ({ indicator, value }) => {
    if (!isRecord(value) || typeof value.numerator !== 'number' || typeof value.denominator !== 'number') {
      return invalidAnswer({
        code: 'invalid-answer-type',
        message: 'cần dạng { numerator, denominator }: số người đạt và tổng số người.',
      })
    }
    const { numerator, denominator } = value
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
      return invalidAnswer({ code: 'invalid-answer-type', message: 'số người đạt và tổng số phải là số nguyên.' })
    }
    if (denominator <= 0 || denominator > maxRatioDenominator) {
      return invalidAnswer({
        code: 'answer-out-of-range',
        message: `tổng số (${denominator}) phải lớn hơn 0 và không quá ${maxRatioDenominator}.`,
      })
    }
    if (numerator < 0 || numerator > denominator) {
      return invalidAnswer({
        code: 'answer-out-of-range',
        message: `số người đạt (${numerator}) phải từ 0 đến tổng số (${denominator}).`,
      })
    }
    const thresholdPpm = thresholdOf(indicator)
    const isMet = numerator * partsPerMillion >= thresholdPpm * denominator
    if (isMet) return { isValid: true, isMet, pointsHundredths: null, shortfall: null }
    // smallest k with (numerator + k) / denominator ≥ threshold, the denominator staying as it is
    const needed = ceilDivide({ dividend: thresholdPpm * denominator, divisor: partsPerMillion }) - numerator
    return {
      isValid: true,
      isMet,
      pointsHundredths: null,
      shortfall: {
        amount: needed,
        message:
          `${indicatorLabel(indicator)}: đạt ${numerator}/${denominator} (${formatRatioAsPercent({ numerator, denominator })}), ` +
          `cần tối thiểu ${formatPartsPerMillionAsPercent(thresholdPpm)}: cần thêm ${needed} người đạt.`,
      },
    }
  },
}
