/**
 * The jobs' settings, read by the cluster's primary too (which loads neither Payload nor the jobs):
 * whether this server runs the notifications' jobs (JOBS_AUTORUN) and how often (JOBS_INTERVAL_SECONDS).
 */
import { ConfigurationError, type Env } from '../security/settings'

export const isAutoRunOn = (env: Env = process.env) => env.JOBS_AUTORUN !== 'false'

/** JOBS_INTERVAL_SECONDS: how often the server runs a pass of the jobs (default 60); a malformed value stops the start. */
export const jobsIntervalMs = (env: Env = process.env) => {
  const raw = env.JOBS_INTERVAL_SECONDS?.trim()
  if (!raw) return 60_000
  const seconds = Number(raw)
  if (!Number.isInteger(seconds) || seconds < 1) throw new ConfigurationError(`Biến môi trường JOBS_INTERVAL_SECONDS="${raw}" không hợp lệ: cần một số nguyên từ 1 trở lên.`)
  return seconds * 1000
}
