/** `hasErrors`: whether a list of issues blocks a save. Warnings (an unverified indicator) never do. */
import { describe, expect, it } from 'vitest'

import { hasErrors, makeError, makeWarning } from '@criteria/issues'

describe('hasErrors', () => {
  const warning = makeWarning({ code: 'unverified-indicator', path: ['TC1.CT1'], message: 'Chưa xác minh.' })
  const error = makeError({ code: 'answer-missing', path: ['answers', 'A', 'value'], message: 'Chưa trả lời.' })
  it.each([
    { issues: [], expected: false },
    { issues: [warning], expected: false },
    { issues: [error], expected: true },
    { issues: [warning, error], expected: true },
    { issues: [error, warning], expected: true },
  ])('$issues.length issue(s) → $expected', ({ issues, expected }) => {
    expect(hasErrors({ issues })).toBe(expected)
  })
})
