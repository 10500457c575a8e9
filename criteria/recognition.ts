/**
 * Recognition rules that depend on dates, read from the set's `recognition` data: the prerequisite
 * (TT 24/2023: a Level 1 decision at least 12 calendar months old, measured at the application or
 * at the signing, and still valid unless the rule lets an expired one count) and how long a
 * recognition is kept. Pure: every day is given, never read from a clock.
 */
import type { CalendarDate } from './calendar'
import {
  addMonths,
  compareDates,
  endOfMonthsFrom,
  endOfMonthsFromNewYear,
  formatIsoDate,
  formatVietnameseDate,
  invalidMonthsIssue,
  malformedDateIssue,
  nextDay,
  parseIsoDate,
} from './calendar'
import type { Issue } from './issues'
import { makeError } from './issues'
import type { ParsedPriorRecognition } from './models/types'
import type { ValidityAnchor, WaitMeasuredAt } from './recognitionOptions'
import { validityAnchorOptions, waitMeasuredAtOptions } from './recognitionOptions'
import type { PrerequisiteStatus } from './results'
import type { RecognitionRule } from './schema'

export { validityAnchorOptions, waitMeasuredAtOptions }
export type { ValidityAnchor, WaitMeasuredAt }

export interface PrerequisiteCheck extends PrerequisiteStatus {
  /** Why the prerequisite is not met, in Vietnamese; null when met. */
  reason: string | null
}

/**
 * The part of a rule the prerequisite needs. A rule from `validateCriteriaSet` fits; so does an
 * older literal without the newer fields, which then take the schema's defaults.
 */
export type PrerequisiteRule = Pick<RecognitionRule, 'prerequisiteLevel' | 'monthsAfterPrerequisite'> & Partial<RecognitionRule>

/** The part of a rule the validity needs; a missing anchor is the schema's default. */
export type ValidityRule = Pick<RecognitionRule, 'validityMonths'> & Partial<Pick<RecognitionRule, 'validityAnchor'>>

/**
 * Null when the set has no prerequisite level. A prior decision at a higher level also counts.
 * `asOf` is the day the wait and the prior's validity are measured at (see `checkPrerequisiteOn`).
 */
