/**
 * `recognitions`: the register, one row per unit recognised by an issued decision, with its
 * validity (the set's own rule: TT 24 kept 36 months after the year of recognition, TT 22 grades none).
 * Public (công bố công khai) as far as the deciding authority publishes it: anyone signed in reads
 * every row, an anonymous reader (REST, GraphQL, the /cong-nhan page) only the rows marked `isPublic`
 * from the authority's publication settings. Rows are written only by issuing decisions — a recognition decision adds
 * them, a revoking decision marks them revoked — never through the API, the admin's included, and
 * no row is ever deleted: the register keeps its history. A unit's latest valid row is the `prior`
 * of its next level-2 self-assessment.
 */
import { recognitionsExportEndpoint } from './export'
import type { Access, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { recognitionWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { isAdmin } from '../access/roles'
import { dayOnly } from '../fieldOptions'

const nobody: Access = () => false

/** Signed in: the whole register; anonymous: what the deciding authorities publish. */
const canReadRecognitions: Access = ({ req }) => (req.user ? true : { isPublic: { equals: true } })

/** Even the system's own calls: a recognition is revoked by a decision, never erased. */
const keepHistory: CollectionBeforeDeleteHook = ({ req }) => {
  throw new ValidationError(
    { collection: 'recognitions', errors: [{ message: 'Sổ công nhận không xóa được dòng nào; để hủy một công nhận, hãy ban hành quyết định thu hồi.', path: 'status' }], req },
    req.t,
  )
}

export const Recognitions: CollectionConfig = applyWriteRules({
  adapter: { capacitiesOf: async ({ req }) => (isAdmin(req.user) ? ['admin'] : []), rules: recognitionWrites },
  config: {
    slug: 'recognitions',
    access: { create: nobody, delete: nobody, read: canReadRecognitions, update: nobody },
    admin: {
      components: { beforeListTable: [{ clientProps: { slug: 'recognitions' }, path: '@/components/admin/ExportLink#ExportLink' }] },
      defaultColumns: ['unitName', 'outcomeLabel', 'decisionNumber', 'decidedOn', 'validUntil', 'status', 'authorityName'],
      group: { vi: 'Công nhận', en: 'Recognition' },
      listSearchableFields: ['unitName', 'decisionNumber'],
      useAsTitle: 'unitName',
    },
    defaultSort: '-decidedOn',
    // the public register's filter offers each deciding authority by its latest decision (DISTINCT ON)
    indexes: [{ fields: ['authority', 'decidedOn'] }],
    disableDuplicate: true,
    // GET /api/recognitions/export: the register as XLSX (./export.ts)
    endpoints: [recognitionsExportEndpoint],
    fields: [
      { name: 'unit', type: 'relationship', index: true, label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units', required: true },
      { name: 'unitName', type: 'text', index: true, label: { vi: 'Tên đơn vị', en: 'Unit name' } },
      { name: 'authority', type: 'relationship', index: true, label: { vi: 'Cấp công nhận', en: 'Authority' }, relationTo: 'authorities', required: true },
      { name: 'authorityName', type: 'text', label: { vi: 'Cơ quan công nhận', en: 'Authority name' } },
      {
        type: 'row',
        fields: [
          { name: 'regime', type: 'text', label: { vi: 'Văn bản quy định', en: 'Regime' } },
          { name: 'level', type: 'number', index: true, label: { vi: 'Mức độ', en: 'Level' } },
          { name: 'grade', type: 'text', label: { vi: 'Xếp loại', en: 'Grade' } },
          { name: 'outcomeLabel', type: 'text', label: { vi: 'Kết quả', en: 'Outcome' } },
        ],
      },
      { name: 'year', type: 'number', index: true, label: { vi: 'Năm đánh giá', en: 'Evaluation year' } },
      {
        type: 'row',
        fields: [
          { name: 'decision', type: 'relationship', label: { vi: 'Quyết định', en: 'Decision' }, relationTo: 'decisions', required: true },
          { name: 'decisionNumber', type: 'text', label: { vi: 'Số quyết định', en: 'Decision number' } },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'decidedOn', type: 'date', admin: dayOnly, index: true, label: { vi: 'Ngày quyết định', en: 'Decided on' }, required: true },
          { name: 'validFrom', type: 'date', admin: dayOnly, label: { vi: 'Hiệu lực từ', en: 'Valid from' }, required: true },
          { name: 'validUntil', type: 'date', admin: { ...dayOnly, description: { vi: 'Trống: kết quả không có thời hạn bảo lưu (xếp loại của năm đánh giá).', en: 'Empty: no validity period.' } }, index: true, label: { vi: 'Hiệu lực đến hết ngày', en: 'Valid until' } },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'countsForEmulation', type: 'checkbox', label: { vi: 'Tính vào bình xét thi đua', en: 'Counts for emulation' } },
          { name: 'isPublic', type: 'checkbox', defaultValue: true, index: true, label: { vi: 'Công khai trên trang tra cứu', en: 'Public' } },
        ],
      },
      { name: 'basisNote', type: 'textarea', label: { vi: 'Ngưỡng do địa phương xác nhận', en: 'Locally confirmed thresholds' } },
      { name: 'selfAssessment', type: 'relationship', admin: { hidden: true }, label: { vi: 'Hồ sơ', en: 'Self-assessment' }, relationTo: 'self-assessments' },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'valid',
        index: true,
        label: { vi: 'Tình trạng', en: 'Status' },
        options: [
          { label: { vi: 'Đang có hiệu lực', en: 'Valid' }, value: 'valid' },
          { label: { vi: 'Đã bị thu hồi', en: 'Revoked' }, value: 'revoked' },
        ],
      },
      {
        type: 'row',
        admin: { condition: (data) => data?.status === 'revoked' },
        fields: [
          { name: 'revokedBy', type: 'relationship', label: { vi: 'Thu hồi bởi quyết định', en: 'Revoked by' }, relationTo: 'decisions' },
          { name: 'revokedOn', type: 'date', admin: dayOnly, label: { vi: 'Ngày thu hồi', en: 'Revoked on' } },
          { name: 'revocationReason', type: 'text', label: { vi: 'Lý do thu hồi', en: 'Reason' } },
        ],
      },
    ],
    hooks: { beforeDelete: [keepHistory] },
    labels: { plural: { vi: 'Sổ công nhận', en: 'Recognitions' }, singular: { vi: 'Công nhận', en: 'Recognition' } },
  },
})
