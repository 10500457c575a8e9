/**
 * The start's watchdog (src/startup.ts): a start stuck in one step is ended with the step's name;
 * the demo data's first load, long on a busy machine but never stuck, is not counted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { demoLoadStep, watchStartup } from '@/startup'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the start watchdog', () => {
  it('ends a start stuck past the timeout, naming the step it waited on, once', () => {
    const state = { step: 'khởi tạo Payload và migration' }
    const stuck: string[] = []
    watchStartup({ onStuck: (step) => stuck.push(step), state, timeoutMs: 45_000 })
    vi.advanceTimersByTime(44_000)
    expect(stuck).toEqual([])
    vi.advanceTimersByTime(2_000)
    vi.advanceTimersByTime(60_000)
    expect(stuck).toEqual(['khởi tạo Payload và migration'])
  })

  it('does not count the demo load: 40 s of other steps and 5 minutes of demo data start fine', () => {
    const state = { step: 'khởi tạo Payload và migration' }
    const stuck: string[] = []
    const watchdog = watchStartup({ onStuck: (step) => stuck.push(step), state, timeoutMs: 45_000 })
    vi.advanceTimersByTime(30_000)
    state.step = demoLoadStep
    vi.advanceTimersByTime(300_000)
    state.step = 'khởi động Next'
    vi.advanceTimersByTime(10_000)
    expect(stuck).toEqual([])
    // the time after the demo still counts with the time before it
    vi.advanceTimersByTime(6_000)
    expect(stuck).toEqual(['khởi động Next'])
    watchdog.stop()
  })

  it('stops watching once the server is up', () => {
    const stuck: string[] = []
    const watchdog = watchStartup({ onStuck: (step) => stuck.push(step), state: { step: 'mở cổng HTTP' }, timeoutMs: 1_000 })
    vi.advanceTimersByTime(500)
    watchdog.stop()
    vi.advanceTimersByTime(10_000)
    expect(stuck).toEqual([])
  })
})
