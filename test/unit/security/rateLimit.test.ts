/** The fixed-window counter at its boundaries, with a clock the test moves. */
import { describe, expect, it } from 'vitest'

import { clientKey } from '@/security/clientKey'
import { createRateLimiter } from '@/security/rateLimit'

const clock = () => {
  let time = 1_000_000
  return { advance: (ms: number) => (time += ms), now: () => time }
}

describe('createRateLimiter', () => {
  it('allows max requests per window, refuses the next with the seconds left, and starts afresh after the window', () => {
    const time = clock()
    const limiter = createRateLimiter({ max: 3, now: time.now, windowMs: 60_000 })
    expect([1, 2, 3].map(() => limiter.hit({ key: 'a' }).isAllowed)).toEqual([true, true, true])
    time.advance(20_000)
    expect(limiter.hit({ key: 'a' })).toEqual({ isAllowed: false, remaining: 0, retryAfterSeconds: 40 })
    expect(limiter.hit({ key: 'b' }).isAllowed).toBe(true) // per key
    time.advance(39_999)
    expect(limiter.hit({ key: 'a' })).toMatchObject({ isAllowed: false, retryAfterSeconds: 1 })
    time.advance(1)
    expect(limiter.hit({ key: 'a' })).toEqual({ isAllowed: true, remaining: 2, retryAfterSeconds: 60 })
  })

  it('a refused request costs nothing; a refund gives units back; a cost larger than what is left is refused whole', () => {
    const time = clock()
    const limiter = createRateLimiter({ max: 5, now: time.now, windowMs: 1000 })
    expect(limiter.hit({ cost: 4, key: 'a' })).toMatchObject({ isAllowed: true, remaining: 1 })
    expect(limiter.hit({ cost: 2, key: 'a' })).toMatchObject({ isAllowed: false, remaining: 1 })
    expect(limiter.hit({ key: 'a' })).toMatchObject({ isAllowed: true, remaining: 0 })
    limiter.refund({ cost: 2, key: 'a' })
    expect(limiter.hit({ cost: 2, key: 'a' })).toMatchObject({ isAllowed: true, remaining: 0 })
    limiter.refund({ cost: 10, key: 'a' })
    expect(limiter.hit({ cost: 5, key: 'a' }).isAllowed).toBe(true) // never below zero
    expect(limiter.hit({ key: 'a' }).isAllowed).toBe(false)
  })

  it('keeps memory bounded: expired windows are swept, and past maxKeys the oldest go first', () => {
    const time = clock()
    const limiter = createRateLimiter({ max: 1, maxKeys: 100, now: time.now, windowMs: 1000 })
    for (let i = 0; i < 250; i += 1) limiter.hit({ key: `k${i}` })
    expect(limiter.size()).toBeLessThanOrEqual(101)
    expect(limiter.hit({ key: 'k249' }).isAllowed).toBe(false) // the newest are kept
    time.advance(1000)
    limiter.hit({ key: 'fresh' })
    expect(limiter.size()).toBe(1)
  })
})

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:0db8:0001:0002::/64'],
    ['2001:db8:1:2::9', '2001:0db8:0001:0002::/64'],
    ['2001:DB8:1:2:ffff::1%eth0', '2001:0db8:0001:0002::/64'],
    ['::1', '0000:0000:0000:0000::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, expected) => {
    expect(clientKey(address)).toBe(expected)
  })
})
