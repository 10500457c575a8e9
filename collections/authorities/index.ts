/** `authorities`: the administrative tree that runs rounds and decides recognition. */
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { forgetAuthorityTree } from '../access/scope'
import { canCreateAuthority, canDeleteAuthorities, canReadAuthorities, canUpdateAuthorities } from './access'
import { authorityAbolishEndpoint, authorityMergeEndpoint, authorityMoveEndpoint } from './boundary'
import { guardParent } from './guardParent'
import { publishRegisterRows } from './publication'
import { requiredText } from '../validation'
import { authorityRules } from './writeRules'
import { keepReferenced } from '../keepReferenced'

export const Authorities: CollectionConfig = applyWriteRules({
  adapter: authorityRules,
  config: {
    slug: 'authorities',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { code: true, name: true, parent: true, tierLabel: true },
    access: {
      create: canCreateAuthority,
      delete: canDeleteAuthorities,
      read: canReadAuthorities,
      update: canUpdateAuthorities,
    },
    admin: {
      defaultColumns: ['name', 'tierLabel', 'parent', 'deciderTitle', 'isActive'],
      group: { vi: 'Danh mục', en: 'Directory' },
      useAsTitle: 'name',
    },
    // POST /api/authorities/{id}/move, /{id}/merge, /{id}/abolish: boundary changes (./boundary.ts)
    endpoints: [authorityMoveEndpoint, authorityMergeEndpoint, authorityAbolishEndpoint],
    fields: [
      {
        name: 'name',
        type: 'text',
        label: { vi: 'Tên cấp quản lý', en: 'Name' },
        required: true,
        validate: requiredText({ vi: 'Tên cấp quản lý không được để trống.' }),
      },
      {
        name: 'code',
        type: 'text',
        index: true,
        label: { vi: 'Mã', en: 'Code' },
        unique: true,
      },
      {
        name: 'parent',
        type: 'relationship',
        admin: { description: { vi: 'Để trống nếu là cấp cao nhất (tỉnh).', en: 'Empty for the top level (province).' } },
        label: { vi: 'Cấp trên', en: 'Parent' },
        relationTo: 'authorities',
      },
      {
        name: 'tierLabel',
        type: 'text',
        admin: { description: { vi: 'Ví dụ: Tỉnh, Huyện, Xã.', en: 'E.g. Province, District, Commune.' } },
        label: { vi: 'Cấp', en: 'Tier label' },
      },
      {
        name: 'deciderTitle',
        type: 'text',
        admin: { description: { vi: 'Người ký quyết định công nhận, ví dụ "Chủ tịch UBND huyện".', en: 'Who signs the recognition decision.' } },
        label: { vi: 'Chức danh người quyết định', en: 'Decider title' },
      },
      {
        name: 'receivingOffice',
        type: 'text',
        admin: { description: { vi: 'Nơi tiếp nhận hồ sơ, ví dụ "Phòng GDĐT".', en: 'Office receiving dossiers.' } },
        label: { vi: 'Cơ quan tiếp nhận hồ sơ', en: 'Receiving office' },
      },
      // written only by the merge and abolish actions (./boundary.ts; criteria/policy/directory.ts)
      {
        name: 'isActive',
        type: 'checkbox',
        admin: { description: { vi: 'Chỉ thay đổi qua các nút «Sáp nhập vào…», «Giải thể cấp này» bên dưới.', en: 'Changed only by the merge and abolish buttons below.' }, position: 'sidebar', readOnly: true },
        defaultValue: true,
        label: { vi: 'Đang hoạt động', en: 'Active' },
      },
      {
        name: 'mergedInto',
        type: 'relationship',
        admin: { condition: (data) => Boolean(data?.mergedInto), position: 'sidebar', readOnly: true },
        label: { vi: 'Đã sáp nhập vào', en: 'Merged into' },
        relationTo: 'authorities',
      },
      {
        name: 'boundaryPanel',
        type: 'ui',
        admin: { components: { Field: '@/components/admin/BoundaryPanel#AuthorityBoundaryPanel' }, position: 'sidebar' },
      },
      {
        // REGULATIONS §5.2.10: where results are published and whether they feed the emulation review
        name: 'publication',
        type: 'group',
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'register',
                type: 'select',
                defaultValue: 'all',
                label: { vi: 'Trang tra cứu công khai hiển thị', en: 'Public register shows' },
                options: [
                  { label: { vi: 'Mọi kết quả công nhận, xếp loại', en: 'All results' }, value: 'all' },
                  { label: { vi: 'Chỉ đơn vị được công nhận mức độ, xếp loại Tốt', en: 'Recognised and Tốt only' }, value: 'recognised' },
                  { label: { vi: 'Không công khai trên trang này', en: 'Nothing' }, value: 'none' },
                ],
              },
              { name: 'countsForEmulation', type: 'checkbox', defaultValue: false, label: { vi: 'Kết quả được tính vào bình xét thi đua hằng năm', en: 'Results count for the emulation review' } },
            ],
          },
          { name: 'channels', type: 'textarea', admin: { description: { vi: 'Ví dụ: Cổng thông tin điện tử huyện; Đài truyền thanh huyện; niêm yết tại trụ sở.', en: 'Where else results are announced.' } }, label: { vi: 'Nơi công bố kết quả', en: 'Published in' } },
        ],
        label: { vi: 'Công bố kết quả', en: 'Publication' },
      },
    ],
    hooks: {
      beforeDelete: [
        keepReferenced({
          collection: 'authorities',
          references: [
            { collection: 'authorities', field: 'parent', label: 'cấp quản lý trực thuộc' },
            { collection: 'units', field: 'authority', label: 'đơn vị' },
            { collection: 'users', field: 'authority', label: 'tài khoản' },
            { collection: 'rounds', field: 'authority', label: 'đợt đánh giá' },
            { collection: 'criteria-sets', field: 'authority', label: 'bộ tiêu chí' },
            { collection: 'decisions', field: 'authority', label: 'quyết định' },
            { collection: 'recognitions', field: 'authority', label: 'dòng sổ công nhận' },
            { collection: 'audit-events', field: 'authority', label: 'dòng nhật ký' },
          ],
        }),
      ],
      beforeValidate: [guardParent],
      // the request's cached tree (access/scope.ts) is stale once the tree changes
      afterChange: [({ doc, req }) => (forgetAuthorityTree({ req }), doc), publishRegisterRows],
      afterDelete: [({ doc, req }) => (forgetAuthorityTree({ req }), doc)],
    },
    labels: {
      plural: { vi: 'Cấp quản lý', en: 'Authorities' },
      singular: { vi: 'Cấp quản lý', en: 'Authority' },
    },
  },
})
