/**
 * `outbox`: every message the product sends, e-mail and in-app alike. The event listeners and the
 * reminder job write a row (src/notifications/); the delivery job sends queued rows by e-mail,
 * retrying with a growing delay, and marks them sent, failed (after the last attempt, with the
 * error) or not sent (no mail server configured). Whatever its e-mail fate, a row addressed to a
 * user is that user's in-app notification (the bell in the admin header).
 *
 * Each user reads only their own rows and writes only `readAt`; the admin reads every row and
 * re-queues a failed one with «Gửi lại» (POST /api/outbox/{id}/resend). Nobody creates or deletes
 * a row through the API. `dedupeKey` is unique: a reminder is written once however many times the
 * job runs.
 */
import type { Access, CollectionConfig } from 'payload'

import { outboxWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { isAdmin, relationId } from '../access/roles'
import { resendEndpoint } from './resend'

const nobody: Access = () => false

/** The admin: every row; anyone else signed in: the rows addressed to them. */
export const canReadOutbox: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  return { user: { equals: req.user.id } }
}

export const outboxStatuses = [
  { label: { vi: 'Chờ gửi', en: 'Queued' }, value: 'queued' },
  { label: { vi: 'Đã gửi', en: 'Sent' }, value: 'sent' },
  { label: { vi: 'Gửi lỗi', en: 'Failed' }, value: 'failed' },
  { label: { vi: 'Chưa gửi thư (chỉ thông báo trong hệ thống)', en: 'Not sent (in-app only)' }, value: 'not-sent' },
] as const

export const Outbox: CollectionConfig = applyWriteRules({
  adapter: {
    capacitiesOf: async ({ doc, req }) => {
      if (isAdmin(req.user)) return ['admin']
      return req.user && String(relationId(doc.user)) === String(req.user.id) ? ['self'] : []
    },
    rules: outboxWrites,
  },
  config: {
    slug: 'outbox',
    access: { create: nobody, delete: nobody, read: canReadOutbox, update: canReadOutbox },
    admin: {
      defaultColumns: ['createdAt', 'subject', 'to', 'status', 'attempts', 'readAt'],
      group: { vi: 'Hệ thống', en: 'System' },
      listSearchableFields: ['subject', 'to'],
      useAsTitle: 'subject',
    },
    defaultSort: '-createdAt',
    disableDuplicate: true,
    endpoints: [resendEndpoint],
    fields: [
      { name: 'subject', type: 'text', label: { vi: 'Tiêu đề', en: 'Subject' }, required: true },
      {
        type: 'row',
        fields: [
          { name: 'to', type: 'text', label: { vi: 'Gửi đến (thư điện tử)', en: 'To' } },
          { name: 'user', type: 'relationship', index: true, label: { vi: 'Người nhận', en: 'Recipient' }, relationTo: 'users' },
        ],
      },
      { name: 'text', type: 'textarea', label: { vi: 'Nội dung', en: 'Text' } },
      { name: 'html', type: 'textarea', admin: { hidden: true }, label: { vi: 'Nội dung HTML', en: 'HTML' } },
      { name: 'link', type: 'text', admin: { hidden: true }, label: { vi: 'Trang cần mở', en: 'Link' } },
      // codes for the system and the API (e.g. self-assessment.returned, self-assessments/12), not for reading
      { name: 'event', type: 'text', admin: { hidden: true }, index: true, label: { vi: 'Sự kiện', en: 'Event' } },
      { name: 'relatedTo', type: 'text', admin: { hidden: true }, label: { vi: 'Hồ sơ liên quan', en: 'Related document' } },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'queued',
        index: true,
        label: { vi: 'Tình trạng gửi thư', en: 'Delivery status' },
        options: outboxStatuses.map((option) => ({ ...option })),
        required: true,
      },
      { name: 'attempts', type: 'number', admin: { position: 'sidebar' }, defaultValue: 0, label: { vi: 'Số lần thử gửi', en: 'Attempts' } },
      { name: 'nextAttemptAt', type: 'date', admin: { date: { displayFormat: 'dd/MM/yyyy HH:mm' }, position: 'sidebar' }, index: true, label: { vi: 'Thử gửi lại lúc', en: 'Next attempt at' } },
      { name: 'lastError', type: 'textarea', admin: { position: 'sidebar' }, label: { vi: 'Lỗi lần gửi gần nhất', en: 'Last error' } },
      { name: 'sentAt', type: 'date', admin: { date: { displayFormat: 'dd/MM/yyyy HH:mm' }, position: 'sidebar' }, label: { vi: 'Gửi lúc', en: 'Sent at' } },
      { name: 'readAt', type: 'date', admin: { date: { displayFormat: 'dd/MM/yyyy HH:mm' }, position: 'sidebar' }, index: true, label: { vi: 'Đã đọc lúc', en: 'Read at' } },
      { name: 'dedupeKey', type: 'text', admin: { hidden: true }, label: { vi: 'Khóa chống gửi trùng', en: 'Dedupe key' }, unique: true },
      {
        name: 'resend',
        type: 'ui',
        admin: { components: { Field: '@/components/admin/ResendButton#ResendButton' }, condition: (data, _, { user }) => isAdmin(user) && data?.status === 'failed', position: 'sidebar' },
      },
    ],
    labels: { plural: { vi: 'Thông báo đã gửi', en: 'Outbox' }, singular: { vi: 'Thông báo', en: 'Message' } },
  },
})
