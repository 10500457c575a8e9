import { describe, expect, it } from 'vitest'

import { hasLanguageCookie, preferVietnamese } from '@/language'

const run = (headers: Record<string, string>) => {
  const req = { headers: { ...headers } } as Parameters<typeof preferVietnamese>[0]
  let isNextCalled = false
  preferVietnamese(req, {} as Parameters<typeof preferVietnamese>[1], () => {
    isNextCalled = true
  })
  return { acceptLanguage: req.headers['accept-language'], isNextCalled }
}

describe('preferVietnamese', () => {
  it('asks Payload for Vietnamese when the browser prefers English and no language was chosen', () => {
    expect(run({ 'accept-language': 'en-US,en;q=0.9' })).toEqual({ acceptLanguage: 'vi', isNextCalled: true })
  })

  it('keeps the browser header once the user chose a language (payload-lng cookie)', () => {
    expect(run({ 'accept-language': 'en-US', cookie: 'a=1; payload-lng=en' })).toEqual({ acceptLanguage: 'en-US', isNextCalled: true })
  })

  it.each([
    ['payload-lng=en', true],
    ['x=1;  payload-lng=vi', true],
    ['not-payload-lng=en', false],
    ['', false],
  ])('cookie header %j has the language cookie: %s', (header, expected) => {
    expect(hasLanguageCookie(header)).toBe(expected)
  })
})
