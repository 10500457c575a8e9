/**
 * `criteria-sets`: one regulation × tier × level (e.g. `tt24-2023-tinh-1`), edited by provinces in
 * the admin: criteria → indicators with the regulation's wording, thresholds, applicability.
 * Versioned with drafts; publishing runs the core's checks. "Nhân bản" (duplicate) makes next
 * year's copy as a draft with a new code.
 */
import type { CollectionConfig, Field } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { measureKinds } from '@criteria/measures/registry'
import { tiers, unitTypes } from '@criteria/unitTypes'

import { versionsAccess } from '../access/scope'
import { canChangeCriteriaSets, canCreateCriteriaSet, canReadCriteriaSets } from './access'
import { prepareCopy } from './prepareCopy'
import { evaluateEndpoint } from './evaluateEndpoint'
import { guardPublishedInUse, keepSetsInUse } from './guardInUse'
import { validateOnPublish } from './validateOnPublish'
import { criteriaSetRules } from './writeRules'

const measureOptions = Object.entries(measureKinds).map(([value, kind]) => ({ label: kind.label, value }))

const indicatorFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'code', type: 'text', admin: { width: '20%' }, label: { vi: 'Mã chỉ tiêu', en: 'Code' }, required: true },
      { name: 'measure', type: 'select', admin: { width: '25%' }, defaultValue: 'boolean', label: { vi: 'Cách đo', en: 'Measure' }, options: measureOptions, required: true },
      {
        name: 'threshold',
        type: 'text',
        admin: {
          description: { vi: 'Tỷ lệ: phần trăm, ví dụ 90%. Xếp bậc: mã mức tối thiểu trong thang. Đạt/không đạt và điểm: để trống.', en: 'Ratio: a percentage such as 90%. Rank: the minimum code of the scale.' },
          width: '30%',
        },
        label: { vi: 'Ngưỡng đạt', en: 'Threshold' },
      },
      { name: 'maxPoints', type: 'number', admin: { width: '25%' }, label: { vi: 'Điểm tối đa', en: 'Max points' }, min: 0 },
    ],
  },
  { name: 'text', type: 'textarea', label: { vi: 'Nội dung (nguyên văn văn bản)', en: 'Wording (as in the regulation)' }, required: true },
  {
    name: 'scale',
    type: 'array',
    dbName: 'indicator_scale',
    admin: {
      condition: (_data, siblingData) => siblingData?.measure === 'rank',
      description: { vi: 'Các mức xếp bậc, từ thấp đến cao.', en: 'Rank steps, low to high.' },
      initCollapsed: true,
    },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'code', type: 'text', label: { vi: 'Mã', en: 'Code' }, required: true },
          { name: 'label', type: 'text', label: { vi: 'Tên mức', en: 'Label' } },
        ],
      },
    ],
    label: { vi: 'Thang xếp bậc', en: 'Scale' },
  },
  {
    // an array of rows, not a hasMany select: Payload 3.90 fails to version a hasMany select
    // inside nested arrays (its parent_id gets the row's text id)
    name: 'appliesTo',
    type: 'array',
    dbName: 'indicators_applies_to',
    admin: {
      description: { vi: 'Để trống nếu áp dụng cho mọi loại đơn vị.', en: 'Empty: all unit types.' },
      initCollapsed: true,
    },
    fields: [
      {
        name: 'unitType',
        type: 'select',
        enumName: 'enum_indicator_unit_type',
        label: { vi: 'Loại đơn vị', en: 'Unit type' },
        options: unitTypes.map((type) => ({ label: { vi: type.vi, en: type.en }, value: type.code })),
        required: true,
      },
    ],
    label: { vi: 'Chỉ áp dụng cho loại đơn vị', en: 'Applies to' },
    labels: { plural: { vi: 'Loại đơn vị', en: 'Unit types' }, singular: { vi: 'Loại đơn vị', en: 'Unit type' } },
  },
  {
    type: 'row',
    fields: [
      { name: 'evidenceRequired', type: 'checkbox', defaultValue: true, label: { vi: 'Cần minh chứng', en: 'Evidence required' } },
      {
        name: 'isVerified',
        type: 'checkbox',
        admin: { description: { vi: 'Bỏ chọn khi nội dung, ngưỡng hoặc phạm vi áp dụng chưa được đối chiếu với văn bản gốc.', en: 'Checked against the official text.' } },
        defaultValue: false,
        label: { vi: 'Đã đối chiếu văn bản gốc', en: 'Verified' },
      },
    ],
  },
  { name: 'source', type: 'text', label: { vi: 'Nguồn', en: 'Source' } },
]

