/**
 * `npm run worker` (dist/scripts/worker.mjs): the notifications' jobs in a process of their own —
 * sending the outbox and the hourly reminders — for a deployment whose web processes run with
 * JOBS_AUTORUN=false. Any number of workers may run: one pass at a time holds the jobs' lock
 * (src/notifications/jobs.ts), a message is claimed before it is sent and a reminder has a unique
 * key. Stops cleanly on SIGTERM/SIGINT.
 */
import { holdEventLoop } from '../holdEventLoop'

// the jobs read what they then write: from the primary, never a read replica that may lag
delete process.env.DATABASE_READ_URL
const release = holdEventLoop()
const { closePayload, initPayload, prepareRuntime } = await import('../runtime')
const { runNotificationJobsOnce } = await import('../notifications/jobs')
const runtime = await prepareRuntime()
const payload = await initPayload()
release()
let isStopping = false
const stop = async () => {
  isStopping = true
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
const intervalMs = Number(process.env.WORKER_INTERVAL_SECONDS ?? 30) * 1000
payload.logger.info(`Tiến trình gửi thông báo đã chạy (mỗi ${intervalMs / 1000} giây).`)
while (!isStopping) {
  try {
    await runNotificationJobsOnce({ payload })
  } catch (error) {
    payload.logger.error({ err: error }, 'Tiến trình gửi thông báo: lượt chạy bị lỗi')
  }
  for (let waited = 0; waited < intervalMs && !isStopping; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500))
}
await closePayload({ payload })
await runtime.stopDatabase()
process.exit(0)
