/**
 * Payload's jobs queue for the notifications: `deliver-outbox` every minute (send what is due)
 * and `send-reminders` every hour (the day's reminders, idempotent), both in the `notifications`
 * queue. Each pass — queue what the schedule says is due, then run the queue — holds a PostgreSQL
 * advisory lock, so that with several app nodes and workers one process at a time does it: Payload
 * 3.90's queue does not lock (it reads the waiting jobs, then marks them processing, so two nodes
 * whose cron fires in the same second each run the same job; and each queues the same scheduled job).
 * A process that finds the lock taken skips its turn. The server runs a pass every
 * JOBS_INTERVAL_SECONDS (default 60, on the clock's whole minutes like a cron) unless
 * JOBS_AUTORUN=false; `npm run worker` runs them in a process of its own for production.
 */
import type { Payload, TaskConfig } from 'payload'
import pg from 'pg'

import { todayInVietnam } from '../../collections/dates'
import { fileTasksQueue } from '../documents/fileTaskQueue'
import { deliverDueMessages } from './deliver'
import { runReminders } from './reminders'

export const notificationsQueue = 'notifications'

export { isAutoRunOn, jobsIntervalMs } from './settings'

export const notificationTasks: TaskConfig[] = [
  {
    slug: 'deliver-outbox',
    handler: async ({ req }) => ({ output: await deliverDueMessages({ payload: req.payload }) }),
    label: 'Gửi thư trong hàng đợi',
    schedule: [{ cron: '* * * * *', queue: notificationsQueue }],
  },
  {
    slug: 'send-reminders',
    handler: async ({ req }) => ({ output: await runReminders({ payload: req.payload, today: todayInVietnam(new Date()) }) }),
    label: 'Gửi thư nhắc hạn',
    schedule: [{ cron: '5 * * * *', queue: notificationsQueue }],
  },
]

export type JobPass = { isSkipped: true } | { isSkipped: false; ranJobs: string[] }

const lockName = 'don-vi-hoc-tap:notifications-jobs'
/** The papers and imports made in the background have their own lock: a long import never holds up the mail. */
const fileLockName = 'don-vi-hoc-tap:file-jobs'

/**
 * `task` while holding the jobs' advisory lock, on a connection of its own (not the pool's: a pass
 * must never take a connection the requests' transactions wait for); null when another process
 * holds it. The lock goes with the connection: a node killed mid-pass frees it at once. The
 * embedded database belongs to one process and needs no lock.
 */
export const withJobLock = async <T>({ payload, task, name = lockName }: { payload: Payload; task: () => Promise<T>; name?: string }): Promise<{ value: T } | null> => {
  // the primary's address as the adapter's pool has it (the config's, else DATABASE_URL)
  const connectionString = (payload.db as unknown as { poolOptions?: { connectionString?: string } }).poolOptions?.connectionString ?? process.env.DATABASE_URL
  if (process.env.DATABASE_EMBEDDED === 'true' || !connectionString) return { value: await task() }
  const client = new pg.Client({ connectionString })
  client.on('error', (error) => payload.logger.error({ err: error }, 'Khóa việc nền: kết nối bị ngắt'))
  await client.connect()
  try {
    const { rows } = await client.query<{ isLocked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as "isLocked"', [name])
    if (!rows[0]?.isLocked) return null
    return { value: await task() }
  } finally {
    // closing the session releases the lock
    await client.end().catch(() => undefined)
  }
}

/** One pass of what the schedule does: queue what is due by its cron, then run the queue — unless another process is doing it. */
export const runNotificationJobsOnce = async ({ payload }: { payload: Payload }): Promise<JobPass> => {
  const pass = await withJobLock({
    payload,
    task: async () => {
      await payload.jobs.handleSchedules({ queue: notificationsQueue })
      return payload.jobs.run({ queue: notificationsQueue })
    },
  })
  if (!pass) return { isSkipped: true }
  const ranJobs = Object.keys(pass.value.jobStatus ?? {})
  if (ranJobs.length > 0) payload.logger.info(`Việc nền: đã chạy ${ranJobs.map((id) => `#${id}`).join(', ')} (tiến trình ${process.pid})`)
  return { isSkipped: false, ranJobs }
}

/** One pass over the papers and imports waiting in the background (src/documents/fileTasks.ts), unless another process is doing it. */
export const runFileJobsOnce = async ({ payload }: { payload: Payload }): Promise<JobPass> => {
  const pass = await withJobLock({ name: fileLockName, payload, task: async () => payload.jobs.run({ queue: fileTasksQueue }) })
  if (!pass) return { isSkipped: true }
  return { isSkipped: false, ranJobs: Object.keys(pass.value.jobStatus ?? {}) }
}

/**
 * The server's own schedule: a pass at every whole interval of the clock (every node's at the same
 * moment, as a cron fires; the lock lets one through), each after the previous one has ended.
 * Returns the function that stops it and waits for a pass under way.
 */
export const startNotificationSchedule = ({ intervalMs, payload }: { intervalMs: number; payload: Payload }) => {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()
  let isStopped = false
  const next = () => {
    if (isStopped) return
    timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs))
    timer.unref()
  }
  const tick = () => {
    // the background files too: one the request that queued it could not start (a restart in between)
    running = runNotificationJobsOnce({ payload })
      .then(() => runFileJobsOnce({ payload }))
      .catch((error: unknown) => payload.logger.error({ err: error }, 'Việc nền: lượt chạy bị lỗi'))
      .finally(next)
  }
  next()
  return async () => {
    isStopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
