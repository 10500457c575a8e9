/**
 * The request limits' counters in PostgreSQL (`rate_limit_windows`, made by a migration), so that
 * every process of every node counts against the same window: behind a load balancer over N
 * nodes a client gets the limit once, not N times. The same fixed window per key as rateLimit.ts,
 * decided in one statement under the row's lock: a request that would go over is refused whole
 * and costs nothing. Used on PostgreSQL (src/server.ts); the embedded database belongs to one
 * process and keeps the in-memory counters.
 *
 * When the database does not answer, the request is let through (and logged): a limit must not
 * turn a database hiccup into refusing every sign-in; the database's own outage answers 503 anyway.
 */
import type { RateLimitResult } from './rateLimit'

export type Query = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>

export type SharedRateLimiter = {
  hit: (args: { cost?: number; key: string }) => Promise<RateLimitResult>
  refund: (args: { cost?: number; key: string }) => Promise<void>
}

// one upsert: a window that has ended starts again; the count grows only when it stays within max
const hitSql = `
insert into rate_limit_windows as w (key, count, reset_at, is_allowed)
values ($1, case when $2::int <= $3::int then $2::int else 0 end, now() + $4::int * interval '1 millisecond', $2::int <= $3::int)
on conflict (key) do update set
  count = case
    when w.reset_at <= now() then (case when $2::int <= $3::int then $2::int else 0 end)
    when w.count + $2::int <= $3::int then w.count + $2::int
    else w.count end,
  is_allowed = case when w.reset_at <= now() then $2::int <= $3::int else w.count + $2::int <= $3::int end,
  reset_at = case when w.reset_at <= now() then excluded.reset_at else w.reset_at end
returning count, is_allowed as "isAllowed", greatest(1, ceil(extract(epoch from (reset_at - now()))))::int as "retryAfterSeconds"`

const refundSql = `update rate_limit_windows set count = greatest(0, count - $2::int) where key = $1 and reset_at > now()`

const sweepSql = `delete from rate_limit_windows where reset_at <= now()`

export const createSharedRateLimiter = ({
  max,
  name,
  now = Date.now,
  onError,
  query,
  windowMs,
}: {
  max: number
  /** the limit's name, so that two limits never share a key */
  name: string
  now?: () => number
  onError: (error: unknown) => void
  query: Query
  windowMs: number
}): SharedRateLimiter => {
  let sweptAt = now()
  const keyOf = (key: string) => `${name}:${key}`
  return {
    hit: async ({ cost = 1, key }) => {
      if (now() - sweptAt >= windowMs) {
        sweptAt = now()
        query(sweepSql, []).catch(onError)
      }
      try {
        const { rows } = await query(hitSql, [keyOf(key), cost, max, windowMs])
        const row = rows[0] as { count: number; isAllowed: boolean; retryAfterSeconds: number }
        return { isAllowed: row.isAllowed, remaining: Math.max(0, max - row.count), retryAfterSeconds: row.retryAfterSeconds }
      } catch (error) {
        onError(error)
        return { isAllowed: true, remaining: max, retryAfterSeconds: 1 }
      }
    },
    refund: async ({ cost = 1, key }) => {
      await query(refundSql, [keyOf(key), cost]).catch(onError)
    },
  }
}
