import { describe, expect, it } from 'vitest'

import { formatThresholdText, parseThresholdText } from '@criteria/thresholdText'

describe('parseThresholdText', () => {
  it.each([
    ['ratio', '90%', 0.9],
    ['ratio', '90 %', 0.9],
    ['ratio', '97,5%', 0.975],
    ['ratio', '100%', 1],
    ['ratio', '0.9', 0.9],
    ['ratio', '0,95', 0.95],
    ['ratio', '1', 1],
    ['rank', 'tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-tien-tien'],
    ['boolean', '', null],
    ['points', '  ', null],
    ['ratio', '', null],
    ['rank', '', null],
  ] as const)('%s "%s" → %j', (measure, text, threshold) => {
    expect(parseThresholdText({ measure, text })).toEqual({ ok: true, threshold })
  })

  it.each([
    ['ratio', '90'],
    ['ratio', '0%'],
    ['ratio', '120%'],
    ['ratio', '1.5'],
    ['ratio', 'chín mươi'],
    ['boolean', 'true'],
  ] as const)('%s "%s" is refused with a message', (measure, text) => {
    const parsed = parseThresholdText({ measure, text })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10)
  })
})

describe('formatThresholdText', () => {
  it.each([
    [0.9, '90%'],
    [0.975, '97.5%'],
    [1, '100%'],
    ['dap-ung', 'dap-ung'],
    [null, ''],
  ] as const)('%j → "%s"', (threshold, text) => {
    expect(formatThresholdText({ threshold })).toBe(text)
  })

  it('round-trips every ratio of the seeded sets', () => {
    for (const threshold of [0.9, 0.95, 0.97]) {
      const parsed = parseThresholdText({ measure: 'ratio', text: formatThresholdText({ threshold }) })
      expect(parsed).toEqual({ ok: true, threshold })
    }
  })
})
