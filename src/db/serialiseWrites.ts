/**
 * On the embedded default, the database adapter's writes run one at a time, in this process.
 *
 * Why: PGlite runs without transactions here (payload.config.ts), and one Payload write is several
 * statements — an update of a document with an array deletes its rows, inserts the new ones and
 * updates the main row (drizzle's upsertRow). Two saves of one self-assessment interleaved those
 * statements and failed with a duplicate key ("Giá trị không được trùng lặp") or left the rows of
 * both saves behind (measured: 18 and 19 of 20 concurrent saves of one dossier refused). Each write method
 * of the adapter now holds one in-process mutex for its whole run, so its statements are never
 * mixed with another write's, and runs in a database transaction of its own (createAtomicWrites
 * below), so that a read never sees it half done and a failure leaves nothing half done; reads do
 * not take the mutex (they wait only while a write's transaction is open).
 *
 * This is enough only because the embedded default is ONE server process owning its PGlite folder
 * (src/db/embedded.ts): a second process writing to the same database would see neither this mutex
 * nor the document locks below.
 * An external PostgreSQL keeps real transactions and never takes this path (src/db/pool.ts).
 *
 * The mutex is re-entrant within one write (the adapter's `upsert` calls its own `updateOne`), and
 * held only inside adapter methods, which run no hooks and start no other operation: a hook's nested
 * Local API write happens between two adapter calls of its operation, never inside one, so nothing
 * that holds the mutex waits for something that waits for it.
 *
 * Atomic writes are not yet a serialised read-modify-write: six concurrent submits of one dossier
 * all read "draft" and were all accepted, six audit rows. On PostgreSQL hooks/lockRow.ts takes the
 * document's row lock inside the operation's transaction; here there is no transaction to hold it.
 * So each operation gets a name instead of a transaction (`beginTransaction` returns one, the
 * adapter then uses its plain connection as with no transaction at all), `lockDocument` takes an
 * in-process lock on a document for that name, and Payload's commit or rollback of the operation
 * (always called, on success or error) releases it. Nested operations that pass `req` share the
 * name and take the lock again at once, exactly as they share the transaction and its row locks on
 * PostgreSQL. A wait longer than the pool's acquire timeout fails with the pool's words (→ 503).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'

import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { acquireTimeoutMessage } from './pool'

/** Every method of Payload's database adapter that changes data (payload/dist/database/types.d.ts). */
export const adapterWriteMethods = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies ReadonlyArray<keyof BaseDatabaseAdapter>

export type WriteMutex = {
  run: <R>(task: () => Promise<R>) => Promise<R>
  stats: () => { isHeld: boolean; waiting: number }
}

/**
 * One holder at a time, first come first served; a task run by the holder (in its async context)
 * runs at once instead of waiting for itself. The mutex is released however the task ends.
 */
export const createWriteMutex = (): WriteMutex => {
  const holder = new AsyncLocalStorage<true>()
  let tail: Promise<void> = Promise.resolve()
  let waiting = 0
  let isHeld = false
  const run = async <R>(task: () => Promise<R>): Promise<R> => {
    if (holder.getStore()) return task()
    const previous = tail
    let release = () => {}
    tail = new Promise<void>((resolve) => (release = resolve))
    waiting += 1
    await previous
    waiting -= 1
    isHeld = true
    try {
      return await holder.run(true, task)
    } finally {
      isHeld = false
      release()
    }
  }
  return { run, stats: () => ({ isHeld, waiting }) }
}

export type DocumentLocks = {
  acquire: (args: { holder: string; key: string }) => Promise<void>
  releaseAll: (holder: string) => void
  stats: () => { held: number; waiting: number }
}

/**
 * Locks on documents (by key), each held by one holder (an operation's name) until it releases all
 * of its locks at once; taking a lock one already holds returns at once. Waiters are served first
 * come first served and give up after `timeoutMs` (0 = never).
 */
export const createDocumentLocks = ({ timeoutMs }: { timeoutMs: number }): DocumentLocks => {
  const holders = new Map<string, string>()
  const queues = new Map<string, Array<(holder: string) => void>>()
  const heldBy = new Map<string, Set<string>>()
  const take = ({ holder, key }: { holder: string; key: string }) => {
    holders.set(key, holder)
    heldBy.set(holder, (heldBy.get(holder) ?? new Set()).add(key))
  }
  const acquire = ({ holder, key }: { holder: string; key: string }) =>
    new Promise<void>((resolve, reject) => {
      const current = holders.get(key)
      if (current === undefined || current === holder) {
        take({ holder, key })
        return resolve()
      }
      const queue = queues.get(key) ?? []
      queues.set(key, queue)
      let timer: NodeJS.Timeout | undefined
      const admit = () => {
        if (timer) clearTimeout(timer)
        take({ holder, key })
        resolve()
      }
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          queue.splice(queue.indexOf(admit), 1)
          reject(new Error(`${acquireTimeoutMessage} (${timeoutMs} ms, hồ sơ đang được lưu bởi một yêu cầu khác)`))
        }, timeoutMs)
        timer.unref()
      }
      queue.push(admit)
    })
  const releaseAll = (holder: string) => {
    for (const key of heldBy.get(holder) ?? []) {
      holders.delete(key)
      const next = queues.get(key)?.shift()
      if (queues.get(key)?.length === 0) queues.delete(key)
      next?.(key)
    }
    heldBy.delete(holder)
  }
  const stats = () => ({ held: holders.size, waiting: [...queues.values()].reduce((sum, queue) => sum + queue.length, 0) })
  return { acquire, releaseAll, stats }
}

