/**
 * `decisions`: the recognition decision (Quyết định công nhận) of a round: number, date, signer
 * (the authority's `deciderTitle`, e.g. "KT. Chủ tịch — Phó Chủ tịch"), and one entry per unit
 * proposed, filled from the team's consolidated outcomes; an entry is removed only with a reason.
 * Issuing it writes the register and is final: an issued decision is never changed or deleted; a
 * mistake is corrected by a revoking decision (kind «Thu hồi»), which marks the rows it revokes in
 * the register and sends their dossiers back to the team's conclusion for a new decision.
 */
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { canChangeDecisions, canCreateDecision, canReadDecisions } from './access'
import { issueDecision, keepIssuedDecisions, prepareDecision } from './hooks'
import { decisionRules } from './writeRules'
import { decisionDocumentEndpoint } from '../../src/documents/endpoints'
import { dayOnly } from '../fieldOptions'
import { keepReferenced } from '../keepReferenced'
import { documentsField } from '../documentsField'

export const Decisions: CollectionConfig = applyWriteRules({
  adapter: decisionRules,
  config: {
    slug: 'decisions',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { authority: true, kind: true, number: true, round: true, signedOn: true, status: true, title: true },
    access: { create: canCreateDecision, delete: canChangeDecisions, read: canReadDecisions, update: canChangeDecisions },
    disableDuplicate: true,
    endpoints: [decisionDocumentEndpoint],
    admin: {
      defaultColumns: ['title', 'signedOn', 'signer', 'status'],
      group: { vi: 'Công nhận', en: 'Recognition' },
      useAsTitle: 'title',
    },
    fields: [
      { name: 'title', type: 'text', admin: { hidden: true }, label: { vi: 'Quyết định', en: 'Title' } },
      {
        name: 'kind',
        type: 'select',
        defaultValue: 'recognition',
        label: { vi: 'Loại quyết định', en: 'Kind' },
        options: [
          { label: { vi: 'Công nhận', en: 'Recognition' }, value: 'recognition' },
          { label: { vi: 'Thu hồi quyết định đã ban hành', en: 'Revocation' }, value: 'revocation' },
        ],
      },
      {
        name: 'revokes',
        type: 'relationship',
        admin: {
          condition: (data) => data?.kind === 'revocation',
          description: { vi: 'Quyết định công nhận đã ban hành bị thu hồi (toàn bộ, hoặc các đơn vị liệt kê bên dưới).', en: 'The issued decision this one revokes.' },
        },
        filterOptions: { and: [{ status: { equals: 'issued' } }, { kind: { equals: 'recognition' } }] },
        label: { vi: 'Thu hồi quyết định', en: 'Revokes' },
        relationTo: 'decisions',
      },
      {
        name: 'reason',
        type: 'textarea',
        admin: { condition: (data) => data?.kind === 'revocation' },
        label: { vi: 'Lý do thu hồi', en: 'Reason' },
      },
      {
        name: 'round',
        type: 'relationship',
        // a revocation takes its round from the decision it revokes: nothing to choose until it is saved
        admin: { condition: (data) => data?.kind !== 'revocation' || Boolean(data?.round), description: { vi: 'Với quyết định thu hồi: tự lấy theo quyết định bị thu hồi.', en: 'For a revocation: taken from the revoked decision.' } },
        filterOptions: { status: { in: ['reviewing', 'closed', 'open'] } },
        label: { vi: 'Đợt đánh giá', en: 'Round' },
        relationTo: 'rounds',
        required: true,
      },
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
        admin: { description: { vi: 'Quyết định mới là dự thảo: Lưu, kiểm tra danh sách đơn vị, rồi chọn «Đã ban hành» và Lưu để ban hành (ghi sổ công nhận); sau đó không sửa được.', en: 'A new decision is a draft: save it, check the list, then choose Issued and save. Issuing is final.' }, position: 'sidebar' },
        defaultValue: 'draft',
        label: { vi: 'Trạng thái', en: 'Status' },
        options: [
          { label: { vi: 'Dự thảo', en: 'Draft' }, value: 'draft' },
          { label: { vi: 'Đã ban hành', en: 'Issued' }, value: 'issued' },
        ],
        required: true,
      },
      documentsField(),
      { name: 'issueNotice', type: 'ui', admin: { components: { Field: '@/components/IssueDecisionNotice#IssueDecisionNotice' }, position: 'sidebar' }, label: { vi: 'Ban hành', en: 'Issue' } },
      { name: 'authority', type: 'relationship', admin: { position: 'sidebar', readOnly: true }, label: { vi: 'Cấp quản lý', en: 'Authority' }, relationTo: 'authorities' },
      {
        name: 'entries',
        type: 'array',
        admin: {
          components: { RowLabel: '@/components/DecisionEntryRowLabel#DecisionEntryRowLabel' },
          description: {
            vi: 'Để trống khi lưu dự thảo: quyết định công nhận tự điền các hồ sơ đoàn đã kết luận đạt; quyết định thu hồi tự điền mọi đơn vị của quyết định bị thu hồi.',
            en: 'Left empty, a recognition lists the dossiers the team found met; a revocation, every unit of the revoked decision.',
          },
        },
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
        label: { vi: 'Danh sách đơn vị', en: 'Entries' },
        labels: { plural: { vi: 'Đơn vị', en: 'Units' }, singular: { vi: 'Đơn vị', en: 'Unit' } },
      },
    ],
    hooks: {
      afterChange: [issueDecision],
      beforeChange: [prepareDecision],
      beforeDelete: [
        keepIssuedDecisions,
        keepReferenced({
          collection: 'decisions',
          references: [
            { collection: 'recognitions', field: 'decision', label: 'dòng sổ công nhận' },
            { collection: 'decisions', field: 'revokes', label: 'quyết định thu hồi' },
          ],
        }),
      ],
    },
    labels: { plural: { vi: 'Quyết định công nhận', en: 'Decisions' }, singular: { vi: 'Quyết định công nhận', en: 'Decision' } },
  },
})
