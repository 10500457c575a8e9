/**
 * Writes the default templates (src/documents/defaultTemplates.ts) to seed/templates/<type>.docx —
 * real Word files an admin downloads and edits. Run after changing a layout (`npm run templates`)
 * and commit the files; the same input always gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { documentTypes } from '@criteria/documents'

import { buildDefaultTemplate } from '../documents/defaultTemplates'
import { defaultTemplatesDir } from '../documents/templates'

mkdirSync(defaultTemplatesDir(), { recursive: true })
for (const type of documentTypes) {
  const bytes = buildDefaultTemplate(type.code)
  if (!bytes) throw new Error(`Chưa có mẫu mặc định cho «${type.code}».`)
  const file = path.join(defaultTemplatesDir(), `${type.code}.docx`)
  writeFileSync(file, bytes)
  console.log(`${file} (${bytes.length} byte)`)
}
