/**
 * `npm run worker` (dist/scripts/worker.mjs): the jobs in a process of their own — sending the
 * outbox and the hourly reminders every WORKER_INTERVAL_SECONDS (30), and the papers and imports
 * made in the background (`files` queue) every 2 s — for a deployment whose web processes run with
 * JOBS_AUTORUN=false. Any number of workers may run: one pass at a time holds the jobs' lock
 * (src/notifications/jobs.ts), a message is claimed before it is sent and a reminder has a unique
 * key. Stops cleanly on SIGTERM/SIGINT.
 */
import { holdEventLoop } from '../holdEventLoop'

// the jobs read what they then write: from the primary, never a read replica that may lag
delete process.env.DATABASE_READ_URL
const release = holdEventLoop()
const { closePayload, initPayload, prepareRuntime } = await import('../runtime')
const { runFileJobsOnce, runNotificationJobsOnce } = await import('../notifications/jobs')
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
/** Someone waits for a paper or an import: its queue is looked at every 2 s, the mail's every interval. */
const filesEveryMs = 2000
const pass = async (run: () => Promise<unknown>, what: string) => {
  try {
    await run()
  } catch (error) {
    payload.logger.error({ err: error }, `Tiến trình nền: lượt chạy ${what} bị lỗi`)
  }
}
let lastNotifications = 0
while (!isStopping) {
  if (Date.now() - lastNotifications >= intervalMs) {
    lastNotifications = Date.now()
    await pass(() => runNotificationJobsOnce({ payload }), 'gửi thông báo')
  }
  await pass(() => runFileJobsOnce({ payload }), 'tạo văn bản, nhập danh sách')
  for (let waited = 0; waited < filesEveryMs && !isStopping; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500))
}
await closePayload({ payload })
await runtime.stopDatabase()
process.exit(0)
