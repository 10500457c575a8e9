/**
 * `evidence`: proof a unit uploads (minh chứng), owned by the unit and reusable across indicators
 * and years. PDF, DOCX, XLSX, JPEG and PNG up to EVIDENCE_MAX_MB (default 20 MB); anything else is
 * refused with the reason, before it is stored. Files go where Payload's storage is configured:
 * local disk under UPLOADS_DIR by default (an S3-compatible storage plugin replaces it in production).
 */
import path from 'node:path'

import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { hasRole, relationId } from '../access/roles'
import { dayOnly } from '../fieldOptions'
import { requiredText } from '../validation'
import { canChangeEvidence, canCreateEvidence, canReadEvidence } from './access'
import { acceptedKindsText, acceptedMimeTypes, detectEvidenceKind, formatMegabytes, maxEvidenceBytes } from './fileKind'

export const uploadsDir = () => path.resolve(process.env.UPLOADS_DIR ?? path.join(process.env.DATA_DIR ?? 'data', 'uploads'), 'evidence')

const checkFile: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
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

export const Evidence: CollectionConfig = {
  slug: 'evidence',
  access: { create: canCreateEvidence, delete: canChangeEvidence, read: canReadEvidence, update: canChangeEvidence },
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
    { name: 'unit', type: 'relationship', index: true, label: { vi: 'Đơn vị', en: 'Unit' }, relationTo: 'units', required: true },
  ],
  hooks: {
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
}
