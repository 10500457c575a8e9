/** Puts each seeded message template the database lacks into `message-templates`, where the admin rewords it. */
import type { Payload } from 'payload'

import { eventTemplates } from '@seed/notifications/templates'

export const seedMessageTemplates = async ({ payload }: { payload: Payload }) => {
  const { docs } = await payload.find({ collection: 'message-templates', depth: 0, limit: 0, overrideAccess: true, pagination: false, select: { event: true } })
  const present = new Set(docs.map((doc) => doc.event))
  let added = 0
  for (const template of eventTemplates) {
    if (present.has(template.event as never)) continue
    try {
      await payload.create({ collection: 'message-templates', data: { event: template.event as never, html: template.html, subject: template.subject, text: template.text, title: template.title }, overrideAccess: true })
      added += 1
    } catch {
      // another process of the same start wrote it first (the event is unique)
    }
  }
  return added
}

/** Data the admin edits, present from the server's first start: the messages' wording, this year's and next year's holidays. */
export const seedNotificationData = async ({ payload, now = new Date() }: { payload: Payload; now?: Date }) => {
  const { seedHolidays } = await import('./holidays')
  await seedMessageTemplates({ payload })
  await seedHolidays({ payload, years: [now.getFullYear(), now.getFullYear() + 1] })
}
