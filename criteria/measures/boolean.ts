/** Boolean measure: the unit did it or not (a plan issued, a budget allocated); met when true. */
import type { MeasureKind } from './types'
import { indicatorLabel, invalidAnswer, refuseUnusedFields } from './types'

const label = 'Có/Không'

export const booleanMeasure: MeasureKind = {
  label,
  needsRubric: false,
  missingText: 'chưa trả lời Đạt/Không đạt',
  needsThreshold: false,
  allowedModels: ['points', 'pass-fail'],
  checkDefinition: ({ indicator }) => refuseUnusedFields({ indicator, kindLabel: label, fields: ['threshold', 'scale', 'rubric'] }),
  assess: ({ indicator, value }) => {
    if (typeof value !== 'boolean') {
      return invalidAnswer({ code: 'invalid-answer-type', message: 'cần trả lời true (đạt) hoặc false (chưa đạt).' })
    }
    return {
      isValid: true,
      isMet: value,
      pointsHundredths: null,
      shortfall: value ? null : { amount: null, message: `${indicatorLabel(indicator)}: chưa đạt.` },
    }
  },
}
