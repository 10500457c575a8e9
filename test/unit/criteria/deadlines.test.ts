import { describe, expect, it } from 'vitest'
import type { DeadlineRule } from '@criteria/deadlines'
import { checkDeadline, deadlineFor, deadlineRuleSchema, defaultDeadlineRules, describeDeadline, isOnTime } from '@criteria/deadlines'

const submission = defaultDeadlineRules.submission
const bySubmission: DeadlineRule = { ...submission, kind: 'by' }
/** Province rules, as data (REGULATIONS §5): Long An self-assessment report; Hưng Yên report and decision. */
const longAn: DeadlineRule = { kind: 'before', yearOffset: 1, month: 1, day: 31 }
const hungYenReport: DeadlineRule = { kind: 'before', yearOffset: 1, month: 4, day: 30 }
const hungYenDecision: DeadlineRule = { kind: 'before', yearOffset: 1, month: 5, day: 31 }
const endOfFebruary: DeadlineRule = { kind: 'by', yearOffset: 0, month: 2, day: 29 }

describe('deadlineFor: rules relative to the evaluation year', () => {
  it.each([
    { name: 'TT 24 submission', rule: submission, year: 2025, expected: '2026-01-15' },
    { name: 'TT 24 decision', rule: defaultDeadlineRules.decision, year: 2025, expected: '2026-02-15' },
    { name: 'Long An', rule: longAn, year: 2025, expected: '2026-01-31' },
    { name: 'Hưng Yên report', rule: hungYenReport, year: 2025, expected: '2026-04-30' },
    { name: 'Hưng Yên decision', rule: hungYenDecision, year: 2025, expected: '2026-05-31' },
    { name: '29/02 in a non-leap year', rule: endOfFebruary, year: 2025, expected: '2025-02-28' },
    { name: '29/02 in a leap year', rule: endOfFebruary, year: 2028, expected: '2028-02-29' },
    { name: '29/02 of N+1, N+1 leap', rule: { ...endOfFebruary, yearOffset: 1 }, year: 2027, expected: '2028-02-29' },
  ])('$name, $year → $expected', ({ rule, year, expected }) => {
    expect(deadlineFor({ rule, year })).toBe(expected)
  })
})

describe('isOnTime: before excludes the date, by includes it', () => {
  it.each([
    { rule: submission, on: '2026-01-14', expected: true },
    { rule: submission, on: '2026-01-15', expected: false },
    { rule: submission, on: '2025-12-31', expected: true },
    { rule: submission, on: '2026-02-01', expected: false },
    { rule: bySubmission, on: '2026-01-15', expected: true },
    { rule: bySubmission, on: '2026-01-16', expected: false },
    { rule: longAn, on: '2026-01-30', expected: true },
    { rule: longAn, on: '2026-01-31', expected: false },
    { rule: endOfFebruary, on: '2025-02-28', expected: true },
    { rule: endOfFebruary, on: '2025-03-01', expected: false },
  ])('$rule.kind $rule.day/$rule.month, on $on → $expected', ({ rule, on, expected }) => {
    expect(isOnTime({ rule, year: 2025, on })).toBe(expected)
  })

  it.each([
    { name: 'a later extension is accepted', extendedUntil: '2026-01-31', on: '2026-01-31', expected: true },
    { name: 'a day after the extension is late', extendedUntil: '2026-01-31', on: '2026-02-01', expected: false },
    { name: 'an extension to the deadline day includes it', extendedUntil: '2026-01-15', on: '2026-01-15', expected: true },
    { name: 'an earlier extension is ignored (on time)', extendedUntil: '2026-01-05', on: '2026-01-10', expected: true },
    { name: 'an earlier extension is ignored (late)', extendedUntil: '2026-01-05', on: '2026-01-15', expected: false },
  ])('$name', ({ extendedUntil, on, expected }) => {
    expect(isOnTime({ rule: submission, year: 2025, on, extendedUntil })).toBe(expected)
  })

  it('refuses malformed dates with their field paths', () => {
    const result = checkDeadline({ rule: submission, year: 2025, on: '15/01/2026', extendedUntil: '2026-02-30' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual([['on'], ['extendedUntil']])
    expect(isOnTime({ rule: submission, year: 2025, on: 'hôm nay' })).toBe(false)
  })

  it('checkDeadline gives the deadline with the answer', () => {
    expect(checkDeadline({ rule: submission, year: 2025, on: '2026-01-14' })).toEqual({ ok: true, deadline: '2026-01-15', isOnTime: true })
  })
})

describe('deadlineRuleSchema', () => {
  it.each([
    { kind: 'before', yearOffset: 1, month: 2, day: 29 },
    { kind: 'by', yearOffset: 0, month: 12, day: 31 },
    { kind: 'before', yearOffset: 1, month: 4, day: 30 },
  ])('accepts $day/$month', (rule) => {
    expect(deadlineRuleSchema.safeParse(rule).success).toBe(true)
  })

  it.each([
    { kind: 'before', yearOffset: 1, month: 2, day: 30 },
    { kind: 'before', yearOffset: 1, month: 2, day: 31 },
    { kind: 'before', yearOffset: 1, month: 4, day: 31 },
    { kind: 'before', yearOffset: 1, month: 13, day: 1 },
    { kind: 'before', yearOffset: 1, month: 1, day: 0 },
    { kind: 'before', yearOffset: 1.5, month: 1, day: 15 },
    { kind: 'until', yearOffset: 1, month: 1, day: 15 },
  ])('refuses $kind $day/$month (offset $yearOffset)', (rule) => {
    expect(deadlineRuleSchema.safeParse(rule).success).toBe(false)
  })

  it('names the day for an impossible date', () => {
    const result = deadlineRuleSchema.safeParse({ kind: 'before', yearOffset: 1, month: 2, day: 31 })
    expect(result.error?.issues[0].path).toEqual(['day'])
  })

  it('the default rules are valid', () => {
    for (const rule of Object.values(defaultDeadlineRules)) expect(deadlineRuleSchema.parse(rule)).toEqual(rule)
  })
})

describe('describeDeadline', () => {
  it.each([
    { rule: submission, year: 2025, expected: 'trước ngày 15/01/2026' },
    { rule: bySubmission, year: 2025, expected: 'đến hết ngày 15/01/2026' },
    { rule: hungYenDecision, year: 2024, expected: 'trước ngày 31/05/2025' },
    { rule: endOfFebruary, year: 2025, expected: 'đến hết ngày 28/02/2025' },
  ])('$expected', ({ rule, year, expected }) => {
    expect(describeDeadline({ rule, year })).toBe(expected)
  })
})
