/**
 * The web hardening in front of the app, applied by src/server.ts before any route: which proxy
 * to trust for the client's address (TRUST_PROXY), the security headers on every response, and
 * the sign-in and public request limits. See settings.ts for the environment variables.
 */
import type { Express } from 'express'

import { securityHeaders } from './headers'
import { createLimiters, rateLimits, type Limiters } from './limits'
import { readSecuritySettings, type SecuritySettings, type Env } from './settings'

export const applySecurity = ({
  app,
  env = process.env,
  isDev,
  now,
  secret,
}: {
  app: Express
  env?: Env
  isDev: boolean
  now?: () => number
  secret: string
}): { limiters: Limiters; settings: SecuritySettings } => {
  const settings = readSecuritySettings({ env })
  const limiters = createLimiters({ login: settings.login, now, public: settings.public })
  app.set('trust proxy', settings.trustProxy)
  app.use(securityHeaders({ isBehindHttps: settings.isBehindHttps, isDev }))
  app.use(rateLimits({ limiters, limits: settings, secret }))
  return { limiters, settings }
}
