/**
 * The web hardening in front of the app, applied by src/server.ts before any route: which proxy
 * to trust for the client's address (TRUST_PROXY), the security headers on every response, and
 * the sign-in and public request limits (counted in PostgreSQL across nodes when given its pool).
 * See settings.ts for the environment variables.
 */
import type { Express } from 'express'

import { securityHeaders } from './headers'
import { createLimiters, rateLimits, type Limiters } from './limits'
import { readSecuritySettings, type SecuritySettings, type Env } from './settings'
import type { Query } from './sharedRateLimit'

export const applySecurity = ({
  app,
  env = process.env,
  isDev,
  now,
  secret,
  shared,
}: {
  app: Express
  env?: Env
  isDev: boolean
  now?: () => number
  secret: string
  /** the limits' counters in PostgreSQL, shared by every process and node; without it, in memory */
  shared?: { onError: (error: unknown) => void; query: Query }
}): { limiters: Limiters; settings: SecuritySettings } => {
  const settings = readSecuritySettings({ env })
  const limiters = createLimiters({ login: settings.login, now, public: settings.public, shared })
  app.set('trust proxy', settings.trustProxy)
  app.use(securityHeaders({ isBehindHttps: settings.isBehindHttps, isDev }))
  app.use(rateLimits({ limiters, limits: settings, secret }))
  return { limiters, settings }
}
