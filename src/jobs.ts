/**
 * Payload's jobs queue: the notifications (src/notifications/jobs.ts: the outbox every minute,
 * reminders hourly) and the papers and imports made in the background (src/documents/fileTasks.ts,
 * collections/units/importJob.ts: queue `files`). No `autoRun`: Payload 3.90's queue does not lock,
 * so the server runs its own passes under a PostgreSQL advisory lock every JOBS_INTERVAL_SECONDS
 * (src/notifications/jobs.ts `startNotificationSchedule`, off with JOBS_AUTORUN=false); a file task
 * is also started at once by the request that queued it; `npm run worker` runs both queues in a
 * process of its own for production.
 */
import type { JobsConfig } from 'payload'

import { unitImportTask } from '../collections/units/importJob'
import { fileTasks } from './documents/fileTasks'
import { notificationTasks } from './notifications/jobs'

export const productJobs: JobsConfig = {
  // nobody queues, runs or cancels these through the API: the server's own code and schedule do
  access: { cancel: ({ req }) => Boolean(req.user?.roles?.includes('admin')), queue: () => false, run: () => false },
  deleteJobOnComplete: true,
  tasks: [...notificationTasks, ...fileTasks, unitImportTask],
}
