/**
 * `audit-events`: the append-only trail of workflow transitions, changes to submitted
 * self-assessments, deadline extensions and round status changes. Nobody creates, edits or deletes
 * a row through the API, not even an admin: rows are written by the hooks (hooks/audit.ts).
 */
import type { Access, CollectionConfig } from 'payload'

import { auditEventWrites } from '@criteria/policy'
import { applyWriteRules, type WriteRulesAdapter } from '@hooks/writeRules'

import { hasRole, isAdmin } from '../access/roles'
import { userAuthoritySubtree, whereIn } from '../access/scope'

const canReadAuditEvents: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  return whereIn({ field: 'authority', ids: await userAuthoritySubtree({ req }) })
}

const nobody: Access = () => false

/** The stored codes (`accept`, `in-review`, an ISO day) shown in words, in the list and on the page. */
const inWords = {
  components: { Cell: '@/components/admin/AuditValue#AuditValueCell', Field: '@/components/admin/AuditValue#AuditValueField' },
}

/** Every field is the audit hook's (hooks/audit.ts): nobody's input writes one. */
const auditEventRules: WriteRulesAdapter = { capacitiesOf: async ({ req }) => (isAdmin(req.user) ? ['admin'] : []), rules: auditEventWrites }

export const AuditEvents: CollectionConfig = applyWriteRules({
  adapter: auditEventRules,
  config: {
    slug: 'audit-events',
    access: { create: nobody, delete: nobody, read: canReadAuditEvents, update: nobody },
    disableDuplicate: true,
    admin: {
      defaultColumns: ['at', 'actor', 'action', 'unit', 'from', 'to', 'comment'],
      group: { vi: 'Đánh giá', en: 'Assessment' },
      // the list's search box looks in what people wrote, not in the stored codes
      listSearchableFields: ['comment'],
      // an event is known by its moment; its codes read as words (inWords)
      useAsTitle: 'at',
    },
    defaultSort: '-at',
    fields: [
      { name: 'at', type: 'date', admin: { date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } }, index: true, label: { vi: 'Thời điểm', en: 'At' }, required: true },
      { name: 'actor', type: 'relationship', label: { vi: 'Người thực hiện', en: 'Actor' }, relationTo: 'users' },
      { name: 'action', type: 'text', admin: inWords, index: true, label: { vi: 'Thao tác', en: 'Action' }, required: true },
      {
        type: 'row',
        fields: [
          { name: 'collection', type: 'text', admin: inWords, label: { vi: 'Loại hồ sơ', en: 'Collection' }, required: true },
          { name: 'docId', type: 'text', index: true, label: { vi: 'Mã hồ sơ', en: 'Document id' }, required: true },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'from', type: 'text', admin: inWords, label: { vi: 'Từ', en: 'From' } },
          { name: 'to', type: 'text', admin: inWords, label: { vi: 'Sang', en: 'To' } },
        ],
      },
      { name: 'comment', type: 'textarea', label: { vi: 'Nội dung / lý do', en: 'Comment' } },
      { name: 'authority', type: 'relationship', index: true, label: { vi: 'Cấp quản lý', en: 'Authority' }, relationTo: 'authorities' },
      { name: 'round', type: 'relationship', label: { vi: 'Đợt đánh giá', en: 'Round' }, relationTo: 'rounds' },
      { name: 'unit', type: 'relationship', label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units' },
    ],
    labels: { plural: { vi: 'Nhật ký thao tác', en: 'Audit events' }, singular: { vi: 'Sự kiện', en: 'Audit event' } },
  },
})
