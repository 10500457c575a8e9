/**
 * Evidence files on real PostgreSQL and the local upload folder: a unit's clerk uploads PDF, PNG
 * and DOCX over REST as the admin does (multipart), anything else is refused before it is stored,
 * and only those entitled read or download a unit's files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { Evidence } from '@/payload-types'
import { uploadsDir } from '@collections/evidence'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { attempt, createWorld, password, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
/** The clerk of unit A2 (same district as the world's unit-editor of A1). */
let otherEditor: ActingUser
/** A reviewer of district A who is on no round's team. */
let outsideReviewer: ActingUser
/** An authority-admin of district B. */
let otherDistrictAdmin: ActingUser
const rest = createRestClient({ config })
const tokens: Record<string, string> = {}

const account = async (data: { authority?: number; email: string; role: ActingUser['roles'][number]; unit?: number }) => {
  const created = await payload.create({
    collection: 'users',
    data: { authority: data.authority, email: data.email, name: data.email, password, roles: [data.role], unit: data.unit },
  })
  return { ...created, collection: 'users' } as ActingUser
}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'EVD' })
  await loadCriteriaSets({ payload })
  otherEditor = await account({ email: 'donvi2.evd@test.vn', role: 'unit-editor', unit: world.units.unitA2.id })
  outsideReviewer = await account({ authority: world.authorities.districtA.id, email: 'reviewer-ngoai.evd@test.vn', role: 'reviewer' })
  otherDistrictAdmin = await account({ authority: world.authorities.districtB.id, email: 'huyen-b.evd@test.vn', role: 'authority-admin' })
  // the world's reviewer is the lead of a round of district A
  await createRound({ payload, setIds: [await setIdByCode({ code: 'tt24-2023-huyen-1', payload })], world })
  const users = { districtAdmin: world.users.districtAdmin, otherDistrictAdmin, otherEditor, outsideReviewer, reviewer: world.users.reviewer, unitEditor: world.users.unitEditor }
  for (const [name, user] of Object.entries(users)) tokens[name] = await rest.login({ email: user.email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const as = (user: ActingUser | undefined) => ({ depth: 0, overrideAccess: false, user })

// ---- files as their first bytes make them ----

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))

/** A minimal well-formed PDF; `padding` bytes of comment make it as large as a test needs. */
const pdf = (padding = 0) =>
  latin1(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
      `%${'x'.repeat(padding)}\n` +
      'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n',
  )

/** A 1×1 PNG. */
const png = () =>
  new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))

/** A ZIP of stored (uncompressed) entries, as small as a DOCX can be. */
const zip = (entries: { name: string; text: string }[]) => {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const data = Buffer.from(entry.text)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    parts.push(local, name, data)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(data.length, 20)
    header.writeUInt32LE(data.length, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(offset, 42)
    central.push(header, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, directory, end]))
}

const docx = () =>
  zip([
    {
      name: '[Content_Types].xml',
      text:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', text: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' },
  ])

const mime = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
}

// ---- helpers ----

const evidenceCount = async () => (await payload.count({ collection: 'evidence' })).totalDocs

const storedFile = (filename: string) => path.join(uploadsDir(), filename)

const upload = ({ token = tokens.unitEditor, fields = {}, file }: { token?: string; fields?: Record<string, unknown>; file: { name: string; type: string; bytes: Uint8Array } }) =>
  rest.upload({ fields, file, path: '/evidence?depth=0', token })

/** The refusal's problems as `path: message`, from a REST error body. */
const problemsOf = (body: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }) =>
  (body.errors ?? []).flatMap((error) => error.data?.errors ?? [])

/** One evidence file of unit A1, uploaded by its clerk through the Local API. */
const unitA1File = async (name: string) =>
  payload.create({
    collection: 'evidence',
    // no unit: the clerk's own is filled in
    data: { title: `Minh chứng ${name}` } as Omit<Evidence, 'createdAt' | 'id' | 'updatedAt'>,
    file: { data: Buffer.from(pdf()), mimetype: mime.pdf, name, size: pdf().length },
    ...as(world.users.unitEditor),
  })

