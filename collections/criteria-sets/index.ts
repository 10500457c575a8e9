/**
 * `criteria-sets`: one regulation × tier × level (e.g. `tt24-2023-tinh-1`), edited by provinces in
 * the admin: criteria → indicators with the regulation's wording, thresholds, applicability.
 * Versioned with drafts; publishing runs the core's checks. "Nhân bản" (duplicate) makes next
 * year's copy as a draft with a new code.
 */
import type { CollectionConfig, Field } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { codeRelation } from '../catalogueCode'

import { measureKinds } from '@criteria/measures/registry'

import { versionsAccess } from '../access/scope'
import { canChangeCriteriaSets, canCreateCriteriaSet, canReadCriteriaSets } from './access'
import { knownAppliesToUnitType, knownSetTier } from './catalogueChecks'
import { auditConfirmations, stampConfirmations } from './confirmations'
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
    labels: { plural: { vi: 'Mức xếp bậc', en: 'Scale steps' }, singular: { vi: 'Mức xếp bậc', en: 'Scale step' } },
  },
  {
    // an array of rows, not a hasMany select: Payload 3.90 fails to version a hasMany select
    // inside nested arrays (its parent_id gets the row's text id)
    name: 'appliesTo',
    type: 'array',
    dbName: 'indicators_applies_to',
    admin: {
      description: { vi: 'Để trống nếu áp dụng cho mọi loại đơn vị.', en: 'Empty: all unit types.' },
    },
    fields: [
      codeRelation({
        name: 'unitType',
        label: { vi: 'Loại đơn vị', en: 'Unit type' },
        relationTo: 'unit-types',
        required: true,
        validate: knownAppliesToUnitType,
      }),
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
  {
    // TT 22: how points are given inside an indicator (REGULATIONS §3.2: not in the circular; each
    // province's guide says it, e.g. Cao Bằng HD 219 Phụ lục 1)
    name: 'rubric',
    type: 'group',
    admin: { condition: (data) => data?.model === 'points', description: { vi: 'Điểm được chấm cho chỉ tiêu này theo hướng dẫn của địa phương. Để trống: chưa có hướng dẫn (chỉ tiêu chưa xác định, không mở đợt được).', en: 'Allowed scores.' } },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'kind',
            type: 'select',
            label: { vi: 'Cách cho điểm', en: 'Kind' },
            options: [
              { label: { vi: 'Theo bước điểm (0, bước, 2×bước … tối đa)', en: 'Steps' }, value: 'step' },
              { label: { vi: 'Theo các mức có tên', en: 'Named levels' }, value: 'levels' },
            ],
          },
          { name: 'step', type: 'number', admin: { condition: (_data, sibling) => sibling?.kind === 'step' }, label: { vi: 'Bước điểm', en: 'Step' }, min: 0 },
        ],
      },
      {
        name: 'levels',
        type: 'array',
        dbName: 'indicator_rubric_levels',
        admin: { condition: (_data, sibling) => sibling?.kind === 'levels' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'label', type: 'text', label: { vi: 'Mức', en: 'Label' }, required: true },
              { name: 'points', type: 'number', label: { vi: 'Điểm', en: 'Points' }, min: 0, required: true },
            ],
          },
        ],
        label: { vi: 'Các mức điểm', en: 'Levels' },
        labels: { plural: { vi: 'Mức điểm', en: 'Levels' }, singular: { vi: 'Mức điểm', en: 'Level' } },
      },
    ],
    label: { vi: 'Hướng dẫn chấm điểm', en: 'Rubric' },
  },
  {
    // "danh mục hồ sơ minh chứng" per indicator (seed 000, Cao Bằng CV 383): shown to the unit beside the row
    name: 'expectedEvidence',
    type: 'array',
    dbName: 'indicator_expected_evidence',
    admin: { description: { vi: 'Các minh chứng đơn vị cần có cho chỉ tiêu này; đơn vị thấy danh mục này khi tự đánh giá.', en: 'Evidence the unit is expected to provide.' } },
    fields: [{ name: 'title', type: 'text', label: { vi: 'Minh chứng', en: 'Evidence' }, required: true }],
    label: { vi: 'Danh mục minh chứng', en: 'Evidence catalogue' },
    labels: { plural: { vi: 'Minh chứng', en: 'Evidence' }, singular: { vi: 'Minh chứng', en: 'Evidence' } },
  },
  {
    // a value the circular leaves open (UNKNOWN in REGULATIONS), fixed by the province's own document
    name: 'confirmation',
    type: 'group',
    admin: {
      condition: (_data, sibling) => sibling?.isVerified !== true,
      description: {
        vi: 'Chỉ tiêu chưa đối chiếu văn bản gốc: tỉnh/huyện xác nhận ngưỡng (hoặc hướng dẫn chấm) bằng văn bản của địa phương. Chưa xác nhận thì không mở đợt và không ra quyết định được.',
        en: 'An unverified indicator is confirmed by a local document before a round opens on it.',
      },
    },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'document', type: 'relationship', label: { vi: 'Văn bản xác nhận', en: 'Confirming document' }, relationTo: 'legal-documents' },
          { name: 'threshold', type: 'text', admin: { readOnly: true }, label: { vi: 'Ngưỡng đã xác nhận', en: 'Confirmed threshold' } },
        ],
      },
      // how results cite it ("KH 12/KH-UBND ngày 03/01/2025"), copied from the document when confirmed
      { name: 'documentLabel', type: 'text', admin: { hidden: true }, label: { vi: 'Trích dẫn văn bản', en: 'Document citation' } },
      {
        type: 'row',
        fields: [
          { name: 'confirmedBy', type: 'relationship', admin: { readOnly: true }, label: { vi: 'Người xác nhận', en: 'Confirmed by' }, relationTo: 'users' },
          { name: 'confirmedAt', type: 'date', admin: { date: { displayFormat: 'dd/MM/yyyy HH:mm' }, readOnly: true }, label: { vi: 'Ngày xác nhận', en: 'Confirmed at' } },
        ],
      },
    ],
    label: { vi: 'Xác nhận của địa phương', en: 'Local confirmation' },
  },
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
      defaultColumns: ['code', 'title', 'model', 'level', 'unsettledCount', '_status'],
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
          codeRelation({ name: 'tier', label: { vi: 'Cấp đơn vị', en: 'Tier' }, relationTo: 'tiers', validate: knownSetTier }),
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
            name: 'minPoints',
            type: 'number',
            admin: { condition: (data) => data?.model === 'points', description: { vi: 'Tùy chọn: nhóm dưới số điểm này thì đơn vị xếp loại thấp nhất (Chưa đạt).', en: 'Optional per-group floor.' } },
            label: { vi: 'Điểm tối thiểu của nhóm', en: 'Group minimum' },
            min: 0,
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
        labels: { plural: { vi: 'Mức xếp loại', en: 'Grade bands' }, singular: { vi: 'Mức xếp loại', en: 'Grade band' } },
      },
      {
        // stated in the words of the set's regulation; REGULATIONS §2.3 gives the defaults, and where
        // it says UNKNOWN the rule stays unverified and the admin sees it
        name: 'recognition',
        type: 'group',
        admin: { description: { vi: 'Điều kiện công nhận và thời hạn bảo lưu theo văn bản của bộ tiêu chí. TT 22 (xếp loại hằng năm): để trống thời hạn.', en: 'Recognition rules.' } },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'prerequisiteLevel', type: 'number', admin: { description: { vi: 'Ví dụ 1 với bộ mức độ 2; để trống nếu không cần.', en: 'E.g. 1 for a level-2 set.' } }, label: { vi: 'Mức độ phải có trước', en: 'Prerequisite level' }, max: 2, min: 1 },
              { name: 'monthsAfterPrerequisite', type: 'number', label: { vi: 'Số tháng tối thiểu kể từ quyết định trước', en: 'Months after prerequisite' }, min: 0 },
              {
                name: 'waitMeasuredAt',
                type: 'select',
                defaultValue: 'application',
                label: { vi: 'Số tháng tính đến', en: 'Wait measured at' },
                options: [
                  { label: { vi: 'Ngày đơn vị nộp hồ sơ đề nghị', en: 'Application' }, value: 'application' },
                  { label: { vi: 'Ngày ký quyết định công nhận', en: 'Decision' }, value: 'decision' },
                ],
              },
            ],
          },
          {
            name: 'expiredPrerequisiteCounts',
            type: 'checkbox',
            defaultValue: false,
            label: { vi: 'Mức độ trước đã hết thời hạn bảo lưu vẫn được tính', en: 'An expired lower level still counts' },
          },
          {
            type: 'row',
            fields: [
              { name: 'validityMonths', type: 'number', admin: { description: { vi: 'Để trống: kết quả không có thời hạn bảo lưu (ví dụ xếp loại hằng năm TT 22).', en: 'Empty: no validity period.' } }, label: { vi: 'Thời hạn bảo lưu (tháng)', en: 'Validity (months)' }, min: 1 },
              {
                name: 'validityAnchor',
                type: 'select',
                defaultValue: 'after-decision-year',
                label: { vi: 'Thời hạn tính từ', en: 'Validity counted from' },
                options: [
                  { label: { vi: 'Ngày 01/01 năm sau năm ký quyết định', en: '1 January after the decision year' }, value: 'after-decision-year' },
                  { label: { vi: 'Ngày ký quyết định', en: 'Signing date' }, value: 'signing-date' },
                  { label: { vi: 'Ngày 01/01 năm sau năm đánh giá', en: '1 January after the evaluation year' }, value: 'after-evaluation-year' },
                ],
              },
            ],
          },
          { name: 'ruleText', type: 'textarea', label: { vi: 'Nguyên văn quy định', en: 'Rule as written' } },
          {
            type: 'row',
            fields: [
              { name: 'isVerified', type: 'checkbox', defaultValue: false, label: { vi: 'Đã đối chiếu văn bản gốc', en: 'Verified' } },
              { name: 'source', type: 'text', label: { vi: 'Nguồn', en: 'Source' } },
            ],
          },
        ],
        label: { vi: 'Điều kiện công nhận', en: 'Recognition' },
      },
      {
        name: 'copyForProvince',
        type: 'ui',
        admin: { components: { Field: '@/components/CopySetButton#CopySetButton' }, position: 'sidebar' },
        label: { vi: 'Tạo bản sao cho tỉnh/huyện', en: 'Copy for my authority' },
      },
      {
        name: 'unsettledCount',
        type: 'number',
        admin: { description: { vi: 'Chỉ tiêu chưa có ngưỡng/hướng dẫn chấm đã đối chiếu hoặc được địa phương xác nhận: chưa mở đợt được.', en: 'Indicators neither verified nor locally confirmed.' }, position: 'sidebar', readOnly: true },
        label: { vi: 'Chỉ tiêu chưa xác định', en: 'Unsettled indicators' },
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
        label: { vi: 'Chỉ tiêu chưa xác định', en: 'Unsettled indicators' },
      },
      {
        name: 'tryOut',
        type: 'ui',
        admin: { components: { Field: '@/components/TryOutPanel#TryOutPanel' } },
        label: { vi: 'Thử đánh giá', en: 'Try it' },
      },
    ],
    hooks: {
      afterChange: [auditConfirmations],
      beforeChange: [guardPublishedInUse, stampConfirmations, validateOnPublish],
      beforeDelete: [keepSetsInUse],
      beforeOperation: [prepareCopy],
    },
    labels: {
      plural: { vi: 'Bộ tiêu chí', en: 'Criteria sets' },
      singular: { vi: 'Bộ tiêu chí', en: 'Criteria set' },
    },
    versions: { drafts: true, maxPerDoc: 50 },
  },
})
