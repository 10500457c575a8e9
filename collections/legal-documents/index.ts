/**
 * `legal-documents` (Văn bản căn cứ): the documents a province's round rests on — its guide or plan
 * (HD 219/HD-UBND, KH 206/KH-UBND…), the decision setting up the evaluation team, the local document
 * that fixes a threshold the circular leaves open. Number, date, issuer and, optionally, the file.
 * Any signed-in user reads them (a unit sees what its round follows); the authority-admin of the
 * owning subtree writes them.
 */
import type { CollectionConfig } from 'payload'

import { legalDocumentWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { canChangeOwn, canCreateOwn, ownAuthorityByDefault, ownedCatalogueRules } from '../access/ownAuthority'
import { acceptedMimeTypes } from '../evidence/fileKind'
import { dayOnly } from '../fieldOptions'
import { requiredText } from '../validation'
import { localFolder, storageFields } from '../../src/storage/locations'

export const legalDocumentsDir = () => localFolder('legal-documents')

export const legalDocumentKinds = [
  { code: 'huong-dan', vi: 'Hướng dẫn, kế hoạch của địa phương', en: 'Local guide or plan' },
  { code: 'thanh-lap-doan', vi: 'Quyết định thành lập đoàn đánh giá', en: 'Team decision' },
  { code: 'xac-nhan-nguong', vi: 'Văn bản quy định ngưỡng, chỉ tiêu', en: 'Threshold document' },
  { code: 'khac', vi: 'Văn bản khác', en: 'Other' },
] as const

export const LegalDocuments: CollectionConfig = applyWriteRules({
  adapter: ownedCatalogueRules(legalDocumentWrites),
  config: {
    slug: 'legal-documents',
    access: { create: canCreateOwn, delete: canChangeOwn, read: ({ req }) => Boolean(req.user), update: canChangeOwn },
    admin: {
      defaultColumns: ['number', 'title', 'issuedOn', 'issuer', 'kind', 'authority'],
      group: { vi: 'Danh mục', en: 'Directory' },
      listSearchableFields: ['number', 'title'],
      useAsTitle: 'label',
    },
    disableDuplicate: true,
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'number', type: 'text', label: { vi: 'Số, ký hiệu', en: 'Number' }, required: true, validate: requiredText({ vi: 'Số, ký hiệu văn bản không được để trống.' }) },
          { name: 'issuedOn', type: 'date', admin: dayOnly, label: { vi: 'Ngày ban hành', en: 'Issued on' }, required: true },
          { name: 'issuer', type: 'text', label: { vi: 'Cơ quan ban hành', en: 'Issuer' } },
        ],
      },
      { name: 'title', type: 'text', label: { vi: 'Trích yếu', en: 'Title' } },
      {
        name: 'kind',
        type: 'select',
        defaultValue: 'huong-dan',
        label: { vi: 'Loại văn bản', en: 'Kind' },
        options: legalDocumentKinds.map((kind) => ({ label: { vi: kind.vi, en: kind.en }, value: kind.code })),
        required: true,
      },
      { name: 'authority', type: 'relationship', label: { vi: 'Của cấp quản lý', en: 'Owned by' }, relationTo: 'authorities' },
      {
        // "KH 206/KH-UBND ngày 28/09/2020": how the document is cited wherever it is used
        name: 'label',
        type: 'text',
        admin: { hidden: true },
        hooks: {
          beforeChange: [
            ({ siblingData }) => {
              const day = typeof siblingData.issuedOn === 'string' ? siblingData.issuedOn.slice(0, 10).split('-').reverse().join('/') : ''
              return [siblingData.number, day ? `ngày ${day}` : ''].filter(Boolean).join(' ')
            },
          ],
        },
      },
      ...storageFields('legal-documents'),
    ],
    hooks: { beforeOperation: [ownAuthorityByDefault] },
    labels: { plural: { vi: 'Văn bản căn cứ', en: 'Reference documents' }, singular: { vi: 'Văn bản căn cứ', en: 'Reference document' } },
    upload: { filesRequiredOnCreate: false, mimeTypes: acceptedMimeTypes, staticDir: legalDocumentsDir() },
  },
})
