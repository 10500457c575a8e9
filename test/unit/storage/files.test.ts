/** The server's own reads of stored uploads on local disk: the collection's folder, nothing outside it. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readStoredFile } from '@/storage/files'

let root: string
const before = process.env.UPLOADS_DIR

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-files-'))
  process.env.UPLOADS_DIR = root
  fs.mkdirSync(path.join(root, 'evidence'))
  fs.writeFileSync(path.join(root, 'evidence', 'bien-ban.pdf'), '%PDF-1.4 biên bản')
  fs.writeFileSync(path.join(root, 'bi-mat.txt'), 'không phải tệp của bộ sưu tập')
})
afterAll(() => {
  fs.rmSync(root, { force: true, recursive: true })
  if (before === undefined) delete process.env.UPLOADS_DIR
  else process.env.UPLOADS_DIR = before
})

describe('readStoredFile on local disk', () => {
  it("reads a file from the collection's own folder", async () => {
    expect((await readStoredFile({ collection: 'evidence', env: {}, filename: 'bien-ban.pdf' }))?.toString()).toBe('%PDF-1.4 biên bản')
  })

  it("answers null for a missing file, another collection's folder and any path that leaves the folder", async () => {
    expect(await readStoredFile({ collection: 'evidence', env: {}, filename: 'khong-co.pdf' })).toBeNull()
    expect(await readStoredFile({ collection: 'legal-documents', env: {}, filename: 'bien-ban.pdf' })).toBeNull()
    for (const filename of ['../bi-mat.txt', '..', 'evidence/../../bi-mat.txt', '/etc/hostname', '']) {
      expect(await readStoredFile({ collection: 'evidence', env: {}, filename })).toBeNull()
    }
  })
})
