/**
 * Writing messages into the outbox: the event's template (the admin's row in `message-templates`,
 * else the seeded wording) filled with the event's values, one row per recipient. A row with a
 * `dedupeKey` that already exists is not written again (the unique index decides, so two workers
 * at once write one row).
 */
import type { PayloadRequest, Where } from 'payload'

import { renderMessage, type MessageTemplate, type MessageValues } from '@criteria/notifications'
import { templateFor } from '@seed/notifications/templates'

export type Recipient = { id: number; email?: string | null; name?: string | null }

/** The product's address for links in e-mails: PUBLIC_URL, Payload's serverURL, or the local server. */
export const publicAddress = ({ req }: { req: PayloadRequest }) => {
  const configured = process.env.PUBLIC_URL || req.payload.config.serverURL
  return (configured || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')
}

export const templateOf = async ({ event, req }: { event: string; req: PayloadRequest }): Promise<MessageTemplate> => {
  // read once per request and event (a decision tells many units)
  const key = `messageTemplate:${event}`
  if (req.context[key]) return req.context[key] as MessageTemplate
  const template = await loadTemplate({ event, req })
  req.context[key] = template
  return template
}

const loadTemplate = async ({ event, req }: { event: string; req: PayloadRequest }): Promise<MessageTemplate> => {
  const { docs } = await req.payload.find({ collection: 'message-templates', depth: 0, limit: 1, overrideAccess: true, pagination: false, req, where: { event: { equals: event } } })
  const stored = docs[0]
  if (stored) return { html: stored.html, subject: stored.subject, text: stored.text }
  const seeded = templateFor(event)
  if (!seeded) throw new Error(`Chưa có mẫu thông báo cho sự kiện ${event}`)
  return seeded
}

/** Users holding `role`, narrowed by `where` (a unit's editors, an authority's admins). */
export const usersWith = async ({ req, role, where }: { req: PayloadRequest; role: string; where: Where }): Promise<Recipient[]> => {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true, name: true },
    where: { and: [{ roles: { contains: role } }, where] },
  })
  return docs.map((user) => ({ email: user.email, id: user.id, name: user.name }))
}

export const unitEditors = ({ req, unit }: { req: PayloadRequest; unit: number }) => usersWith({ req, role: 'unit-editor', where: { unit: { equals: unit } } })

export const authorityAdmins = ({ req, authority }: { req: PayloadRequest; authority: number }) => usersWith({ req, role: 'authority-admin', where: { authority: { equals: authority } } })

const isDuplicate = (error: unknown) => {
  const text = `${(error as { message?: string }).message ?? ''} ${JSON.stringify((error as { data?: unknown }).data ?? '')} ${(error as { cause?: { code?: string } }).cause?.code ?? ''}`
  return /dedupe|unique|23505|duy nhất/i.test(text)
}

/**
 * One outbox row per recipient. `link` is the admin path to act on (/admin/…); e-mails carry it
 * as a full address. `dedupeKey` (per recipient: the user's id is appended) keeps a reminder single.
 * Returns how many rows were written.
 */
export const queueMessages = async ({
  dedupeKey,
  event,
  link,
  recipients,
  relatedTo,
  req,
  values,
}: {
  dedupeKey?: string
  event: string
  link: string
  recipients: readonly Recipient[]
  relatedTo?: string
  req: PayloadRequest
  values: MessageValues
}): Promise<number> => {
  if (recipients.length === 0) return 0
  const template = await templateOf({ event, req })
  let written = 0
  for (const recipient of recipients) {
    const message = renderMessage({ template, values: { ...values, duongDan: `${publicAddress({ req })}${link}`, nguoiNhan: values.nguoiNhan ?? recipient.name ?? recipient.email ?? '' } })
    const key = dedupeKey ? `${dedupeKey}:user-${recipient.id}` : undefined
    if (key) {
      // the common case (the job's second run) without a refused insert; the unique index settles races
      const { totalDocs } = await req.payload.count({ collection: 'outbox', overrideAccess: true, req, where: { dedupeKey: { equals: key } } })
      if (totalDocs > 0) continue
    }
    try {
      // the adapter's own insert: a system row needs none of the operation's access, hooks or field
      // rules, and every workflow step writes some (the table's defaults fill status, attempts, dates)
      await req.payload.db.create({
        collection: 'outbox',
        data: {
          dedupeKey: key,
          event,
          html: message.html,
          link,
          relatedTo,
          status: 'queued',
          subject: message.subject,
          text: message.text,
          to: recipient.email ?? undefined,
          user: recipient.id,
        },
        req,
        returning: false,
      })
      written += 1
    } catch (error) {
      if (dedupeKey && isDuplicate(error)) continue
      throw error
    }
  }
  return written
}
