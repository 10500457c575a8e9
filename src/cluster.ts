/**
 * N server processes on one port (Node's `cluster` module), so that the machine's cores all serve:
 * one Node thread tops out near 19 submissions/s (~51 ms of CPU each). WEB_CONCURRENCY sets N.
 *
 * The primary serves nothing and loads neither Payload nor Next (it stays near 50 MB): it checks
 * the configuration, applies the migrations ONCE in a child process (dist/scripts/migrate.mjs, or
 * dist/scripts/seed.mjs with SEED_DEMO=true, which migrates then loads the demo) before any worker
 * starts, so workers never race on migrations (their own `migrate` finds nothing to do); then it
 * forks the workers, which share the port (round-robin), prints the URL once, replaces a worker
 * that dies (at most `respawnLimit` times a minute, then stops: a crash loop is the supervisor's to
 * see), passes SIGINT/SIGTERM on and exits once they have closed. A configuration error (exit 78)
 * stops everything; a stuck start (exit 75) of the first workers ends the primary with 75, which
 * `npm start` or a supervisor starts again, as for a single process.
 *
 * The embedded PGlite default serves one connection at a time from one process and is not safe
 * for writers in several processes: it always runs one process, in today's single-process mode.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'
import path from 'node:path'

import { minimumPoolMax, poolDefaults, poolSettingsFromEnv } from './db/pool'
import { readReplicaUrls } from './db/readReplicas'
import { findProjectRoot } from './projectRoot'
import { weakSecretReason } from './security/secret'
import { ConfigurationError, readSecuritySettings } from './security/settings'
import { readStorageSettings } from './storage/settings'
import { jobsIntervalMs } from './notifications/settings'
import { demoPassword, demoUsers } from '../seed/demo/province'

type Env = Record<string, string | undefined>

/** EX_CONFIG from sysexits.h: the configuration is wrong, starting again will not help. */
export const configurationExitCode = 78
/** A start stuck past STARTUP_TIMEOUT_MS (src/main.ts); `npm start` tries once more. */
export const stuckStartExitCode = 75

/**
 * The default N on PostgreSQL is one process per core, at most 4: each process holds a whole
 * Payload + Next (measured at rest: ~185 MB each, 781 MB in all for 4 with the primary's 44 MB),
 * so 4 keep room under the 1 GB budget for what a busy process grows by; and in a container
 * Node 20 sees the host's cores, not the container's CPU quota.
 */
export const maxDefaultWorkers = 4

/**
 * Connections all processes together open by default: two processes at the single process's
 * default pool (20). PostgreSQL's default max_connections is 100: this leaves room for a second
 * deployment starting beside the old one, migrations, backups and psql.
 */
export const defaultConnectionBudget = 2 * poolDefaults.max

export type Concurrency = { note: string | null; workers: number }

/** N from WEB_CONCURRENCY: a whole number from 1, or by default the cores (at most 4); 1 on the embedded database. */
export const readConcurrency = ({ cpus = os.availableParallelism(), env = process.env, isEmbedded }: { cpus?: number; env?: Env; isEmbedded: boolean }): Concurrency => {
  const raw = env.WEB_CONCURRENCY?.trim()
  let asked: number | null = null
  if (raw !== undefined && raw !== '') {
    asked = Number(raw)
    if (!Number.isInteger(asked) || asked < 1) throw new ConfigurationError(`Biến môi trường WEB_CONCURRENCY="${raw}" không hợp lệ: cần một số nguyên từ 1 trở lên.`)
  }
  if (isEmbedded) {
    const note = asked !== null && asked > 1 ? `WEB_CONCURRENCY=${asked} không áp dụng: cơ sở dữ liệu nhúng (PGlite) chỉ phục vụ một tiến trình; chạy 1 tiến trình. Đặt DATABASE_URL (PostgreSQL) để chạy nhiều tiến trình.` : null
    return { note, workers: 1 }
  }
  return { note: null, workers: asked ?? Math.max(1, Math.min(cpus, maxDefaultWorkers)) }
}

