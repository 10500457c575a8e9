/**
 * How long a sign-in lasts and how its cookie is sent, for the `users` collection's `auth`:
 * SESSION_HOURS (default 8, a working day) as Payload's token expiry — the admin renews the token
 * while it is in use, so this is the idle time after which one signs in again — and a cookie that
 * is `Secure` when the deployment says it is served over HTTPS (BEHIND_HTTPS) and `SameSite=Lax`,
 * so that other sites' forms and scripts do not carry it.
 */
import { isBehindHttps, sessionSeconds, type Env } from './settings'

export const sessionAuth = ({ env = process.env }: { env?: Env } = {}) => ({
  cookies: { sameSite: 'Lax' as const, secure: isBehindHttps({ env }) },
  tokenExpiration: sessionSeconds({ env }),
})
