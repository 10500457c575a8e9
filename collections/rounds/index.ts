/**
 * `rounds`: one authority's assessment round for one evaluation year — the criteria sets offered,
 * the plan table (as in seed 001), deadlines as rules relative to the year, the evaluation team,
 * the dossier checklist, per-unit deadline extensions and the round's status.
 */
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { codeRelation } from '../catalogueCode'
import { setsOfRoundTier } from '../catalogues'

import { consolidationModes } from '@criteria/review'
import { planTimingKinds, roundStatuses, roundStatusLabels, teamRoles } from '@criteria/rounds'

import { requiredText } from '../validation'
import { canChangeRounds, canCreateRound, canReadRounds } from './access'
import { roundDocumentEndpoint, roundDocumentJobEndpoint } from '../../src/documents/endpoints'
import { roundChangesEndpoint } from './changes'
import { copyToNextYearEndpoint, participationEndpoint } from './endpoints'
import { deadlineField, deadlineRow } from './fields'
import { auditRound, keepStartedRounds, prepareRound } from './hooks'
import { dayOnly } from '../fieldOptions'
import { roundRules } from './writeRules'
import { keepReferenced } from '../keepReferenced'
import { documentsField } from '../documentsField'

/** TT 24/2023's dossier (REGULATIONS §2.9): a province replaces it with its own list (Cao Bằng has six). */
const tt24Dossier = [
  { title: 'Tờ trình đề nghị đánh giá, công nhận "Đơn vị học tập"' },
  { title: 'Báo cáo tự đánh giá, công nhận "Đơn vị học tập"' },
  { title: 'Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu' },
]