/**
 * Each worker's pool when DATABASE_POOL_MAX is not set: the single process's default while N × 20
 * fits the budget, else the budget shared out (never under the gate's minimum, src/db/pool.ts).
 * With DATABASE_POOL_MAX set it applies to each process as written (null here).
 */
export const workerPoolMax = ({ env = process.env, workers }: { env?: Env; workers: number }): number | null => {
  if (env.DATABASE_POOL_MAX?.trim()) return null
  return Math.max(minimumPoolMax, Math.min(poolDefaults.max, Math.floor(defaultConnectionBudget / workers)))
}

/** At most `limit` replacements within `windowMs`; `take` answers whether one more is allowed now. */
export const createRespawnBudget = ({ limit, windowMs }: { limit: number; windowMs: number }) => {
  const times: number[] = []
  return {
    take: (now: number) => {
      while (times.length > 0 && now - times[0] >= windowMs) times.shift()
      if (times.length >= limit) return false
      times.push(now)
      return true
    },
  }
}

/** What the server prints once it serves: the URL, the database and, with demo data, the logins. */
export const startupBanner = ({ database, hasDemoLogins, port, workers }: { database: string; hasDemoLogins: boolean; port: number; workers?: string }) => {
  const lines = ['', `Đơn vị học tập đang chạy: http://localhost:${port}/admin`, `Cơ sở dữ liệu: ${database}`]
  if (workers) lines.push(workers)
  if (hasDemoLogins) lines.push(`Tài khoản demo (mật khẩu ${demoPassword}):`, ...demoUsers.map((user) => `  ${user.email.padEnd(18)} ${user.role}`))
  return lines.join('\n')
}

export const respawnLimit = 5
const respawnWindowMs = 60_000
const stopTimeoutMs = 30_000

/**
 * Checks what a worker would refuse later (security settings, S3 storage, read replicas, the
 * production secret, the pool settings), so that a wrong configuration stops the primary with 78 before anything starts.
 */
const checkConfiguration = ({ env }: { env: Env }) => {
  readSecuritySettings({ env })
  readStorageSettings({ env })
  readReplicaUrls({ env })
  jobsIntervalMs(env)
  if (env.NODE_ENV === 'production') {
    const reason = weakSecretReason(env.PAYLOAD_SECRET)
    if (reason) throw new ConfigurationError(reason)
  }
  try {
    poolSettingsFromEnv({ env, isEmbedded: false })
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error))
  }
}

/** Runs dist/scripts/migrate.mjs (or seed.mjs demo) and resolves with its exit code. */
const prepareDatabase = ({ env, onChild }: { env: NodeJS.ProcessEnv; onChild: (child: ChildProcess) => void }) =>
  new Promise<number>((resolve) => {
    const scripts = path.join(findProjectRoot(import.meta.url), 'dist', 'scripts')
    const args = env.SEED_DEMO === 'true' ? [path.join(scripts, 'seed.mjs'), 'demo'] : [path.join(scripts, 'migrate.mjs')]
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] })
    onChild(child)
    child.once('error', (error) => {
      console.error(error)
      resolve(1)
    })
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })

