/**
 * The delivery job's work: send the queued outbox rows that are due, by e-mail through Payload's
 * e-mail adapter (nodemailer from SMTP_URL or SMTP_HOST). A row is claimed first — its next
 * attempt moved past the lease with `FOR UPDATE SKIP LOCKED` — so two workers never send one row
 * twice. A failed attempt is counted with its error and tried again after a growing delay; after
 * the last attempt the row is `failed` (visible to the admin, who can resend it). Without a mail
 * server every due row becomes `not-sent` and stays an in-app notification.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { afterFailedAttempt } from '@criteria/notifications'

export const notConfiguredMessage = 'chưa gửi: chưa cấu hình máy chủ thư'

/** How long a claimed row is left to the worker that claimed it before another may try it. */
const leaseMinutes = 10

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/** Whether an e-mail adapter is configured (Payload's default writes mail to the log instead). */
export const hasMailServer = ({ payload }: { payload: Payload }) => Boolean(payload.email) && (payload.email as { name?: string }).name !== 'console'

/** Claims up to `limit` due rows for this worker; answers their ids. */
const claimDue = async ({ payload, now, limit }: { payload: Payload; now: Date; limit: number }): Promise<number[]> => {
  const drizzle = (payload.db as unknown as { drizzle: Executor }).drizzle
  const lease = new Date(now.getTime() + leaseMinutes * 60_000).toISOString()
  const result = await drizzle.execute(sql`
    update outbox set next_attempt_at = ${lease}
    where id in (
      select id from outbox
      where status = 'queued' and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()})
      order by id limit ${limit}
      for update skip locked
    )
    returning id`)
  return result.rows.map((row) => Number(row.id))
}

export type DeliveryReport = { sent: number; retried: number; failed: number; notSent: number }

export const deliverDueMessages = async ({ payload, now = new Date(), limit = 200 }: { payload: Payload; now?: Date; limit?: number }): Promise<DeliveryReport> => {
  const report: DeliveryReport = { failed: 0, notSent: 0, retried: 0, sent: 0 }
  const ids = await claimDue({ limit, now, payload })
  const isConfigured = hasMailServer({ payload })
  for (const id of ids) {
    const row = await payload.findByID({ collection: 'outbox', depth: 0, id, overrideAccess: true })
    const update = (data: Record<string, unknown>) => payload.update({ collection: 'outbox', data, depth: 0, id, overrideAccess: true })
    if (!isConfigured || !row.to) {
      await update({ lastError: isConfigured ? 'chưa gửi: người nhận không có địa chỉ thư' : notConfiguredMessage, nextAttemptAt: null, status: 'not-sent' })
      report.notSent += 1
      continue
    }
    const attempts = (row.attempts ?? 0) + 1
    try {
      await payload.sendEmail({ html: row.html ?? undefined, subject: row.subject, text: row.text ?? undefined, to: row.to })
      await update({ attempts, lastError: null, nextAttemptAt: null, sentAt: new Date().toISOString(), status: 'sent' })
      report.sent += 1
    } catch (error) {
      const next = afterFailedAttempt({ attempts })
      const lastError = String((error as Error)?.message ?? error).slice(0, 2000)
      if (next.status === 'failed') {
        await update({ attempts, lastError, nextAttemptAt: null, status: 'failed' })
        report.failed += 1
        payload.logger.warn(`Thư #${id} gửi lỗi sau ${attempts} lần: ${lastError}`)
      } else {
        await update({ attempts, lastError, nextAttemptAt: new Date(now.getTime() + next.delayMinutes * 60_000).toISOString(), status: 'queued' })
        report.retried += 1
      }
    }
  }
  return report
}
