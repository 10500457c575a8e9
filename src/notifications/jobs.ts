/**
 * Payload's jobs queue for the notifications: `deliver-outbox` every minute (send what is due)
 * and `send-reminders` every hour (the day's reminders, idempotent), both in the `notifications`
 * queue. The server runs them itself (`autoRun`, off with JOBS_AUTORUN=false, as in the tests);
 * `npm run worker` runs them in a process of their own for production.
 */
import type { JobsConfig, Payload } from 'payload'

import { todayInVietnam } from '../../collections/dates'
import { deliverDueMessages } from './deliver'
import { runReminders } from './reminders'

export const notificationsQueue = 'notifications'

export const isAutoRunOn = (env: Readonly<Record<string, string | undefined>> = process.env) => env.JOBS_AUTORUN !== 'false'

export const notificationJobs: JobsConfig = {
  // nobody queues, runs or cancels these through the API: the server's own schedule does
  access: { cancel: ({ req }) => Boolean(req.user?.roles?.includes('admin')), queue: () => false, run: () => false },
  autoRun: () => (isAutoRunOn() ? [{ cron: '* * * * *', limit: 10, queue: notificationsQueue, silent: { info: true } }] : []),
  deleteJobOnComplete: true,
  tasks: [
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
  ],
}

/** One pass of what the schedule does: queue what is due by its cron, then run the queue. */
export const runNotificationJobsOnce = async ({ payload }: { payload: Payload }) => {
  await payload.jobs.handleSchedules({ queue: notificationsQueue })
  return payload.jobs.run({ queue: notificationsQueue })
}
