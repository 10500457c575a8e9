/**
 * `recognitions`: the register, one row per unit recognised by an issued decision, with its
 * validity (REGULATIONS §2.3: kept 36 months after the year of recognition). Public: anyone reads
 * it (công bố công khai). Rows are written only by issuing a decision; only an admin corrects one.
 * A unit's latest row is the `prior` of its next level-2 self-assessment.
 */
import type { Access, CollectionConfig } from 'payload'

import { isAdmin } from '../access/roles'
import { dayOnly } from '../fieldOptions'

const onlyAdmin: Access = ({ req }) => isAdmin(req.user)
export const Recognitions: CollectionConfig = {
  slug: 'recognitions',
  access: { create: onlyAdmin, delete: onlyAdmin, read: () => true, update: onlyAdmin },
  admin: {
    defaultColumns: ['unitName', 'outcomeLabel', 'decisionNumber', 'decidedOn', 'validUntil', 'authorityName'],
    group: { vi: 'Công nhận', en: 'Recognition' },
    listSearchableFields: ['unitName', 'decisionNumber'],
    useAsTitle: 'unitName',
  },
  defaultSort: '-decidedOn',
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
        { name: 'validUntil', type: 'date', admin: dayOnly, index: true, label: { vi: 'Hiệu lực đến hết ngày', en: 'Valid until' }, required: true },
      ],
    },
    { name: 'selfAssessment', type: 'relationship', admin: { hidden: true }, label: { vi: 'Hồ sơ', en: 'Self-assessment' }, relationTo: 'self-assessments' },
  ],
  labels: { plural: { vi: 'Sổ công nhận', en: 'Recognitions' }, singular: { vi: 'Công nhận', en: 'Recognition' } },
}
