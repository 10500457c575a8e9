/**
 * Where a paper's template comes from: the `document-templates` row the core picks (the
 * authority's own, its parents', the default row), read from where uploads are stored (local disk
 * or the S3 bucket, src/storage/); with no row at
 * all, the built-in default in seed/templates/. Read past access: the caller has already been
 * allowed to read the document the paper comes from, and a unit's paper uses its district's
 * template though the unit may not list templates.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import { pickTemplate } from '@criteria/documents'

import { relationId } from '../../collections/access/roles'
import { authorityAncestry } from '../../collections/access/scope'
import { findProjectRoot } from '../projectRoot'
import { readStoredFile } from '../storage/files'

export const defaultTemplatesDir = () => path.join(findProjectRoot(import.meta.url), 'seed', 'templates')

export const builtInTemplate = (docType: string) => readFile(path.join(defaultTemplatesDir(), `${docType}.docx`))

export type ChosenTemplate = { bytes: Buffer; templateId: number | string | null; name: string }

export const chooseTemplate = async ({ req, docType, regime, authorityId }: { req: PayloadRequest; docType: string; regime: string | null; authorityId: number | string | null }): Promise<ChosenTemplate> => {
  const [{ docs }, chain] = await Promise.all([
    req.payload.find({
      collection: 'document-templates',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { authority: true, docType: true, filename: true, isActive: true, prefix: true, regime: true, title: true },
      where: { docType: { equals: docType } },
    }),
    authorityId === null ? Promise.resolve([]) : authorityAncestry({ authorityId, req }),
  ])
  const picked = pickTemplate({
    candidates: docs.map((doc) => ({ ...doc, authority: relationId(doc.authority), docType: doc.docType, isActive: doc.isActive !== false, regime: doc.regime || null })),
    chain,
    docType,
    regime,
  })
  if (picked?.filename) {
    const stored = docs.find((doc) => doc.id === picked.id)
    const bytes = await readStoredFile({ collection: 'document-templates', filename: picked.filename, prefix: stored?.prefix }).catch((error: unknown) => {
      req.payload.logger.error({ err: error }, `Không đọc được tệp mẫu ${picked.filename} từ nơi lưu trữ`)
      return null
    })
    if (bytes) return { bytes, name: picked.title ?? picked.filename, templateId: picked.id }
    req.payload.logger.warn(`Không đọc được tệp mẫu ${picked.filename} (mẫu ${picked.id}); dùng mẫu mặc định có sẵn.`)
  }
  return { bytes: await builtInTemplate(docType), name: 'Mẫu mặc định', templateId: null }
}
