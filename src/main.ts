/**
 * The production entry (`node dist/main.mjs [--dev]`): holds the loop, then loads and runs the
 * server. A watchdog ends a start that is stuck (seen rarely in CI: no output, no CPU) with exit
 * code 75 and the step it was waiting on, so a supervisor — or `npm start` — can start it again.
 */
import { holdEventLoop } from './holdEventLoop'
import { startup } from './startup'

export const stuckStartExitCode = 75
const watchdogMs = Number(process.env.STARTUP_TIMEOUT_MS ?? 90_000)

const release = holdEventLoop()
const watchdog = setTimeout(() => {
  console.error(`Máy chủ không khởi động được sau ${watchdogMs / 1000} giây (đang chờ: ${startup.step}). Thoát để khởi động lại.`)
  process.exit(stuckStartExitCode)
}, watchdogMs)
startup.step = 'nạp mã nguồn'
const { runServer } = await import('./server')
await runServer({ isDev: process.argv.includes('--dev') })
clearTimeout(watchdog)
release()
