/**
 * Who writes the notifications' tables. Outbox rows are the system's: the event listeners and
 * the reminder job create them, the delivery job and the admin's «Gửi lại» change their status —
 * nobody's input writes those fields. The one field a person writes is `readAt`: the recipient
 * marks their own notification read. Message templates and holidays are data the admin edits.
 */
import type { WriteRules } from '../fieldRules'
import { input, noWorkflow, step } from './shared'

const delivered = step('deliver-message')
const adminOnly = input({ create: ['admin'], update: ['admin'] })

export const outboxWrites: WriteRules = {
  ...noWorkflow,
  collection: 'outbox',
  fields: {
    attempts: delivered,
    dedupeKey: delivered,
    event: delivered,
    html: delivered,
    lastError: delivered,
    link: delivered,
    nextAttemptAt: delivered,
    readAt: input({ create: [], update: ['self'] }),
    relatedTo: delivered,
    sentAt: delivered,
    status: delivered,
    subject: delivered,
    text: delivered,
    to: delivered,
    user: delivered,
  },
  noun: 'thông báo',
  steps: { 'deliver-message': 'Gửi thông báo' },
}

export const messageTemplateWrites: WriteRules = {
  ...noWorkflow,
  collection: 'message-templates',
  fields: { event: adminOnly, html: adminOnly, subject: adminOnly, text: adminOnly, title: adminOnly },
  noun: 'mẫu thông báo',
  steps: {},
}

export const holidayWrites: WriteRules = {
  ...noWorkflow,
  collection: 'holidays',
  fields: { date: adminOnly, isVerified: adminOnly, isWorkingDay: adminOnly, name: adminOnly, source: adminOnly },
  noun: 'ngày nghỉ lễ',
  steps: {},
}
