/**
 * Recognising a signed-in request without the database: tokens Payload signs (its own jwtSign,
 * with its key derived from the secret) pass until they expire; forged, tampered or foreign ones do not.
 */
import { jwtSign } from 'payload'
import { describe, expect, it } from 'vitest'

import { isSignedIn, isValidSessionToken, payloadSigningKey } from '@/security/sessionToken'

const secret = 'f3a9c1e07b5d4862a1c3e5f7092b4d6e8f0a2c4e'
const sign = async ({ key = secret, seconds = 60 }: { key?: string; seconds?: number } = {}) =>
  (await jwtSign({ fieldsToSign: { collection: 'users', email: 'a@b.vn', id: 1, sid: 'x' }, secret: payloadSigningKey(key), tokenExpiration: seconds })).token

describe('isValidSessionToken', () => {
  it('accepts a token Payload signed with this secret until it expires', async () => {
    const token = await sign({ seconds: 60 })
    expect(isValidSessionToken({ secret, token })).toBe(true)
    expect(isValidSessionToken({ now: Date.now() + 61_000, secret, token })).toBe(false)
  })

  it('refuses another secret, a changed payload or signature, "none" and garbage', async () => {
    const token = await sign()
    const [header, body, signature] = token.split('.') as [string, string, string]
    const otherBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), id: 2 })).toString('base64url')
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')
    expect(isValidSessionToken({ secret: 'another-secret', token })).toBe(false)
    expect(isValidSessionToken({ secret, token: `${header}.${otherBody}.${signature}` })).toBe(false)
    expect(isValidSessionToken({ secret, token: `${header}.${body}.${signature.slice(0, -2)}AA` })).toBe(false)
    expect(isValidSessionToken({ secret, token: `${none}.${body}.` })).toBe(false)
    expect(isValidSessionToken({ secret, token: 'abc' })).toBe(false)
    expect(isValidSessionToken({ secret, token: undefined })).toBe(false)
    expect(isValidSessionToken({ secret: '', token })).toBe(false)
  })

  it('reads the token where Payload does: JWT or Bearer header, else the payload-token cookie', async () => {
    const token = await sign()
    expect(isSignedIn({ headers: { authorization: `JWT ${token}` }, secret })).toBe(true)
    expect(isSignedIn({ headers: { authorization: `Bearer ${token}` }, secret })).toBe(true)
    expect(isSignedIn({ headers: { cookie: `payload-lng=vi; payload-token=${token}` }, secret })).toBe(true)
    expect(isSignedIn({ headers: { authorization: 'JWT made.up.token' }, secret })).toBe(false)
    expect(isSignedIn({ headers: { cookie: 'payload-token=made.up.token' }, secret })).toBe(false)
    expect(isSignedIn({ headers: {}, secret })).toBe(false)
  })
})
