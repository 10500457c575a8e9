/** The hardening settings from the environment: defaults, accepted forms, refusals that name the variable. */
import { describe, expect, it } from 'vitest'

import { sessionAuth } from '@/security/session'
import { ConfigurationError, parseTrustProxy, readSecuritySettings, sessionSeconds } from '@/security/settings'

describe('readSecuritySettings', () => {
  it('has safe defaults: no proxy trusted, no HTTPS claims, 20 failed sign-ins per 15 min, 600 public requests per minute, 8-hour sessions', () => {
    expect(readSecuritySettings({ env: {} })).toEqual({
      isBehindHttps: false,
      login: { max: 20, windowMs: 900_000 },
      public: { max: 600, windowMs: 60_000 },
      sessionSeconds: 28_800,
      trustProxy: false,
    })
  })

  it('reads every variable', () => {
    const env = {
      BEHIND_HTTPS: 'true',
      RATE_LIMIT_LOGIN_MAX: '5',
      RATE_LIMIT_LOGIN_WINDOW_SECONDS: '60',
      RATE_LIMIT_PUBLIC_MAX: '0',
      RATE_LIMIT_PUBLIC_WINDOW_SECONDS: '10',
      SESSION_HOURS: '1.5',
      TRUST_PROXY: '1',
    }
    expect(readSecuritySettings({ env })).toEqual({
      isBehindHttps: true,
      login: { max: 5, windowMs: 60_000 },
      public: { max: 0, windowMs: 10_000 },
      sessionSeconds: 5400,
      trustProxy: 1,
    })
  })

  it.each([
    ['RATE_LIMIT_LOGIN_MAX', 'abc'],
    ['RATE_LIMIT_LOGIN_MAX', '-1'],
    ['RATE_LIMIT_LOGIN_MAX', '2.5'],
    ['RATE_LIMIT_PUBLIC_WINDOW_SECONDS', '0'],
    ['SESSION_HOURS', '0'],
    ['SESSION_HOURS', 'tám'],
  ])('refuses %s=%s with a Vietnamese message naming it', (name, value) => {
    const read = () => readSecuritySettings({ env: { [name]: value } })
    expect(read).toThrow(ConfigurationError)
    expect(read).toThrow(`Biến môi trường ${name}="${value}" không hợp lệ`)
  })

  it('an empty value means the default', () => {
    expect(readSecuritySettings({ env: { RATE_LIMIT_LOGIN_MAX: '', SESSION_HOURS: ' ' } }).login.max).toBe(20)
  })
})

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.1, 172.16.0.0/12', ['10.0.0.1', '172.16.0.0/12']],
  ])('%s → %j', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected)
  })
})

describe('session settings for the users collection', () => {
  it('expire after SESSION_HOURS, at least a minute', () => {
    expect(sessionSeconds({ env: {} })).toBe(8 * 3600)
    expect(sessionSeconds({ env: { SESSION_HOURS: '0.5' } })).toBe(1800)
    expect(() => sessionSeconds({ env: { SESSION_HOURS: '0.001' } })).toThrow('SESSION_HOURS')
  })

  it('cookies are SameSite=Lax, and Secure only when served over HTTPS', () => {
    expect(sessionAuth({ env: {} })).toEqual({ cookies: { sameSite: 'Lax', secure: false }, tokenExpiration: 28_800 })
    expect(sessionAuth({ env: { BEHIND_HTTPS: 'true', SESSION_HOURS: '4' } })).toEqual({ cookies: { sameSite: 'Lax', secure: true }, tokenExpiration: 14_400 })
  })
})