export const CriteriaSets: CollectionConfig = applyWriteRules({
  adapter: criteriaSetRules,
  config: {
    slug: 'criteria-sets',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { code: true, level: true, model: true, regime: true, tier: true, title: true },
    access: {
      create: canCreateCriteriaSet,
      delete: canChangeCriteriaSets,
      read: canReadCriteriaSets,
      readVersions: versionsAccess(canChangeCriteriaSets),
      update: canChangeCriteriaSets,
    },
    admin: {
      defaultColumns: ['code', 'title', 'model', 'level', 'unverifiedCount', '_status'],
      group: { vi: 'Tiêu chí', en: 'Criteria' },
      listSearchableFields: ['code', 'title'],
      useAsTitle: 'title',
    },
    endpoints: [evaluateEndpoint],
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'code',
            type: 'text',
            admin: { description: { vi: 'Ví dụ tt24-2023-tinh-1; không trùng.', en: 'Unique, e.g. tt24-2023-tinh-1.' } },
            hooks: { beforeDuplicate: [({ value }) => `${value}-ban-sao-${Date.now().toString(36)}`] },
            index: true,
            label: { vi: 'Mã bộ tiêu chí', en: 'Code' },
            required: true,
            unique: true,
          },
          {
            name: 'regime',
            type: 'text',
            admin: { description: { vi: 'tt24-2023, tt22-2020 hoặc quy định riêng của tỉnh.', en: 'Regime.' } },
            defaultValue: 'tt24-2023',
            label: { vi: 'Văn bản quy định', en: 'Regime' },
            required: true,
          },
        ],
      },
      {
        name: 'title',
        type: 'text',
        hooks: { beforeDuplicate: [({ value }) => `${value} (bản sao)`] },
        label: { vi: 'Tên bộ tiêu chí', en: 'Title' },
        required: true,
      },
      {
        type: 'row',
        fields: [
          {
            name: 'model',
            type: 'select',
            defaultValue: 'pass-fail',
            label: { vi: 'Cách đánh giá', en: 'Model' },
            options: [
              { label: { vi: 'Đạt / không đạt (TT 24)', en: 'Pass / fail' }, value: 'pass-fail' },
              { label: { vi: 'Chấm điểm, xếp loại (TT 22)', en: 'Points and grades' }, value: 'points' },
            ],
            required: true,
          },
          {
            name: 'tier',
            type: 'select',
            label: { vi: 'Cấp đơn vị', en: 'Tier' },
            options: tiers.map((tier) => ({ label: { vi: tier.vi, en: tier.en }, value: tier.code })),
          },
          { name: 'level', type: 'number', admin: { description: { vi: '1 hoặc 2; để trống với TT 22.', en: '1 or 2.' } }, label: { vi: 'Mức độ', en: 'Level' }, max: 2, min: 1 },
        ],
      },
      {
        name: 'authority',
        type: 'relationship',
        admin: { description: { vi: 'Để trống: bộ tiêu chí chung toàn quốc. Chọn tỉnh/huyện: bản riêng của địa phương.', en: 'Empty: national.' } },
        label: { vi: 'Của cấp quản lý', en: 'Owned by' },
        relationTo: 'authorities',
      },
      {
        name: 'criteria',
        type: 'array',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'code', type: 'text', admin: { width: '20%' }, label: { vi: 'Mã', en: 'Code' }, required: true },
              { name: 'title', type: 'text', admin: { width: '60%' }, label: { vi: 'Tên tiêu chí', en: 'Title' }, required: true },
              { name: 'maxPoints', type: 'number', admin: { width: '20%' }, label: { vi: 'Điểm tối đa', en: 'Max points' }, min: 0 },
            ],
          },
          {
            name: 'indicators',
            type: 'array',
            admin: { components: { RowLabel: '@/components/IndicatorRowLabel#IndicatorRowLabel' }, initCollapsed: true },
            fields: indicatorFields,
            label: { vi: 'Chỉ tiêu', en: 'Indicators' },
            labels: { plural: { vi: 'Chỉ tiêu', en: 'Indicators' }, singular: { vi: 'Chỉ tiêu', en: 'Indicator' } },
            minRows: 1,
          },
        ],
        label: { vi: 'Tiêu chí', en: 'Criteria' },
        labels: { plural: { vi: 'Tiêu chí', en: 'Criteria' }, singular: { vi: 'Tiêu chí', en: 'Criterion' } },
        minRows: 1,
      },
      {
        name: 'gradeBands',
        type: 'array',
        admin: { condition: (data) => data?.model === 'points', description: { vi: 'Mỗi mức: điểm tối thiểu (tính cả mức đó).', en: 'Inclusive minimum points.' } },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'code', type: 'text', label: { vi: 'Mã', en: 'Code' }, required: true },
              { name: 'label', type: 'text', label: { vi: 'Xếp loại', en: 'Label' }, required: true },
              { name: 'minPoints', type: 'number', label: { vi: 'Từ điểm', en: 'From points' }, min: 0, required: true },
            ],
          },
        ],
        label: { vi: 'Xếp loại theo điểm', en: 'Grade bands' },
      },
      {
        name: 'recognition',
        type: 'group',
        admin: { condition: (data) => data?.model === 'pass-fail' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'prerequisiteLevel', type: 'number', admin: { description: { vi: 'Ví dụ 1 với bộ mức độ 2; để trống nếu không cần.', en: 'E.g. 1 for a level-2 set.' } }, label: { vi: 'Mức độ phải có trước', en: 'Prerequisite level' }, max: 2, min: 1 },
              { name: 'monthsAfterPrerequisite', type: 'number', label: { vi: 'Số tháng tối thiểu kể từ quyết định trước', en: 'Months after prerequisite' }, min: 0 },
              { name: 'validityMonths', type: 'number', label: { vi: 'Thời hạn bảo lưu (tháng)', en: 'Validity (months)' }, min: 1 },
            ],
          },
        ],
        label: { vi: 'Điều kiện công nhận', en: 'Recognition' },
      },
      {
        name: 'unverifiedCount',
        type: 'number',
        admin: { position: 'sidebar', readOnly: true },
        label: { vi: 'Chỉ tiêu chưa đối chiếu', en: 'Unverified indicators' },
      },
      {
        name: 'unverifiedIndicators',
        type: 'text',
        admin: {
          components: { Field: '@/components/UnverifiedNotice#UnverifiedNotice' },
          position: 'sidebar',
          readOnly: true,
        },
        label: { vi: 'Danh sách chưa đối chiếu', en: 'Unverified list' },
      },
      {
        name: 'tryOut',
        type: 'ui',
        admin: { components: { Field: '@/components/TryOutPanel#TryOutPanel' } },
        label: { vi: 'Thử đánh giá', en: 'Try it' },
      },
    ],
    hooks: { beforeChange: [guardPublishedInUse, validateOnPublish], beforeDelete: [keepSetsInUse], beforeOperation: [prepareCopy] },
    labels: {
      plural: { vi: 'Bộ tiêu chí', en: 'Criteria sets' },
      singular: { vi: 'Bộ tiêu chí', en: 'Criteria set' },
    },
    versions: { drafts: true, maxPerDoc: 50 },
  },
})
