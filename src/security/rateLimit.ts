/**
 * An in-memory fixed-window counter per key (a client address): at most `max` units per window of
 * `windowMs`. A request is refused whole when it would go over, and then costs nothing. `refund`
 * gives units back (a sign-in that succeeded). Memory stays bounded: expired windows are swept at
 * most once per window, and past `maxKeys` the oldest windows are dropped first.
 *
 * One process only: the embedded database's single process uses it; on PostgreSQL every process
 * and node counts in the database instead (sharedRateLimit.ts).
 */

export type RateLimitResult = { isAllowed: boolean; remaining: number; retryAfterSeconds: number }

export type RateLimiter = {
  hit: (args: { cost?: number; key: string }) => RateLimitResult
  refund: (args: { cost?: number; key: string }) => void
  size: () => number
}

type Window = { count: number; resetAt: number }

export const createRateLimiter = ({
  max,
  maxKeys = 50_000,
  now = Date.now,
  windowMs,
}: {
  max: number
  maxKeys?: number
  now?: () => number
  windowMs: number
}): RateLimiter => {
  const windows = new Map<string, Window>()
  let sweptAt = now()

  const sweep = (time: number) => {
    for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key)
    sweptAt = time
    // Map keeps insertion order: the first entries are the oldest windows
    for (const key of windows.keys()) {
      if (windows.size <= maxKeys) break
      windows.delete(key)
    }
  }

  const current = (key: string, time: number) => {
    const window = windows.get(key)
    if (window && window.resetAt > time) return window
    if (window) windows.delete(key)
    const fresh = { count: 0, resetAt: time + windowMs }
    windows.set(key, fresh)
    return fresh
  }

  return {
    hit: ({ cost = 1, key }) => {
      const time = now()
      if (time - sweptAt >= windowMs || windows.size > maxKeys) sweep(time)
      const window = current(key, time)
      const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - time) / 1000))
      if (window.count + cost > max) return { isAllowed: false, remaining: Math.max(0, max - window.count), retryAfterSeconds }
      window.count += cost
      return { isAllowed: true, remaining: max - window.count, retryAfterSeconds }
    },
    refund: ({ cost = 1, key }) => {
      const window = windows.get(key)
      if (window && window.resetAt > now()) window.count = Math.max(0, window.count - cost)
    },
    size: () => windows.size,
  }
}
