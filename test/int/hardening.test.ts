/**
 * The hardening as the product runs it: src/server.ts puts the headers and limits in front of
 * every route (Next stood in for), sign-in tokens and cookies follow SESSION_HOURS and SameSite,
 * a token past its expiry is refused by Payload itself, and a production start on PostgreSQL with
 * a weak secret stops before connecting, with exit code 78 and a Vietnamese reason. The limits'
 * counters in PostgreSQL (src/security/sharedRateLimit.ts): two limiters on the one table, as two
 * app nodes behind a load balancer, let a client through `max` times in all, never `max` per node.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { databasePool, prepareRuntime } from '@/runtime'
import { isValidSessionToken } from '@/security/sessionToken'
import { createSharedRateLimiter, type Query } from '@/security/sharedRateLimit'
import { ConfigurationError, defaults } from '@/security/settings'
import { configurationExitCode, createApp } from '@/server'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
const servers: Server[] = []
const login = REST_POST(config)
const get = REST_GET(config)

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'HRD' })
})
afterAll(async () => {
  for (const server of servers) server.close()
  await closeTestPayload(payload)
})

const signIn = async (email: string) => {
  const request = new Request('http://localhost/api/users/login', {
    body: JSON.stringify({ email, password }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const response = await login(request, { params: Promise.resolve({ slug: ['users', 'login'] }) })
  return { body: (await response.json()) as { exp: number; token: string }, cookie: response.headers.get('Set-Cookie') ?? '', status: response.status }
}

const me = async (token: string) => {
  const request = new Request('http://localhost/api/users/me', { headers: { Authorization: `JWT ${token}` } })
  const response = await get(request, { params: Promise.resolve({ slug: ['users', 'me'] }) })
  return ((await response.json()) as { user: { email: string } | null }).user
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number }

describe('src/server.ts createApp', () => {
  it('sends the security headers and applies the limits before /healthz, the redirect and Next', async () => {
    const seen: string[] = []
    const app = createApp({
      env: { RATE_LIMIT_LOGIN_MAX: '1', RATE_LIMIT_PUBLIC_MAX: '1' },
      handle: (req, res) => {
        seen.push(req.url ?? '')
        res.statusCode = 401
        res.end('{}')
      },
      isDev: false,
      ping: async () => {},
      secret: 'f3a9c1e07b5d4862a1c3e5f7092b4d6e8f0a2c4e',
    })
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, () => resolve(listening))
    })
    servers.push(server)
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(200)
    expect(health.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(health.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self'")
    const root = await fetch(`${base}/`, { redirect: 'manual' })
    expect(root.headers.get('X-Content-Type-Options')).toBe('nosniff')

    const signInOnce = () => fetch(`${base}/api/users/login`, { body: '{"email":"a@b.vn","password":"sai"}', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    expect((await signInOnce()).status).toBe(401) // reached Next, failed: counted
    const refused = await signInOnce()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBeTruthy()
    expect((await refused.json()).errors[0].message).toContain('Quá nhiều lần đăng nhập')
    expect((await fetch(`${base}/cong-nhan`)).status).toBe(401)
    expect((await fetch(`${base}/cong-nhan`)).status).toBe(429)
    expect(seen).toEqual(['/api/users/login', '/cong-nhan']) // refusals never reached Next
  })
})

describe('sessions', () => {
  it('a sign-in lasts SESSION_HOURS (8 by default) in a SameSite=Lax, HttpOnly cookie, not Secure over plain HTTP', async () => {
    expect(payload.collections.users.config.auth.tokenExpiration).toBe(defaults.sessionHours * 3600)
    const { body, cookie, status } = await signIn(world.users.unitEditor.email)
    expect(status).toBe(200)
    const { exp, iat } = claims(body.token)
    expect(exp - iat).toBe(8 * 3600)
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).not.toMatch(/Secure/i)
    expect(isValidSessionToken({ secret: payload.config.secret, token: body.token })).toBe(true)
  })

  it('a token past its expiry is refused by Payload', async () => {
    const auth = payload.collections.users.config.auth
    const configured = auth.tokenExpiration
    auth.tokenExpiration = 5 // seconds; the setting itself is read from SESSION_HOURS (unit tests)
    try {
      const { body } = await signIn(world.users.reviewer.email)
      const { exp, iat } = claims(body.token)
      expect(exp - iat).toBe(5)
      expect((await me(body.token))?.email).toBe(world.users.reviewer.email)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 1100))
      expect(await me(body.token)).toBeNull()
      expect(isValidSessionToken({ secret: payload.config.secret, token: body.token })).toBe(false)
    } finally {
      auth.tokenExpiration = configured
    }
    const { body } = await signIn(world.users.reviewer.email)
    expect((await me(body.token))?.email).toBe(world.users.reviewer.email)
  })
})

describe('refusing a weak secret in production', () => {
  const strong = 'f3a9c1e07b5d4862a1c3e5f7092b4d6e8f0a2c4e6b8d0f1a'
  const production = (secret: string | undefined): NodeJS.ProcessEnv => ({
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-secret-')),
    NODE_ENV: 'production',
    PAYLOAD_SECRET: secret,
  })

  it('prepareRuntime refuses a missing, short or placeholder secret with DATABASE_URL, and accepts a strong one', async () => {
    await expect(prepareRuntime({ env: production('changeme') })).rejects.toThrow(ConfigurationError)
    await expect(prepareRuntime({ env: production('test-secret-do-not-use-in-production') })).rejects.toThrow('giá trị mẫu')
    await expect(prepareRuntime({ env: production('short-but-random-9f8e7d') })).rejects.toThrow('quá ngắn')
    await expect(prepareRuntime({ env: production(undefined) })).rejects.toThrow('là bắt buộc')
    const env = production(strong)
    await expect(prepareRuntime({ env })).resolves.toMatchObject({ mode: 'external' })
    expect(env.PAYLOAD_SECRET).toBe(strong)
    // outside production (tests, development) the check does not apply
    await expect(prepareRuntime({ env: { ...production('changeme'), NODE_ENV: 'test' } })).resolves.toMatchObject({ mode: 'external' })
  })

  it('the real server entry exits with 78 and the reason, without a stack trace and without touching the database', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      encoding: 'utf8',
      env: { ...process.env, ...production('test-secret-do-not-use-in-production'), STARTUP_TIMEOUT_MS: '60000' },
      timeout: 60_000,
    })
    expect(started.status, started.stderr).toBe(configurationExitCode)
    expect(started.stderr).toContain('Không khởi động: PAYLOAD_SECRET đang là giá trị mẫu')
    expect(started.stderr).not.toContain('    at ')
  }, 70_000)
})

// ---- the limits shared by every node -----------------------------------------------------------

const sharedQuery = (): Query => {
  const pool = databasePool({ payload })
  if (!pool) throw new Error('no pool')
  return (sql, params) => pool.query(sql, params)
}

const fail = (error: unknown) => {
  throw error
}

/** Two limiters of one limit on the one table: node A and node B. */
const twoNodes = ({ max, windowMs = 60_000 }: { max: number; windowMs?: number }) => {
  const name = `kiem-thu-${Date.now()}-${Math.random().toString(36).slice(2)}`
  const node = () => createSharedRateLimiter({ max, name, onError: fail, query: sharedQuery(), windowMs })
  return { a: node(), b: node(), name }
}

