/**
 * A small WordprocessingML writer for the default templates: paragraphs, runs, borderless layout
 * tables and ruled data tables, packed into a real .docx with pizzip. Only what a Vietnamese
 * administrative paper needs (NĐ 30/2020, Phụ lục I; domain/DOCUMENT-LAYOUT.md): A4, Times New
 * Roman, the margins, page numbers centred in the top margin from page 2.
 */
import PizZip from 'pizzip'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export type RunStyle = { isBold?: boolean; isItalic?: boolean; size?: number }
export type Run = { text: string } & RunStyle

export type ParagraphStyle = {
  align?: 'left' | 'center' | 'right' | 'both'
  /** First-line indent in twips (1.27 cm = 720). */
  firstLine?: number
  /** Left and right indents in twips, e.g. to draw a short centred rule. */
  indent?: { left: number; right: number }
  /** Space before and after in points. */
  before?: number
  after?: number
  /** A solid rule above the paragraph (the line under the tiêu ngữ and the issuing body). */
  hasTopRule?: boolean
  keepNext?: boolean
  pageBreakBefore?: boolean
}

const runXml = ({ isBold, isItalic, size = 14, text }: Run) => {
  const props = `${isBold ? '<w:b/><w:bCs/>' : ''}${isItalic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>`
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
}

export const paragraph = (runs: Run[] | string, style: ParagraphStyle & RunStyle = {}): string => {
  const list = typeof runs === 'string' ? [{ text: runs, ...style }] : runs
  const props = [
    style.keepNext ? '<w:keepNext/>' : '',
    style.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    style.hasTopRule ? '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' : '',
    `<w:spacing w:before="${(style.before ?? 0) * 20}" w:after="${(style.after ?? 0) * 20}" w:line="276" w:lineRule="auto"/>`,
    style.indent || style.firstLine ? `<w:ind w:left="${style.indent?.left ?? 0}" w:right="${style.indent?.right ?? 0}" w:firstLine="${style.firstLine ?? 0}"/>` : '',
    `<w:jc w:val="${style.align ?? 'left'}"/>`,
  ].join('')
  return `<w:p><w:pPr>${props}</w:pPr>${list.map((run) => runXml({ ...run, size: run.size ?? style.size })).join('')}</w:p>`
}

/** A body paragraph: justified, first line indented 1.27 cm, size 14. */
export const body = (runs: Run[] | string, style: ParagraphStyle & RunStyle = {}) => paragraph(runs, { after: 6, align: 'both', firstLine: 720, ...style })

type Cell = { width: number; content: string[]; isHeader?: boolean }

const cellXml = ({ content, width }: Cell, borders: string) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${borders}<w:vAlign w:val="top"/></w:tcPr>${content.length ? content.join('') : paragraph('')}</w:tc>`

const tableXml = ({ rows, widths, isRuled }: { rows: Cell[][]; widths: number[]; isRuled: boolean }) => {
  const edge = isRuled ? 'single' : 'nil'
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="${edge}" w:sz="4" w:space="0" w:color="000000"/>`).join('')
  const grid = widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')
  const body = rows
    .map((cells, index) => `<w:tr>${index === 0 && isRuled ? '<w:trPr><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${cells.map((cell) => cellXml(cell, '')).join('')}</w:tr>`)
    .join('')
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
}

/** Side-by-side blocks without borders (the header and the signature blocks). */
export const layoutTable = ({ columns }: { columns: { width: number; content: string[] }[] }) =>
  tableXml({ isRuled: false, rows: [columns.map((column) => ({ content: column.content, width: column.width }))], widths: columns.map((column) => column.width) })

/**
 * A ruled table whose second row repeats for each item of `loop` (docxtemplater's row loop:
 * `{#loop}` in the first cell, `{/loop}` in the last).
 */
export const loopTable = ({ columns, loop, size = 13 }: { columns: { title: string; field: string; width: number; align?: 'left' | 'center' }[]; loop: string; size?: number }) => {
  const header = columns.map((column) => ({ content: [paragraph(column.title, { align: 'center', isBold: true, size })], width: column.width }))
  const row = columns.map((column, index) => {
    const text = `${index === 0 ? `{#${loop}}` : ''}{${column.field}}${index === columns.length - 1 ? `{/${loop}}` : ''}`
    return { content: [paragraph(text, { align: column.align ?? 'left', size })], width: column.width }
  })
  // a paragraph after the table: two adjacent tables merge into one in Word and LibreOffice
  return tableXml({ isRuled: true, rows: [header, row], widths: columns.map((column) => column.width) }) + paragraph('', { size: 6 })
}

/** A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; text width 9354 twips. */
export const textWidth = 11906 - 1701 - 851

const sectionXml = `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>`

const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

const documentXml = (content: string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}><w:body>${content.join('')}${sectionXml}</w:body></w:document>`

// page number centred in the top margin; the first page has none (titlePg without a first-page header)
const headerXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${ns}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`

const coreXml = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escape(title)}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>`

/** The .docx bytes of a document made of the given body parts (fixed dates inside the zip: the same input gives the same bytes). */
export const packDocx = ({ content, title }: { content: string[]; title: string }): Buffer => {
  const zip = new PizZip()
  const date = new Date('2026-01-01T00:00:00Z')
  const add = (name: string, text: string) => zip.file(name, text, { date })
  add('[Content_Types].xml', contentTypes)
  add('_rels/.rels', rootRels)
  add('docProps/core.xml', coreXml(title))
  add('word/document.xml', documentXml(content))
  add('word/_rels/document.xml.rels', documentRels)
  add('word/styles.xml', stylesXml)
  add('word/header1.xml', headerXml)
  return zip.generate({ compression: 'DEFLATE', type: 'nodebuffer' }) as Buffer
}
