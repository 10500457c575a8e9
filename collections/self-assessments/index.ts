/**
 * `self-assessments`: a unit's entry in a round for one criteria set. The form lists every
 * indicator of the set with the regulation's wording and the input of its measure; the result is
 * computed on every save and shown at the top; the workflow buttons send, withdraw, accept and
 * return it. Versions keep every saved state of the answers.
 */
import { selfAssessmentsExportEndpoint } from './export'
import type { CollectionConfig, Condition, Field, Where } from 'payload'

import { selfAssessmentStatuses, statusLabels } from '@criteria/workflow'

import { lockForUpdate } from '@hooks/lockRow'
import { applyWriteRules } from '@hooks/writeRules'

import { relationId } from '../access/roles'
import { versionsAccess } from '../access/scope'
import { canCreateSelfAssessment, canDeleteSelfAssessments, canReadSelfAssessments, canUpdateSelfAssessments } from './access'
import { dossierZipEndpoint, selfAssessmentDocumentEndpoint } from '../../src/documents/endpoints'
import { consolidationEndpoint } from './consolidation'
import { teamCorrectionEndpoint } from './corrections'
import { lightRestLists } from './lists'
import { transitionEndpoint } from './transition'
import { auditSelfAssessment, keepSentDossiers, prepareSelfAssessment } from './hooks'
import { selfAssessmentRules } from './writeRules'
import { keepReferenced } from '../keepReferenced'
import { documentsField } from '../documentsField'
import { outcomeOptions } from './outcomes'

type Row = { isApplicable?: boolean | null; measure?: string | null }
const answerFor =
  (measure: string): Condition =>
  (_data, siblingData) =>
    (siblingData as Row | undefined)?.measure === measure && (siblingData as Row | undefined)?.isApplicable !== false

const hidden = { hidden: true, readOnly: true }

/**
 * The filters above choose what the admin's selects offer. Payload's default validation would run
 * them again on every save, each a lookup with access checks, though the round and set cannot
 * change after creation; the hook (hooks.ts) checks all three relations itself, with Vietnamese
 * messages, and only when they can have changed.
 */
const checkedByHook = () => true as const


const answerFields: Field[] = [
  { name: 'indicator', type: 'text', admin: hidden, label: { vi: 'Chỉ tiêu', en: 'Indicator' } },
  { name: 'criterion', type: 'text', admin: hidden, label: { vi: 'Tiêu chí', en: 'Criterion' } },
  { name: 'measure', type: 'text', admin: hidden, label: { vi: 'Cách đo', en: 'Measure' } },
  { name: 'maxPoints', type: 'number', admin: hidden, label: { vi: 'Điểm tối đa', en: 'Max points' } },
  { name: 'scale', type: 'json', admin: hidden, label: { vi: 'Thang', en: 'Scale' } },
  { name: 'isApplicable', type: 'checkbox', admin: hidden, label: { vi: 'Áp dụng', en: 'Applicable' } },
  { name: 'status', type: 'text', admin: hidden, label: { vi: 'Kết quả chỉ tiêu', en: 'Indicator status' } },
  { name: 'text', type: 'textarea', admin: { readOnly: true }, label: { vi: 'Nội dung chỉ tiêu', en: 'Wording' } },
  {
    type: 'row',
    fields: [
      { name: 'threshold', type: 'text', admin: { readOnly: true, width: '30%' }, label: { vi: 'Ngưỡng đạt', en: 'Threshold' } },
      { name: 'evidenceRequired', type: 'checkbox', admin: { readOnly: true, width: '30%' }, label: { vi: 'Cần minh chứng', en: 'Evidence required' } },
      { name: 'thresholdBasis', type: 'text', admin: { condition: (_data, sibling) => Boolean(sibling?.thresholdBasis), readOnly: true, width: '40%' }, label: { vi: 'Ngưỡng theo văn bản', en: 'Threshold basis' } },
    ],
  },
  {
    name: 'notApplicable',
    type: 'ui',
    admin: {
      components: { Field: '@/components/NotApplicableNotice#NotApplicableNotice' },
      condition: (_data, siblingData) => (siblingData as Row | undefined)?.isApplicable === false,
    },
  },
  {
    name: 'yesNo',
    type: 'select',
    admin: { condition: answerFor('boolean') },
    label: { vi: 'Đơn vị tự đánh giá', en: 'Self-assessment' },
    options: [
      { label: { vi: 'Đạt', en: 'Yes' }, value: 'yes' },
      { label: { vi: 'Không đạt', en: 'No' }, value: 'no' },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'numerator', type: 'number', admin: { condition: answerFor('ratio'), width: '50%' }, label: { vi: 'Số đạt', en: 'Numerator' }, min: 0 },
      {
        name: 'denominator',
        type: 'number',
        admin: { condition: answerFor('ratio'), description: { vi: 'Mặc định là số thành viên của đơn vị.', en: 'Defaults to the member count.' }, width: '50%' },
        label: { vi: 'Tổng số', en: 'Denominator' },
        min: 0,
      },
    ],
  },
  { name: 'points', type: 'number', admin: { condition: answerFor('points') }, label: { vi: 'Điểm tự chấm', en: 'Points' }, min: 0 },
  {
    name: 'rank',
    type: 'text',
    admin: { components: { Field: '@/components/RankSelect#RankSelect' }, condition: answerFor('rank') },
    label: { vi: 'Mức đạt được', en: 'Rank' },
  },
  {
    name: 'evidence',
    type: 'relationship',
    // offers the unit's own evidence in the form; on save the hook checks newly cited evidence
    // belongs to the unit (evidenceNotOfUnit in hooks.ts), once, rather than Payload re-querying
    // every cited file of every row with access checks on every save (issue 10)
    filterOptions: ({ data }) => {
      const unitId = relationId((data as { unit?: unknown } | undefined)?.unit)
      return unitId === null ? true : { unit: { equals: unitId } }
    },
    validate: checkedByHook,
    hasMany: true,
    label: { vi: 'Minh chứng', en: 'Evidence' },
    relationTo: 'evidence',
  },
  {
    name: 'expectedEvidence',
    type: 'textarea',
    admin: { condition: (_data, sibling) => Boolean(sibling?.expectedEvidence), readOnly: true },
    label: { vi: 'Danh mục minh chứng cần có', en: 'Expected evidence' },
  },
  { name: 'explanation', type: 'textarea', label: { vi: 'Giải trình', en: 'Explanation' } },
]

