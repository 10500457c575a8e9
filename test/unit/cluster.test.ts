/**
 * The cluster's decisions (src/cluster.ts) without starting anything: how many processes
 * WEB_CONCURRENCY asks for, each process's share of the connections, and the limit on replacing
 * workers that keep dying. The processes themselves are tested in test/e2e/cluster.test.ts.
 */
import { describe, expect, it } from 'vitest'

import { createRespawnBudget, defaultConnectionBudget, maxDefaultWorkers, readConcurrency, workerPoolMax } from '@/cluster'
import { minimumPoolMax, poolDefaults } from '@/db/pool'
import { ConfigurationError } from '@/security/settings'

describe('readConcurrency', () => {
  it('defaults to one process per core on PostgreSQL, at most 4', () => {
    expect(readConcurrency({ cpus: 1, env: {}, isEmbedded: false })).toEqual({ note: null, workers: 1 })
    expect(readConcurrency({ cpus: 2, env: {}, isEmbedded: false })).toEqual({ note: null, workers: 2 })
    expect(readConcurrency({ cpus: 4, env: {}, isEmbedded: false }).workers).toBe(4)
    expect(readConcurrency({ cpus: 64, env: {}, isEmbedded: false }).workers).toBe(maxDefaultWorkers)
    expect(maxDefaultWorkers).toBe(4)
  })

  it('takes WEB_CONCURRENCY as written on PostgreSQL, above the default cap too', () => {
    expect(readConcurrency({ cpus: 2, env: { WEB_CONCURRENCY: '1' }, isEmbedded: false }).workers).toBe(1)
    expect(readConcurrency({ cpus: 2, env: { WEB_CONCURRENCY: ' 3 ' }, isEmbedded: false }).workers).toBe(3)
    expect(readConcurrency({ cpus: 2, env: { WEB_CONCURRENCY: '6' }, isEmbedded: false }).workers).toBe(6)
    expect(readConcurrency({ cpus: 2, env: { WEB_CONCURRENCY: '' }, isEmbedded: false }).workers).toBe(2)
  })

  it('runs exactly one process on the embedded PGlite, and says so when more were asked for', () => {
    expect(readConcurrency({ cpus: 8, env: {}, isEmbedded: true })).toEqual({ note: null, workers: 1 })
    expect(readConcurrency({ cpus: 8, env: { WEB_CONCURRENCY: '1' }, isEmbedded: true })).toEqual({ note: null, workers: 1 })
    const asked = readConcurrency({ cpus: 8, env: { WEB_CONCURRENCY: '4' }, isEmbedded: true })
    expect(asked.workers).toBe(1)
    expect(asked.note).toMatch(/^WEB_CONCURRENCY=4 không áp dụng: cơ sở dữ liệu nhúng \(PGlite\)/)
  })

  it.each(['0', '-2', '1.5', 'hai', '2x'])('refuses WEB_CONCURRENCY=%j with a configuration error naming the variable', (value) => {
    for (const isEmbedded of [false, true]) {
      const read = () => readConcurrency({ cpus: 2, env: { WEB_CONCURRENCY: value }, isEmbedded })
      expect(read).toThrow(ConfigurationError)
      expect(read).toThrow(`Biến môi trường WEB_CONCURRENCY="${value}" không hợp lệ: cần một số nguyên từ 1 trở lên.`)
    }
  })
})

describe('workerPoolMax', () => {
  it('keeps the single process default (20) for 1 and 2 processes and shares 40 connections out beyond', () => {
    expect(defaultConnectionBudget).toBe(2 * poolDefaults.max)
    expect([1, 2, 3, 4, 8].map((workers) => workerPoolMax({ env: {}, workers }))).toEqual([20, 20, 13, 10, 5])
  })

  it('never goes under the transaction gate minimum, and so N × max stays under PostgreSQL 100 connections up to N = 33', () => {
    expect(workerPoolMax({ env: {}, workers: 20 })).toBe(minimumPoolMax)
    for (let workers = 1; workers <= 33; workers += 1) expect(workers * (workerPoolMax({ env: {}, workers }) ?? 0)).toBeLessThan(100)
  })

  it('leaves an explicit DATABASE_POOL_MAX to apply to each process', () => {
    expect(workerPoolMax({ env: { DATABASE_POOL_MAX: '7' }, workers: 4 })).toBeNull()
    expect(workerPoolMax({ env: { DATABASE_POOL_MAX: ' ' }, workers: 4 })).toBe(10)
  })
})

describe('createRespawnBudget', () => {
  it('allows `limit` replacements within the window, refuses the next, and allows again once the oldest left the window', () => {
    const budget = createRespawnBudget({ limit: 3, windowMs: 60_000 })
    expect([0, 1_000, 2_000].map((now) => budget.take(now))).toEqual([true, true, true])
    expect(budget.take(59_999)).toBe(false)
    expect(budget.take(60_000)).toBe(true)
    expect(budget.take(60_001)).toBe(false)
    expect(budget.take(200_000)).toBe(true)
  })
})