describe('a unit’s clerk uploads evidence', () => {
  it.each([
    ['PDF', { bytes: pdf(), name: 'quyet-dinh-thanh-lap-evd.pdf', type: mime.pdf }, mime.pdf],
    ['PNG', { bytes: png(), name: 'anh-hoi-nghi-evd.png', type: mime.png }, mime.png],
    ['DOCX', { bytes: docx(), name: 'bao-cao-tu-danh-gia-evd.docx', type: mime.docx }, mime.docx],
  ])('%s: 201, for their own unit without choosing it, with its number and date', async (kind, file, expectedMime) => {
    const before = await evidenceCount()
    const response = await upload({ fields: { documentNumber: `12/QĐ-UBND-${kind}`, issuedOn: '2022-01-04T12:00:00.000Z', title: `Quyết định ${kind}` }, file })
    expect(response.status).toBe(201)
    const id = response.body.doc.id
    const stored = await payload.findByID({ collection: 'evidence', depth: 0, id })
    expect(stored).toMatchObject({
      documentNumber: `12/QĐ-UBND-${kind}`,
      filename: file.name,
      filesize: file.bytes.length,
      issuedOn: '2022-01-04T12:00:00.000Z',
      mimeType: expectedMime,
      title: `Quyết định ${kind}`,
      unit: world.units.unitA1.id,
    })
    expect(await evidenceCount()).toBe(before + 1)
    expect(new Uint8Array(fs.readFileSync(storedFile(file.name)))).toEqual(file.bytes)
  })

  it('through the Local API too, the unit filled in', async () => {
    const doc = await unitA1File('bien-ban-hop-evd.pdf')
    expect(doc.unit).toBe(world.units.unitA1.id)
    expect(doc.mimeType).toBe(mime.pdf)
  })
})

describe('anything else is refused with the file named, and nothing is stored', () => {
  const refused = async ({ file, words }: { file: { name: string; type: string; bytes: Uint8Array }; words: string }) => {
    const before = await evidenceCount()
    const response = await upload({ fields: { title: `Tệp ${file.name}` }, file })
    expect(response.status).toBe(400)
    const problems = problemsOf(response.body)
    expect(problems.map((problem) => problem.path)).toEqual(['file'])
    expect(problems[0].message).toContain(`«${file.name}»`)
    expect(problems[0].message).toContain(words)
    expect(await evidenceCount()).toBe(before)
    expect(fs.existsSync(storedFile(file.name))).toBe(false)
    return problems[0].message
  }

  it('a text file', async () => {
    const message = await refused({ file: { bytes: latin1('Danh sách cán bộ\n'), name: 'danh-sach-evd.txt', type: 'text/plain' }, words: 'không thuộc loại được nhận làm minh chứng' })
    expect(message).toContain('PDF, DOCX, XLSX, JPEG, PNG')
  })

  it('a program renamed to .pdf', async () => {
    const exe = latin1(`MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00${'\x00'.repeat(48)}This program cannot be run in DOS mode.`)
    await refused({ file: { bytes: exe, name: 'bao-cao-evd.pdf', type: mime.pdf }, words: 'không thuộc loại được nhận làm minh chứng' })
  })

  it('a PDF named .docx', async () => {
    await refused({ file: { bytes: pdf(), name: 'nham-duoi-evd.docx', type: mime.docx }, words: 'không thuộc loại được nhận làm minh chứng' })
  })

  it('a ZIP that is not a Word document, named .docx', async () => {
    await refused({ file: { bytes: zip([{ name: 'ghi-chu.txt', text: 'không phải Word' }]), name: 'tep-nen-evd.docx', type: mime.docx }, words: 'không thuộc loại được nhận làm minh chứng' })
    expect(fs.existsSync(storedFile('tep-nen-evd.docx'))).toBe(false)
  })

  it('a file over EVIDENCE_MAX_MB, read at each upload', async () => {
    const previous = process.env.EVIDENCE_MAX_MB
    process.env.EVIDENCE_MAX_MB = '0.01'
    try {
      const message = await refused({ file: { bytes: pdf(20 * 1024), name: 'ho-so-lon-evd.pdf', type: mime.pdf }, words: 'vượt quá giới hạn' })
      // both sizes readable, not rounded to nothing
      expect(message).toContain('dung lượng 0,02 MB, vượt quá giới hạn 0,01 MB')
    } finally {
      if (previous === undefined) delete process.env.EVIDENCE_MAX_MB
      else process.env.EVIDENCE_MAX_MB = previous
    }
    // the same file under the default limit is taken
    const response = await upload({ fields: { title: 'Hồ sơ lớn' }, file: { bytes: pdf(20 * 1024), name: 'ho-so-lon-evd.pdf', type: mime.pdf } })
    expect(response.status).toBe(201)
  })

  it('replacing a stored file with a refused one leaves the stored file', async () => {
    const doc = await unitA1File('thay-the-evd.pdf')
    const response = await rest.upload({
      fields: {},
      file: { bytes: latin1('chỉ là chữ'), name: 'thay-the-evd.txt', type: 'text/plain' },
      method: 'PATCH',
      path: `/evidence/${doc.id}?depth=0`,
      token: tokens.unitEditor,
    })
    expect(response.status).toBe(400)
    expect(problemsOf(response.body).map((problem) => problem.path)).toEqual(['file'])
    const stored = await payload.findByID({ collection: 'evidence', depth: 0, id: doc.id })
    expect(stored).toMatchObject({ filename: 'thay-the-evd.pdf', mimeType: mime.pdf, updatedAt: doc.updatedAt })
    expect(fs.existsSync(storedFile('thay-the-evd.pdf'))).toBe(true)
  })
})

