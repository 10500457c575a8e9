/**
 * Working days for deadlines a round states in working days ("45 ngày làm việc", REGULATIONS
 * §2.9): Saturdays and Sundays are off, a public holiday is off, and a compensatory working day
 * (a Saturday the government makes a working day in exchange for a bridge day) is on. The
 * holidays are data (`holidays`): the caller passes the rows it loaded.
 */
import { compareDates, formatIsoDate, nextDay, parseIsoDate, type CalendarDate } from './calendar'

/** One row of the `holidays` table: a day off, or (isWorkingDay) a weekend day worked instead. */
export type CalendarException = { date: string; isWorkingDay: boolean }

/** 0 = Sunday … 6 = Saturday (Zeller-free: days since a known Sunday, 2023-01-01). */
export const weekdayOf = ({ year, month, day }: CalendarDate): number => {
  const utc = Date.UTC(year, month - 1, day)
  return (((Math.round((utc - Date.UTC(2023, 0, 1)) / 86_400_000) % 7) + 7) % 7)
}

const indexExceptions = (exceptions: readonly CalendarException[]) => new Map(exceptions.map((row) => [row.date, row.isWorkingDay]))

/** Whether `date` (YYYY-MM-DD) is a working day, given the holiday rows. */
export const isWorkingDay = ({ date, exceptions }: { date: string; exceptions: readonly CalendarException[] }): boolean => {
  const parsed = parseIsoDate(date)
  if (!parsed) throw new Error(`Ngày không hợp lệ: ${date}`)
  const override = indexExceptions(exceptions).get(date)
  if (override !== undefined) return override
  const weekday = weekdayOf(parsed)
  return weekday !== 0 && weekday !== 6
}

/**
 * The working days strictly after `from` up to and including `to` (0 when `to` is not after `from`):
 * what "within N working days of receipt" counts, the day of receipt itself not counted.
 */
export const countWorkingDays = ({ from, to, exceptions }: { from: string; to: string; exceptions: readonly CalendarException[] }): number => {
  const start = parseIsoDate(from)
  const end = parseIsoDate(to)
  if (!start || !end) throw new Error(`Ngày không hợp lệ: ${!start ? from : to}`)
  const index = indexExceptions(exceptions)
  let count = 0
  for (let day = nextDay(start); compareDates(day, end) <= 0; day = nextDay(day)) {
    const iso = formatIsoDate(day)
    const override = index.get(iso)
    const weekday = weekdayOf(day)
    if (override ?? (weekday !== 0 && weekday !== 6)) count += 1
  }
  return count
}

/** The date `days` working days after `from` (the deadline of "N ngày làm việc kể từ ngày …"). */
export const addWorkingDays = ({ from, days, exceptions }: { from: string; days: number; exceptions: readonly CalendarException[] }): string => {
  const start = parseIsoDate(from)
  if (!start) throw new Error(`Ngày không hợp lệ: ${from}`)
  if (!Number.isInteger(days) || days < 0) throw new Error(`Số ngày làm việc không hợp lệ: ${days}`)
  const index = indexExceptions(exceptions)
  let day = start
  let left = days
  while (left > 0) {
    day = nextDay(day)
    const override = index.get(formatIsoDate(day))
    const weekday = weekdayOf(day)
    if (override ?? (weekday !== 0 && weekday !== 6)) left -= 1
  }
  return formatIsoDate(day)
}
