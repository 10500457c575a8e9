/**
 * The edges of the core's date and number handling that a form or request body can reach: the
 * smallest and largest accepted values, strings that only look like dates or thresholds, and the
 * exact Vietnamese messages that name what is wrong.
 */
import { describe, expect, it } from 'vitest'

import { eligibleFrom, parseIsoDate } from '@criteria/calendar'
import { checkDeadline, deadlineRuleSchema } from '@criteria/deadlines'
import { formatHundredths, formatPartsPerMillionAsPercent } from '@criteria/fixedPoint'
import { parseThresholdText } from '@criteria/thresholdText'

describe('parseIsoDate: only a whole YYYY-MM-DD string of a real day', () => {
  it.each([
    ['1000-01-01', { year: 1000, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
    ['2025-01-01', { year: 2025, month: 1, day: 1 }],
  ])('%s is a date', (text, date) => {
    expect(parseIsoDate(text)).toEqual(date)
  })

  it.each([
    ['0999-12-31', 'before year 1000'],
    ['2024-01-00', 'day 0'],
    ['ngày 2024-01-01', 'text before the date'],
    ['2024-01-01 ', 'text after the date'],
  ])('%j is refused (%s)', (text) => {
    expect(parseIsoDate(text)).toBeNull()
  })

  it('an array holding a date string is not a date (a request body can send one)', () => {
    expect(parseIsoDate(['2024-01-01'])).toBeNull()
  })
})

describe('messages for malformed dates and month counts', () => {
  it('quotes the value it could not read and shows the expected form', () => {
    expect(eligibleFrom({ decidedOn: '30/02/2024', months: 12 })).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid-date',
          path: ['decidedOn'],
          message: 'Ngày không hợp lệ: "30/02/2024"; cần dạng YYYY-MM-DD (ví dụ 2025-01-15).',
          severity: 'error',
        },
      ],
    })
  })

  it('names a negative month count', () => {
    expect(eligibleFrom({ decidedOn: '2024-01-01', months: -1 })).toEqual({
      ok: false,
      issues: [{ code: 'invalid-months', path: ['months'], message: 'Số tháng không hợp lệ: -1; cần một số nguyên không âm.', severity: 'error' }],
    })
  })
})

describe('checkDeadline with a malformed extension', () => {
  const rule = { kind: 'before', yearOffset: 1, month: 1, day: 15 } as const
  it('refuses it on its own field even when the day itself is fine', () => {
    expect(checkDeadline({ rule, year: 2025, on: '2026-01-10', extendedUntil: '31/01/2026' })).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid-date',
          path: ['extendedUntil'],
          message: 'Ngày không hợp lệ: "31/01/2026"; cần dạng YYYY-MM-DD (ví dụ 2025-01-15).',
          severity: 'error',
        },
      ],
    })
  })

  it('no extension (null or absent) leaves the rule alone', () => {
    expect(checkDeadline({ rule, year: 2025, on: '2026-01-15', extendedUntil: null })).toEqual({ ok: true, deadline: '2026-01-15', isOnTime: false })
    expect(checkDeadline({ rule, year: 2025, on: '2026-01-14' })).toEqual({ ok: true, deadline: '2026-01-15', isOnTime: true })
  })
})

describe('deadlineRuleSchema names an impossible day', () => {
  it('31/04 is refused on the day with the Vietnamese reason', () => {
    const result = deadlineRuleSchema.safeParse({ kind: 'by', yearOffset: 1, month: 4, day: 31 })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
      { path: ['day'], message: 'Ngày không tồn tại trong tháng đã chọn.' },
    ])
  })
})

describe('Vietnamese number formatting keeps every significant digit', () => {
  it.each([
    [8405, '84,05'],
    [8450, '84,5'],
    [8500, '85'],
    [5, '0,05'],
    [0, '0'],
    [-8405, '-84,05'],
    [-50, '-0,5'],
  ])('%i hundredths → %s', (hundredths, text) => {
    expect(formatHundredths(hundredths)).toBe(text)
  })

  it.each([
    [900_000, '90%'],
    [905_000, '90,5%'],
    [900_500, '90,05%'],
    [1_000_000, '100%'],
  ])('%i ppm → %s', (ppm, text) => {
    expect(formatPartsPerMillionAsPercent(ppm)).toBe(text)
  })
})

describe('parseThresholdText: what an administrator may type', () => {
  it.each([
    ['ratio', '97,55%', 0.9755],
    ['ratio', '97.5 %', 0.975],
    ['ratio', '1.0', 1],
    ['ratio', '1,00', 1],
    ['ratio', '1.000000', 1],
    ['ratio', ' 0,9 ', 0.9],
  ] as const)('%s "%s" → %j', (measure, text, threshold) => {
    expect(parseThresholdText({ measure, text })).toEqual({ ok: true, threshold })
  })

  it.each([
    ['ratio', '0', 'Không đọc được ngưỡng "0": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '0,000', 'Không đọc được ngưỡng "0,000": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', 'khoảng 90%', 'Không đọc được ngưỡng "khoảng 90%": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '90% trở lên', 'Không đọc được ngưỡng "90% trở lên": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '97,55555%', 'Không đọc được ngưỡng "97,55555%": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', 'x0.9', 'Không đọc được ngưỡng "x0.9": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '0.9x', 'Không đọc được ngưỡng "0.9x": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '1x0', 'Không đọc được ngưỡng "1x0": hãy nhập phần trăm, ví dụ 90%.'],
    ['ratio', '0%', 'Ngưỡng 0% phải lớn hơn 0% và không quá 100%.'],
    ['ratio', '100,01%', 'Ngưỡng 100,01% phải lớn hơn 0% và không quá 100%.'],
    ['points', '10', 'Chỉ tiêu loại này không có ngưỡng; hãy để trống.'],
  ] as const)('%s %j is refused: %s', (measure, text, message) => {
    expect(parseThresholdText({ measure, text })).toEqual({ ok: false, message })
  })

  it.each([
    ['boolean', null],
    ['points', undefined],
    // issue 11: an UNKNOWN ratio or rank threshold is left empty, refused by the schema only once verified
    ['ratio', ''],
    ['ratio', null],
    ['ratio', undefined],
    ['rank', null],
    ['rank', '  '],
  ] as const)('%s with no text has no threshold', (measure, text) => {
    expect(parseThresholdText({ measure, text })).toEqual({ ok: true, threshold: null })
  })
})
