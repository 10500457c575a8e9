/**
 * Reads the first sheet of an uploaded XLSX or CSV file into plain cells, with exceljs (both
 * formats, one library). What a cell holds in Excel is flattened to what the clerk sees: a link's
 * text, a formula's result, rich text's characters. A CSV is read as text only — no number or date
 * guessing, so the code «0012» stays «0012» — from UTF-8 with or without the BOM Excel writes,
 * separated by commas or by the semicolons of a Vietnamese-locale Excel.
 */
import { Readable } from 'node:stream'

import ExcelJS from 'exceljs'

import type { Cell } from '@collections/units/importSheet'

export type SheetFormat = 'csv' | 'xlsx'

export type Table = { header: Cell[]; rows: Cell[][] }

/** An XLSX file is a ZIP archive: it starts with «PK». */
export const formatOf = (bytes: Uint8Array): SheetFormat => (bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv')

export class UnreadableSheet extends Error {}

const flatten = (value: ExcelJS.CellValue): Cell => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return flatten((value.result ?? null) as ExcelJS.CellValue)
    if ('error' in value) return null
  }
  return String(value)
}

const tableOf = (sheet: ExcelJS.Worksheet | undefined): Table => {
  if (!sheet) return { header: [], rows: [] }
  const lines: Cell[][] = []
  for (let line = 1; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line)
    const cells: Cell[] = []
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(flatten(row.getCell(column).value))
    lines.push(cells)
  }
  return { header: lines[0] ?? [], rows: lines.slice(1) }
}

const delimiterOf = (text: string) => {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
}

export const readTable = async ({ bytes }: { bytes: Uint8Array }): Promise<Table> => {
  const workbook = new ExcelJS.Workbook()
  try {
    if (formatOf(bytes) === 'xlsx') {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
      return tableOf(workbook.worksheets[0])
    }
    const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')
    const sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { delimiter: delimiterOf(text) } } as never)
    return tableOf(sheet)
  } catch (error) {
    throw new UnreadableSheet(error instanceof Error ? error.message : String(error))
  }
}
