/**
 * `message-templates`: the wording of each message the product sends, one row per event, seeded
 * from seed/notifications/templates.ts and reworded by the admin. `{{name}}` is the event's value
 * (the row lists which names the event provides); without a row the seeded wording is used.
 */
import type { Access, CollectionConfig } from 'payload'

import { messageTemplateWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'
import { eventTemplates } from '@seed/notifications/templates'

import { isAdmin } from '../access/roles'

const admins: Access = ({ req }) => isAdmin(req.user)

export const MessageTemplates: CollectionConfig = applyWriteRules({
  adapter: { capacitiesOf: async ({ req }) => (isAdmin(req.user) ? ['admin'] : []), rules: messageTemplateWrites },
  config: {
    slug: 'message-templates',
    access: { create: admins, delete: admins, read: admins, update: admins },
    admin: { defaultColumns: ['title', 'event', 'subject'], group: { vi: 'Hệ thống', en: 'System' }, useAsTitle: 'title' },
    defaultSort: 'event',
    fields: [
      {
        name: 'event',
        type: 'select',
        label: { vi: 'Sự kiện', en: 'Event' },
        options: eventTemplates.map((template) => ({ label: template.title, value: template.event })),
        required: true,
        unique: true,
      },
      { name: 'title', type: 'text', label: { vi: 'Tên mẫu', en: 'Title' }, required: true },
      {
        name: 'subject',
        type: 'text',
        admin: { description: { vi: 'Dùng {{donVi}}, {{dot}}, {{han}}, {{duongDan}}… như trong mẫu có sẵn; giá trị được điền khi gửi.', en: 'Placeholders such as {{unit}} are filled in when sent.' } },
        label: { vi: 'Tiêu đề thư', en: 'Subject' },
        required: true,
      },
      {
        name: 'html',
        // a textarea, not Payload's code field: its editor (Monaco) loads from a CDN that an office
        // without internet access cannot reach, and the field stayed a grey box that never loaded
        type: 'textarea',
        admin: {
          description: { vi: 'Nội dung thư dạng HTML, cùng các chỗ điền {{...}} như tiêu đề.', en: 'The HTML body, with the same {{...}} placeholders as the subject.' },
          rows: 10,
        },
        label: { vi: 'Nội dung HTML', en: 'HTML body' },
        required: true,
      },
      { name: 'text', type: 'textarea', label: { vi: 'Nội dung văn bản thuần', en: 'Text body' }, required: true },
    ],
    labels: { plural: { vi: 'Mẫu thông báo', en: 'Message templates' }, singular: { vi: 'Mẫu thông báo', en: 'Message template' } },
  },
})
