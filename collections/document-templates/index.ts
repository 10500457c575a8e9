/**
 * `document-templates` (Mẫu văn bản): the DOCX templates the papers are filled from, per document
 * type, regime and authority (empty = the default for everyone). The most specific applies
 * (criteria/documents/resolve.ts). An upload is read before anything is stored: a file that is not
 * a Word document, broken brace syntax or a placeholder the type's data model does not have is
 * refused naming it. The data model is shown beside the upload (src/components/DocumentModel.tsx).
 * The admin manages all; an authority-admin its own subtree's rows and reads the defaults to copy.
 */
import { ValidationError, type Access, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'

import { checkPlaceholders, documentTypeByCode, documentTypes } from '@criteria/documents'
import { documentTemplateWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { inspectTemplate } from '../../src/documents/engine'
import { readStoredFile } from '../../src/storage/files'
import { storageFields } from '../../src/storage/locations'
import { canChangeOwn, canCreateOwn, ownAuthorityByDefault, ownedCatalogueRules } from '../access/ownAuthority'
import { hasRole, isAdmin } from '../access/roles'
import { userAuthoritySubtree } from '../access/scope'
import { documentTemplatesDir } from './storage'

export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The defaults and the reader's own subtree's templates; the admin all. */
const canReadTemplates: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  const ids = await userAuthoritySubtree({ req })
  return { or: [{ authority: { exists: false } }, ...(ids.length ? [{ authority: { in: ids } }] : [])] }
}

const refuse = ({ messages, req }: { messages: string[]; req: Parameters<CollectionBeforeValidateHook>[0]['req'] }) => {
  throw new ValidationError({ collection: 'document-templates', errors: messages.map((message) => ({ message, path: 'file' })), req }, req.t)
}

/** Reads the uploaded (or, when only the type changes, the stored) file and checks it against the type's data model. */
const checkTemplateFile: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const docType = String(data?.docType ?? originalDoc?.docType ?? '')
  const type = documentTypeByCode(docType)
  if (!type) return data
  let bytes: Uint8Array | null = req.file?.data ?? null
  if (!bytes && originalDoc?.filename && data?.docType && data.docType !== originalDoc.docType) {
    bytes = await readStoredFile({ collection: 'document-templates', filename: originalDoc.filename, prefix: originalDoc.prefix })
  }
  if (!bytes) return data
  if (req.file && !req.file.name.toLowerCase().endsWith('.docx')) refuse({ messages: [`Tệp «${req.file.name}» không phải tệp Word (.docx).`], req })
  const inspected = inspectTemplate(bytes)
  if (!inspected.ok) return refuse({ messages: inspected.messages, req })
  const problems = checkPlaceholders({ tags: inspected.tags, type })
  if (problems.length > 0) refuse({ messages: problems.map((problem) => problem.message), req })
  return data
}

export const DocumentTemplates: CollectionConfig = applyWriteRules({
  adapter: ownedCatalogueRules(documentTemplateWrites),
  config: {
    slug: 'document-templates',
    access: { create: canCreateOwn, delete: canChangeOwn, read: canReadTemplates, update: canChangeOwn },
    admin: {
      defaultColumns: ['title', 'docType', 'regime', 'authority', 'isActive'],
      description: {
        vi: 'Mẫu Word (.docx) có các trường trong ngoặc nhọn, ví dụ {tenDonVi}, {#chiTieu}…{/chiTieu}. Mẫu của cấp quản lý được dùng trước mẫu của cấp trên, rồi đến mẫu mặc định.',
        en: 'Word templates with {placeholders}; the authority’s own wins over its parents’ and the default.',
      },
      group: { vi: 'Danh mục', en: 'Directory' },
      useAsTitle: 'title',
    },
    disableDuplicate: true,
    fields: [
      {
        name: 'title',
        type: 'text',
        admin: { description: { vi: 'Để trống: tên loại văn bản.', en: 'Empty: the type and authority.' } },
        label: { vi: 'Tên mẫu', en: 'Title' },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'docType',
            type: 'select',
            label: { vi: 'Loại văn bản', en: 'Document type' },
            options: documentTypes.map((type) => ({ label: { vi: type.title, en: type.code }, value: type.code })),
            required: true,
          },
          {
            name: 'regime',
            type: 'text',
            admin: { description: { vi: 'Ví dụ tt24-2023, tt22-2020; để trống: dùng cho mọi văn bản quy định.', en: 'Empty: every regime.' } },
            label: { vi: 'Áp dụng cho văn bản quy định', en: 'Regime' },
          },
        ],
      },
      {
        name: 'authority',
        type: 'relationship',
        admin: { description: { vi: 'Để trống: mẫu mặc định cho mọi cấp quản lý (chỉ quản trị hệ thống).', en: 'Empty: the default.' } },
        label: { vi: 'Của cấp quản lý', en: 'Authority' },
        relationTo: 'authorities',
      },
      { name: 'isActive', type: 'checkbox', defaultValue: true, label: { vi: 'Đang dùng', en: 'Active' } },
      {
        name: 'dataModel',
        type: 'ui',
        admin: { components: { Field: '@/components/DocumentModel#DocumentModel' } },
        label: { vi: 'Các trường dữ liệu của loại văn bản', en: 'Data model' },
      },
      ...storageFields('document-templates'),
    ],
    hooks: {
      beforeChange: [
        ({ data }) => {
          if (!data.title) data.title = documentTypeByCode(String(data.docType))?.title ?? data.title
          return data
        },
      ],
      beforeOperation: [ownAuthorityByDefault],
      beforeValidate: [checkTemplateFile],
    },
    labels: { plural: { vi: 'Mẫu văn bản', en: 'Document templates' }, singular: { vi: 'Mẫu văn bản', en: 'Document template' } },
    // the type is checked by reading the file (checkTemplateFile), with a Vietnamese message, not by Payload's MIME list
    upload: { staticDir: documentTemplatesDir() },
  },
})
