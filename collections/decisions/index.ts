/**
 * `decisions`: the recognition decision (Quyết định công nhận) of a round: number, date, signer
 * (the authority's `deciderTitle`, e.g. "KT. Chủ tịch — Phó Chủ tịch"), and one entry per unit
 * proposed, filled from the team's consolidated outcomes; an entry is removed only with a reason.
 * Issuing it writes the register and is final.
 */
import type { CollectionConfig } from 'payload'

import { canChangeDecisions, canCreateDecision, canReadDecisions } from './access'
import { issueDecision, prepareDecision } from './hooks'
import { dayOnly } from '../fieldOptions'

export const Decisions: CollectionConfig = {
  slug: 'decisions',
  access: { create: canCreateDecision, delete: canChangeDecisions, read: canReadDecisions, update: canChangeDecisions },
  admin: {
    defaultColumns: ['title', 'signedOn', 'signer', 'status'],
    group: { vi: 'Công nhận', en: 'Recognition' },
    useAsTitle: 'title',
  },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true }, label: { vi: 'Quyết định', en: 'Title' } },
    { name: 'round', type: 'relationship', filterOptions: { status: { in: ['reviewing', 'closed', 'open'] } }, label: { vi: 'Đợt đánh giá', en: 'Round' }, relationTo: 'rounds', required: true },
    {
      type: 'row',
      fields: [
        { name: 'number', type: 'text', label: { vi: 'Số quyết định', en: 'Number' } },
        { name: 'signedOn', type: 'date', admin: dayOnly, label: { vi: 'Ngày ký', en: 'Signed on' } },
        { name: 'signer', type: 'text', admin: { description: { vi: 'Mặc định theo chức danh người quyết định của cấp quản lý.', en: "Defaults to the authority's decider title." } }, label: { vi: 'Người ký', en: 'Signer' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: { vi: 'Chọn «Đã ban hành» rồi Lưu để ban hành: ghi sổ công nhận; sau đó không sửa được.', en: 'Issuing is final.' }, position: 'sidebar' },
      defaultValue: 'draft',
      label: { vi: 'Trạng thái', en: 'Status' },
      options: [
        { label: { vi: 'Dự thảo', en: 'Draft' }, value: 'draft' },
        { label: { vi: 'Đã ban hành', en: 'Issued' }, value: 'issued' },
      ],
      required: true,
    },
    { name: 'authority', type: 'relationship', admin: { position: 'sidebar', readOnly: true }, label: { vi: 'Cấp quản lý', en: 'Authority' }, relationTo: 'authorities' },
    {
      name: 'entries',
      type: 'array',
      admin: { description: { vi: 'Tự điền từ các hồ sơ đoàn đã kết luận đạt khi để trống.', en: 'Filled from the consolidated outcomes when left empty.' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'selfAssessment', type: 'relationship', label: { vi: 'Hồ sơ', en: 'Self-assessment' }, relationTo: 'self-assessments', required: true },
            { name: 'outcomeLabel', type: 'text', admin: { readOnly: true }, label: { vi: 'Công nhận', en: 'Outcome' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'isRemoved', type: 'checkbox', label: { vi: 'Đưa ra khỏi quyết định', en: 'Removed' } },
            { name: 'removalReason', type: 'text', admin: { condition: (_data, siblingData) => Boolean(siblingData?.isRemoved) }, label: { vi: 'Lý do', en: 'Reason' } },
          ],
        },
        { name: 'unit', type: 'relationship', admin: { hidden: true, readOnly: true }, label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units' },
        { name: 'level', type: 'number', admin: { hidden: true, readOnly: true }, label: { vi: 'Mức độ', en: 'Level' } },
        { name: 'grade', type: 'text', admin: { hidden: true, readOnly: true }, label: { vi: 'Xếp loại', en: 'Grade' } },
      ],
      label: { vi: 'Danh sách đơn vị được công nhận', en: 'Entries' },
      labels: { plural: { vi: 'Đơn vị', en: 'Units' }, singular: { vi: 'Đơn vị', en: 'Unit' } },
    },
  ],
  hooks: { afterChange: [issueDecision], beforeChange: [prepareDecision] },
  labels: { plural: { vi: 'Quyết định công nhận', en: 'Decisions' }, singular: { vi: 'Quyết định công nhận', en: 'Decision' } },
}
