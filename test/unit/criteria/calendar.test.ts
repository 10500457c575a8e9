import { describe, expect, it } from 'vitest'
import { eligibleFrom, parseIsoDate, validUntil } from '@criteria/calendar'

describe('eligibleFrom: calendar months with month-end clamping', () => {
  it.each([
    { decidedOn: '2024-03-31', months: 12, expected: '2025-03-31' },
    { decidedOn: '2024-02-29', months: 12, expected: '2025-02-28' },
    { decidedOn: '2024-02-29', months: 48, expected: '2028-02-29' },
    { decidedOn: '2024-01-31', months: 1, expected: '2024-02-29' },
    { decidedOn: '2023-01-31', months: 1, expected: '2023-02-28' },
    { decidedOn: '2024-01-31', months: 12, expected: '2025-01-31' },
    { decidedOn: '2024-08-31', months: 13, expected: '2025-09-30' },
    { decidedOn: '2024-12-15', months: 0, expected: '2024-12-15' },
    { decidedOn: '2024-11-30', months: 3, expected: '2025-02-28' },
  ])('$decidedOn + $months months → $expected', ({ decidedOn, months, expected }) => {
    expect(eligibleFrom({ decidedOn, months })).toEqual({ ok: true, date: expected })
  })

  it.each([-1, 1.5, Number.NaN])('refuses %s months', (months) => {
    const result = eligibleFrom({ decidedOn: '2024-01-01', months })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid-months', path: ['months'] })
  })
})

describe('validUntil: 36 months counted from 1 January after the year of the decision', () => {
  it.each([
    { decidedOn: '2024-01-01', validityMonths: 36, expected: '2027-12-31' },
    { decidedOn: '2024-12-31', validityMonths: 36, expected: '2027-12-31' },
    { decidedOn: '2024-02-29', validityMonths: 36, expected: '2027-12-31' },
    { decidedOn: '2025-02-14', validityMonths: 36, expected: '2028-12-31' },
    { decidedOn: '2023-06-15', validityMonths: 12, expected: '2024-12-31' },
    { decidedOn: '2023-06-15', validityMonths: 2, expected: '2024-02-29' },
    { decidedOn: '2024-06-15', validityMonths: 1, expected: '2025-01-31' },
  ])('decided $decidedOn, $validityMonths months → $expected', ({ decidedOn, validityMonths, expected }) => {
    expect(validUntil({ decidedOn, validityMonths })).toEqual({ ok: true, date: expected })
  })

  it('refuses a validity of 0 months', () => {
    const result = validUntil({ decidedOn: '2024-01-01', validityMonths: 0 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid-months', path: ['validityMonths'] })
  })
})

describe('malformed dates are issues, never exceptions', () => {
  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '24-01-01', '2024-1-01', '2024-01-01T00:00', '', 'hôm nay'])(
    'refuses %j',
    (decidedOn) => {
      expect(parseIsoDate(decidedOn)).toBeNull()
      for (const result of [eligibleFrom({ decidedOn, months: 12 }), validUntil({ decidedOn, validityMonths: 36 })]) {
        expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.issues).toHaveLength(1)
          expect(result.issues[0]).toMatchObject({ code: 'invalid-date', path: ['decidedOn'], severity: 'error' })
          expect(result.issues[0].message).toContain('Ngày không hợp lệ')
        }
      }
    },
  )

  it.each([20240101, null, undefined, { year: 2024 }])('refuses a non-string %j', (value) => {
    expect(parseIsoDate(value)).toBeNull()
  })

  it('accepts 29 February in a leap year, including 2000', () => {
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 })
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })
})
