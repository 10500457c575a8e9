/**
 * `reviews`: one evaluation-team member's verdicts on a self-assessment in review — met or not
 * (points under TT 22) per indicator with a comment, a conflict-of-interest declaration and a
 * recommendation. Its own result is computed with the same evaluator as the unit's answers.
 */
import { reviewsExportEndpoint } from './export'
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { canChangeReviews, canCreateReview, canReadReviews } from './access'
import { prepareReview } from './hooks'
import { reviewRules } from './writeRules'

export const Reviews: CollectionConfig = applyWriteRules({
  adapter: reviewRules,
  config: {
    slug: 'reviews',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { recommendation: true, reviewer: true, selfAssessment: true, title: true },
    access: { create: canCreateReview, delete: canChangeReviews, read: canReadReviews, update: canChangeReviews },
    disableDuplicate: true,
    // GET /api/reviews/export: the list's verdicts as XLSX (./export.ts)
    endpoints: [reviewsExportEndpoint],
    admin: {
      components: { beforeListTable: [{ clientProps: { slug: 'reviews' }, path: '@/components/admin/ExportLink#ExportLink' }] },
      defaultColumns: ['title', 'recommendation', 'conflictOfInterest', 'updatedAt'],
      group: { vi: 'Đánh giá', en: 'Assessment' },
      useAsTitle: 'title',
    },
    fields: [
      { name: 'title', type: 'text', admin: { hidden: true }, label: { vi: 'Phiếu', en: 'Title' } },
      {
        type: 'row',
        fields: [
          {
            name: 'selfAssessment',
            type: 'relationship',
            // offered when starting a review; an existing review keeps its dossier whatever its status
            filterOptions: ({ id }) => (id ? true : { status: { equals: 'in-review' } }),
            label: { vi: 'Hồ sơ tự đánh giá', en: 'Self-assessment' },
            relationTo: 'self-assessments',
            required: true,
          },
          {
            name: 'reviewer',
            type: 'relationship',
            admin: { readOnly: true },
            defaultValue: ({ user }) => user?.id,
            label: { vi: 'Người đánh giá', en: 'Reviewer' },
            relationTo: 'users',
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'conflictOfInterest', type: 'checkbox', label: { vi: 'Tôi có xung đột lợi ích với đơn vị này (không tham gia đánh giá)', en: 'I declare a conflict of interest' } },
          { name: 'conflictNote', type: 'text', admin: { condition: (data) => Boolean(data?.conflictOfInterest) }, label: { vi: 'Nội dung xung đột lợi ích', en: 'Conflict' } },
        ],
      },
      { name: 'model', type: 'text', admin: { hidden: true }, label: { vi: 'Cách tính', en: 'Model' } },
      {
        name: 'allMet',
        type: 'ui',
        admin: { components: { Field: '@/components/review/AllMetButton#AllMetButton' }, condition: (data) => Boolean(data?.id) && !data?.conflictOfInterest },
        label: { vi: 'Đạt tất cả', en: 'All met' },
      },
      {
        name: 'verdicts',
        type: 'array',
        admin: { components: { RowLabel: '@/components/VerdictRowLabel#VerdictRowLabel' }, condition: (data) => Boolean(data?.id) && !data?.conflictOfInterest, isSortable: false },
        dbName: 'review_verdicts',
        fields: [
          { name: 'indicator', type: 'text', admin: { hidden: true, readOnly: true }, label: { vi: 'Chỉ tiêu', en: 'Indicator' } },
          { name: 'text', type: 'textarea', admin: { readOnly: true }, label: { vi: 'Nội dung chỉ tiêu', en: 'Wording' } },
          { name: 'unitAnswer', type: 'text', admin: { readOnly: true }, label: { vi: 'Đơn vị trả lời', en: "Unit's answer" } },
          { name: 'unitNote', type: 'ui', admin: { components: { Field: '@/components/review/UnitEvidenceNote#UnitEvidenceNote' } }, label: { vi: 'Giải trình và minh chứng của đơn vị', en: "Unit's explanation and evidence" } },
          {
            type: 'row',
            fields: [
              {
                name: 'verdict',
                type: 'select',
                admin: { condition: (data) => data?.model !== 'points' },
                label: { vi: 'Kết luận của thành viên', en: 'Verdict' },
                options: [
                  { label: { vi: 'Đạt', en: 'Met' }, value: 'met' },
                  { label: { vi: 'Không đạt', en: 'Not met' }, value: 'not-met' },
                ],
              },
              { name: 'points', type: 'number', admin: { condition: (data) => data?.model === 'points' }, label: { vi: 'Điểm chấm', en: 'Points' }, min: 0 },
            ],
          },
          { name: 'comment', type: 'textarea', label: { vi: 'Nhận xét', en: 'Comment' } },
        ],
        label: { vi: 'Ý kiến theo chỉ tiêu', en: 'Verdicts' },
        labels: { plural: { vi: 'Chỉ tiêu', en: 'Indicators' }, singular: { vi: 'Chỉ tiêu', en: 'Indicator' } },
      },
      {
        name: 'recommendation',
        type: 'select',
        label: { vi: 'Đề xuất', en: 'Recommendation' },
        options: [
          { label: { vi: 'Đề nghị công nhận', en: 'Recognise' }, value: 'recognise' },
          { label: { vi: 'Không đề nghị công nhận', en: 'Do not recognise' }, value: 'not-recognise' },
          { label: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Ask for more' }, value: 'supplement' },
        ],
      },
      { name: 'recommendationCheck', type: 'ui', admin: { components: { Field: '@/components/review/RecommendationCheck#RecommendationCheck' } }, label: { vi: 'Kiểm tra đề xuất', en: 'Recommendation check' } },
      { name: 'recommendationNote', type: 'textarea', label: { vi: 'Ý kiến chung', en: 'Overall comment' } },
      { name: 'result', type: 'json', admin: { hidden: true, readOnly: true }, label: { vi: 'Kết quả theo phiếu', en: 'Result' } },
      { name: 'round', type: 'relationship', admin: { hidden: true, readOnly: true }, index: true, label: { vi: 'Đợt', en: 'Round' }, relationTo: 'rounds' },
      { name: 'unit', type: 'relationship', admin: { hidden: true, readOnly: true }, index: true, label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units' },
      { name: 'authority', type: 'relationship', admin: { hidden: true, readOnly: true }, index: true, label: { vi: 'Cấp quản lý', en: 'Authority' }, relationTo: 'authorities' },
      { name: 'isDecided', type: 'checkbox', admin: { hidden: true, readOnly: true }, defaultValue: false, label: { vi: 'Đã có quyết định', en: 'Decided' } },
    ],
    hooks: { beforeChange: [prepareReview] },
    indexes: [{ fields: ['selfAssessment', 'reviewer'], unique: true }],
    labels: { plural: { vi: 'Phiếu đánh giá', en: 'Reviews' }, singular: { vi: 'Phiếu đánh giá', en: 'Review' } },
  },
})
