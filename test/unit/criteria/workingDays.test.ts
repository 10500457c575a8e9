/**
 * Working days around Tết and 30/4–1/5. The holiday rows are test data in the shape the admin keeps
 * them (`holidays`): the Tết days and the compensatory Saturday below are an example calendar, not a
 * statement of any year's official schedule.
 */
import { describe, expect, it } from 'vitest'

import { addWorkingDays, countWorkingDays, isWorkingDay, weekdayOf, type CalendarException } from '@criteria/workingDays'

const off = (date: string): CalendarException => ({ date, isWorkingDay: false })
const worked = (date: string): CalendarException => ({ date, isWorkingDay: true })

// Tết Bính Ngọ: 17/02/2026 (a Tuesday) is the first day of the lunar year; an example break Mon 16/02 – Fri 20/02
const tet2026 = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(off)
// 30/4 (Thursday) and 1/5 (Friday) 2026
const reunification2026 = ['2026-04-30', '2026-05-01'].map(off)

describe('weekdayOf', () => {
  it.each([
    ['2026-02-17', 2],
    ['2026-02-21', 6],
    ['2026-02-22', 0],
    ['2026-04-30', 4],
    ['2024-02-29', 4],
    ['2022-12-31', 6],
  ])('%s → %i', (date, weekday) => {
    expect(weekdayOf({ day: Number(date.slice(8)), month: Number(date.slice(5, 7)), year: Number(date.slice(0, 4)) })).toBe(weekday)
  })
})

describe('isWorkingDay', () => {
  it('skips weekends and holidays, and counts a compensatory Saturday', () => {
    expect(isWorkingDay({ date: '2026-02-13', exceptions: tet2026 })).toBe(true)
    expect(isWorkingDay({ date: '2026-02-17', exceptions: tet2026 })).toBe(false)
    expect(isWorkingDay({ date: '2026-02-17', exceptions: [] })).toBe(true)
    expect(isWorkingDay({ date: '2026-02-21', exceptions: [] })).toBe(false)
    expect(isWorkingDay({ date: '2026-02-28', exceptions: [worked('2026-02-28')] })).toBe(true)
    expect(() => isWorkingDay({ date: '2026-02-30', exceptions: [] })).toThrow('Ngày không hợp lệ')
  })
})

describe('countWorkingDays (the day of receipt not counted, the last day counted)', () => {
  it.each([
    { from: '2026-02-13', to: '2026-02-23', exceptions: tet2026, expected: 1, why: 'Fri before Tết → Mon after: the Tết week and two weekends skipped' },
    { from: '2026-02-13', to: '2026-02-23', exceptions: [], expected: 6, why: 'the same span without holidays' },
    { from: '2026-02-13', to: '2026-02-28', exceptions: [...tet2026, worked('2026-02-28')], expected: 6, why: 'a compensatory Saturday counts' },
    { from: '2026-04-29', to: '2026-05-04', exceptions: reunification2026, expected: 1, why: '30/4 and 1/5 then the weekend' },
    { from: '2026-04-29', to: '2026-04-29', exceptions: [], expected: 0, why: 'the same day' },
    { from: '2026-05-04', to: '2026-04-29', exceptions: [], expected: 0, why: 'an end before the start' },
  ])('$why: $expected', ({ from, to, exceptions, expected }) => {
    expect(countWorkingDays({ exceptions, from, to })).toBe(expected)
  })
})

describe('addWorkingDays', () => {
  it.each([
    { from: '2026-04-29', days: 1, exceptions: reunification2026, expected: '2026-05-04' },
    { from: '2026-04-29', days: 2, exceptions: reunification2026, expected: '2026-05-05' },
    { from: '2026-04-29', days: 1, exceptions: [], expected: '2026-04-30' },
    { from: '2026-02-12', days: 2, exceptions: tet2026, expected: '2026-02-23' },
    { from: '2026-02-12', days: 2, exceptions: [...tet2026, worked('2026-02-21')], expected: '2026-02-21' },
    { from: '2026-02-13', days: 0, exceptions: [], expected: '2026-02-13' },
    // "45 ngày làm việc" from Friday 02/01/2026 with no holiday: nine whole weeks
    { from: '2026-01-02', days: 45, exceptions: [], expected: '2026-03-06' },
  ])('$from + $days → $expected', ({ from, days, exceptions, expected }) => {
    expect(addWorkingDays({ days, exceptions, from })).toBe(expected)
    expect(countWorkingDays({ exceptions, from, to: expected })).toBe(days)
  })

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays({ days: -1, exceptions: [], from: '2026-01-02' })).toThrow('Số ngày làm việc không hợp lệ')
    expect(() => addWorkingDays({ days: 1.5, exceptions: [], from: '2026-01-02' })).toThrow('Số ngày làm việc không hợp lệ')
  })
})
