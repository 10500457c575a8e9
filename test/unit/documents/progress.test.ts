import { describe, expect, it } from 'vitest'

import { progressOf, type ProgressPhase } from '@criteria/documents'

describe('progressOf: the bar of a paper made in the background', () => {
  it('says how many dossiers of how many it has read, with Vietnamese thousands', () => {
    expect(progressOf({ done: 1500, phase: 'round', total: 3000 })).toEqual({ percent: 37, stage: 'Đang đọc hồ sơ của đợt: 1.500/3.000' })
  })

  it('only grows, phase after phase, and never reaches 100 before the file is stored', () => {
    const steps: { phase: ProgressPhase; done?: number; total?: number }[] = [
      { phase: 'start' },
      { done: 0, phase: 'round', total: 3000 },
      { done: 1000, phase: 'round', total: 3000 },
      { done: 3000, phase: 'round', total: 3000 },
      { done: 2500, phase: 'previous', total: 2500 },
      { phase: 'fill' },
      { phase: 'store' },
    ]
    const percents = steps.map((step) => progressOf(step).percent)
    expect([...percents].sort((a, b) => a - b)).toEqual(percents)
    expect(Math.max(...percents)).toBeLessThan(100)
  })

  it('reads a phase without counts, or with an empty round, as the phase alone', () => {
    expect(progressOf({ phase: 'fill' })).toEqual({ percent: 85, stage: 'Đang điền mẫu văn bản' })
    expect(progressOf({ done: 0, phase: 'round', total: 0 })).toEqual({ percent: 5, stage: 'Đang đọc hồ sơ của đợt' })
  })

  it('does not run past the phase when more is read than was counted', () => {
    expect(progressOf({ done: 3100, phase: 'round', total: 3000 })).toEqual({ percent: 70, stage: 'Đang đọc hồ sơ của đợt: 3.000/3.000' })
  })
})
