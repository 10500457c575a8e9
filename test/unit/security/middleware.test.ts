/**
 * The hardening stack (src/security/index.ts) on a bare express app over real HTTP, with a stand-in
 * for Next that reads the body the way Next does (as a web stream) and answers a sign-in 200 or
 * 401 by the password sent: security headers on every response, sign-in and public limits with 429 + Retry-After and a
 * Vietnamese message, GraphQL bodies counted and handed on intact, proxies trusted only when told.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import express from 'express'
import { jwtSign } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { applySecurity } from '@/security'
import { payloadSigningKey } from '@/security/sessionToken'
import type { Env } from '@/security/settings'

const secret = 'f3a9c1e07b5d4862a1c3e5f7092b4d6e8f0a2c4e'
const servers: Server[] = []
afterAll(() => servers.forEach((server) => server.close()))

/** What Next would do: read the whole body as a web stream, then answer. */
const standInForNext: express.RequestHandler = async (req, res) => {
  const body = await new Response(Readable.toWeb(req) as ReadableStream).text()
  const password = body.startsWith('{') ? (JSON.parse(body) as { password?: string }).password : undefined
  if (password !== undefined) {
    res.status(password === 'dung' ? 200 : 401).json({ ok: password === 'dung' })
    return
  }
  res.status(200).json({ body, ip: req.ip, path: req.path })
}

const serve = async (env: Env = {}) => {
  const app = express()
  applySecurity({ app, env, isDev: false, secret })
  app.all('/{*splat}', standInForNext)
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening))
  })
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers }, method: 'POST' })

const signIn = (base: string, password: string, headers: Record<string, string> = {}) => post(`${base}/api/users/login`, { email: 'a@b.vn', password }, headers)

const expectRefusal = async (response: Response, text: string) => {
  expect(response.status).toBe(429)
  expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining(text), path: '' }] })
}

describe('security headers', () => {
  it('are on every response, with a CSP the admin can live with; HSTS only behind HTTPS', async () => {
    const base = await serve()
    for (const response of [await fetch(`${base}/admin`), await fetch(`${base}/api/nothing`, { method: 'DELETE' })]) {
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
      expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('Permissions-Policy')).toContain('camera=(), microphone=(), geolocation=()')
      expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
      expect(response.headers.get('Strict-Transport-Security')).toBeNull()
      const csp = response.headers.get('Content-Security-Policy') ?? ''
      for (const directive of ["frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'"]) {
        expect(csp).toContain(directive)
      }
      expect(csp).not.toContain('unsafe-eval') // development only
      expect(csp).not.toContain('upgrade-insecure-requests')
    }
    const secure = await fetch(`${await serve({ BEHIND_HTTPS: 'true' })}/admin`)
    expect(secure.headers.get('Strict-Transport-Security')).toBe('max-age=31536000')
    expect(secure.headers.get('Content-Security-Policy')).toContain('upgrade-insecure-requests')
  })
})

