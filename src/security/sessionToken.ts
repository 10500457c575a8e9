/**
 * Whether a request carries a sign-in token Payload issued and that has not expired, checked
 * without the database: the same HS256 signature Payload's `jwtSign` makes with its derived key
 * (sha256 of PAYLOAD_SECRET, first 32 hex characters). The public limits exempt signed-in users; a
 * made-up `Authorization` header or cookie must not buy that exemption. A token revoked by signing
 * out still passes here, which is harmless: it was issued to a real account.
 */
import crypto from 'node:crypto'

import type { IncomingHttpHeaders } from 'node:http'

export const tokenCookie = 'payload-token'

/** Payload's signing key for a configured secret (payload/dist/index.js: `this.secret`). */
export const payloadSigningKey = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)

const cookieValue = (header: string | undefined, name: string) => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

/** The token Payload would read: `Authorization: JWT …` or `Bearer …`, else the `payload-token` cookie. */
export const presentedToken = (headers: IncomingHttpHeaders) => {
  const authorization = headers.authorization ?? ''
  const match = /^(?:JWT|Bearer) (.+)$/.exec(authorization)
  return match?.[1] ?? cookieValue(headers.cookie, tokenCookie)
}

const decodeJson = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

export const isValidSessionToken = ({ now = Date.now(), secret, token }: { now?: number; secret: string; token: string | undefined }) => {
  if (!token || !secret) return false
  const [header, body, signature, ...extra] = token.split('.')
  if (!header || !body || !signature || extra.length > 0) return false
  const protectedHeader = decodeJson(header) as { alg?: unknown } | undefined
  if (protectedHeader?.alg !== 'HS256') return false
  const expected = crypto.createHmac('sha256', payloadSigningKey(secret)).update(`${header}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false
  const claims = decodeJson(body) as { exp?: unknown } | undefined
  return typeof claims?.exp === 'number' && claims.exp * 1000 > now
}

export const isSignedIn = ({ headers, now, secret }: { headers: IncomingHttpHeaders; now?: number; secret: string }) =>
  isValidSessionToken({ now, secret, token: presentedToken(headers) })