/** What hooks/lockRow.ts calls on the embedded adapter. */
export type LockDocument = (args: { holder: string; key: string }) => Promise<void>

type TransactionId = null | number | string

type Session<Tx> = { db: Tx; reject: () => Promise<void>; resolve: () => Promise<void> }
export type LendingAdapter<Tx> = { drizzle: { transaction: <R>(work: (tx: Tx) => Promise<R>) => Promise<R> }; sessions: Record<string, Session<Tx> | undefined> }
type AtomicAdapter = LendingAdapter<unknown> & { payload?: unknown }

/**
 * Runs `work` in a database transaction of our own, lent to Payload as a session under a new key
 * for as long as it runs: a Payload call made with a request whose `transactionID` is that key joins
 * it. Used where Payload itself runs without transactions (the embedded default): each adapter
 * write below, and a units import (collections/units/import.ts).
 */
export const inLentTransaction = <Tx, R>({ db, prefix, work }: { db: LendingAdapter<Tx>; prefix: string; work: (args: { key: string; tx: Tx }) => Promise<R> }): Promise<R> =>
  db.drizzle.transaction(async (tx) => {
    const key = `${prefix}-${crypto.randomUUID()}`
    db.sessions[key] = { db: tx, reject: async () => {}, resolve: async () => {} }
    try {
      return await work({ key, tx })
    } finally {
      delete db.sessions[key]
    }
  })

/**
 * Each write method of the adapter in a database transaction of its own, on one connection.
 *
 * Why: one method is several statements (an update of a document with arrays deletes its rows,
 * updates the main row, inserts the rows again). Run one by one on the plain connection, a reader
 * in between saw the document half written — a criteria set being published read back with
 * indicators missing, under load — and an error or a stopped process between two statements left
 * it so. PGlite serves the other connections only once an open transaction ends
 * (@electric-sql/pglite-socket's queue), so readers now see the write whole or not at all, and a
 * failure rolls all of it back. Only the method's own statements run in it (they all go through
 * the session Payload finds by `req.transactionID`), so nothing inside waits for another
 * connection. A method called inside one already (the adapter's `upsert` calls its `updateOne`),
 * or under a transaction lent to Payload (collections/units/import.ts), joins that one.
 */
export const createAtomicWrites = ({ db }: { db: AtomicAdapter }) => {
  const current = new AsyncLocalStorage<string>()
  const run = async ({ callArgs, write }: { callArgs: unknown[]; write: (args: unknown[]) => Promise<unknown> }) => {
    const [first, ...rest] = callArgs
    const args = (first ?? {}) as { req?: { transactionID?: unknown } & Record<string, unknown> }
    const lent = await args.req?.transactionID
    if (current.getStore() !== undefined || (lent !== undefined && lent !== null && db.sessions[String(lent)])) return write(callArgs)
    return inLentTransaction({
      db,
      prefix: 'embedded-write',
      work: ({ key }) => {
        // the request as it is, but naming this transaction (its other properties read through)
        const req = Object.assign(Object.create(args.req ?? { payload: db.payload }) as object, { transactionID: key })
        return current.run(key, () => write([{ ...args, req }, ...rest]))
      },
    })
  }
  return { run }
}

/**
 * The adapter with its write methods serialised through one mutex, and operations named so that
 * hooks/lockRow.ts can lock a document for one (see the top of this file).
 */
export const serialiseWrites = <T extends BaseDatabaseAdapter>({ adapter, lockTimeoutMs }: { adapter: DatabaseAdapterObj<T>; lockTimeoutMs: number }): DatabaseAdapterObj<T> => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const mutex = createWriteMutex()
    const locks = createDocumentLocks({ timeoutMs: lockTimeoutMs })
    let operations = 0
    // no database transaction (PGlite runs without them): a name for the operation, which finds no
    // session under it and uses the plain connection, as with no transaction at all
    db.beginTransaction = async () => `embedded-operation-${++operations}`
    const end = async (id: Promise<TransactionId> | TransactionId) => {
      const name = await id
      if (name !== null) locks.releaseAll(String(name))
    }
    db.commitTransaction = end
    db.rollbackTransaction = end
    ;(db as unknown as { lockDocument: LockDocument }).lockDocument = locks.acquire
    ;(db as unknown as { documentLocks: DocumentLocks }).documentLocks = locks
    const methods = db as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>
    const atomic = createAtomicWrites({ db: db as unknown as AtomicAdapter })
    for (const name of adapterWriteMethods) {
      const write = methods[name]
      if (typeof write !== 'function') continue
      methods[name] = (...callArgs) => mutex.run(() => atomic.run({ callArgs, write: (args) => write.apply(db, args) }))
    }
    ;(db as unknown as { writeMutex: WriteMutex }).writeMutex = mutex
    return db
  },
})