export const SelfAssessments: CollectionConfig = applyWriteRules({
  adapter: selfAssessmentRules,
  config: {
    slug: 'self-assessments',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { authority: true, criteriaSet: true, level: true, outcome: true, points: true, round: true, status: true, submittedAt: true, title: true, unit: true },
    access: {
      create: canCreateSelfAssessment,
      delete: canDeleteSelfAssessments,
      read: canReadSelfAssessments,
      readVersions: versionsAccess(canReadSelfAssessments),
      update: canUpdateSelfAssessments,
    },
    admin: {
      components: { beforeListTable: [{ clientProps: { slug: 'self-assessments' }, path: '@/components/admin/ExportLink#ExportLink' }] },
      defaultColumns: ['unit', 'round', 'criteriaSet', 'status', 'outcome', 'submittedAt'],
      group: { vi: 'Đánh giá', en: 'Assessment' },
      // the list queries only its columns (Payload's select API), not 50 whole dossiers
      enableListViewSelectAPI: true,
      listSearchableFields: ['title'],
      useAsTitle: 'title',
    },
    disableDuplicate: true,
    // the transition's small write answers a PATCH of `status` alone before Payload's update (transition.ts)
    endpoints: [transitionEndpoint, consolidationEndpoint, teamCorrectionEndpoint, selfAssessmentDocumentEndpoint, dossierZipEndpoint, selfAssessmentsExportEndpoint],
    fields: [
      { name: 'title', type: 'text', admin: { hidden: true }, label: { vi: 'Hồ sơ', en: 'Title' } },
      {
        name: 'resultPanel',
        type: 'ui',
        admin: { components: { Field: '@/components/SelfAssessmentResult#SelfAssessmentResult' } },
        label: { vi: 'Kết quả tự đánh giá', en: 'Result' },
      },
      {
        name: 'consolidationPanel',
        type: 'ui',
        admin: { components: { Field: '@/components/ConsolidationPanel#ConsolidationPanel' }, condition: (data) => ['in-review', 'reviewed', 'recognised', 'not-recognised'].includes(data?.status) },
        label: { vi: 'Kết quả của đoàn đánh giá', en: 'Team result' },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'round',
            type: 'relationship',
            // offered when starting; an existing self-assessment keeps its round whatever the round's status
            filterOptions: ({ id }) => (id ? true : { status: { equals: 'open' } }),
            validate: checkedByHook,
            label: { vi: 'Đợt đánh giá', en: 'Round' },
            relationTo: 'rounds',
            required: true,
          },
          {
            name: 'criteriaSet',
            type: 'relationship',
            filterOptions: async ({ data, id, req }): Promise<Where | true> => {
              if (id) return true
              const roundId = relationId((data as { round?: unknown } | undefined)?.round)
              if (roundId === null) return { _status: { equals: 'published' } }
              const round = await req.payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: roundId, req })
              const ids = (round?.criteriaSets ?? []).map(relationId).filter((id) => id !== null)
              return { id: { in: ids.length > 0 ? ids : [-1] } }
            },
            validate: checkedByHook,
            label: { vi: 'Bộ tiêu chí', en: 'Criteria set' },
            relationTo: 'criteria-sets',
            required: true,
          },
          {
            name: 'unit',
            type: 'relationship',
            defaultValue: ({ user }) => relationId(user?.unit) ?? undefined,
            index: true,
            label: { vi: 'Đơn vị', en: 'Unit' },
            relationTo: 'units',
            required: true,
          },
        ],
      },
      {
        name: 'answers',
        type: 'array',
        admin: {
          components: { RowLabel: '@/components/AnswerRowLabel#AnswerRowLabel' },
          condition: (data) => Boolean(data?.id),
          // the rows follow the criteria set: nobody adds, removes or reorders them (custom.scss hides the controls)
          isSortable: false,
          description: { vi: 'Mỗi chỉ tiêu của bộ tiêu chí một dòng; lưu để xem kết quả và phần còn thiếu.', en: 'One row per indicator.' },
        },
        dbName: 'sa_answers',
        fields: answerFields,
        label: { vi: 'Tự đánh giá theo chỉ tiêu', en: 'Answers' },
        labels: { plural: { vi: 'Chỉ tiêu', en: 'Indicators' }, singular: { vi: 'Chỉ tiêu', en: 'Indicator' } },
      },
      {
        // the round's dossier checklist as attachment slots (rounds.dossier): one row per item
        name: 'dossierFiles',
        type: 'array',
        admin: {
          components: { RowLabel: '@/components/DossierSlotRowLabel#DossierSlotRowLabel' },
          condition: (data) => Boolean(data?.id),
          // the slots follow the round's checklist
          isSortable: false,
          description: { vi: 'Thành phần hồ sơ theo đợt đánh giá: ở từng tài liệu, bấm + để tải tệp lên, hoặc chọn tệp đã có trong Minh chứng; tài liệu bắt buộc còn trống thì không nộp được.', en: 'The round’s dossier checklist: + uploads a file, or pick one already in Evidence.' },
        },
        dbName: 'sa_dossier_files',
        fields: [
          { name: 'item', type: 'text', admin: { hidden: true }, label: { vi: 'Mục', en: 'Item' } },
          {
            type: 'row',
            fields: [
              { name: 'title', type: 'text', admin: { readOnly: true, width: '60%' }, label: { vi: 'Tài liệu', en: 'Document' } },
              { name: 'isRequired', type: 'checkbox', admin: { readOnly: true, width: '40%' }, label: { vi: 'Bắt buộc', en: 'Required' } },
            ],
          },
          {
            name: 'files',
            type: 'relationship',
            filterOptions: ({ data }) => {
              const unitId = relationId((data as { unit?: unknown } | undefined)?.unit)
              return unitId === null ? true : { unit: { equals: unitId } }
            },
            hasMany: true,
            label: { vi: 'Tệp đính kèm', en: 'Files' },
            relationTo: 'evidence',
            validate: checkedByHook,
          },
        ],
        label: { vi: 'Thành phần hồ sơ', en: 'Dossier documents' },
        labels: { plural: { vi: 'Tài liệu', en: 'Documents' }, singular: { vi: 'Tài liệu', en: 'Document' } },
      },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar', readOnly: true },
        defaultValue: 'draft',
        index: true,
        label: { vi: 'Trạng thái', en: 'Status' },
        options: selfAssessmentStatuses.map((status) => ({ label: statusLabels[status], value: status })),
        required: true,
      },
      {
        name: 'workflow',
        type: 'ui',
        admin: { components: { Field: '@/components/WorkflowActions#WorkflowActions' }, position: 'sidebar' },
        label: { vi: 'Thao tác', en: 'Actions' },
      },
      documentsField(),
      {
        name: 'reviewFromDossier',
        type: 'ui',
        admin: { components: { Field: '@/components/review/ReviewFromDossier#ReviewFromDossier' }, position: 'sidebar' },
        label: { vi: 'Phiếu đánh giá', en: 'Review' },
      },
      {
        name: 'correction',
        type: 'ui',
        admin: { components: { Field: '@/components/CorrectionPanel#CorrectionPanel' }, position: 'sidebar' },
        label: { vi: 'Sửa sai kết luận của đoàn', en: 'Correct the team result' },
      },
      {
        name: 'returnReason',
        type: 'textarea',
        admin: { condition: (data) => Boolean(data?.returnReason), position: 'sidebar', readOnly: true },
        label: { vi: 'Lý do trả lại', en: 'Return reason' },
      },
      { name: 'deadlineText', type: 'text', admin: { condition: (data) => Boolean(data?.deadlineText), position: 'sidebar', readOnly: true }, label: { vi: 'Thời hạn', en: 'Deadline' } },
      { name: 'submittedAt', type: 'date', admin: { condition: (data) => Boolean(data?.submittedAt), date: { displayFormat: 'dd/MM/yyyy HH:mm' }, position: 'sidebar', readOnly: true }, index: true, label: { vi: 'Nộp lúc', en: 'Submitted at' } },
      { name: 'submittedBy', type: 'relationship', admin: { condition: (data) => Boolean(data?.submittedBy), position: 'sidebar', readOnly: true }, label: { vi: 'Người nộp', en: 'Submitted by' }, relationTo: 'users' },
      {
        name: 'outcome',
        type: 'select',
        admin: { condition: (data) => Boolean(data?.id), position: 'sidebar', readOnly: true },
        index: true,
        label: { vi: 'Kết quả tự đánh giá', en: 'Outcome' },
        options: outcomeOptions,
      },
      { name: 'level', type: 'number', admin: { hidden: true, readOnly: true }, label: { vi: 'Mức độ', en: 'Level' } },
      { name: 'points', type: 'number', admin: { condition: (data) => typeof data?.points === 'number', position: 'sidebar', readOnly: true }, label: { vi: 'Tổng điểm', en: 'Points' } },
      { name: 'isComplete', type: 'checkbox', admin: { hidden: true, readOnly: true }, label: { vi: 'Đã trả lời đủ', en: 'Complete' } },
      { name: 'missingCount', type: 'number', admin: { hidden: true, readOnly: true }, label: { vi: 'Số chỉ tiêu chưa trả lời', en: 'Missing' } },
      { name: 'result', type: 'json', admin: { hidden: true, readOnly: true }, label: { vi: 'Kết quả (máy tính)', en: 'Result' } },
      {
        name: 'teamOutcome',
        type: 'select',
        admin: { condition: (data) => Boolean(data?.teamOutcome), position: 'sidebar', readOnly: true },
        index: true,
        label: { vi: 'Kết luận của đoàn', en: 'Team outcome' },
        options: outcomeOptions,
      },
      { name: 'teamLevel', type: 'number', admin: { hidden: true, readOnly: true }, label: { vi: 'Mức độ (đoàn)', en: 'Team level' } },
      { name: 'teamPoints', type: 'number', admin: { condition: (data) => typeof data?.teamPoints === 'number', position: 'sidebar', readOnly: true }, label: { vi: 'Điểm của đoàn', en: 'Team points' } },
      { name: 'disagreements', type: 'number', admin: { condition: (data) => typeof data?.disagreements === 'number', position: 'sidebar', readOnly: true }, label: { vi: 'Số chỉ tiêu có ý kiến khác nhau', en: 'Disagreements' } },
      { name: 'teamResult', type: 'json', admin: { hidden: true, readOnly: true }, label: { vi: 'Kết quả của đoàn (máy tính)', en: 'Team result' } },
      { name: 'authority', type: 'relationship', admin: { hidden: true, readOnly: true }, index: true, label: { vi: 'Cấp quản lý', en: 'Authority' }, relationTo: 'authorities' },
      { name: 'decision', type: 'relationship', admin: { condition: (data) => Boolean(data?.decision), position: 'sidebar', readOnly: true }, label: { vi: 'Quyết định', en: 'Decision' }, relationTo: 'decisions' },
    ],
    hooks: {
      afterChange: [auditSelfAssessment],
      beforeChange: [prepareSelfAssessment],
      beforeDelete: [
        keepSentDossiers,
        keepReferenced({
          collection: 'self-assessments',
          references: [
            { collection: 'reviews', field: 'selfAssessment', label: 'phiếu đánh giá' },
            { collection: 'decisions', field: 'entries.selfAssessment', label: 'quyết định' },
            { collection: 'recognitions', field: 'selfAssessment', label: 'dòng sổ công nhận' },
          ],
        }),
      ],
      beforeOperation: [lockForUpdate({ table: 'self_assessments' }), lightRestLists],
    },
    // issue 16's national bench: an authority's list filtered by status (access scopes by authority),
    // the newest submissions of a status across the country (the list's default order), and the
    // start pages' count of the open rounds' dossiers by status, read from the index alone
    indexes: [{ fields: ['unit', 'round'], unique: true }, { fields: ['authority', 'status'] }, { fields: ['status', 'submittedAt'] }, { fields: ['round', 'status'] }],
    // our own row lock (hooks/lockRow.ts) serialises saves inside the request's transaction; Payload's
    // document lock would check `payload-locked-documents` on a second pooled connection per save,
    // which with a full pool waits forever (issue 10)
    lockDocuments: false,
    labels: { plural: { vi: 'Hồ sơ tự đánh giá', en: 'Self-assessments' }, singular: { vi: 'Hồ sơ tự đánh giá', en: 'Self-assessment' } },
    versions: { maxPerDoc: 0 },
  },
})
