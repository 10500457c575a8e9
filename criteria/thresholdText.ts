/**
 * How an administrator writes a threshold in one text field: a ratio as a percentage ("90%",
 * "97,5 %") or a fraction ("0.9"); a rank as a code of the indicator's scale. Boolean and points
 * indicators take none. Parsing is strict so a typo is refused, never guessed. An empty field is
 * no threshold: an UNKNOWN value stays empty, and the schema refuses that only on a verified indicator.
 */
import type { MeasureKindCode } from './measures/registry'

export type ThresholdParse = { ok: true; threshold: number | string | null } | { ok: false; message: string }

const percentPattern = /^(\d{1,3}(?:[.,]\d{1,4})?)\s*%$/
const fractionPattern = /^(0(?:[.,]\d{1,6})?|1(?:[.,]0{1,6})?)$/

type ThresholdForm = 'none' | 'fraction' | 'code'

/** How each measure kind's threshold is written; the record type makes a new kind declare its form. */
const thresholdForms: Record<MeasureKindCode, ThresholdForm> = {
  boolean: 'none',
  points: 'none',
  rank: 'code',
  ratio: 'fraction',
}

const parsers: Record<ThresholdForm, (value: string) => ThresholdParse> = {
  code: (value) => ({ ok: true, threshold: value === '' ? null : value }),
  fraction: (value) => {
    if (value === '') return { ok: true, threshold: null }
    const percent = percentPattern.exec(value)
    if (percent) {
      const number = Number(percent[1].replace(',', '.'))
      if (number > 0 && number <= 100) return { ok: true, threshold: Number((number / 100).toFixed(6)) }
      return { ok: false, message: `Ngưỡng ${value} phải lớn hơn 0% và không quá 100%.` }
    }
    const fraction = fractionPattern.exec(value)
    if (fraction && Number(fraction[1].replace(',', '.')) > 0) return { ok: true, threshold: Number(fraction[1].replace(',', '.')) }
    return { ok: false, message: `Không đọc được ngưỡng "${value}": hãy nhập phần trăm, ví dụ 90%.` }
  },
  none: (value) => (value === '' ? { ok: true, threshold: null } : { ok: false, message: 'Chỉ tiêu loại này không có ngưỡng; hãy để trống.' }),
}

export const parseThresholdText = ({ measure, text }: { measure: MeasureKindCode; text: string | null | undefined }): ThresholdParse =>
  parsers[thresholdForms[measure]]((text ?? '').trim())

/** The text an administrator sees for a stored threshold: ratios as a percentage. */
export const formatThresholdText = ({ threshold }: { threshold: number | string | null }): string => {
  if (threshold === null) return ''
  if (typeof threshold === 'string') return threshold
  return `${Number((threshold * 100).toFixed(4))}%`
}