export const checkPrerequisite = ({
  recognition,
  level,
  prior,
  asOf,
}: {
  recognition: PrerequisiteRule | null
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
  const validUntil = prior.validUntil ?? null
  if (validUntil && !(recognition.expiredPrerequisiteCounts ?? false) && compareDates(asOf, validUntil) > 0) {
    // no later day makes an expired recognition count again, so there is no day to apply from
    return {
      isMet: false,
      eligibleFrom: null,
      reason:
        `Quyết định công nhận Mức độ ${prior.level} ngày ${formatVietnameseDate(prior.decidedOn)} đã hết thời hạn bảo lưu ` +
        `từ ngày ${formatVietnameseDate(nextDay(validUntil))} (bảo lưu đến hết ngày ${formatVietnameseDate(validUntil)}), ` +
        `nên không còn là điều kiện để đề nghị công nhận ${target} tính đến ngày ${formatVietnameseDate(asOf)}.`,
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

/** Which of the given days the wait is measured at; the application falls back to the signing when not known. */
const measuredDay: Record<WaitMeasuredAt, (days: { appliedOn: string | null; signedOn: string | null }) => { day: string | null; name: string }> = {
  application: ({ appliedOn, signedOn }) =>
    appliedOn === null ? { day: signedOn, name: 'Ngày ký' } : { day: appliedOn, name: 'Ngày nộp hồ sơ' },
  decision: ({ signedOn }) => ({ day: signedOn, name: 'Ngày ký' }),
}

/**
 * The prerequisite for a unit applying on `appliedOn` for a decision signed on `signedOn` (ISO dates
 * in and out): null when the set has none, else whether the unit's prior recognition is old enough
 * and still valid on the day the rule measures (`waitMeasuredAt`: the application day, or the
 * signing day when the application day is not given; or always the signing day), and from which
 * day it would be old enough. A prior whose dates cannot be read counts as none.
 */
export const checkPrerequisiteOn = ({
  recognition,
  level,
  prior,
  appliedOn = null,
  signedOn = null,
}: {
  recognition: PrerequisiteRule | null
  level: number | null
  prior: { level: number; decidedOn: string; validUntil?: string | null } | null
  appliedOn?: string | null
  signedOn?: string | null
}): PrerequisiteCheck | null => {
  if (!recognition || recognition.prerequisiteLevel === null) return null
  const { day, name } = measuredDay[recognition.waitMeasuredAt ?? 'application']({ appliedOn, signedOn })
  if (day === null) return { eligibleFrom: null, isMet: false, reason: `Thiếu ${name.toLowerCase()} để tính điều kiện công nhận trước đó.` }
  const asOf = parseIsoDate(day)
  if (!asOf) return { eligibleFrom: null, isMet: false, reason: `${name} không hợp lệ: ${day}.` }
  const decidedOn = prior ? parseIsoDate(prior.decidedOn) : null
  const hasValidUntil = prior?.validUntil !== undefined && prior?.validUntil !== null
  const validUntil = hasValidUntil ? parseIsoDate(prior?.validUntil) : null
  const parsed = prior && decidedOn && (!hasValidUntil || validUntil) ? { decidedOn, level: prior.level, validUntil } : null
  return checkPrerequisite({ asOf, level, prior: parsed, recognition })
}

export type ValidityResult = { ok: true; validUntil: string | null } | { ok: false; issues: Issue[] }

/** Per anchor: whether it needs the evaluation year, and the last day of `months` (≥ 1) of validity. */
const validityAnchors: Record<
  ValidityAnchor,
  { needsEvaluationYear: boolean; end: (args: { decidedOn: CalendarDate; evaluationYear: number; months: number }) => CalendarDate }
> = {
  'after-decision-year': {
    needsEvaluationYear: false,
    end: ({ decidedOn, months }) => endOfMonthsFromNewYear({ year: decidedOn.year + 1, months }),
  },
  'signing-date': { needsEvaluationYear: false, end: ({ decidedOn, months }) => endOfMonthsFrom({ date: decidedOn, months }) },
  'after-evaluation-year': {
    needsEvaluationYear: true,
    end: ({ evaluationYear, months }) => endOfMonthsFromNewYear({ year: evaluationYear + 1, months }),
  },
}

/**
 * The last day a recognition decided on `decidedOn` is kept (`YYYY-MM-DD`), or null when the rule
 * gives no validity period. Anchors, 36 months: `after-decision-year` (TT 24/2023 "tiếp theo năm
 * được công nhận") any day of 2025 → 2028-12-31; `signing-date` 2025-03-15 → 2028-03-14;
 * `after-evaluation-year` evaluation year 2024 → 2027-12-31, whatever the decision's day.
 */
export const validityOf = ({
  rule,
  decidedOn,
  evaluationYear = null,
}: {
  rule: ValidityRule
  decidedOn: string
  evaluationYear?: number | null
}): ValidityResult => {
  const anchor = validityAnchors[rule.validityAnchor ?? 'after-decision-year']
  const months = rule.validityMonths
  const date = parseIsoDate(decidedOn)
  const issues: Issue[] = []
  if (!date) issues.push(malformedDateIssue({ path: ['decidedOn'], value: decidedOn }))
  if (months !== null && (!Number.isSafeInteger(months) || months < 1)) {
    issues.push(invalidMonthsIssue({ path: ['rule', 'validityMonths'], value: months }))
  }
  const year = Number.isInteger(evaluationYear) && evaluationYear !== null && evaluationYear >= 1000 && evaluationYear <= 9998 ? evaluationYear : null
  if (months !== null && anchor.needsEvaluationYear && year === null) {
    issues.push(
      makeError({
        code: 'invalid-evaluation-year',
        path: ['evaluationYear'],
        message: `Năm đánh giá không hợp lệ: ${String(evaluationYear)}; thời hạn bảo lưu tính từ năm sau năm đánh giá nên cần năm đánh giá.`,
      }),
    )
  }
  if (!date || issues.length > 0) return { ok: false, issues }
  if (months === null) return { ok: true, validUntil: null }
  // an anchor that needs the year has it by now; the others ignore it
  return { ok: true, validUntil: formatIsoDate(anchor.end({ decidedOn: date, evaluationYear: year ?? date.year, months })) }
}

const anchorPhrases: Record<ValidityAnchor, string> = {
  'after-decision-year': 'tính từ ngày 01/01 của năm sau năm ra quyết định công nhận',
  'signing-date': 'tính từ ngày ký quyết định công nhận',
  'after-evaluation-year': 'tính từ ngày 01/01 của năm sau năm đánh giá',
}

const measuredPhrases: Record<WaitMeasuredAt, string> = {
  application: 'tính đến ngày đơn vị nộp hồ sơ đề nghị',
  decision: 'tính đến ngày ký quyết định công nhận',
}

/**
 * The rule in one or two Vietnamese sentences, as an administrator or a unit should read it, e.g.
 * "Đơn vị chỉ được đề nghị công nhận Mức độ 2 khi đã được công nhận Mức độ 1 và quyết định đó còn
 * thời hạn bảo lưu, sau ít nhất 12 tháng kể từ ngày ra quyết định công nhận Mức độ 1 (tính đến ngày
 * đơn vị nộp hồ sơ đề nghị). Kết quả công nhận được bảo lưu 36 tháng, tính từ ngày 01/01 …"
 * followed by "(chưa đối chiếu văn bản gốc)" while the rule is not verified.
 */
export const describeRecognitionRule = ({
  rule,
  level,
}: {
  rule: PrerequisiteRule & ValidityRule
  level: number | null
}): string => {
  const target = level === null ? 'mức độ này' : `Mức độ ${level}`
  const { prerequisiteLevel, monthsAfterPrerequisite: months } = rule
  const sentences: string[] = []
  if (prerequisiteLevel === null) {
    sentences.push(`Đơn vị được đề nghị công nhận ${target} mà không cần đã được công nhận ở mức độ khác.`)
  } else {
    const validity = (rule.expiredPrerequisiteCounts ?? false)
      ? ', kể cả khi quyết định đó đã hết thời hạn bảo lưu'
      : ' và quyết định đó còn thời hạn bảo lưu'
    const wait =
      months > 0
        ? `, sau ít nhất ${months} tháng kể từ ngày ra quyết định công nhận Mức độ ${prerequisiteLevel} ` +
          `(${measuredPhrases[rule.waitMeasuredAt ?? 'application']})`
        : ''
    sentences.push(`Đơn vị chỉ được đề nghị công nhận ${target} khi đã được công nhận Mức độ ${prerequisiteLevel}${validity}${wait}.`)
  }
  sentences.push(
    rule.validityMonths === null
      ? 'Kết quả công nhận không có thời hạn bảo lưu.'
      : `Kết quả công nhận được bảo lưu ${rule.validityMonths} tháng, ${anchorPhrases[rule.validityAnchor ?? 'after-decision-year']}.`,
  )
  const text = sentences.join(' ')
  return (rule.isVerified ?? false) ? text : `${text} (chưa đối chiếu văn bản gốc)`
}
