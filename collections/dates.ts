/**
 * Payload stores date fields as timestamps; the rules work on calendar days in Vietnam. A day is
 * written at 12:00 UTC (19:00 in Vietnam), so it reads back as the same day in every time zone an
 * administrator's browser may use.
 */
const vietnamDay = new Intl.DateTimeFormat('en-CA', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' })

/** A stored date (timestamp or `YYYY-MM-DD`) as the calendar day in Vietnam, or null. */
export const toIsoDay = (value: unknown): string | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : vietnamDay.format(date)
}

/** `2026-01-15` → the timestamp Payload stores for that day. */
export const fromIsoDay = (day: string): string => `${day}T12:00:00.000Z`

/** Today in Vietnam as `YYYY-MM-DD`. */
export const todayInVietnam = (now: Date): string => vietnamDay.format(now)
