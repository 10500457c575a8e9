/**
 * PDF through LibreOffice headless (`soffice`, Debian `libreoffice-writer-nogui`): optional for
 * `npm start`. Each conversion uses its own profile folder, so several can run at once; without
 * soffice, `canMakePdf()` is false and the endpoints answer 501 offering the DOCX.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const found = new Map<string, string | null>()

/** The soffice binary (`SOFFICE_PATH`, else the PATH), or null when LibreOffice is not installed; looked up once per setting. */
export const sofficePath = (): string | null => {
  const setting = process.env.SOFFICE_PATH ?? ''
  if (found.has(setting)) return found.get(setting) ?? null
  const candidates = setting ? [setting] : (process.env.PATH ?? '').split(path.delimiter).flatMap((dir) => ['soffice', 'libreoffice'].map((name) => path.join(dir, name)))
  const binary = candidates.find((candidate) => candidate && existsSync(candidate)) ?? null
  found.set(setting, binary)
  return binary
}

export const canMakePdf = () => sofficePath() !== null

export const pdfUnavailableMessage = 'Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF. Hãy tải bản Word (.docx) rồi in hoặc lưu thành PDF.'

// LibreOffice takes a core and ~150 MB per conversion: at most two at once, the rest wait their turn
const maxConversions = 2
let running = 0
const waiting: (() => void)[] = []
const withSlot = async <T>(work: () => Promise<T>): Promise<T> => {
  // a finished conversion hands its slot straight to the next in line
  if (running >= maxConversions) await new Promise<void>((resolve) => waiting.push(resolve))
  else running += 1
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

export const docxToPdf = (docx: Buffer): Promise<Buffer> => withSlot(() => convert(docx))

const convert = async (docx: Buffer): Promise<Buffer> => {
  const soffice = sofficePath()
  if (!soffice) throw new Error(pdfUnavailableMessage)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dvht-pdf-'))
  try {
    const input = path.join(dir, 'van-ban.docx')
    await writeFile(input, docx)
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 120_000 }, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
    return await readFile(path.join(dir, 'van-ban.pdf'))
  } finally {
    await rm(dir, { force: true, recursive: true })
  }
}
