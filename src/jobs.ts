/**
 * Payload's jobs queue: the notifications (src/notifications/jobs.ts: the outbox every minute,
 * reminders hourly) and the papers made in the background (src/documents/fileTasks.ts, queue
 * `files`, started at once by the request that queued them and picked up every 10 s otherwise).
 * The server runs both itself (`autoRun`, off with JOBS_AUTORUN=false, as in the tests);
 * `npm run worker` runs them in a process of their own for production.
 */
import type { JobsConfig } from 'payload'

import { unitImportTask } from '../collections/units/importJob'
import { fileTasks, fileTasksQueue } from './documents/fileTasks'
import { isAutoRunOn, notificationsQueue, notificationTasks } from './notifications/jobs'

export const productJobs: JobsConfig = {
  // nobody queues, runs or cancels these through the API: the server's own code and schedule do
  access: { cancel: ({ req }) => Boolean(req.user?.roles?.includes('admin')), queue: () => false, run: () => false },
  autoRun: () =>
    isAutoRunOn()
      ? [
          { cron: '* * * * *', limit: 10, queue: notificationsQueue, silent: { info: true } },
          { cron: '*/10 * * * * *', limit: 2, queue: fileTasksQueue, silent: { info: true } },
        ]
      : [],
  deleteJobOnComplete: true,
  tasks: [...notificationTasks, ...fileTasks, unitImportTask],
}
