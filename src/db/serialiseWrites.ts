/**
 * On the embedded default, the database adapter's writes run one at a time, in this process.
 *
 * Why: PGlite runs without transactions here (payload.config.ts), and one Payload write is several
 * statements — an update of a document with an array deletes its rows, inserts the new ones and
 * updates the main row (drizzle's upsertRow). Two saves of one self-assessment interleaved those
 * statements and failed with a duplicate key ("Giá trị không được trùng lặp") or left the rows of
 * both saves behind (measured: 18 of 20 concurrent saves of one dossier refused). Each write method
 * of the adapter now holds one in-process mutex for its whole run, so its statements are never
 * mixed with another write's; reads do not take it and stay concurrent.
 *
 * This is enough only because the embedded default is ONE server process owning its PGlite folder
 * (src/db/embedded.ts): a second process writing to the same database would not see this mutex.
 * An external PostgreSQL keeps real transactions and never takes this path (src/db/pool.ts).
 *
 * The mutex is re-entrant within one write (the adapter's `upsert` calls its own `updateOne`), and
 * held only inside adapter methods, which run no hooks and start no other operation: a hook's nested
 * Local API write happens between two adapter calls of its operation, never inside one, so nothing
 * that holds the mutex waits for something that waits for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

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

/** The adapter with its write methods serialised through one mutex (see the top of this file). */
export const serialiseWrites = <T extends BaseDatabaseAdapter>({ adapter }: { adapter: DatabaseAdapterObj<T> }): DatabaseAdapterObj<T> => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const mutex = createWriteMutex()
    const methods = db as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>
    for (const name of adapterWriteMethods) {
      const write = methods[name]
      if (typeof write !== 'function') continue
      methods[name] = (...callArgs) => mutex.run(() => write.apply(db, callArgs))
    }
    ;(db as unknown as { writeMutex: WriteMutex }).writeMutex = mutex
    return db
  },
})
