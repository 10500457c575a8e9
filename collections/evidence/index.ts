/**
 * `evidence`: proof a unit uploads (minh chứng), owned by the unit and reusable across indicators
 * and years. PDF, DOCX, XLSX, JPEG and PNG up to EVIDENCE_MAX_MB (default 20 MB); anything else is
 * refused with the reason, before it is stored. Files go where the storage is configured
 * (src/storage/): local disk under UPLOADS_DIR by default, an S3-compatible bucket with S3_BUCKET.
 */
import type { CollectionBeforeDeleteHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { localFolder, storageFields } from '../../src/storage/locations'

import { hasRole, relationId } from '../access/roles'
import { dayOnly } from '../fieldOptions'
import { requiredText } from '../validation'
import { canChangeEvidence, canCreateEvidence, canReadEvidence } from './access'
import { acceptedKindsText, acceptedMimeTypes, detectEvidenceKind, formatMegabytes, maxEvidenceBytes } from './fileKind'
import { evidenceRules, isCited } from './writeRules'

/** The evidence folder on local disk (without S3 storage: src/storage/). */
export const uploadsDir = () => localFolder('evidence')

const frozen = (req: Parameters<CollectionBeforeOperationHook>[0]['req'], action: string) =>
  new ValidationError(
    { collection: 'evidence', errors: [{ message: `Minh chứng đã được dẫn chiếu trong hồ sơ đã nộp, không ${action} được; hãy tải lên minh chứng mới nếu cần.`, path: 'file' }], req },
    req.t,
  )

const checkFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  // what the authority received stays on record: a cited file is never replaced
  const id = (args as { id?: number | string }).id
  if (operation === 'update' && id !== undefined && id !== null && (await isCited({ id, req }))) throw frozen(req, 'thay tệp')
  const limit = maxEvidenceBytes()
  const problems: string[] = []
  if (file.size > limit) problems.push(`Tệp «${file.name}» dung lượng ${formatMegabytes(file.size)}, vượt quá giới hạn ${formatMegabytes(limit)}.`)
  const kind = detectEvidenceKind({ data: file.data, name: file.name })
  if (!kind) problems.push(`Tệp «${file.name}» không thuộc loại được nhận làm minh chứng (${acceptedKindsText}).`)
  if (problems.length > 0) {
    throw new ValidationError({ collection: 'evidence', errors: problems.map((message) => ({ message, path: 'file' })), req }, req.t)
  }
  if (kind) file.mimetype = kind.mime
  return args
}

/** A cited file is never deleted either (by its unit or anyone). */
const keepCited: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (await isCited({ id, req })) throw frozen(req, 'xóa')
}

export const Evidence: CollectionConfig = applyWriteRules({
  adapter: evidenceRules,
  config: {
    slug: 'evidence',
    access: { create: canCreateEvidence, delete: canChangeEvidence, read: canReadEvidence, update: canChangeEvidence },
    disableDuplicate: true,
    admin: {
      defaultColumns: ['title', 'documentNumber', 'issuedOn', 'unit', 'filename'],
      group: { vi: 'Đánh giá', en: 'Assessment' },
      listSearchableFields: ['title', 'documentNumber'],
      useAsTitle: 'title',
    },
    fields: [
      { name: 'title', type: 'text', label: { vi: 'Tên minh chứng', en: 'Title' }, required: true, validate: requiredText({ vi: 'Tên minh chứng không được để trống.' }) },
      {
        type: 'row',
        fields: [
          { name: 'documentNumber', type: 'text', label: { vi: 'Số, ký hiệu văn bản', en: 'Document number' } },
          { name: 'issuedOn', type: 'date', admin: dayOnly, label: { vi: 'Ngày ban hành', en: 'Issued on' } },
        ],
      },
      {
        name: 'unit',
        type: 'relationship',
        // a clerk adding a file from her dossier's row finds her own unit already chosen
        defaultValue: ({ user }) => relationId(user?.unit) ?? undefined,
        index: true,
        label: { vi: 'Đơn vị', en: 'Unit' },
        relationTo: 'units',
        required: true,
      },
      ...storageFields('evidence'),
    ],
    hooks: {
      beforeDelete: [keepCited],
      beforeOperation: [checkFile],
      beforeValidate: [
        ({ data, req }) => {
          // a unit's clerk uploads for their own unit without choosing it
          if (data && hasRole({ user: req.user, role: 'unit-editor' }) && (data.unit === undefined || data.unit === null)) data.unit = relationId(req.user?.unit)
          return data
        },
      ],
    },
    labels: { plural: { vi: 'Minh chứng', en: 'Evidence' }, singular: { vi: 'Minh chứng', en: 'Evidence' } },
    upload: {
      mimeTypes: acceptedMimeTypes,
      staticDir: uploadsDir(),
    },
  },
})
