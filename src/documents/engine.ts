/**
 * The template engine (docxtemplater on pizzip): reads a template's placeholders for the upload
 * check, and fills a template with a paper's data. Syntax errors come back as Vietnamese messages
 * naming the tag; nothing here knows a document type.
 */
import Docxtemplater from 'docxtemplater'
import InspectModule from 'docxtemplater/js/inspect-module.js'
import PizZip from 'pizzip'

import type { TemplateTag } from '@criteria/documents'

type ParsedTag = { value: string; module?: string; subparsed?: ParsedTag[] }
type TemplateErrorDetail = { properties?: { id?: string; xtag?: string; openingtag?: string; closingtag?: string } }

const options = { errorLogging: false, linebreaks: true, paragraphLoop: true } as const

const syntaxMessage = ({ properties = {} }: TemplateErrorDetail): string => {
  const tag = properties.xtag ?? ''
  const messages: Record<string, string> = {
    closing_tag_does_not_match_opening_tag: `Thẻ «{#${properties.openingtag}}» lại được đóng bằng «{/${properties.closingtag}}».`,
    unclosed_loop: `Danh sách «{#${tag}}» chưa có thẻ đóng «{/${tag}}».`,
    unclosed_tag: `Thẻ «{${tag}» thiếu dấu đóng «}».`,
    unopened_loop: `Thẻ đóng «{/${tag}}» không có thẻ mở «{#${tag}}».`,
    unopened_tag: `Thẻ «${tag}}» thiếu dấu mở «{».`,
  }
  return messages[properties.id ?? ''] ?? `Mẫu có lỗi cú pháp ở thẻ «${tag}».`
}

const toTag = (tag: ParsedTag): TemplateTag => ({ children: (tag.subparsed ?? []).map(toTag), isSection: tag.module === 'loop', name: tag.value })

export type InspectResult = { ok: true; tags: TemplateTag[] } | { ok: false; messages: string[] }

/** The template's tags as a tree, or why it cannot be read (not a Word file, broken syntax). */
export const inspectTemplate = (bytes: Uint8Array): InspectResult => {
  let zip: PizZip
  try {
    zip = new PizZip(bytes)
  } catch {
    return { messages: ['Tệp mẫu không phải là tệp Word (.docx) hợp lệ.'], ok: false }
  }
  if (!zip.file('word/document.xml')) return { messages: ['Tệp mẫu không phải là tệp Word (.docx) hợp lệ.'], ok: false }
  const inspect = new InspectModule()
  try {
    new Docxtemplater(zip, { ...options, modules: [inspect] })
  } catch (error) {
    const details = (error as { properties?: { errors?: TemplateErrorDetail[] } }).properties?.errors ?? [error as TemplateErrorDetail]
    return { messages: [...new Set(details.map(syntaxMessage))], ok: false }
  }
  return { ok: true, tags: (inspect.getAllStructuredTags() as ParsedTag[]).map(toTag) }
}

/** The filled .docx; a value the data lacks prints empty rather than "undefined". */
export const renderDocx = ({ template, data }: { template: Uint8Array; data: Record<string, unknown> }): Buffer => {
  const doc = new Docxtemplater(new PizZip(template), { ...options, nullGetter: () => '' })
  doc.render(data)
  return doc.getZip().generate({ compression: 'DEFLATE', type: 'nodebuffer' }) as Buffer
}

/** The text of a .docx, paragraph by paragraph (tests and previews read papers back with it). */
export const docxText = (bytes: Uint8Array): string => {
  const doc = new Docxtemplater(new PizZip(bytes), options)
  return doc.getFullText()
}
