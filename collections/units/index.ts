/** `units`: the organisations evaluated (cơ quan, xã, trường học, doanh nghiệp …). */
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { codeRelation } from '../catalogueCode'

import { canChangeUnits, canCreateUnit, canReadUnits } from './access'
import { tiersOfUnitType, validUnitTier, validUnitType } from './catalogueChecks'
import { unitsExportEndpoint } from './export'
import { unitHistoryEndpoint, unitMergeEndpoint, unitMoveEndpoint } from './boundary'
import { importEndpoint } from './import'
import { importFileEndpoint, importTemplateEndpoint } from './importFile'
import { importFileJobEndpoint } from './importJob'
import { nonNegativeInteger, optionalEmail, requiredText } from '../validation'
import { unitRules } from './writeRules'
import { keepReferenced } from '../keepReferenced'

export const Units: CollectionConfig = applyWriteRules({
  adapter: unitRules,
  config: {
    slug: 'units',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { authority: true, code: true, name: true, tier: true, unitType: true },
    access: {
      create: canCreateUnit,
      delete: canChangeUnits,
      read: canReadUnits,
      update: canChangeUnits,
    },
    admin: {
      components: {
        // upload → preview → import of a province's sheet (admins and authority-admins only)
        beforeListTable: ['@/components/admin/UnitImportPanel#UnitImportPanel', { clientProps: { slug: 'units' }, path: '@/components/admin/ExportLink#ExportLink' }],
      },
      defaultColumns: ['name', 'unitType', 'tier', 'authority', 'memberCount', 'isActive', 'mergedInto'],
      group: { vi: 'Danh mục', en: 'Directory' },
      listSearchableFields: ['name', 'code'],
      useAsTitle: 'name',
    },
    // POST /api/units/import: many units with their invited accounts at once (./import.ts); the
    // same from an XLSX/CSV sheet, and its template (./importFile.ts)
    // POST /api/units/{id}/move, /{id}/merge, GET /{id}/history: boundary changes (./boundary.ts)
    endpoints: [importEndpoint, importTemplateEndpoint, importFileEndpoint, importFileJobEndpoint, unitsExportEndpoint, unitMoveEndpoint, unitMergeEndpoint, unitHistoryEndpoint],
    fields: [
      {
        name: 'name',
        type: 'text',
        label: { vi: 'Tên đơn vị', en: 'Name' },
        required: true,
        validate: requiredText({ vi: 'Tên đơn vị không được để trống.' }),
      },
      {
        name: 'code',
        type: 'text',
        index: true,
        label: { vi: 'Mã đơn vị', en: 'Code' },
        unique: true,
      },
      {
        type: 'row',
        fields: [
          codeRelation({
            // the code is the catalogue row's id: REST keeps answering "thpt", never a populated object
            name: 'unitType',
            label: { vi: 'Loại đơn vị', en: 'Unit type' },
            relationTo: 'unit-types',
            required: true,
            validate: validUnitType,
          }),
          codeRelation({
            name: 'tier',
            defaultValue: 'huyen',
            filterOptions: tiersOfUnitType,
            label: { vi: 'Cấp đơn vị', en: 'Tier' },
            relationTo: 'tiers',
            required: true,
            // a type that belongs to one tier (a THPT: cấp tỉnh) refuses another (REGULATIONS §2.1)
            validate: validUnitTier,
          }),
        ],
      },
      {
        name: 'authority',
        type: 'relationship',
        label: { vi: 'Cấp quản lý', en: 'Authority' },
        relationTo: 'authorities',
        required: true,
      },
      {
        type: 'row',
        fields: [
          {
            name: 'memberCount',
            type: 'number',
            admin: { description: { vi: 'Cán bộ, công chức, viên chức, người lao động.', en: 'Staff members.' } },
            defaultValue: 0,
            label: { vi: 'Số thành viên', en: 'Members' },
            required: true,
            validate: nonNegativeInteger({ isRequired: true, label: 'Số thành viên' }),
          },
          {
            name: 'learnerCount',
            type: 'number',
            admin: { description: { vi: 'Chỉ với cơ sở giáo dục.', en: 'Education institutions only.' } },
            label: { vi: 'Số người học', en: 'Learners' },
            validate: nonNegativeInteger({ isRequired: false, label: 'Số người học' }),
          },
        ],
      },
      {
        name: 'email',
        type: 'text',
        label: { vi: 'Thư điện tử liên hệ', en: 'Contact e-mail' },
        validate: optionalEmail,
      },
      {
        name: 'isActive',
        type: 'checkbox',
        defaultValue: true,
        label: { vi: 'Đang hoạt động', en: 'Active' },
      },
      // written only by the merge action (./boundary.ts; criteria/policy/directory.ts)
      {
        name: 'mergedInto',
        type: 'relationship',
        admin: { condition: (data) => Boolean(data?.mergedInto), position: 'sidebar', readOnly: true },
        index: true,
        label: { vi: 'Đã sáp nhập vào', en: 'Merged into' },
        relationTo: 'units',
      },
      {
        name: 'mergedPrerequisite',
        type: 'checkbox',
        admin: { condition: (data) => Boolean(data?.mergedInto), position: 'sidebar', readOnly: true },
        defaultValue: false,
        label: { vi: 'Công nhận của đơn vị này được tính làm điều kiện Mức độ 2 của đơn vị nhận sáp nhập', en: "Its recognitions count for the survivor's level 2" },
      },
      {
        // move, merge, and the recognitions inherited through merges (./boundary.ts)
        name: 'boundaryPanel',
        type: 'ui',
        admin: { components: { Field: '@/components/admin/BoundaryPanel#UnitBoundaryPanel' }, position: 'sidebar' },
      },
    ],
    hooks: {
      beforeDelete: [
        keepReferenced({
          collection: 'units',
          references: [
            { collection: 'self-assessments', field: 'unit', label: 'hồ sơ tự đánh giá' },
            { collection: 'evidence', field: 'unit', label: 'minh chứng' },
            { collection: 'users', field: 'unit', label: 'tài khoản' },
            { collection: 'rounds', field: 'extensions.unit', label: 'gia hạn trong đợt đánh giá' },
            { collection: 'recognitions', field: 'unit', label: 'dòng sổ công nhận' },
            { collection: 'audit-events', field: 'unit', label: 'dòng nhật ký' },
          ],
        }),
      ],
    },
    labels: {
      plural: { vi: 'Đơn vị', en: 'Units' },
      singular: { vi: 'Đơn vị', en: 'Unit' },
    },
  },
})
