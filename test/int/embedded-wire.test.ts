/**
 * The embedded database's wire server keeps each connection's turn whole (src/db/wireTurns.ts):
 * plain parameterised queries on several connections beside connections running transactions all
 * get their own answers. Before, a transaction run between a query's Parse and its Bind gave that
 * query the transaction's statement or none: 13 wrong answers and 268 errors in 2,400 queries.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { embeddedDataDir, startEmbeddedDatabase } from '@/db/embedded'
import { endsTurn } from '@/db/wireTurns'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-wire-'))
let database: Awaited<ReturnType<typeof startEmbeddedDatabase>>
let pool: pg.Pool

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: embeddedDataDir(dataDir) })
  pool = new pg.Pool({ connectionString: database.url, max: 4 })
}, 120_000)

afterAll(async () => {
  await pool?.end()
  await database?.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

describe('the embedded wire server', () => {
  it('ends a turn at Sync, a simple Query, Terminate or a startup message, not at Parse, Bind or Execute', () => {
    const message = (type: string) => Uint8Array.from([type.charCodeAt(0), 0, 0, 0, 4])
    expect(['S', 'Q', 'X'].map((type) => endsTurn(message(type)))).toEqual([true, true, true])
    expect(['P', 'B', 'D', 'E', 'H'].map((type) => endsTurn(message(type)))).toEqual([false, false, false, false, false])
    expect(endsTurn(Uint8Array.from([0, 0, 0, 8, 4, 210, 22, 47]))).toBe(true)
  })

  it('answers every query with its own result while other connections run transactions', async () => {
    const outcome = { errors: [] as string[], queries: 0, wrong: 0 }
    const plain = async (worker: number) => {
      for (let round = 0; round < 200; round += 1) {
        outcome.queries += 1
        try {
          const isSum = worker % 2 === 0
          const { rows } = isSum
            ? await pool.query(`select $1::int + ${worker} as v`, [round])
            : await pool.query(`select ($1::int * 1000 + $2::int) as v, ${worker} as w`, [round, worker])
          if (Number(rows[0]?.v) !== (isSum ? round + worker : round * 1000 + worker)) outcome.wrong += 1
        } catch (error) {
          outcome.errors.push(String(error))
        }
      }
    }
    const transactions = async () => {
      for (let round = 0; round < 60; round += 1) {
        const client = await pool.connect()
        try {
          await client.query('begin')
          for (let step = 0; step < 3; step += 1) {
            outcome.queries += 1
            const { rows } = await client.query(`select $1::int * 7 + ${step} as v, 'tx' as t`, [round])
            if (Number(rows[0]?.v) !== round * 7 + step) outcome.wrong += 1
          }
          await client.query('commit')
        } catch (error) {
          outcome.errors.push(String(error))
          await client.query('rollback').catch(() => undefined)
        } finally {
          client.release()
        }
      }
    }
    await Promise.all([...Array.from({ length: 6 }, (_, worker) => plain(worker)), transactions(), transactions()])
    expect(outcome.queries).toBe(6 * 200 + 2 * 60 * 3)
    expect({ errors: outcome.errors.slice(0, 3), wrong: outcome.wrong }).toEqual({ errors: [], wrong: 0 })
  }, 120_000)

  it('gives the turn back when a connection goes away inside its transaction', async () => {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    await client.query('begin')
    await client.query('select $1::int as v', [1])
    await client.end()
    const { rows } = await pool.query('select $1::int + 1 as v', [41])
    expect(Number(rows[0]?.v)).toBe(42)
  }, 30_000)
})
