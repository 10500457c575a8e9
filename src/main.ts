/**
 * The production entry (`node dist/main.mjs [--dev]`): holds the loop, then loads and runs the
 * server. A watchdog ends a start that is stuck (seen rarely in CI: no output, no CPU) with exit
 * code 75 and the step it was waiting on (the demo data's first load is not counted: src/startup.ts), so a supervisor — or `npm start` — can start it again.
 * With WEB_CONCURRENCY above 1 on PostgreSQL this process is the cluster's primary and serves
 * nothing itself (src/cluster.ts); its workers run this same file and serve. One process (the
 * embedded default, `--dev`, WEB_CONCURRENCY=1) runs as before, without a primary.
 */
import cluster from 'node:cluster'

import { configurationExitCode, readConcurrency, runPrimary, stuckStartExitCode } from './cluster'
import { holdEventLoop } from './holdEventLoop'
import { ConfigurationError } from './security/settings'
import { startup, watchStartup } from './startup'

const isDev = process.argv.includes('--dev')

/** How many serving processes this start wants; a malformed WEB_CONCURRENCY ends it with 78. */
const wantedWorkers = () => {
  if (isDev || cluster.isWorker) return 1
  try {
    const { note, workers } = readConcurrency({ isEmbedded: !process.env.DATABASE_URL })
    if (note) console.warn(note)
    return workers
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`Không khởi động: ${error.message}`)
    return process.exit(configurationExitCode)
  }
}

const workers = wantedWorkers()
if (workers > 1) {
  ;(process.env as Record<string, string>).NODE_ENV ??= 'production'
  await runPrimary({ workers })
} else {
  const watchdogMs = Number(process.env.STARTUP_TIMEOUT_MS ?? 90_000)
  const release = holdEventLoop()
  const watchdog = watchStartup({
    onStuck: (step) => {
      console.error(`Máy chủ không khởi động được sau ${watchdogMs / 1000} giây (đang chờ: ${step}). Thoát để khởi động lại.`)
      process.exit(stuckStartExitCode)
    },
    timeoutMs: watchdogMs,
  })
  startup.step = 'nạp mã nguồn'
  const { runServer } = await import('./server')
  await runServer({ isClusterWorker: cluster.isWorker, isDev })
  watchdog.stop()
  release()
}
