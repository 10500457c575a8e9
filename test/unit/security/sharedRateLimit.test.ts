/** The shared counters' behaviour without a database: a database that does not answer lets the request through and says so. */
import { describe, expect, it } from 'vitest'

import { createSharedRateLimiter } from '@/security/sharedRateLimit'

describe('createSharedRateLimiter', () => {
  it('lets a request through when PostgreSQL does not answer, and reports the error', async () => {
    const errors: unknown[] = []
    const limiter = createSharedRateLimiter({ max: 1, name: 'login', onError: (error) => errors.push(error), query: () => Promise.reject(new Error('kết nối bị từ chối')), windowMs: 60_000 })
    expect(await limiter.hit({ key: '203.0.113.9' })).toEqual({ isAllowed: true, remaining: 1, retryAfterSeconds: 1 })
    await limiter.refund({ key: '203.0.113.9' })
    expect(errors.map((error) => (error as Error).message)).toEqual(['kết nối bị từ chối', 'kết nối bị từ chối'])
  })

  it("keeps each limit's keys apart and sweeps ended windows at most once per window", async () => {
    const calls: { sql: string; params: unknown[] }[] = []
    let time = 0
    const limiter = createSharedRateLimiter({
      max: 3,
      name: 'public',
      now: () => time,
      onError: () => undefined,
      query: async (sql, params) => {
        calls.push({ params, sql })
        return { rows: [{ count: 1, isAllowed: true, retryAfterSeconds: 60 }] }
      },
      windowMs: 60_000,
    })
    await limiter.hit({ key: 'a' })
    time = 30_000
    await limiter.hit({ key: 'a' })
    time = 60_000
    await limiter.hit({ key: 'a' })
    expect(calls.filter((call) => call.sql.includes('insert')).map((call) => call.params[0])).toEqual(['public:a', 'public:a', 'public:a'])
    expect(calls.filter((call) => call.sql.startsWith('delete'))).toHaveLength(1)
  })
})
