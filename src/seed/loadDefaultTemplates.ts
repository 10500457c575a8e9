/**
 * The default templates (seed/templates/*.docx, written by `npm run templates`) as the default rows
 * of `document-templates` (no authority), so the admin sees, downloads and replaces them. Idempotent:
 * a type that already has a default row is left as it is (an admin's replacement is kept). Without
 * these rows the papers still use the same built-in files.
 */
import type { Payload, PayloadRequest } from 'payload'

import { documentTypes } from '@criteria/documents'

import { docxMimeType } from '../../collections/document-templates'
import { builtInTemplate } from '../documents/templates'
import { own } from './ownRequest'

export const loadDefaultTemplates = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }): Promise<number> => {
  const { docs } = await payload.find({ collection: 'document-templates', depth: 0, limit: 0, pagination: false, req: own(req), where: { authority: { exists: false } } })
  let created = 0
  for (const type of documentTypes) {
    if (docs.some((doc) => doc.docType === type.code)) continue
    const bytes = await builtInTemplate(type.code)
    await payload.create({
      collection: 'document-templates',
      data: { docType: type.code as never, isActive: true, title: `${type.title} (mẫu mặc định)` },
      file: { data: bytes, mimetype: docxMimeType, name: `mac-dinh-${type.code}.docx`, size: bytes.length },
      req: own(req),
    })
    created += 1
  }
  return created
}