describe('sign-in limit', () => {
  it('counts failed sign-ins per address and refuses past the limit with 429, Retry-After and a Vietnamese message', async () => {
    const base = await serve({ RATE_LIMIT_LOGIN_MAX: '3' })
    for (let i = 0; i < 3; i += 1) expect((await signIn(base, 'sai')).status).toBe(401)
    const refused = await signIn(base, 'dung') // the right password too: the address is blocked
    await expectRefusal(refused, 'Quá nhiều lần đăng nhập')
    expect(refused.headers.get('X-Frame-Options')).toBe('SAMEORIGIN') // headers on refusals too
  })

  it('gives successful sign-ins back, so an office behind one address is not blocked by its own users', async () => {
    const base = await serve({ RATE_LIMIT_LOGIN_MAX: '3' })
    for (let i = 0; i < 10; i += 1) expect((await signIn(base, 'dung')).status).toBe(200)
    expect((await signIn(base, 'sai')).status).toBe(401)
  })

  it('also counts password-reset requests, and paths written differently', async () => {
    const base = await serve({ RATE_LIMIT_LOGIN_MAX: '3' })
    expect((await post(`${base}/api/users/forgot-password`, { email: 'a@b.vn' })).status).toBe(200)
    expect((await post(`${base}/api/users//log%69n/`, { password: 'sai' })).status).toBe(401)
    expect((await post(`${base}/API/users/login`, { password: 'sai' })).status).toBe(401)
    await expectRefusal(await signIn(base, 'sai'), 'đăng nhập')
  })

  it('counts every loginUser in a GraphQL request (aliases, JSON escapes) and hands the body on unchanged', async () => {
    const base = await serve({ RATE_LIMIT_LOGIN_MAX: '4' })
    const query = 'mutation { a: loginUser(email: "a@b.vn", password: "x") { token } b: loginUser(email: "c@b.vn", password: "y") { token } }'
    const sent = JSON.stringify({ query })
    const passed = await post(`${base}/api/graphql`, sent)
    expect(passed.status).toBe(200)
    expect((await passed.json()).body).toBe(sent) // Next reads exactly what the client sent
    const escaped = '{"query":"mutation { \\u006coginUser(email: \\"a@b.vn\\", password: \\"x\\") { token } }"}'
    expect((await post(`${base}/api/graphql`, escaped)).status).toBe(200)
    expect((await post(`${base}/api/graphql`, { query: 'mutation { forgotPasswordUser(email: "a@b.vn") }' })).status).toBe(200)
    await expectRefusal(await post(`${base}/api/graphql`, { query: 'mutation { loginUser(email: "a", password: "b") { token } }' }), 'đăng nhập')
    // queries that sign nobody in are not counted
    expect((await post(`${base}/api/graphql`, { query: '{ Units { totalDocs } }' })).status).toBe(200)
  })

  it('refuses a GraphQL body over 1 MB with 413 before reading it all', async () => {
    const base = await serve()
    const response = await post(`${base}/api/graphql`, { query: `{ Units { totalDocs } } #${'x'.repeat(1024 * 1024)}` })
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].message).toContain('quá lớn')
  })

  it('is off with RATE_LIMIT_LOGIN_MAX=0', async () => {
    const base = await serve({ RATE_LIMIT_LOGIN_MAX: '0' })
    for (let i = 0; i < 25; i += 1) expect((await signIn(base, 'sai')).status).toBe(401)
  })
})

describe('public limit', () => {
  it('limits anonymous use of the public endpoints per address: JSON under /api, plain text for the page', async () => {
    const base = await serve({ RATE_LIMIT_PUBLIC_MAX: '4' })
    expect((await fetch(`${base}/api/recognitions?limit=5`)).status).toBe(200)
    expect((await post(`${base}/api/criteria-sets/4/evaluate`, { answers: {} })).status).toBe(200)
    expect((await fetch(`${base}/cong-nhan?q=x`)).status).toBe(200)
    expect((await post(`${base}/api/graphql`, { query: '{ Recognitions { totalDocs } }' })).status).toBe(200)
    await expectRefusal(await fetch(`${base}/api/recognitions`), 'Quá nhiều yêu cầu')
    const page = await fetch(`${base}/cong-nhan`)
    expect(page.status).toBe(429)
    expect(page.headers.get('Content-Type')).toContain('text/plain')
    expect(await page.text()).toContain('Quá nhiều yêu cầu từ địa chỉ này')
    // the rest of the app is not limited by it
    expect((await fetch(`${base}/admin`)).status).toBe(200)
  })

  it('exempts requests with a valid token, not those with a made-up one', async () => {
    const base = await serve({ RATE_LIMIT_PUBLIC_MAX: '1' })
    const { token } = await jwtSign({ fieldsToSign: { collection: 'users', id: 1 }, secret: payloadSigningKey(secret), tokenExpiration: 60 })
    expect((await fetch(`${base}/api/recognitions`)).status).toBe(200)
    expect((await fetch(`${base}/api/recognitions`, { headers: { Authorization: 'JWT made.up.token' } })).status).toBe(429)
    for (let i = 0; i < 5; i += 1) {
      expect((await fetch(`${base}/api/recognitions`, { headers: { Authorization: `JWT ${token}` } })).status).toBe(200)
      expect((await post(`${base}/api/graphql`, { query: '{ Units { totalDocs } }' }, { Cookie: `payload-token=${token}` })).status).toBe(200)
    }
  })
})

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says to trust the proxy', async () => {
    const direct = await serve({ RATE_LIMIT_PUBLIC_MAX: '1' })
    expect((await fetch(`${direct}/api/recognitions`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).status).toBe(200)
    expect((await fetch(`${direct}/api/recognitions`, { headers: { 'X-Forwarded-For': '198.51.100.2' } })).status).toBe(429)

    const proxied = await serve({ RATE_LIMIT_PUBLIC_MAX: '1', TRUST_PROXY: '1' })
    const first = await fetch(`${proxied}/api/recognitions`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })
    expect((await first.json()).ip).toBe('198.51.100.1')
    expect((await fetch(`${proxied}/api/recognitions`, { headers: { 'X-Forwarded-For': '198.51.100.2' } })).status).toBe(200)
    expect((await fetch(`${proxied}/api/recognitions`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).status).toBe(429)
  })
})
