/**
 * Security headers on every response of the express server. The Content-Security-Policy keeps
 * what the Payload/Next admin needs — inline scripts and styles (Next's inline bootstrapping),
 * `data:`/`blob:` images for upload previews, `eval` and websockets only in development — and
 * forbids framing by other sites, plugins, foreign `<base>` and form targets. HSTS is sent only
 * when the deployment declares it is served over HTTPS (BEHIND_HTTPS=true): over plain HTTP it
 * would be ignored at best and lock users out at worst.
 */
import type { RequestHandler } from 'express'

export const contentSecurityPolicy = ({ isBehindHttps, isDev }: { isBehindHttps: boolean; isDev: boolean }) => {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(isDev ? ['ws:', 'wss:'] : [])],
    ['media-src', "'self'", 'data:', 'blob:'],
    ['worker-src', "'self'", 'blob:'],
    ['frame-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
  ]
  if (isBehindHttps) directives.push(['upgrade-insecure-requests'])
  return directives.map((directive) => directive.join(' ')).join('; ')
}

export const securityHeaderValues = ({ isBehindHttps, isDev }: { isBehindHttps: boolean; isDev: boolean }): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy({ isBehindHttps, isDev }),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  // a year; without includeSubDomains, which would bind every other site of the domain too
  ...(isBehindHttps ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
})

export const securityHeaders = ({ isBehindHttps, isDev }: { isBehindHttps: boolean; isDev: boolean }): RequestHandler => {
  const entries = Object.entries(securityHeaderValues({ isBehindHttps, isDev }))
  return (_req, res, next) => {
    for (const [name, value] of entries) res.setHeader(name, value)
    next()
  }
}
