/**
 * The production server: one process hosting Payload (inside Next.js) behind express, with
 * /healthz, security headers and request limits (src/security/). `--dev` runs Next in development
 * mode. Prints the URL and, with demo data, the logins (as a cluster worker it leaves that to the
 * primary, src/cluster.ts). Started by src/main.ts (the bundle's entry, dist/main.mjs); a
 * configuration it must refuse (a weak secret in production) ends it with a message and exit code
 * 78, which `npm start` does not retry and the cluster's primary does not respawn.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'

import express from 'express'
import next from 'next'

import { configurationExitCode, startupBanner } from './cluster'
import { healthHandler, pingDatabase, type Ping } from './health'
import { preferVietnamese } from './language'
import { findProjectRoot } from './projectRoot'
import { readReplicaUrls } from './db/readReplicas'
import { applySecurity } from './security'
import { ConfigurationError, readSecuritySettings, type Env } from './security/settings'
import { demoLoadStep, startup } from './startup'
import { readStorageSettings } from './storage/settings'
import { isAutoRunOn, jobsIntervalMs, startNotificationSchedule } from './notifications/jobs'
import { seedNotificationData } from './notifications/templates'
import { closePayload, databasePool, initPayload, loadDemoIfWanted, prepareRuntime } from './runtime'

const root = findProjectRoot(import.meta.url)

/**
 * The express app in front of Next: hardening first (headers on every response, limits before
 * any handler), then /healthz, the root redirect, the admin's language and Next itself.
 */
export const createApp = ({
  env = process.env,
  handle,
  isDev,
  ping,
  secret,
  shared,
}: {
  env?: Env
  handle: (req: IncomingMessage, res: ServerResponse) => unknown
  isDev: boolean
  ping: Ping
  secret: string
  shared?: Parameters<typeof applySecurity>[0]['shared']
}) => {
  const app = express()
  app.disable('x-powered-by')
  applySecurity({ app, env, isDev, secret, shared })
  app.get('/healthz', healthHandler({ ping }))
  app.get('/', (_req, res) => res.redirect('/admin'))
  app.use(preferVietnamese)
  app.all('/{*splat}', (req, res) => handle(req, res))
  return app
}

export const startServer = async ({ isClusterWorker = false, isDev, port }: { isClusterWorker?: boolean; isDev: boolean; port: number }) => {
  // a malformed limit, session, storage or replica setting stops the start before anything runs
  readSecuritySettings()
  readStorageSettings()
  readReplicaUrls()
  const jobsEveryMs = jobsIntervalMs()
  startup.step = 'khởi động cơ sở dữ liệu'
  const runtime = await prepareRuntime()
  startup.step = 'khởi tạo Payload và migration'
  const payload = await initPayload()
  startup.step = 'nạp mẫu thông báo và ngày nghỉ lễ'
  await seedNotificationData({ payload })
  startup.step = demoLoadStep
  const seeded = await loadDemoIfWanted({ dataDir: runtime.dataDir, mode: runtime.mode, payload })

  startup.step = 'khởi động Next'
  const nextApp = next({ dev: isDev, dir: root, hostname: 'localhost', port })
  await nextApp.prepare()
  startup.step = 'mở cổng HTTP'
  const handle = nextApp.getRequestHandler()

  // on PostgreSQL the request limits count in the database, for all processes and nodes together
  const pool = databasePool({ payload })
  const shared =
    runtime.mode === 'external' && pool
      ? { onError: (error: unknown) => payload.logger.error({ err: error }, 'Giới hạn yêu cầu: không đọc được bộ đếm trong PostgreSQL'), query: (sql: string, params: unknown[]) => pool.query(sql, params) }
      : undefined
  const app = createApp({ handle, isDev, ping: pingDatabase({ payload }), secret: payload.config.secret, shared })

  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(port, () => resolve(listening))
  })

  // the notifications' jobs run on this server's schedule unless JOBS_AUTORUN=false (a worker runs
  // them); with several nodes one at a time holds the jobs' lock (src/notifications/jobs.ts)
  const stopJobs = isAutoRunOn() ? startNotificationSchedule({ intervalMs: jobsEveryMs, payload }) : async () => {}

  const url = `http://localhost:${port}`
  if (!isClusterWorker) {
    const database = runtime.mode === 'embedded' ? `nhúng (PGlite) tại ${runtime.dataDir}` : 'PostgreSQL (DATABASE_URL)'
    console.log(startupBanner({ database, hasDemoLogins: Boolean(seeded) || runtime.mode === 'embedded', port }))
  }

  // one close however many signals arrive (Ctrl-C reaches a worker from the terminal and from the primary)
  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await stopJobs()
      await nextApp.close()
      await closePayload({ payload })
      await runtime.stopDatabase()
    })())
  return { close, payload, runtime, server, url }
}

export { configurationExitCode }

/** Starts the server and closes it cleanly on SIGINT/SIGTERM. */
export const runServer = async ({ isClusterWorker = false, isDev }: { isClusterWorker?: boolean; isDev: boolean }) => {
  if (!isDev) (process.env as Record<string, string>).NODE_ENV ??= 'production'
  const port = Number(process.env.PORT ?? 3000)
  let close: () => Promise<void>
  try {
    ;({ close } = await startServer({ isClusterWorker, isDev, port }))
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`Không khởi động: ${error.message}`)
    process.exit(configurationExitCode)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
    })
  }
}
