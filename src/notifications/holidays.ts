/**
 * The `holidays` rows a fresh database starts with: Vietnam's public holidays of this year and the
 * next from the `date-holidays` package (Tết from the lunar calendar), marked unverified. The
 * package lists one day of Tết and of Quốc khánh; the other days off and the compensatory
 * Saturdays are fixed by the government each year, and the admin adds them.
 */
import Holidays from 'date-holidays'
import type { Payload, PayloadRequest } from 'payload'

export const vietnamPublicHolidays = ({ year }: { year: number }): { date: string; name: string }[] =>
  new Holidays('VN')
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))

/** Adds the package's holidays for each year that has none yet; a year the admin already keeps is left alone. */
export const seedHolidays = async ({ payload, req, years }: { payload: Payload; req?: Partial<PayloadRequest>; years: readonly number[] }) => {
  let added = 0
  for (const year of years) {
    const { totalDocs } = await payload.count({ collection: 'holidays', overrideAccess: true, req, where: { and: [{ date: { greater_than_equal: `${year}-01-01T00:00:00.000Z` } }, { date: { less_than: `${year + 1}-01-01T00:00:00.000Z` } }] } })
    if (totalDocs > 0) continue
    for (const holiday of vietnamPublicHolidays({ year })) {
      try {
        await payload.create({ collection: 'holidays', data: { date: `${holiday.date}T00:00:00.000Z`, isVerified: false, isWorkingDay: false, name: holiday.name, source: 'Lịch ngày lễ tự động theo âm lịch và dương lịch (chưa đối chiếu thông báo nghỉ lễ năm nay)' }, overrideAccess: true, req })
        added += 1
      } catch {
        // another process seeded the same day at the same start: the unique date keeps one
      }
    }
  }
  return added
}

/** The rows as the pure working-day functions read them. */
export const loadCalendarExceptions = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }) => {
  const { docs } = await payload.find({ collection: 'holidays', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { date: true, isWorkingDay: true } })
  return docs.map((row) => ({ date: String(row.date).slice(0, 10), isWorkingDay: Boolean(row.isWorkingDay) }))
}
