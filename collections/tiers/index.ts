/**
 * `tiers`: the levels units are evaluated at (TT 24/2023: cấp huyện, cấp tỉnh), as data a province
 * extends — Bắc Sơn evaluates at commune level (seed 002), and since 07/2025 many provinces have no
 * district level. The code is the document's id, so units, sets and rounds keep storing `huyen` /
 * `tinh` as before. Readable by anyone (it is the vocabulary of the public evaluation endpoint).
 */
import type { CollectionConfig } from 'payload'

import { tierWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { canChangeOwn, canCreateOwn, ownAuthorityByDefault, ownedCatalogueRules } from '../access/ownAuthority'
import { catalogueCode } from '../catalogueCode'
import { refuseTakenCode } from '../catalogues'
import { keepReferenced } from '../keepReferenced'

export const Tiers: CollectionConfig = applyWriteRules({
  adapter: ownedCatalogueRules(tierWrites),
  config: {
    slug: 'tiers',
    access: { create: canCreateOwn, delete: canChangeOwn, read: () => true, update: canChangeOwn },
    admin: {
      defaultColumns: ['label', 'id', 'evaluatedBy', 'authority'],
      group: { vi: 'Danh mục', en: 'Directory' },
      useAsTitle: 'label',
    },
    defaultSort: 'order',
    disableDuplicate: true,
    fields: [
      catalogueCode({ example: 'xa', label: { vi: 'Mã cấp', en: 'Code' } }),
      { name: 'label', type: 'text', label: { vi: 'Tên cấp đơn vị', en: 'Label' }, required: true },
      {
        type: 'row',
        fields: [
          {
            name: 'evaluatedBy',
            type: 'text',
            admin: { description: { vi: 'Cấp quản lý đánh giá, công nhận, ví dụ "UBND cấp huyện".', en: 'Which authority evaluates this tier.' } },
            label: { vi: 'Cấp quản lý đánh giá', en: 'Evaluated by' },
          },
          { name: 'order', type: 'number', defaultValue: 10, label: { vi: 'Thứ tự', en: 'Order' } },
        ],
      },
      {
        name: 'authority',
        type: 'relationship',
        admin: { description: { vi: 'Để trống: dùng chung toàn quốc. Cấp riêng của địa phương thuộc tỉnh/huyện đã chọn.', en: 'Empty: national.' } },
        label: { vi: 'Của cấp quản lý', en: 'Owned by' },
        relationTo: 'authorities',
      },
      { name: 'source', type: 'text', label: { vi: 'Căn cứ', en: 'Source' } },
    ],
    hooks: {
      beforeDelete: [
        keepReferenced({
          collection: 'tiers',
          references: [
            { collection: 'units', field: 'tier', label: 'đơn vị' },
            { collection: 'unit-types', field: 'tier', label: 'loại đơn vị' },
            { collection: 'criteria-sets', field: 'tier', label: 'bộ tiêu chí' },
            { collection: 'rounds', field: 'tier', label: 'đợt đánh giá' },
          ],
        }),
      ],
      beforeChange: [refuseTakenCode({ codeLabel: 'Mã cấp', collection: 'tiers' })],
      beforeOperation: [ownAuthorityByDefault],
    },
    labels: { plural: { vi: 'Cấp đơn vị', en: 'Tiers' }, singular: { vi: 'Cấp đơn vị', en: 'Tier' } },
  },
})
