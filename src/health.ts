/** GET /healthz: 200 `{ ok: true }` only when the database answers in time, 503 otherwise. */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

export type Ping = () => Promise<unknown>

export const withTimeout = <T>({ ms, promise }: { ms: number; promise: Promise<T> }) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`không trả lời sau ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })

export const healthHandler =
  ({ ping, timeoutMs = 2000 }: { ping: Ping; timeoutMs?: number }): RequestHandler =>
  async (_req, res) => {
    try {
      await withTimeout({ ms: timeoutMs, promise: ping() })
      res.status(200).json({ ok: true })
    } catch (error) {
      res.status(503).json({ error: `Cơ sở dữ liệu: ${error instanceof Error ? error.message : String(error)}`, ok: false })
    }
  }

/** A round trip to PostgreSQL through Payload's own pool. */
export const pingDatabase =
  ({ payload }: { payload: Payload }): Ping =>
  () =>
    (payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } }).pool.query('select 1')