const stored = async (key: string) => (await sharedQuery()('select count from rate_limit_windows where key = $1', [key])).rows[0]?.count

describe('request limits shared by every node through PostgreSQL', () => {
  it('one client alternating between two nodes gets the limit once in all, and a refused request costs nothing', async () => {
    const { a, b, name } = twoNodes({ max: 5 })
    const results = []
    for (let index = 0; index < 10; index += 1) results.push(await (index % 2 === 0 ? a : b).hit({ key: '203.0.113.7' }))
    expect(results.map((result) => result.isAllowed)).toEqual([true, true, true, true, true, false, false, false, false, false])
    expect(results[4].remaining).toBe(0)
    expect(results[9].retryAfterSeconds).toBeGreaterThan(0)
    expect(await stored(`${name}:203.0.113.7`)).toBe(5)
    // another client has its own window
    expect((await b.hit({ key: '198.51.100.2' })).isAllowed).toBe(true)
  })

  it('thirty requests at once across both nodes: exactly the limit gets through', async () => {
    const { a, b, name } = twoNodes({ max: 7 })
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? a : b).hit({ key: '203.0.113.8' })))
    expect(results.filter((result) => result.isAllowed)).toHaveLength(7)
    expect(await stored(`${name}:203.0.113.8`)).toBe(7)
  })

  it('a refund on one node gives a unit back to the other; the window ends for both', async () => {
    const { a, b } = twoNodes({ max: 2, windowMs: 1500 })
    await a.hit({ key: 'k' })
    await b.hit({ key: 'k' })
    expect((await a.hit({ key: 'k' })).isAllowed).toBe(false)
    await a.refund({ key: 'k' })
    expect((await b.hit({ key: 'k' })).isAllowed).toBe(true)
    expect((await a.hit({ key: 'k' })).isAllowed).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect((await b.hit({ key: 'k' })).isAllowed).toBe(true)
  })
})
