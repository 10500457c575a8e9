/** /healthz answers 200 only while the database answers, 503 otherwise: over real HTTP. */
import type { Server } from 'node:http'

import express from 'express'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '@/db/freePort'
import { healthHandler, pingDatabase, type Ping } from '@/health'

import { closeTestPayload, getTestPayload } from './helpers/payload'

let payload: Payload
const servers: Server[] = []

beforeAll(async () => {
  payload = await getTestPayload()
})
afterAll(async () => {
  for (const server of servers) server.close()
  await closeTestPayload(payload)
})

const serve = async (ping: Ping) => {
  const app = express()
  app.get('/healthz', healthHandler({ ping, timeoutMs: 1500 }))
  const port = await freePort()
  servers.push(app.listen(port))
  return `http://127.0.0.1:${port}/healthz`
}

describe('GET /healthz', () => {
  it('is 200 { ok: true } when PostgreSQL answers', async () => {
    const response = await fetch(await serve(pingDatabase({ payload })))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('is 503 when the database refuses connections', async () => {
    const deadPort = await freePort()
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${deadPort}/postgres`, connectionTimeoutMillis: 500 })
    const response = await fetch(await serve(() => pool.query('select 1')))
    expect(response.status).toBe(503)
    expect((await response.json()).ok).toBe(false)
    await pool.end()
  })

  it('is 503 when the database hangs past the timeout', async () => {
    const response = await fetch(await serve(() => new Promise(() => {})))
    expect(response.status).toBe(503)
  })
})