describe('who may read, download and delete a unit’s evidence', () => {
  it('the unit, its district and the round’s team; not another unit, a reviewer elsewhere, nor anonymous', async () => {
    const doc = await unitA1File('ke-hoach-evd.pdf')
    const read = (user: ActingUser | undefined) => attempt(() => payload.findByID({ collection: 'evidence', id: doc.id, ...as(user) }))
    expect({
      admin: await read(world.users.admin),
      anonymous: await read(undefined),
      districtAdmin: await read(world.users.districtAdmin),
      otherDistrictAdmin: await read(otherDistrictAdmin),
      otherUnit: await read(otherEditor),
      outsideReviewer: await read(outsideReviewer),
      ownUnit: await read(world.users.unitEditor),
      provinceAdmin: await read(world.users.provinceAdmin),
      teamReviewer: await read(world.users.reviewer),
    }).toEqual({
      admin: 'ok',
      anonymous: 'forbidden',
      districtAdmin: 'ok',
      otherDistrictAdmin: 'not-found',
      otherUnit: 'not-found',
      outsideReviewer: 'not-found',
      ownUnit: 'ok',
      provinceAdmin: 'ok',
      teamReviewer: 'ok',
    })

    const filePath = `/evidence/file/${doc.filename}`
    const download = async (token?: string) => rest.download({ path: filePath, token })
    for (const name of ['unitEditor', 'districtAdmin', 'reviewer']) {
      const response = await download(tokens[name])
      expect({ name, status: response.status }).toEqual({ name, status: 200 })
      expect(response.bytes).toEqual(pdf())
    }
    for (const token of [tokens.otherEditor, tokens.outsideReviewer, tokens.otherDistrictAdmin, undefined]) {
      const response = await download(token)
      expect(response.status).toBe(403)
      expect(Buffer.from(response.bytes).toString('latin1')).not.toContain('%PDF')
    }

    // nobody but the unit (and an admin) removes it
    for (const user of [otherEditor, world.users.districtAdmin, world.users.reviewer, undefined]) {
      expect(await attempt(() => payload.delete({ collection: 'evidence', id: doc.id, ...as(user) }))).toBe('forbidden')
    }
    const deleteOverRest = await rest.call({ method: 'DELETE', path: `/evidence/${doc.id}`, token: tokens.otherEditor })
    expect(deleteOverRest.status).not.toBe(200)
    expect((await payload.findByID({ collection: 'evidence', depth: 0, id: doc.id })).id).toBe(doc.id)
    expect(fs.existsSync(storedFile(doc.filename as string))).toBe(true)

    // lists hold only what each may see
    const listed = async (user: ActingUser) => (await payload.find({ collection: 'evidence', limit: 0, pagination: false, ...as(user) })).docs.map((row) => row.id)
    expect(await listed(otherEditor)).not.toContain(doc.id)
    expect(await listed(outsideReviewer)).toEqual([])
    expect(await listed(world.users.reviewer)).toContain(doc.id)

    // the unit itself deletes it, file and all
    await payload.delete({ collection: 'evidence', id: doc.id, ...as(world.users.unitEditor) })
    expect(fs.existsSync(storedFile(doc.filename as string))).toBe(false)
  })

  it('a clerk cannot file evidence for another unit', async () => {
    const before = await evidenceCount()
    const local = await attempt(() =>
      payload.create({
        collection: 'evidence',
        data: { title: 'Của đơn vị khác', unit: world.units.unitA2.id },
        file: { data: Buffer.from(pdf()), mimetype: mime.pdf, name: 'cua-don-vi-khac-evd.pdf', size: pdf().length },
        ...as(world.users.unitEditor),
      }),
    )
    expect(local).toBe('forbidden')
    const response = await upload({ fields: { title: 'Của đơn vị khác', unit: world.units.unitB1.id }, file: { bytes: pdf(), name: 'cua-don-vi-khac-2-evd.pdf', type: mime.pdf } })
    expect(response.status).toBe(403)
    // nor can anyone without a unit's role upload at all
    const asAdminOfDistrict = await upload({ fields: { title: 'Của huyện', unit: world.units.unitA1.id }, file: { bytes: pdf(), name: 'cua-huyen-evd.pdf', type: mime.pdf }, token: tokens.districtAdmin })
    expect(asAdminOfDistrict.status).toBe(403)
    const anonymous = await rest.upload({ fields: { title: 'Vô danh', unit: world.units.unitA1.id }, file: { bytes: pdf(), name: 'vo-danh-evd.pdf', type: mime.pdf }, path: '/evidence' })
    expect(anonymous.status).toBe(403)
    expect(await evidenceCount()).toBe(before)
    for (const name of ['cua-don-vi-khac-evd.pdf', 'cua-don-vi-khac-2-evd.pdf', 'cua-huyen-evd.pdf', 'vo-danh-evd.pdf']) expect(fs.existsSync(storedFile(name))).toBe(false)
  })
})
