/**
 * The connection pool's settings (node-postgres, through @payloadcms/db-postgres) and a gate on
 * open transactions, so that no number of concurrent requests can lock the server up.
 *
 * Why the gate: Payload runs each write in a transaction that holds one pooled connection, and
 * some queries of that same request run outside it on a second connection (the document-lock
 * check of every REST/admin update, `payload-locked-documents`, passes no `req`). With as many
 * writes in flight as usable connections, each holds one and waits for another: a deadlock
 * (measured: 50 concurrent saves of `units`, pool 10, nothing finished in 60 s, /healthz down).
 * The adapter also keeps one client checked out for its whole life (connect.ts). So at most
 * `max - 2` transactions are open at once: one connection always serves queries outside a
 * transaction, and every transaction that waits for it gets it. Waiting at the gate or for a
 * connection is bounded by the acquire timeout; the error says so in pg-pool's own words.
 */
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { serialiseWrites } from './serialiseWrites'

export type PoolSettings = {
  /** connections in the pool */
  max: number
  /** how long a request waits for a connection (or a transaction slot) before it fails; 0 = forever */
  acquireTimeoutMs: number
}

export const poolDefaults = {
  // PostgreSQL's default max_connections is 100: room for a second instance, migrations and psql
  max: 20,
  // PGlite serves one connection's statement at a time; more connections only queue (src/runtime.ts)
  maxEmbedded: 4,
  // a burst of 100 saves drains in 15–35 s on two busy cores; no longer than a proxy waits (nginx: 60 s)
  acquireTimeoutMs: 60_000,
} as const

/** The smallest pool the gate works with: one client held by the adapter, one for a transaction, one outside. */
export const minimumPoolMax = 3

/** The words pg-pool uses when a connection is not free in time (the error mapping matches them). */
export const acquireTimeoutMessage = 'timeout exceeded when trying to connect'

type Env = Record<string, string | undefined>

const readInteger = ({ env, name, fallback, min }: { env: Env; name: string; fallback: number; min: number }) => {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} phải là số nguyên từ ${min} trở lên (đang là "${raw}").`)
  return value
}

/** The settings from DATABASE_POOL_MAX and DATABASE_POOL_ACQUIRE_TIMEOUT_MS. */
export const poolSettingsFromEnv = ({ env = process.env, isEmbedded }: { env?: Env; isEmbedded: boolean }): PoolSettings => ({
  acquireTimeoutMs: readInteger({ env, fallback: poolDefaults.acquireTimeoutMs, min: 0, name: 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS' }),
  max: readInteger({ env, fallback: isEmbedded ? poolDefaults.maxEmbedded : poolDefaults.max, min: isEmbedded ? 1 : minimumPoolMax, name: 'DATABASE_POOL_MAX' }),
})

/**
 * node-postgres pool options for the settings (the connection string is added by the caller).
 * No `idle_in_transaction_session_timeout`: PostgreSQL ending a transaction under Payload makes
 * its COMMIT fail, which Payload's adapter does not report (the save answers 200 and is lost).
 */
export const pgPoolOptions = ({ settings }: { settings: PoolSettings }) => ({
  connectionTimeoutMillis: settings.acquireTimeoutMs,
  // idle connections close after 30 s (pg's default is 10 s); the pool reopens them on demand
  idleTimeoutMillis: 30_000,
  max: settings.max,
})

type Gate = { enter: () => Promise<void>; leave: () => void; stats: () => { open: number; size: number; waiting: number } }

/** At most `size` holders at once; a waiter gives up after `timeoutMs` (0 = never), first come first served. */
export const createGate = ({ size, timeoutMs }: { size: number; timeoutMs: number }): Gate => {
  let open = 0
  const waiting: Array<() => void> = []
  const enter = () =>
    new Promise<void>((resolve, reject) => {
      if (open < size) {
        open += 1
        return resolve()
      }
      let timer: NodeJS.Timeout | undefined
      const admit = () => {
        if (timer) clearTimeout(timer)
        open += 1
        resolve()
      }
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(admit), 1)
          reject(new Error(`${acquireTimeoutMessage} (${timeoutMs} ms, ${size} giao dịch đang mở)`))
        }, timeoutMs)
        timer.unref()
      }
      waiting.push(admit)
    })
  const leave = () => {
    open -= 1
    waiting.shift()?.()
  }
  return { enter, leave, stats: () => ({ open, size, waiting: waiting.length }) }
}

/**
 * The adapter with at most `max - 2` transactions open at once (see the top of this file). A slot
 * is taken before a transaction begins and given back when it is committed or rolled back. The
 * embedded PGlite runs without transactions: there it has no gate, its writes run one at a time
 * instead, and a document is locked for an operation in-process (src/db/serialiseWrites.ts).
 */
export const limitTransactions = <T extends BaseDatabaseAdapter>({ adapter, isEmbedded, settings }: { adapter: DatabaseAdapterObj<T>; isEmbedded: boolean; settings: PoolSettings }): DatabaseAdapterObj<T> =>
  isEmbedded ? serialiseWrites({ adapter, lockTimeoutMs: settings.acquireTimeoutMs }) : gateTransactions({ adapter, maxOpen: Math.max(1, settings.max - 2), timeoutMs: settings.acquireTimeoutMs })

type TransactionId = null | number | string

const gateTransactions = <T extends BaseDatabaseAdapter>({ adapter, maxOpen, timeoutMs }: { adapter: DatabaseAdapterObj<T>; maxOpen: number; timeoutMs: number }): DatabaseAdapterObj<T> => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const gate = createGate({ size: maxOpen, timeoutMs })
    const holders = new Set<number | string>()
    const begin = db.beginTransaction.bind(db)
    const commit = db.commitTransaction.bind(db)
    const rollback = db.rollbackTransaction.bind(db)
    const end = async ({ finish, id }: { finish: (id: number | string) => Promise<void>; id: Promise<TransactionId> | TransactionId }) => {
      const key = await id
      if (key === null) return
      try {
        await finish(key)
      } finally {
        // once per transaction, however many times Payload ends it
        if (holders.delete(key)) gate.leave()
      }
    }
    db.beginTransaction = async (options) => {
      await gate.enter()
      let id: TransactionId = null
      try {
        id = await begin(options)
      } finally {
        if (id === null) gate.leave()
        else holders.add(id)
      }
      return id
    }
    db.commitTransaction = (id) => end({ finish: commit, id })
    db.rollbackTransaction = (id) => end({ finish: rollback, id })
    ;(db as unknown as { transactionGate: Gate }).transactionGate = gate
    return db
  },
})