/** The primary: configuration, migrations once, then `workers` processes serving PORT (see the top of this file). */
export const runPrimary = async ({ env = process.env, workers }: { env?: NodeJS.ProcessEnv; workers: number }) => {
  const port = Number(env.PORT ?? 3000)
  try {
    checkConfiguration({ env })
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`Không khởi động: ${error.message}`)
    process.exit(configurationExitCode)
  }
  const poolMax = workerPoolMax({ env, workers })
  const perWorker = poolMax ?? Number(env.DATABASE_POOL_MAX)
  if (poolMax === null && workers * perWorker > 80) {
    console.warn(`Cảnh báo: ${workers} tiến trình × DATABASE_POOL_MAX ${perWorker} = ${workers * perWorker} kết nối; PostgreSQL mặc định chỉ cho 100 (max_connections).`)
  }

  let isStopping = false
  let hasServed = false
  let exitCode = 0
  let preparing: ChildProcess | null = null
  const listening = new Set<number>()
  const budget = createRespawnBudget({ limit: respawnLimit, windowMs: respawnWindowMs })

  const stop = ({ code, signal }: { code: number; signal: NodeJS.Signals }) => {
    if (isStopping) return
    isStopping = true
    exitCode = code
    preparing?.kill(signal)
    const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead())
    if (alive.length === 0 && !preparing) process.exit(exitCode)
    for (const worker of alive) worker.process.kill(signal)
    setTimeout(() => {
      console.error(`Các tiến trình phục vụ chưa dừng sau ${stopTimeoutMs / 1000} giây: buộc dừng.`)
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
      process.exit(1)
    }, stopTimeoutMs).unref()
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop({ code: 0, signal }))

  const watchdogMs = Number(env.STARTUP_TIMEOUT_MS ?? 90_000)
  const watchdog = setTimeout(() => {
    console.error(`Máy chủ không khởi động được sau ${watchdogMs / 1000} giây (đang chờ: migration). Thoát để khởi động lại.`)
    preparing?.kill('SIGKILL')
    process.exit(stuckStartExitCode)
  }, watchdogMs)
  const prepared = await prepareDatabase({ env, onChild: (child) => (preparing = child) })
  clearTimeout(watchdog)
  preparing = null
  if (isStopping) process.exit(exitCode)
  if (prepared !== 0) {
    console.error(`Không chuẩn bị được cơ sở dữ liệu (mã ${prepared}); xem lỗi ở trên.`)
    process.exit(prepared === configurationExitCode ? configurationExitCode : 1)
  }

  const workerEnv = poolMax === null ? {} : { DATABASE_POOL_MAX: String(poolMax) }
  const fork = () => cluster.fork(workerEnv)

  cluster.on('listening', (worker) => {
    listening.add(worker.id)
    if (hasServed) {
      console.log(`Tiến trình phục vụ mới (${listening.size}/${workers}) đã sẵn sàng.`)
      return
    }
    if (listening.size < workers) return
    hasServed = true
    const connections = `${perWorker} kết nối mỗi tiến trình${poolMax === null ? ' (DATABASE_POOL_MAX)' : ''}`
    console.log(
      startupBanner({ database: 'PostgreSQL (DATABASE_URL)', hasDemoLogins: env.SEED_DEMO === 'true', port, workers: `Tiến trình phục vụ: ${workers} (WEB_CONCURRENCY), ${connections}` }),
    )
  })

  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id)
    const alive = Object.values(cluster.workers ?? {}).filter((other) => other !== undefined && !other.isDead()).length
    if (isStopping) {
      // killed by the signal passed on (before its handler was installed) counts as a clean stop
      if (code !== 0 && code !== null) exitCode = exitCode || 1
      if (alive === 0) process.exit(exitCode)
      return
    }
    const how = signal ? `tín hiệu ${signal}` : `mã ${code}`
    if (code === configurationExitCode) return stop({ code: configurationExitCode, signal: 'SIGTERM' })
    if (code === stuckStartExitCode && !hasServed) return stop({ code: stuckStartExitCode, signal: 'SIGTERM' })
    if (!budget.take(Date.now())) {
      console.error(`Tiến trình phục vụ dừng bất thường (${how}) lần thứ ${respawnLimit + 1} trong ${respawnWindowMs / 1000} giây: dừng máy chủ.`)
      return stop({ code: 1, signal: 'SIGTERM' })
    }
    console.error(`Tiến trình phục vụ dừng bất thường (${how}); khởi động tiến trình thay thế.`)
    fork()
  })

  for (let i = 0; i < workers; i += 1) fork()
}
