/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without a clock and without `Date`:
 * the recognition rules count calendar months (12-month wait, 36-month validity), and
 * a month added to 31 January or 29 February lands on the last day of the shorter month.
 */
import type { Issue, IssuePath } from './issues'
import { makeError } from './issues'

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export type DateResult = { ok: true; date: string } | { ok: false; issues: Issue[] }

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

export const isLeapYear = ({ year }: { year: number }): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const daysInMonth = ({ year, month }: { year: number; month: number }): number =>
  month === 2 && isLeapYear({ year }) ? 29 : monthLengths[month - 1]

/** A real calendar date in `YYYY-MM-DD` form (year 1000–9999), or null. */
export const parseIsoDate = (value: unknown): CalendarDate | null => {
  if (typeof value !== 'string') return null
  const match = isoDatePattern.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth({ year, month })) return null
  return { year, month, day }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

export const formatIsoDate = ({ year, month, day }: CalendarDate): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

/** `2025-03-31` → `31/03/2025`, the form Vietnamese documents use. */
export const formatVietnameseDate = ({ year, month, day }: CalendarDate): string =>
  `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`

export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export const addMonths = ({ date, months }: { date: CalendarDate; months: number }): CalendarDate => {
  const index = date.year * 12 + (date.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (((index % 12) + 12) % 12) + 1
  return { year, month, day: Math.min(date.day, daysInMonth({ year, month })) }
}

/** The day before `date`. */
export const previousDay = ({ year, month, day }: CalendarDate): CalendarDate => {
  if (day > 1) return { year, month, day: day - 1 }
  const before = addMonths({ date: { year, month, day: 1 }, months: -1 })
  return { ...before, day: daysInMonth(before) }
}

/** The day after `date`. */
export const nextDay = ({ year, month, day }: CalendarDate): CalendarDate =>
  day < daysInMonth({ year, month }) ? { year, month, day: day + 1 } : addMonths({ date: { year, month, day: 1 }, months: 1 })

/** Last day of `months` calendar months that start on 1 January of `year` (months ≥ 1). */
export const endOfMonthsFromNewYear = ({ year, months }: { year: number; months: number }): CalendarDate => {
  const lastMonth = addMonths({ date: { year, month: 1, day: 1 }, months: months - 1 })
  return { ...lastMonth, day: daysInMonth(lastMonth) }
}

/**
 * Last day of `months` calendar months counted from `date` itself as day one: the day before the
 * same day `months` later (15/03/2025 + 36 → 14/03/2028), or, when that month has no such day,
 * its last day (31/01/2025 + 1 → 28/02/2025), so no period is cut short by a short month.
 */
export const endOfMonthsFrom = ({ date, months }: { date: CalendarDate; months: number }): CalendarDate => {
  const sameDay = addMonths({ date, months })
  return sameDay.day < date.day ? sameDay : previousDay(sameDay)
}

export const malformedDateIssue = ({ path, value }: { path: IssuePath; value: unknown }): Issue =>
  makeError({
    code: 'invalid-date',
    path,
    message: `Ngày không hợp lệ: ${JSON.stringify(value) ?? String(value)}; cần dạng YYYY-MM-DD (ví dụ 2025-01-15).`,
  })

export const invalidMonthsIssue = ({ path, value }: { path: IssuePath; value: unknown }): Issue =>
  makeError({
    code: 'invalid-months',
    path,
    message: `Số tháng không hợp lệ: ${String(value)}; cần một số nguyên không âm.`,
  })

/**
 * The first day a unit may apply after waiting `months` calendar months from a decision
 * (TT 24/2023: Level 2 "sau ít nhất 1 năm (12 tháng) kể từ ngày ra quyết định công nhận").
 * Decided 2024-03-31, 12 months → 2025-03-31; decided 2024-02-29, 12 months → 2025-02-28.
 */
export const eligibleFrom = ({ decidedOn, months }: { decidedOn: string; months: number }): DateResult => {
  const date = parseIsoDate(decidedOn)
  const issues: Issue[] = []
  if (!date) issues.push(malformedDateIssue({ path: ['decidedOn'], value: decidedOn }))
  if (!Number.isSafeInteger(months) || months < 0) issues.push(invalidMonthsIssue({ path: ['months'], value: months }))
  if (!date || issues.length > 0) return { ok: false, issues }
  return { ok: true, date: formatIsoDate(addMonths({ date, months })) }
}

/**
 * Last day a recognition is kept under the rule's default anchor (`validityOf` in recognition.ts
 * handles every anchor and a rule without validity). TT 24/2023: "bảo lưu trong thời hạn 03 năm (36 tháng) tiếp theo
 * năm được công nhận": the months start on 1 January after the year of the decision, so a
 * decision of any day in year N with 36 months is valid until 31/12 of N+3.
 */
export const validUntil = ({
  decidedOn,
  validityMonths,
}: {
  decidedOn: string
  validityMonths: number
}): DateResult => {
  const date = parseIsoDate(decidedOn)
  const issues: Issue[] = []
  if (!date) issues.push(malformedDateIssue({ path: ['decidedOn'], value: decidedOn }))
  if (!Number.isSafeInteger(validityMonths) || validityMonths < 1) {
    issues.push(invalidMonthsIssue({ path: ['validityMonths'], value: validityMonths }))
  }
  if (!date || issues.length > 0) return { ok: false, issues }
  return { ok: true, date: formatIsoDate(endOfMonthsFromNewYear({ year: date.year + 1, months: validityMonths })) }
}