export const Rounds: CollectionConfig = applyWriteRules({
  adapter: roundRules,
  config: {
    slug: 'rounds',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { authority: true, status: true, tier: true, title: true, year: true },
    access: { create: canCreateRound, delete: canChangeRounds, read: canReadRounds, update: canChangeRounds },
    admin: {
      defaultColumns: ['title', 'year', 'authority', 'tier', 'status'],
      group: { vi: 'Đánh giá', en: 'Assessment' },
      listSearchableFields: ['title'],
      useAsTitle: 'title',
    },
    endpoints: [copyToNextYearEndpoint, participationEndpoint, roundChangesEndpoint, roundDocumentEndpoint, roundDocumentJobEndpoint],
    fields: [
      { name: 'title', type: 'text', label: { vi: 'Tên đợt đánh giá', en: 'Title' }, required: true, validate: requiredText({ vi: 'Tên đợt đánh giá không được để trống.' }) },
      {
        type: 'row',
        fields: [
          {
            name: 'year',
            type: 'number',
            admin: { description: { vi: 'Năm được đánh giá (N); hạn nộp thường rơi vào năm N+1.', en: 'The evaluation year N.' } },
            label: { vi: 'Năm đánh giá', en: 'Evaluation year' },
            required: true,
            validate: (value: unknown) =>
              (typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2100) || `Năm đánh giá phải là số nguyên từ 2000 đến 2100 (đã nhập: ${String(value ?? '')}).`,
          },
          { name: 'authority', type: 'relationship', label: { vi: 'Cấp quản lý tổ chức', en: 'Authority' }, relationTo: 'authorities', required: true },
          codeRelation({ name: 'tier', defaultValue: 'huyen', label: { vi: 'Cấp đơn vị tham gia', en: 'Unit tier' }, relationTo: 'tiers', required: true }),
        ],
      },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'draft',
        index: true,
        label: { vi: 'Trạng thái', en: 'Status' },
        options: roundStatuses.map((status) => ({ label: roundStatusLabels[status], value: status })),
        required: true,
      },
      documentsField(),
      {
        name: 'participation',
        type: 'ui',
        admin: { components: { Field: '@/components/RoundParticipation#RoundParticipation' }, position: 'sidebar' },
        label: { vi: 'Tình hình nộp hồ sơ', en: 'Participation' },
      },
      {
        name: 'criteriaSets',
        type: 'relationship',
        // the round's tier's sets and those of no tier; prepareRound refuses another tier's, naming it
        filterOptions: setsOfRoundTier,
        admin: { description: { vi: 'Ví dụ: TT 24 mức độ 1 và mức độ 2 của cấp huyện. Phải xuất bản trước khi mở đợt.', en: 'Criteria sets offered.' } },
        hasMany: true,
        label: { vi: 'Bộ tiêu chí áp dụng', en: 'Criteria sets' },
        relationTo: 'criteria-sets',
      },
      {
        // the province's or district's guide or plan the round follows (REGULATIONS §5.2.1)
        name: 'basis',
        type: 'relationship',
        admin: { description: { vi: 'Hướng dẫn, kế hoạch của tỉnh/huyện mà đợt thực hiện (số, ngày, tệp): thêm tại Danh mục → Văn bản căn cứ.', en: 'The local guide or plan the round follows.' } },
        hasMany: true,
        label: { vi: 'Văn bản căn cứ', en: 'Legal basis' },
        relationTo: 'legal-documents',
      },
      {
        type: 'tabs',
        tabs: [
          {
            label: { vi: 'Kế hoạch', en: 'Plan' },
            fields: [
              {
                name: 'plan',
                type: 'array',
                admin: { components: { RowLabel: '@/components/PlanRowLabel#PlanRowLabel' }, initCollapsed: true },
                fields: [
                  { name: 'task', type: 'textarea', label: { vi: 'Nội dung công việc', en: 'Task' }, required: true },
                  {
                    type: 'row',
                    fields: [
                      { name: 'lead', type: 'text', label: { vi: 'Đơn vị chủ trì', en: 'Lead' } },
                      { name: 'coordinating', type: 'textarea', label: { vi: 'Đơn vị phối hợp', en: 'Coordinating' } },
                    ],
                  },
                  {
                    type: 'row',
                    fields: [
                      {
                        name: 'kind',
                        type: 'select',
                        defaultValue: 'on',
                        label: { vi: 'Thời gian', en: 'Timing' },
                        options: planTimingKinds.map((kind) => ({ label: { vi: kind.vi, en: kind.en }, value: kind.code })),
                      },
                      { name: 'start', type: 'date', admin: dayOnly, label: { vi: 'Từ ngày (nếu là khoảng)', en: 'From' } },
                      { name: 'due', type: 'date', admin: dayOnly, label: { vi: 'Ngày / đến ngày', en: 'Due' } },
                      { name: 'timing', type: 'text', admin: { readOnly: true }, label: { vi: 'Ghi trong kế hoạch', en: 'As written' } },
                    ],
                  },
                ],
                label: { vi: 'Kế hoạch cụ thể', en: 'Plan' },
                labels: { plural: { vi: 'Công việc', en: 'Tasks' }, singular: { vi: 'Công việc', en: 'Task' } },
              },
            ],
          },
          {
            label: { vi: 'Thời hạn', en: 'Deadlines' },
            description: {
              vi: 'Tính theo năm đánh giá, nên sao chép sang năm sau không cần sửa. Để trống thì lấy mặc định của văn bản khi lưu: TT 24 cấp huyện nộp trước 15/01 và quyết định trước 15/02 năm N+1; TT 22 nộp đến hết quý I năm N+1; cấp tỉnh chưa có mặc định cho hạn quyết định.',
              en: 'Rules relative to the evaluation year; empty ones take the regime defaults on save.',
            },
            fields: [
              {
                name: 'deadlines',
                type: 'group',
                fields: [
                  deadlineField({ key: 'opening' }),
                  deadlineField({ key: 'submission' }),
                  deadlineField({ key: 'review' }),
                  deadlineField({ key: 'decision' }),
                ],
                label: false,
              },
              {
                name: 'reportDeadlines',
                type: 'array',
                admin: { description: { vi: 'Mỗi lần báo cáo lên cấp trên: gửi ai, hạn nào (ví dụ Hưng Yên: UBND huyện báo cáo Sở trước 30/4; Sở báo cáo UBND tỉnh trước 31/5).', en: 'Each report to a superior, with its recipient.' } },
                fields: [{ name: 'recipient', type: 'text', label: { vi: 'Báo cáo gửi', en: 'Recipient' }, required: true }, deadlineRow()],
                label: { vi: 'Hạn báo cáo cấp trên', en: 'Report-up deadlines' },
                labels: { plural: { vi: 'Hạn báo cáo', en: 'Report deadlines' }, singular: { vi: 'Hạn báo cáo', en: 'Report deadline' } },
              },
              {
                name: 'processingWorkingDays',
                type: 'number',
                admin: { description: { vi: 'Nếu kế hoạch quy định thời hạn giải quyết tính bằng ngày làm việc kể từ ngày tiếp nhận hồ sơ: số ngày đó. Ngày hết hạn bỏ qua thứ Bảy, Chủ nhật và ngày nghỉ lễ (danh mục «Ngày nghỉ lễ») và được báo cho đơn vị khi hồ sơ được tiếp nhận.', en: 'Processing time in working days from acceptance, if the plan states one.' } },
                label: { vi: 'Thời hạn giải quyết (ngày làm việc)', en: 'Processing time (working days)' },
                max: 365,
                min: 1,
              },
              {
                name: 'reminderOffsets',
                type: 'number',
                admin: { description: { vi: 'Số ngày trước mỗi hạn (nộp hồ sơ, thẩm định, báo cáo cấp trên) hệ thống gửi thư nhắc; để trống là 14, 7 và 1 ngày.', en: 'Days before each deadline a reminder is sent; empty: 14, 7, 1.' } },
                hasMany: true,
                label: { vi: 'Nhắc hạn trước (ngày)', en: 'Remind days before' },
                max: 90,
                min: 0,
              },
              {
                name: 'extensions',
                type: 'array',
                admin: { description: { vi: 'Gia hạn nộp hồ sơ cho từng đơn vị; mỗi lần gia hạn được ghi vào nhật ký.', en: 'Per-unit extensions, audited.' } },
                fields: [
                  {
                    type: 'row',
                    fields: [
                      { name: 'unit', type: 'relationship', label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units', required: true },
                      { name: 'until', type: 'date', admin: dayOnly, label: { vi: 'Gia hạn đến hết ngày', en: 'Until (inclusive)' }, required: true },
                    ],
                  },
                  { name: 'reason', type: 'text', label: { vi: 'Lý do gia hạn', en: 'Reason' }, required: true, validate: requiredText({ vi: 'Cần ghi lý do gia hạn.' }) },
                ],
                label: { vi: 'Gia hạn cho đơn vị', en: 'Extensions' },
                labels: { plural: { vi: 'Gia hạn', en: 'Extensions' }, singular: { vi: 'Gia hạn', en: 'Extension' } },
              },
            ],
          },
          {
            label: { vi: 'Đoàn đánh giá', en: 'Team' },
            fields: [
              {
                name: 'teamDecision',
                type: 'relationship',
                admin: { description: { vi: 'Quyết định thành lập đoàn đánh giá (số, ngày, tệp).', en: 'The decision setting up the team.' } },
                label: { vi: 'Quyết định thành lập đoàn', en: 'Team decision' },
                relationTo: 'legal-documents',
              },
              {
                name: 'consolidationMode',
                type: 'select',
                admin: { description: { vi: 'Kết luận của đoàn cho từng chỉ tiêu khi các thành viên có ý kiến khác nhau.', en: 'How the team verdict is formed.' } },
                defaultValue: 'lead',
                label: { vi: 'Cách tổng hợp ý kiến', en: 'Consolidation' },
                options: consolidationModes.map((mode) => ({ label: { vi: mode.vi, en: mode.en }, value: mode.code })),
              },
              {
                name: 'team',
                type: 'array',
                fields: [
                  {
                    type: 'row',
                    fields: [
                      { name: 'user', type: 'relationship', label: { vi: 'Thành viên', en: 'Member' }, relationTo: 'users', required: true },
                      {
                        name: 'role',
                        type: 'select',
                        defaultValue: 'thanh-vien',
                        label: { vi: 'Vai trò', en: 'Role' },
                        options: teamRoles.map((role) => ({ label: { vi: role.vi, en: role.en }, value: role.code })),
                        required: true,
                      },
                    ],
                  },
                ],
                label: { vi: 'Đoàn đánh giá', en: 'Evaluation team' },
                labels: { plural: { vi: 'Thành viên', en: 'Members' }, singular: { vi: 'Thành viên', en: 'Member' } },
              },
            ],
          },
          {
            label: { vi: 'Hồ sơ', en: 'Dossier' },
            fields: [
              {
                name: 'dossier',
                type: 'array',
                defaultValue: tt24Dossier,
                admin: { description: { vi: 'Mỗi tài liệu là một ô đơn vị đính kèm tệp trong hồ sơ tự đánh giá; tài liệu bắt buộc còn trống thì không nộp được.', en: 'Each item is an attachment slot in the unit’s dossier.' } },
                fields: [
                  {
                    type: 'row',
                    fields: [
                      { name: 'title', type: 'text', admin: { width: '60%' }, label: { vi: 'Tài liệu', en: 'Document' }, required: true },
                      { name: 'isRequired', type: 'checkbox', admin: { width: '40%' }, defaultValue: true, label: { vi: 'Bắt buộc đính kèm', en: 'Required' } },
                    ],
                  },
                  { name: 'note', type: 'text', label: { vi: 'Ghi chú (mẫu, số bản…)', en: 'Note' } },
                ],
                label: { vi: 'Thành phần hồ sơ', en: 'Required documents' },
                labels: { plural: { vi: 'Tài liệu', en: 'Documents' }, singular: { vi: 'Tài liệu', en: 'Document' } },
              },
            ],
          },
        ],
      },
      { name: 'copiedFrom', type: 'relationship', admin: { condition: (data) => Boolean(data?.copiedFrom), position: 'sidebar', readOnly: true }, label: { vi: 'Sao chép từ đợt', en: 'Copied from' }, relationTo: 'rounds' },
      {
        name: 'copyToNextYear',
        type: 'ui',
        admin: { components: { Field: '@/components/CopyRoundButton#CopyRoundButton' }, position: 'sidebar' },
        label: { vi: 'Sao chép sang năm sau', en: 'Copy to next year' },
      },
    ],
    hooks: {
      afterChange: [auditRound],
      beforeChange: [prepareRound],
      beforeDelete: [
        keepStartedRounds,
        keepReferenced({
          collection: 'rounds',
          references: [
            { collection: 'decisions', field: 'round', label: 'quyết định' },
            { collection: 'reviews', field: 'round', label: 'phiếu đánh giá' },
            { collection: 'audit-events', field: 'round', label: 'dòng nhật ký' },
          ],
        }),
      ],
    },
    labels: { plural: { vi: 'Đợt đánh giá', en: 'Rounds' }, singular: { vi: 'Đợt đánh giá', en: 'Round' } },
  },
})
