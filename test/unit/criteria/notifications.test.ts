import { describe, expect, it } from 'vitest'

import { afterFailedAttempt, daysUntil, dueOffset, isExpiringWithin, lastAllowedDay, maxDeliveryAttempts, renderMessage, reminderKey, retryDelayMinutes, unknownPlaceholders, vietnameseDay } from '@criteria/notifications'
import { eventTemplates } from '@seed/notifications/templates'

describe('renderMessage', () => {
  const template = { html: '<p>{{unit}}: {{reason}}</p>{{missing}}', subject: 'Hồ sơ {{unit}} — {{missing}}', text: '{{unit}}: {{reason}}\n{{missing}}{{unknown}}' }

  it('fills values, escapes them in HTML only, and shows lists as bullet lines', () => {
    const message = renderMessage({ template, values: { missing: ['TC1.CT1 — Có kế hoạch', 'Tờ trình'], reason: 'Thiếu <biên bản> & "chữ ký"', unit: 'UBND xã A' } })
    expect(message.text).toBe('UBND xã A: Thiếu <biên bản> & "chữ ký"\n- TC1.CT1 — Có kế hoạch\n- Tờ trình')
    expect(message.html).toBe('<p>UBND xã A: Thiếu &lt;biên bản&gt; &amp; &quot;chữ ký&quot;</p><ul><li>TC1.CT1 — Có kế hoạch</li><li>Tờ trình</li></ul>')
    expect(message.subject).toBe('Hồ sơ UBND xã A — - TC1.CT1 — Có kế hoạch; - Tờ trình')
  })

  it('leaves an unknown or missing value empty, never braces', () => {
    const message = renderMessage({ template, values: { unit: 'A' } })
    expect(message.text).toBe('A: \n')
    expect(message.html).toBe('<p>A: </p>')
  })

  it('every seeded template uses only the placeholders its event provides', () => {
    for (const seeded of eventTemplates) expect(unknownPlaceholders({ known: seeded.placeholders, template: seeded }), seeded.event).toEqual([])
    expect(unknownPlaceholders({ known: ['unit'], template })).toEqual(['missing', 'reason', 'unknown'])
  })

  it('every seeded template links to the page to act on, in both bodies', () => {
    for (const seeded of eventTemplates) {
      expect(seeded.text, seeded.event).toContain('{{duongDan}}')
      expect(seeded.html, seeded.event).toContain('href="{{duongDan}}"')
    }
  })
})

describe('retries', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 25],
    [4, 125],
    [5, 625],
    [6, 1440],
    [20, 1440],
  ])('after %i failed attempts wait %i minutes', (attempts, minutes) => {
    expect(retryDelayMinutes({ attempts })).toBe(minutes)
  })

  it(`gives up after ${maxDeliveryAttempts} attempts`, () => {
    expect(afterFailedAttempt({ attempts: maxDeliveryAttempts - 1 })).toEqual({ delayMinutes: 125, status: 'queued' })
    expect(afterFailedAttempt({ attempts: maxDeliveryAttempts })).toEqual({ status: 'failed' })
  })
})

describe('dueOffset: the nearest reminder not yet passed', () => {
  it.each([
    { today: '2027-01-01', expected: null, why: '15 days left, no offset that large' },
    { today: '2027-01-02', expected: 14, why: '14 days left' },
    { today: '2027-01-06', expected: 14, why: '10 days left: still the 14-day one' },
    { today: '2027-01-09', expected: 7, why: '7 days left' },
    { today: '2027-01-15', expected: 1, why: '1 day left' },
    { today: '2027-01-16', expected: 1, why: 'the last day itself' },
    { today: '2027-01-17', expected: null, why: 'past the deadline' },
  ])('$why → $expected', ({ today, expected }) => {
    expect(dueOffset({ deadline: '2027-01-16', offsets: [14, 7, 1], today })).toBe(expected)
  })

  it('ignores offsets that are not whole days ≥ 0; none at all → null', () => {
    expect(dueOffset({ deadline: '2027-01-16', offsets: [-3, 2.5, 3], today: '2027-01-15' })).toBe(3)
    expect(dueOffset({ deadline: '2027-01-16', offsets: [], today: '2027-01-15' })).toBeNull()
  })

  it('counts days across a year end and a leap day', () => {
    expect(daysUntil({ deadline: '2027-01-14', today: '2026-12-31' })).toBe(14)
    expect(daysUntil({ deadline: '2028-03-01', today: '2028-02-28' })).toBe(2)
  })
})

describe('dates in messages', () => {
  it('the last allowed day of "trước ngày" is the day before; of "đến hết ngày" the day itself', () => {
    expect(lastAllowedDay({ rule: { day: 15, kind: 'before', month: 1, yearOffset: 1 }, year: 2026 })).toBe('2027-01-14')
    expect(lastAllowedDay({ rule: { day: 1, kind: 'before', month: 3, yearOffset: 1 }, year: 2027 })).toBe('2028-02-29')
    expect(lastAllowedDay({ rule: { day: 31, kind: 'by', month: 1, yearOffset: 1 }, year: 2026 })).toBe('2027-01-31')
  })

  it('writes dates as dd/mm/yyyy', () => {
    expect(vietnameseDay('2027-01-05')).toBe('05/01/2027')
    expect(vietnameseDay('2027-01-05T12:00:00.000Z')).toBe('05/01/2027')
    expect(vietnameseDay(null)).toBe('')
  })

  it('a recognition expires "within six months" up to the same day six months on, and not once expired', () => {
    expect(isExpiringWithin({ months: 6, today: '2026-11-30', validUntil: '2027-05-30' })).toBe(true)
    expect(isExpiringWithin({ months: 6, today: '2026-11-30', validUntil: '2027-05-31' })).toBe(false)
    expect(isExpiringWithin({ months: 6, today: '2026-11-30', validUntil: '2026-11-30' })).toBe(true)
    expect(isExpiringWithin({ months: 6, today: '2026-11-30', validUntil: '2026-11-29' })).toBe(false)
    expect(isExpiringWithin({ months: 6, today: '2026-07-15', validUntil: '2027-01-15' })).toBe(true)
  })

  it('keys a reminder by its kind, scope, deadline and offset', () => {
    expect(reminderKey({ deadline: '2027-01-14', kind: 'submission', offset: 7, scope: 'round-3:unit-9' })).toBe('reminder:submission:round-3:unit-9:2027-01-14:7')
  })
})
