/**
 * `unit-types`: the kinds of unit (TT 24/2023 Art. 2 as restated in REGULATIONS §2.1), as data a
 * province extends. Indicators name them in "Chỉ áp dụng cho"; a type may belong to one tier (a THPT
 * is a provincial-level unit), and then units, sets and rounds of another tier refuse it.
 */
import type { CollectionConfig } from 'payload'

import { unitTypeWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { canChangeOwn, canCreateOwn, ownAuthorityByDefault, ownedCatalogueRules } from '../access/ownAuthority'
import { catalogueCode, codeRelation } from '../catalogueCode'
import { refuseTakenCode, validUnitTypeTier } from '../catalogues'
import { keepReferenced } from '../keepReferenced'

export const UnitTypes: CollectionConfig = applyWriteRules({
  adapter: ownedCatalogueRules(unitTypeWrites),
  config: {
    slug: 'unit-types',
    access: { create: canCreateOwn, delete: canChangeOwn, read: () => true, update: canChangeOwn },
    admin: {
      defaultColumns: ['label', 'id', 'tier', 'authority'],
      group: { vi: 'Danh mục', en: 'Directory' },
      listSearchableFields: ['label'],
      useAsTitle: 'label',
    },
    defaultSort: 'order',
    disableDuplicate: true,
    fields: [
      catalogueCode({ example: 'thpt', label: { vi: 'Mã loại đơn vị', en: 'Code' } }),
      { name: 'label', type: 'text', label: { vi: 'Tên loại đơn vị', en: 'Label' }, required: true },
      {
        type: 'row',
        fields: [
          codeRelation({
            name: 'tier',
            admin: { description: { vi: 'Cấp mà loại đơn vị này được đánh giá; để trống nếu có ở nhiều cấp.', en: 'The tier units of this type belong to; empty: any.' } },
            label: { vi: 'Thuộc cấp', en: 'Tier' },
            relationTo: 'tiers',
            validate: validUnitTypeTier,
          }),
          { name: 'order', type: 'number', defaultValue: 100, label: { vi: 'Thứ tự', en: 'Order' } },
        ],
      },
      {
        name: 'authority',
        type: 'relationship',
        admin: { description: { vi: 'Để trống: dùng chung toàn quốc. Loại riêng của địa phương thuộc tỉnh/huyện đã chọn.', en: 'Empty: national.' } },
        label: { vi: 'Của cấp quản lý', en: 'Owned by' },
        relationTo: 'authorities',
      },
      { name: 'source', type: 'text', label: { vi: 'Căn cứ', en: 'Source' } },
    ],
    hooks: {
      beforeDelete: [
        keepReferenced({
          collection: 'unit-types',
          references: [
            { collection: 'units', field: 'unitType', label: 'đơn vị' },
            // an indicator's "Chỉ áp dụng cho" would silently lose the type (the row's relation empties)
            { collection: 'criteria-sets', field: 'criteria.indicators.appliesTo.unitType', label: 'bộ tiêu chí' },
          ],
        }),
      ],
      beforeChange: [refuseTakenCode({ codeLabel: 'Mã loại đơn vị', collection: 'unit-types' })],
      beforeOperation: [ownAuthorityByDefault],
    },
    labels: { plural: { vi: 'Loại đơn vị', en: 'Unit types' }, singular: { vi: 'Loại đơn vị', en: 'Unit type' } },
  },
})
