/**
 * Recognition rules that depend on dates: the Level 2 prerequisite (TT 24/2023: a Level 1
 * decision at least 12 calendar months old). Pure: `asOf` is given, never read from a clock.
 */
import type { CalendarDate } from './calendar'
import { addMonths, compareDates, formatIsoDate, formatVietnameseDate, parseIsoDate } from './calendar'
import type { ParsedPriorRecognition } from './models/types'
import type { PrerequisiteStatus } from './results'
import type { RecognitionRule } from './schema'

export interface PrerequisiteCheck extends PrerequisiteStatus {
  /** Why the prerequisite is not met, in Vietnamese; null when met. */
  reason: string | null
}

/** Null when the set has no prerequisite level. A prior decision at a higher level also counts. */
export const checkPrerequisite = ({
  recognition,
  level,
  prior,
  asOf,
}: {
  recognition: RecognitionRule | null
  level: number | null
  prior: ParsedPriorRecognition | null
  asOf: CalendarDate
}): PrerequisiteCheck | null => {
  if (!recognition || recognition.prerequisiteLevel === null) return null
  const { prerequisiteLevel, monthsAfterPrerequisite: months } = recognition
  const target = level === null ? 'mức độ này' : `Mức độ ${level}`
  const rule = `chỉ được đề nghị công nhận ${target} sau ít nhất ${months} tháng kể từ ngày có quyết định công nhận Mức độ ${prerequisiteLevel}`

  if (!prior || prior.level < prerequisiteLevel) {
    const held = prior ? `Quyết định công nhận trước đây ở Mức độ ${prior.level}` : 'Chưa có quyết định công nhận'
    return {
      isMet: false,
      eligibleFrom: null,
      reason: `${held}, chưa đạt Mức độ ${prerequisiteLevel}: đơn vị ${rule}.`,
    }
  }
  const from = addMonths({ date: prior.decidedOn, months })
  if (compareDates(asOf, from) >= 0) return { isMet: true, eligibleFrom: formatIsoDate(from), reason: null }
  return {
    isMet: false,
    eligibleFrom: formatIsoDate(from),
    reason:
      `Quyết định công nhận Mức độ ${prior.level} ngày ${formatVietnameseDate(prior.decidedOn)} chưa đủ ${months} tháng ` +
      `tính đến ngày ${formatVietnameseDate(asOf)}: đơn vị có thể đề nghị công nhận ${target} từ ngày ${formatVietnameseDate(from)}.`,
  }
}

/**
 * The prerequisite for a decision signed on `signedOn` (ISO dates in and out): null when the set has
 * none, else whether the unit's prior recognition is old enough and from which day it would be.
 */
export const checkPrerequisiteOn = ({
  recognition,
  level,
  prior,
  signedOn,
}: {
  recognition: RecognitionRule | null
  level: number | null
  prior: { level: number; decidedOn: string } | null
  signedOn: string
}): PrerequisiteCheck | null => {
  const asOf = parseIsoDate(signedOn)
  const decidedOn = prior ? parseIsoDate(prior.decidedOn) : null
  if (!asOf) return { eligibleFrom: null, isMet: false, reason: `Ngày ký không hợp lệ: ${signedOn}.` }
  return checkPrerequisite({ asOf, level, prior: prior && decidedOn ? { decidedOn, level: prior.level } : null, recognition })
}
