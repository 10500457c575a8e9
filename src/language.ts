/**
 * Vietnamese is the admin's default language whatever the browser asks for: Payload picks the
 * language from its `payload-lng` cookie, then from Accept-Language, so a request without the
 * cookie is presented to Payload as asking for Vietnamese. Choosing English in the account
 * settings sets the cookie and is honoured from then on.
 */
import type { RequestHandler } from 'express'

export const languageCookie = 'payload-lng'

export const hasLanguageCookie = (cookieHeader: string | undefined) =>
  (cookieHeader ?? '').split(';').some((part) => part.trim().startsWith(`${languageCookie}=`))

export const preferVietnamese: RequestHandler = (req, _res, next) => {
  if (!hasLanguageCookie(req.headers.cookie)) req.headers['accept-language'] = 'vi'
  next()
}
