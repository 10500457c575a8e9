/**
 * The notifications' jobs: `deliver-outbox` every minute (send what is due) and `send-reminders`
 * every hour (the day's reminders, idempotent), both in the `notifications` queue (src/jobs.ts
 * holds the queues' configuration). The server runs them itself (`autoRun`, off with
 * JOBS_AUTORUN=false, as in the tests); `npm run worker` runs them in a process of their own.
 */
import type { Payload, TaskConfig } from 'payload'

import { todayInVietnam } from '../../collections/dates'
import { deliverDueMessages } from './deliver'
import { runReminders } from './reminders'

export const notificationsQueue = 'notifications'

export const isAutoRunOn = (env: Readonly<Record<string, string | undefined>> = process.env) => env.JOBS_AUTORUN !== 'false'

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

/** One pass of what the schedule does: queue what is due by its cron, then run the queue. */
export const runNotificationJobsOnce = async ({ payload }: { payload: Payload }) => {
  await payload.jobs.handleSchedules({ queue: notificationsQueue })
  return payload.jobs.run({ queue: notificationsQueue })
}
