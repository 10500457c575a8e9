/**
 * The committed default templates (seed/templates/*.docx) are what the generator writes, and each
 * uses only its type's data model — the same check an upload passes.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import PizZip from 'pizzip'
import { describe, expect, it } from 'vitest'

import { checkPlaceholders, documentTypes } from '@criteria/documents'
import { buildDefaultTemplate } from '@/documents/defaultTemplates'
import { docxText, inspectTemplate, renderDocx } from '@/documents/engine'
import { packDocx, paragraph } from '@/documents/wordml'

const committed = (code: string) => readFileSync(path.resolve(__dirname, '../../../seed/templates', `${code}.docx`))
const part = (bytes: Uint8Array, name: string) => new PizZip(bytes).file(name)?.asText()

describe.each(documentTypes.map((type) => [type.code, type] as const))('the default %s', (code, type) => {
  it('is the generator’s output (run `npm run templates` after changing a layout)', () => {
    const built = buildDefaultTemplate(code)!
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/header1.xml']) expect(part(committed(code), name), name).toBe(part(built, name))
  })

  it('uses only placeholders of its data model, and reads as an administrative paper', () => {
    const inspected = inspectTemplate(committed(code))
    expect(inspected.ok).toBe(true)
    if (!inspected.ok) return
    expect(checkPlaceholders({ tags: inspected.tags, type })).toEqual([])
    const text = docxText(committed(code))
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
    expect(text).toContain('{diaDanhNgayThang}')
  })
})

describe('the engine', () => {
  it('fills loops and leaves a missing value empty', () => {
    const template = packDocx({ content: [paragraph('{tenDonVi}: {#chiTieu}[{ma}]{/chiTieu} {khongCo}.')], title: 't' })
    expect(docxText(renderDocx({ data: { chiTieu: [{ ma: 'TC1.CT1' }, { ma: 'TC1.CT2' }], tenDonVi: 'UBND xã Trường Hà' }, template }))).toBe('UBND xã Trường Hà: [TC1.CT1][TC1.CT2] .')
  })

  it('names a broken tag in Vietnamese, and a file that is not Word', () => {
    expect(inspectTemplate(packDocx({ content: [paragraph('{#chiTieu}{ma}{/chiTieuX}')], title: 't' }))).toEqual({ messages: ['Thẻ «{#chiTieu}» lại được đóng bằng «{/chiTieuX}».'], ok: false })
    expect(inspectTemplate(new Uint8Array([1, 2, 3]))).toEqual({ messages: ['Tệp mẫu không phải là tệp Word (.docx) hợp lệ.'], ok: false })
  })
})
