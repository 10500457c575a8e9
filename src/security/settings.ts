/**
 * The web hardening settings, read once from the environment with safe defaults: whether the
 * deployment is served over HTTPS (HSTS, secure cookies), which proxies to trust for the client's
 * address, the request limits and the session length. A malformed value stops the start with a
 * Vietnamese message naming the variable, rather than silently falling back.
 */

export type TrustProxy = boolean | number | string[]

/** The environment, or any part of it (NodeJS.ProcessEnv as typed by Next demands NODE_ENV). */
export type Env = Readonly<Record<string, string | undefined>>

export type Limit = { max: number; windowMs: number }

export type SecuritySettings = {
  isBehindHttps: boolean
  login: Limit
  public: Limit
  sessionSeconds: number
  trustProxy: TrustProxy
}

export const defaults = {
  loginMax: 20,
  loginWindowSeconds: 15 * 60,
  publicMax: 600,
  publicWindowSeconds: 60,
  sessionHours: 8,
} as const

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

const isTrue = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase())

/** A number ≥ `min` from `name`, or the default when unset or empty. */
const readNumber = ({ env, fallback, isInteger, min, name }: { env: Env; fallback: number; isInteger: boolean; min: number; name: string }) => {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || (isInteger && !Number.isInteger(value))) {
    throw new ConfigurationError(`Biến môi trường ${name}="${raw}" không hợp lệ: cần một ${isInteger ? 'số nguyên' : 'số'} từ ${min} trở lên.`)
  }
  return value
}

/**
 * Express's `trust proxy`: unset or `false` trusts no proxy (the socket's address is the client);
 * a number trusts that many hops; `true` trusts every X-Forwarded-For entry (only safe when the app
 * is reachable through the proxy alone); otherwise a comma-separated list of addresses, subnets or
 * express's names (`loopback`, `uniquelocal`, …).
 */
export const parseTrustProxy = (raw: string | undefined): TrustProxy => {
  const value = (raw ?? '').trim()
  if (value === '' || ['0', 'false', 'no'].includes(value.toLowerCase())) return false
  if (['true', 'yes'].includes(value.toLowerCase())) return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Session length in seconds from SESSION_HOURS (decimals allowed, at least one minute). */
export const sessionSeconds = ({ env = process.env }: { env?: Env } = {}) => {
  const hours = readNumber({ env, fallback: defaults.sessionHours, isInteger: false, min: 1 / 60, name: 'SESSION_HOURS' })
  return Math.round(hours * 3600)
}

export const isBehindHttps = ({ env = process.env }: { env?: Env } = {}) => isTrue(env.BEHIND_HTTPS)

export const readSecuritySettings = ({ env = process.env }: { env?: Env } = {}): SecuritySettings => ({
  isBehindHttps: isBehindHttps({ env }),
  login: {
    max: readNumber({ env, fallback: defaults.loginMax, isInteger: true, min: 0, name: 'RATE_LIMIT_LOGIN_MAX' }),
    windowMs: 1000 * readNumber({ env, fallback: defaults.loginWindowSeconds, isInteger: true, min: 1, name: 'RATE_LIMIT_LOGIN_WINDOW_SECONDS' }),
  },
  public: {
    max: readNumber({ env, fallback: defaults.publicMax, isInteger: true, min: 0, name: 'RATE_LIMIT_PUBLIC_MAX' }),
    windowMs: 1000 * readNumber({ env, fallback: defaults.publicWindowSeconds, isInteger: true, min: 1, name: 'RATE_LIMIT_PUBLIC_WINDOW_SECONDS' }),
  },
  sessionSeconds: sessionSeconds({ env }),
  trustProxy: parseTrustProxy(env.TRUST_PROXY),
})
