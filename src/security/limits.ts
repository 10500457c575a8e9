/**
 * Request limits per client address, in front of Next and Payload:
 * - sign-in attempts: `POST /api/users/login` (a successful one is given back, so an office behind
 *   one address is not locked out by its own morning), `POST /api/users/forgot-password`, and each
 *   `loginUser` / `forgotPasswordUser` in a `POST /api/graphql`. Payload's own lock (5 wrong
 *   passwords → 15 minutes) still guards each account; this guards against trying many accounts.
 * - anonymous use of the public endpoints: `/api/criteria-sets/…` reads and evaluations,
 *   `GET /api/recognitions`, the `/cong-nhan` page and `POST /api/graphql` without a valid token.
 * Over a limit: 429 with `Retry-After` and a Vietnamese message, as JSON
 * `{ errors: [{ message, path: '' }] }` under /api and as plain text for pages.
 */
import type { Request, RequestHandler, Response } from 'express'

import { clientKey } from './clientKey'
import { BodyTooLargeError, countAuthOperations, graphqlBodyLimitBytes, readBody, replayBody } from './graphqlBody'
import { createRateLimiter, type RateLimitResult } from './rateLimit'
import { createSharedRateLimiter, type Query } from './sharedRateLimit'
import type { Limit } from './settings'
import { isSignedIn } from './sessionToken'

/** The path as Payload and Next will route it: decoded, lower case, no repeated or trailing slash. */
export const canonicalPath = (url: string) => {
  const pathname = url.split('?')[0] ?? ''
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // a malformed escape: Next answers 400 itself; match on the raw text
  }
  return decoded.toLowerCase().replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
}

export type RequestKind = 'graphql' | 'login' | 'password-reset' | 'public' | 'other'

export const classifyRequest = ({ method, path }: { method: string; path: string }): RequestKind => {
  const isPost = method === 'POST'
  const isRead = method === 'GET' || method === 'HEAD'
  if (isPost && path === '/api/users/login') return 'login'
  if (isPost && path === '/api/users/forgot-password') return 'password-reset'
  if (isPost && path === '/api/graphql') return 'graphql'
  if (isPost && /^\/api\/criteria-sets\/[^/]+\/evaluate$/.test(path)) return 'public'
  if (isRead && (path === '/api/criteria-sets' || path.startsWith('/api/criteria-sets/'))) return 'public'
  if (isRead && (path === '/api/recognitions' || path.startsWith('/api/recognitions/'))) return 'public'
  if (isRead && (path === '/cong-nhan' || path.startsWith('/cong-nhan/'))) return 'public'
  return 'other'
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

export const messages = {
  bodyTooLarge: `Yêu cầu GraphQL quá lớn (tối đa ${graphqlBodyLimitBytes / 1024 / 1024} MB).`,
  login: (retryAfterSeconds: number) =>
    `Quá nhiều lần đăng nhập hoặc yêu cầu đặt lại mật khẩu từ địa chỉ này. Vui lòng thử lại sau ${minutes(retryAfterSeconds)} phút.`,
  public: (retryAfterSeconds: number) => `Quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
}

const refuse = ({ message, req, res, retryAfterSeconds, status = 429 }: { message: string; req: Request; res: Response; retryAfterSeconds?: number; status?: number }) => {
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds))
  res.status(status)
  if (canonicalPath(req.originalUrl ?? req.url).startsWith('/api/')) res.json({ errors: [{ message, path: '' }] })
  else res.type('text/plain; charset=utf-8').send(message)
}

/** A limit's counter: in this process's memory (rateLimit.ts) or shared by every node in PostgreSQL (sharedRateLimit.ts). */
export type Limiter = {
  hit: (args: { cost?: number; key: string }) => RateLimitResult | Promise<RateLimitResult>
  refund: (args: { cost?: number; key: string }) => void | Promise<void>
}

export type Limiters = { login: Limiter; public: Limiter }

/**
 * The two limits' counters: with `shared` (a query on the PostgreSQL pool) in the database, so that
 * all processes of all nodes count together; without it in memory, per process.
 */
export const createLimiters = ({ login, public: publicLimit, now, shared }: { login: Limit; now?: () => number; public: Limit; shared?: { onError: (error: unknown) => void; query: Query } }): Limiters =>
  shared
    ? {
        login: createSharedRateLimiter({ ...shared, max: login.max, name: 'login', now, windowMs: login.windowMs }),
        public: createSharedRateLimiter({ ...shared, max: publicLimit.max, name: 'public', now, windowMs: publicLimit.windowMs }),
      }
    : {
        login: createRateLimiter({ max: login.max, now, windowMs: login.windowMs }),
        public: createRateLimiter({ max: publicLimit.max, now, windowMs: publicLimit.windowMs }),
      }

/**
 * The middleware. `secret` is PAYLOAD_SECRET, to recognise signed-in users; a limit whose `max`
 * is 0 is off.
 */
export const rateLimits = ({ limits, limiters, secret }: { limits: { login: Limit; public: Limit }; limiters: Limiters; secret: string }): RequestHandler => {
  const isLoginOn = limits.login.max > 0
  const isPublicOn = limits.public.max > 0

  return async (req, res, next) => {
    const kind = classifyRequest({ method: req.method, path: canonicalPath(req.originalUrl ?? req.url) })
    if (kind === 'other') return next()
    const key = clientKey(req.ip)

    if (kind === 'login' || kind === 'password-reset') {
      if (!isLoginOn) return next()
      const result = await limiters.login.hit({ key })
      if (!result.isAllowed) return refuse({ message: messages.login(result.retryAfterSeconds), req, res, retryAfterSeconds: result.retryAfterSeconds })
      // only failed sign-ins count: a success gives its unit back
      if (kind === 'login') res.once('finish', () => (res.statusCode < 400 ? void limiters.login.refund({ key }) : undefined))
      return next()
    }

    const isAnonymous = !isSignedIn({ headers: req.headers, secret })
    if (kind === 'public' || (kind === 'graphql' && isAnonymous)) {
      if (isPublicOn && isAnonymous) {
        const result = await limiters.public.hit({ key })
        if (!result.isAllowed) return refuse({ message: messages.public(result.retryAfterSeconds), req, res, retryAfterSeconds: result.retryAfterSeconds })
      }
    }
    if (kind !== 'graphql' || !isLoginOn) return next()

    let body: Buffer
    try {
      body = await readBody(req)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse({ message: messages.bodyTooLarge, req, res, status: 413 })
      return next(error)
    }
    replayBody(req, body)
    const cost = countAuthOperations(body)
    if (cost > 0) {
      const result = await limiters.login.hit({ cost, key })
      if (!result.isAllowed) return refuse({ message: messages.login(result.retryAfterSeconds), req, res, retryAfterSeconds: result.retryAfterSeconds })
    }
    next()
  }
}
