/**
 * Deadlines as rules relative to the evaluation year N (REGULATIONS §5.2), e.g. "before 15/01 of
 * N+1" is `{ kind: 'before', yearOffset: 1, month: 1, day: 15 }`. A rule stores the date the text
 * names; `kind` says whether that day itself is allowed: 'before' ("trước ngày 15/01") means
 * strictly before it, so the last allowed day is 14/01; 'by' ("đến hết ngày …") includes it.
 * Day 29/02 is accepted and becomes 28/02 in a non-leap year; any other impossible date
 * (31/02, 31/04…) is refused by `deadlineRuleSchema`.
 */
import { z } from 'zod'
import type { Issue } from './issues'
import { makeError } from './issues'
import { compareDates, daysInMonth, formatIsoDate, formatVietnameseDate, malformedDateIssue, parseIsoDate } from './calendar'
import type { CalendarDate } from './calendar'

export const deadlineRuleSchema = z
  .object({
    kind: z.enum(['before', 'by']),
    /** Years after the evaluation year: 1 for "năm liền kề sau năm đánh giá". */
    yearOffset: z.number().int().min(-1).max(5),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  })
  // A leap year (2000) as reference: 29/02 passes and is clamped later, 30/02 and 31/04 do not.
  .refine((rule) => rule.day <= daysInMonth({ year: 2000, month: rule.month }), {
    path: ['day'],
    message: 'Ngày không tồn tại trong tháng đã chọn.',
  })

export type DeadlineRule = z.infer<typeof deadlineRuleSchema>

/** TT 24/2023, district track: dossier to Phòng GDĐT before 15/01 of N+1; decision before 15/02 of N+1. */
export const defaultDeadlineRules = {
  submission: { kind: 'before', yearOffset: 1, month: 1, day: 15 },
  decision: { kind: 'before', yearOffset: 1, month: 2, day: 15 },
} as const satisfies Record<string, DeadlineRule>

/**
 * The deadlines a round takes when it leaves them empty, by the regime of its sets and its tier
 * (REGULATIONS §2.9, §3.4): TT 24 — dossier before 15/01 of N+1 at both tiers [S8, S11], decision
 * before 15/02 of N+1 at district level [S9], none at provincial level (UNKNOWN: the province sets
 * it); TT 22 — the self-assessment report "no later than the first quarter" of N+1 [S1], read as up
 * to and including 31/03. Any other regime (a province's own) has none.
 */
export const regimeDeadlineDefaults = ({ regime, tier }: { regime: string | null; tier: string | null }): { submission?: DeadlineRule; decision?: DeadlineRule } => {
  if (regime === 'tt22-2020') return { submission: { kind: 'by', yearOffset: 1, month: 3, day: 31 } }
  if (regime === 'tt24-2023') return tier === 'huyen' ? { ...defaultDeadlineRules } : { submission: defaultDeadlineRules.submission }
  return {}
}

const ruleDate = ({ rule, year }: { rule: DeadlineRule; year: number }): CalendarDate => {
  const deadlineYear = year + rule.yearOffset
  return { year: deadlineYear, month: rule.month, day: Math.min(rule.day, daysInMonth({ year: deadlineYear, month: rule.month })) }
}

/** The date the rule names for evaluation year `year`, as `YYYY-MM-DD` (29/02 → 28/02 in a non-leap year). */
export const deadlineFor = ({ rule, year }: { rule: DeadlineRule; year: number }): string =>
  formatIsoDate(ruleDate({ rule, year }))

export type DeadlineCheck = { ok: true; deadline: string; isOnTime: boolean } | { ok: false; issues: Issue[] }

/**
 * Whether something done `on` (`YYYY-MM-DD`) meets the rule for evaluation year `year`.
 * `extendedUntil` is an extension granted to one unit, inclusive ("gia hạn đến hết ngày"); it
 * replaces the deadline only when it allows more days, so an earlier extension changes nothing.
 */
export const checkDeadline = ({
  rule,
  year,
  on,
  extendedUntil,
}: {
  rule: DeadlineRule
  year: number
  on: string
  extendedUntil?: string | null
}): DeadlineCheck => {
  const date = parseIsoDate(on)
  const extension = extendedUntil == null ? null : parseIsoDate(extendedUntil)
  const issues: Issue[] = []
  if (!date) issues.push(malformedDateIssue({ path: ['on'], value: on }))
  if (extendedUntil != null && !extension) issues.push(malformedDateIssue({ path: ['extendedUntil'], value: extendedUntil }))
  if (!date || issues.length > 0) return { ok: false, issues }
  const comparison = compareDates(date, ruleDate({ rule, year }))
  const isWithinRule = rule.kind === 'before' ? comparison < 0 : comparison <= 0
  const isWithinExtension = extension !== null && compareDates(date, extension) <= 0
  return { ok: true, deadline: deadlineFor({ rule, year }), isOnTime: isWithinRule || isWithinExtension }
}

/** `checkDeadline` as a boolean; a malformed date is never on time. */
export const isOnTime = (input: {
  rule: DeadlineRule
  year: number
  on: string
  extendedUntil?: string | null
}): boolean => {
  const result = checkDeadline(input)
  return result.ok && result.isOnTime
}

/** `{ kind: 'before', yearOffset: 1, month: 1, day: 15 }`, 2025 → `trước ngày 15/01/2026`. */
export const describeDeadline = ({ rule, year }: { rule: DeadlineRule; year: number }): string =>
  `${rule.kind === 'before' ? 'trước ngày' : 'đến hết ngày'} ${formatVietnameseDate(ruleDate({ rule, year }))}`

/**
 * A round's opening date ("Đơn vị bắt đầu nộp hồ sơ từ ngày"): the day the rule names, from which a
 * unit may submit, that day included. The rule's `kind` says nothing for an opening (it shares the
 * deadline's row in the admin), so it is not read.
 */
export const openingFor = ({ rule, year }: { rule: DeadlineRule; year: number }): string => deadlineFor({ rule, year })

/** `{ yearOffset: 0, month: 12, day: 1 }`, 2025 → `từ ngày 01/12/2025`. */
export const describeOpening = ({ rule, year }: { rule: DeadlineRule; year: number }): string =>
  `từ ngày ${formatVietnameseDate(ruleDate({ rule, year }))}`

/**
 * Why something done `on` (`YYYY-MM-DD`) is too early for a round that takes dossiers from the day
 * `rule` names in evaluation year `year`: one issue at `['opening']` with the opening date, or none.
 */
export const checkOpening = ({ rule, year, on }: { rule: DeadlineRule; year: number; on: string }): Issue[] => {
  const date = parseIsoDate(on)
  if (!date) return [malformedDateIssue({ path: ['on'], value: on })]
  const opening = ruleDate({ rule, year })
  if (compareDates(date, opening) >= 0) return []
  return [makeError({ code: 'before-opening', message: `Đợt đánh giá nhận hồ sơ từ ngày ${formatVietnameseDate(opening)}.`, path: ['opening'] })]
}
