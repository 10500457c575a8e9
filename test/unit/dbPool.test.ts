/**
 * The pool's settings from the environment and the gate on open transactions (src/db/pool.ts),
 * without a database: a fake adapter records what reaches it. The deadlock the gate prevents is
 * shown on real PostgreSQL in test/int/concurrency.test.ts.
 */
import type { DatabaseAdapterObj, Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { acquireTimeoutMessage, createGate, limitTransactions, pgPoolOptions, poolDefaults, poolSettingsFromEnv } from '@/db/pool'

describe('poolSettingsFromEnv', () => {
  it('defaults to a pool of 20 on PostgreSQL and 4 on the embedded PGlite, and 60 s to wait for a connection', () => {
    expect(poolSettingsFromEnv({ env: {}, isEmbedded: false })).toEqual({ acquireTimeoutMs: 60_000, max: 20 })
    expect(poolSettingsFromEnv({ env: {}, isEmbedded: true }).max).toBe(4)
    expect(poolDefaults.max).toBe(20)
  })

  it('reads DATABASE_POOL_MAX and DATABASE_POOL_ACQUIRE_TIMEOUT_MS (0 waits for ever); the embedded pool may be smaller', () => {
    expect(poolSettingsFromEnv({ env: { DATABASE_POOL_ACQUIRE_TIMEOUT_MS: ' 5000 ', DATABASE_POOL_MAX: '7' }, isEmbedded: false })).toEqual({ acquireTimeoutMs: 5000, max: 7 })
    expect(poolSettingsFromEnv({ env: { DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '0', DATABASE_POOL_MAX: '1' }, isEmbedded: true })).toEqual({ acquireTimeoutMs: 0, max: 1 })
  })

  it.each([
    ['DATABASE_POOL_MAX', 'mười'],
    ['DATABASE_POOL_MAX', '2'],
    ['DATABASE_POOL_MAX', '4.5'],
    ['DATABASE_POOL_ACQUIRE_TIMEOUT_MS', '-1'],
    ['DATABASE_POOL_ACQUIRE_TIMEOUT_MS', '1e3x'],
  ])('refuses %s=%j with a message naming the variable', (name, value) => {
    expect(() => poolSettingsFromEnv({ env: { [name]: value }, isEmbedded: false })).toThrow(new RegExp(`^${name} phải là số nguyên từ \\d+ trở lên \\(đang là "${value.replace('.', '\\.')}"\\)\\.$`))
  })

  it('gives the pool its size and the acquire timeout, and no server-side transaction timeout', () => {
    expect(pgPoolOptions({ settings: poolSettingsFromEnv({ env: {}, isEmbedded: false }) })).toEqual({ connectionTimeoutMillis: 60_000, idleTimeoutMillis: 30_000, max: 20 })
  })
})

describe('createGate', () => {
  it('admits `size` holders, queues the rest first come first served, and admits the next on leave', async () => {
    const gate = createGate({ size: 2, timeoutMs: 0 })
    const admitted: string[] = []
    await gate.enter()
    await gate.enter()
    const third = gate.enter().then(() => admitted.push('third'))
    const fourth = gate.enter().then(() => admitted.push('fourth'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(gate.stats()).toEqual({ open: 2, size: 2, waiting: 2 })
    gate.leave()
    await third
    expect(admitted).toEqual(['third'])
    gate.leave()
    await fourth
    expect(admitted).toEqual(['third', 'fourth'])
    expect(gate.stats()).toEqual({ open: 2, size: 2, waiting: 0 })
  })

  it('fails a waiter after the timeout in pg-pool’s words, and forgets it', async () => {
    const gate = createGate({ size: 1, timeoutMs: 30 })
    await gate.enter()
    await expect(gate.enter()).rejects.toThrow(acquireTimeoutMessage)
    expect(gate.stats()).toEqual({ open: 1, size: 1, waiting: 0 })
    gate.leave()
    await gate.enter()
    expect(gate.stats()).toEqual({ open: 1, size: 1, waiting: 0 })
  })
})

/** An adapter whose transactions are ids; `begin` may be told to fail or to run without transactions. */
const fakeAdapter = ({ beginResult }: { beginResult: () => Promise<null | string> }) => {
  const calls: string[] = []
  const adapterObj = {
    defaultIDType: 'number',
    init: () => ({
      beginTransaction: async () => {
        const id = await beginResult()
        calls.push(`begin ${id}`)
        return id
      },
      commitTransaction: async (id: unknown) => void calls.push(`commit ${String(await id)}`),
      rollbackTransaction: async (id: unknown) => void calls.push(`rollback ${String(await id)}`),
    }),
  } as unknown as DatabaseAdapterObj
  return { adapterObj, calls }
}

const gateOf = (db: unknown) => (db as { transactionGate: ReturnType<typeof createGate> }).transactionGate

describe('limitTransactions', () => {
  const settings = { acquireTimeoutMs: 50, max: 4 }

  it('keeps at most max − 2 transactions open and frees a slot once per transaction, however often it is ended', async () => {
    let next = 0
    const { adapterObj, calls } = fakeAdapter({ beginResult: async () => `t${++next}` })
    const db = limitTransactions({ adapter: adapterObj, isEmbedded: false, settings }).init({ payload: {} as Payload })
    const first = await db.beginTransaction()
    const second = await db.beginTransaction()
    expect(gateOf(db).stats()).toEqual({ open: 2, size: 2, waiting: 0 })
    const third = db.beginTransaction()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(gateOf(db).stats()).toEqual({ open: 2, size: 2, waiting: 1 })
    await db.commitTransaction(first as string)
    expect(await third).toBe('t3')
    // Payload may end one transaction twice (commit, then rollback on a later error)
    await db.rollbackTransaction(first as string)
    await db.rollbackTransaction(Promise.resolve(second as string))
    expect(gateOf(db).stats()).toEqual({ open: 1, size: 2, waiting: 0 })
    expect(calls).toEqual(['begin t1', 'begin t2', 'commit t1', 'begin t3', 'rollback t1', 'rollback t2'])
  })

  it('frees the slot when a transaction cannot begin or the adapter has no transactions, and times a waiter out', async () => {
    let isFailing = true
    const { adapterObj } = fakeAdapter({ beginResult: async () => (isFailing ? Promise.reject(new Error('no connection')) : null) })
    const db = limitTransactions({ adapter: adapterObj, isEmbedded: false, settings }).init({ payload: {} as Payload })
    await expect(db.beginTransaction()).rejects.toThrow('no connection')
    isFailing = false
    expect(await db.beginTransaction()).toBeNull()
    expect(gateOf(db).stats()).toEqual({ open: 0, size: 2, waiting: 0 })

    let count = 0
    const busy = fakeAdapter({ beginResult: async () => `b${++count}` })
    const full = limitTransactions({ adapter: busy.adapterObj, isEmbedded: false, settings }).init({ payload: {} as Payload })
    await full.beginTransaction()
    await full.beginTransaction()
    await expect(full.beginTransaction()).rejects.toThrow(acquireTimeoutMessage)
  })

  it('puts no gate on the embedded PGlite adapter (it runs without transactions) and serialises its writes instead', () => {
    const { adapterObj } = fakeAdapter({ beginResult: async () => null })
    const db = limitTransactions({ adapter: adapterObj, isEmbedded: true, settings }).init({ payload: {} as Payload })
    expect(db).not.toHaveProperty('transactionGate')
    // src/db/serialiseWrites.ts; shown on the embedded database in test/int/embedded-concurrency.test.ts
    expect(db).toHaveProperty('writeMutex')
  })
})
