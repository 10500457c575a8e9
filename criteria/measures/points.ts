/**
 * Points measure (TT 22/2020 style): the unit is given a score in [0, maxPoints], in steps of
 * 0.01, or one its scoring guide (`rubric`) allows. The points are summed by the points model; the
 * indicator counts as met only at full marks.
 */
import { formatHundredths, toHundredths } from '../fixedPoint'
import { checkRubric, offRubric } from '../rubric'
import type { MeasureKind } from './types'
import { indicatorLabel, invalidAnswer, refuseUnusedFields } from './types'

const label = 'Chấm điểm'

export const pointsMeasure: MeasureKind = {
  label,
  needsRubric: true,
  missingText: 'chưa tự chấm điểm',
  needsThreshold: false,
  allowedModels: ['points'],
  // maxPoints is required by the points model for every indicator, so it is checked there
  checkDefinition: ({ indicator }) => [
    ...refuseUnusedFields({ indicator, kindLabel: label, fields: ['threshold', 'scale'] }),
    ...checkRubric({ indicator }),
  ],
  assess: ({ indicator, value }) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return invalidAnswer({ code: 'invalid-answer-type', message: 'cần một số điểm.' })
    }
    const hundredths = toHundredths(value)
    if (hundredths === null) {
      return invalidAnswer({ code: 'invalid-answer-precision', message: `điểm ${value} có quá 2 chữ số thập phân.` })
    }
    const maxHundredths = indicator.maxPoints === null ? 0 : (toHundredths(indicator.maxPoints) ?? 0)
    if (hundredths < 0 || hundredths > maxHundredths) {
      return invalidAnswer({
        code: 'answer-out-of-range',
        message: `điểm ${formatHundredths(hundredths)} phải từ 0 đến ${formatHundredths(maxHundredths)}.`,
      })
    }
    const allowed = offRubric({ rubric: indicator.rubric, hundredths, maxHundredths })
    if (allowed !== null) {
      return invalidAnswer({
        code: 'answer-not-in-rubric',
        message: `điểm ${formatHundredths(hundredths)} không có trong hướng dẫn chấm (${allowed}).`,
      })
    }
    const isMet = hundredths === maxHundredths
    const missing = maxHundredths - hundredths
    return {
      isValid: true,
      isMet,
      pointsHundredths: hundredths,
      shortfall: isMet
        ? null
        : {
            amount: missing / 100,
            message:
              `${indicatorLabel(indicator)}: ${formatHundredths(hundredths)}/${formatHundredths(maxHundredths)} điểm, ` +
              `còn thiếu ${formatHundredths(missing)} điểm.`,
          },
    }
  },
}
