/**
 * Generated paperwork on the demo province (its own database, loaded as `npm start` loads it): every
 * document type filled from the seeded records and read back — the DOCX's text, the XLSX's cells —
 * with Vietnamese names, numbers, dates and the annex rows; the dossier ZIP with its evidence; a unit
 * cannot fetch another unit's papers; a template uploaded for Huyện Hà Quảng serves its units and not
 * the province; an upload with an unknown placeholder or broken syntax is refused naming it, and
 * nothing is stored.
 */
import { readdir } from 'node:fs/promises'

import ExcelJS from 'exceljs'
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import PizZip from 'pizzip'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import type { Decision, Round, SelfAssessment } from '@/payload-types'
import { documentTemplatesDir } from '@collections/document-templates/storage'
import { dateInWords } from '@criteria/documents'
import { docxText } from '@/documents/engine'
import { findByIds } from '@/documents/data'
import { fileTasksQueue, roundDocumentTaskSlug } from '@/documents/fileTasks'
import { canMakePdf } from '@/documents/pdf'
import { chooseTemplate } from '@/documents/templates'
import { packDocx, paragraph } from '@/documents/wordml'
import { loadDemo } from '@/seed/loadDemo'

import { as, acceptedDossier, createAccount, reviewDossier, updateDossier } from './helpers/dossiers'
import { pdfUpload } from './helpers/files'
import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, setIdByCode } from './helpers/rounds'
import { createWorld, type ActingUser } from './helpers/world'
import { useOwnDatabase, type FreshDatabase } from './helpers/testDatabase'

let payload: Payload
let database: FreshDatabase
const rest = createRestClient({ config })
const tokens: Record<string, string> = {}
let lastRound: Round
let decision: Decision
let recognised: SelfAssessment[]
let ownDossier: SelfAssessment
let year: number

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const textOf = (bytes: Uint8Array) => docxText(bytes)

beforeAll(async () => {
  database = await useOwnDatabase({ label: 'documents' })
  payload = await getTestPayload()
  await loadDemo({ payload })
  for (const email of ['admin', 'tinh', 'huyen', 'donvi', 'reviewer']) tokens[email] = await rest.login({ email: `${email}@demo.vn`, password: 'demo-2026' })
  const rounds = (await payload.find({ collection: 'rounds', depth: 0, sort: 'year', where: { status: { equals: 'closed' } } })).docs
  lastRound = rounds[rounds.length - 1]
  year = lastRound.year
  decision = (await payload.find({ collection: 'decisions', depth: 0, where: { round: { equals: lastRound.id } } })).docs[0]
  recognised = (await payload.find({ collection: 'self-assessments', depth: 0, where: { and: [{ round: { equals: lastRound.id } }, { status: { equals: 'recognised' } }] } })).docs
  // the clerk's own draft in the open round, with one evidence file, for the ZIP and the access checks
  const donvi = (await payload.find({ collection: 'users', depth: 0, where: { email: { equals: 'donvi@demo.vn' } } })).docs[0]
  const clerk = { ...donvi, collection: 'users' } as ActingUser
  const open = (await payload.find({ collection: 'rounds', depth: 0, where: { status: { equals: 'open' } } })).docs[0]
  const existing = (await payload.find({ collection: 'self-assessments', depth: 0, where: { and: [{ round: { equals: open.id } }, { unit: { equals: donvi.unit as number } }] } })).docs[0]
  const draft = existing ?? (await payload.create({ collection: 'self-assessments', data: { criteriaSet: (open.criteriaSets ?? [])[0] as number, round: open.id, status: 'draft', unit: donvi.unit as number }, ...as(clerk) }))
  const proof = await payload.create({ collection: 'evidence', data: { documentNumber: '15/NQ-HĐND', issuedOn: '2026-03-02T12:00:00.000Z', title: 'Nghị quyết về xây dựng xã hội học tập', unit: donvi.unit as number }, file: pdfUpload({ name: 'nghi-quyet-15.pdf' }), ...as(clerk) })
  const rows = metAnswers({ rows: draft.answers ?? [] })
  rows[0] = { ...rows[0], evidence: [proof.id] }
  ownDossier = await updateDossier({ data: { answers: rows }, id: draft.id, payload, user: clerk })
}, 180_000)

afterAll(async () => {
  await closeTestPayload(payload)
  await database?.drop()
})

const get = (path: string, who = 'admin') => rest.download({ path, token: tokens[who] })

describe('GET /api/document-types', () => {
  it('lists every type with its regimes, formats and data model', async () => {
    const { body, status } = await rest.call({ method: 'GET', path: '/document-types', token: tokens.huyen })
    expect(status).toBe(200)
    expect(body.types.map((type: { code: string }) => type.code)).toEqual(['to-trinh', 'bao-cao-tu-danh-gia', 'ban-tong-hop', 'bieu-tu-cham-diem', 'quyet-dinh-thanh-lap-doan', 'bien-ban', 'bao-cao-tong-hop', 'quyet-dinh'])
    const table = body.types.find((type: { code: string }) => type.code === 'ban-tong-hop')
    expect(table.loops[0].fields.map((field: { name: string }) => field.name)).toEqual(expect.arrayContaining(['ma', 'noiDung', 'giaTri', 'trangThai', 'minhChung']))
    expect(body.types.find((type: { code: string }) => type.code === 'bieu-tu-cham-diem').regimes).toEqual(['tt22-2020'])
    expect(body.canMakePdf).toBe(canMakePdf())
  })

  it('serves each default template, a real Word file whose placeholders are all in the model', async () => {
    const file = await get('/document-types/quyet-dinh/default.docx', 'huyen')
    expect(file.status).toBe(200)
    expect(file.type).toBe(docxMime)
    expect(textOf(file.bytes)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect((await get('/document-types/quyet-dinh/default.docx', 'none')).status).toBe(401)
  })
})

describe('a dossier’s papers', () => {
  it('Tờ trình, Báo cáo tự đánh giá and Bản tổng hợp carry the unit, its authority, the date line and every indicator', async () => {
    const sa = recognised[0]
    const unit = await payload.findByID({ collection: 'units', depth: 0, id: sa.unit as number })
    const submittedOn = String(sa.submittedAt).slice(0, 10)
    const toTrinh = textOf((await get(`/self-assessments/${sa.id}/documents/to-trinh`)).bytes)
    expect(toTrinh).toContain(unit.name)
    expect(toTrinh).toContain('ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG')
    expect(toTrinh).toContain(`Hà Quảng, ${dateInWords(submittedOn)}`)
    expect(toTrinh).toContain('Kính gửi: Ủy ban nhân dân huyện Hà Quảng (Phòng Giáo dục và Đào tạo huyện Hà Quảng)')
    expect(toTrinh).toMatch(/số chỉ tiêu đạt \d+\/\d+/)
    const report = textOf((await get(`/self-assessments/${sa.id}/documents/bao-cao-tu-danh-gia`)).bytes)
    expect(report).toContain('KẾT QUẢ THEO TIÊU CHÍ')
    expect(report).toContain('Kết quả tự đánh giá: Đạt')
    const table = await get(`/self-assessments/${sa.id}/documents/ban-tong-hop`)
    expect(table.type).toBe(docxMime)
    const text = textOf(table.bytes)
    for (const row of (sa.answers ?? []).filter((row) => row.isApplicable !== false)) expect(text).toContain(row.indicator as string)
    const ratio = (sa.answers ?? []).find((row) => row.measure === 'ratio' && row.denominator)
    if (ratio) expect(text).toContain(`${ratio.numerator}/${ratio.denominator} (`)
  })

  it('the Biểu tự chấm điểm of a TT 22 dossier has the unit’s and the team’s points; a TT 24 dossier has none', async () => {
    const world = await createWorld({ payload, tag: 'DOC' })
    const tt22 = await setIdByCode({ code: 'tt22-2020', payload })
    const round = await createRound({ payload, setIds: [tt22], title: 'Đánh giá TT 22 — Xã Đông Khê', world })
    const editor = world.users.unitEditor
    const accepted = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor, payload, roundId: round.id, setId: tt22 })
    const own = new Map((accepted.answers ?? []).map((row) => [row.indicator, row.points ?? 0]))
    // the team gives the unit's own points, five fewer on 3.1
    await reviewDossier({ payload, reviewer: world.users.reviewer, rows: (row) => ({ points: (own.get(row.indicator) ?? 0) - (row.indicator === '3.1' ? 5 : 0) }), sa: accepted })
    await updateDossier({ data: { status: 'reviewed' }, id: accepted.id, payload, user: world.users.reviewer })
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: accepted.id })
    const sheet = await rest.download({ path: `/self-assessments/${accepted.id}/documents/bieu-tu-cham-diem`, token: await rest.login({ email: world.users.admin.email, password: 'mat-khau-thu-nghiem' }) })
    expect(sheet.status).toBe(200)
    const text = textOf(sheet.bytes)
    expect(text).toContain('UBND xã A1 DOC')
    expect(text).toContain(`Tổng điểm tự chấm: ${String(stored.points).replace('.', ',')}`)
    expect(text).toContain(`Tổng điểm đoàn chấm: ${String(stored.teamPoints).replace('.', ',')}`)
    expect(stored.teamPoints).not.toBe(stored.points)
    const wrong = await get(`/self-assessments/${recognised[0].id}/documents/bieu-tu-cham-diem`)
    expect(wrong.status).toBe(404)
    // reviewed, not yet decided: in the round's upward report among the units not (yet) recognised, with why
    const report = await rest.download({ path: `/rounds/${round.id}/documents/bao-cao-tong-hop`, token: await rest.login({ email: world.users.districtAdmin.email, password: 'mat-khau-thu-nghiem' }) })
    const reportText = textOf(report.bytes)
    expect(reportText).toContain('Tổng số hồ sơ: 1; đạt: 0; chưa đạt: 1')
    expect(reportText).toContain(`UBND xã A1 DOC`)
    expect(stored.teamOutcome).toBe('tot')
    expect(reportText).toContain('Chờ quyết định công nhận; kết luận của đoàn: Tốt')
  }, 60_000)

  it('the dossier ZIP holds the papers and the evidence files', async () => {
    const file = await get(`/self-assessments/${ownDossier.id}/dossier.zip`, 'donvi')
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/zip')
    const zip = new PizZip(file.bytes)
    const names = Object.keys(zip.files)
    expect(names).toEqual(expect.arrayContaining(['to-trinh.docx', 'bao-cao-tu-danh-gia.docx', 'ban-tong-hop.docx']))
    expect(names.some((name) => name.startsWith('minh-chung/') && name.endsWith('nghi-quyet-15.pdf'))).toBe(true)
    const table = textOf(zip.file('ban-tong-hop.docx')!.asUint8Array())
    expect(table).toContain('15/NQ-HĐND ngày 02/03/2026 — Nghị quyết về xây dựng xã hội học tập')
    expect(table).toContain('UBND XÃ TRƯỜNG HÀ')
  })

  it('a unit gets its own papers and not another unit’s (404, nothing generated); anonymous 401', async () => {
    expect((await get(`/self-assessments/${ownDossier.id}/documents/to-trinh`, 'donvi')).status).toBe(200)
    for (const path of [`/self-assessments/${recognised[0].id}/documents/to-trinh`, `/self-assessments/${recognised[0].id}/dossier.zip`]) {
      const refused = await get(path, 'donvi')
      expect(refused.status).toBe(404)
      expect(refused.type).not.toBe(docxMime)
    }
    expect((await get(`/self-assessments/${ownDossier.id}/documents/to-trinh`, 'none')).status).toBe(401)
    // the district and the province read their subtree's dossiers
    expect((await get(`/self-assessments/${recognised[0].id}/documents/to-trinh`, 'huyen')).status).toBe(200)
    expect((await get(`/self-assessments/${recognised[0].id}/documents/to-trinh`, 'tinh')).status).toBe(200)
  })

  it('an unknown type or format is refused in Vietnamese', async () => {
    const unknown = await rest.call({ method: 'GET', path: `/self-assessments/${ownDossier.id}/documents/khong-co`, token: tokens.donvi })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toContain('Không có loại văn bản «khong-co»')
    const format = await rest.call({ method: 'GET', path: `/self-assessments/${ownDossier.id}/documents/to-trinh?format=xlsx`, token: tokens.donvi })
    expect(format.status).toBe(400)
    expect(format.body.errors[0].message).toContain('không xuất được định dạng «xlsx»')
    // an id that is no id is a dossier that is not there, not a database error
    for (const path of ['/self-assessments/abc/documents/to-trinh', '/self-assessments/1.5/dossier.zip', '/rounds/-1/documents/bien-ban', '/decisions/abc/documents/quyet-dinh']) {
      const answer = await rest.call({ method: 'GET', path, token: tokens.donvi })
      expect({ path, status: answer.status }).toEqual({ path, status: 404 })
    }
  })
})

describe('a round’s and a decision’s papers', () => {
  it('Quyết định công nhận: number, date in words, signature block from the records, the annex rows by level', async () => {
    const file = await get(`/decisions/${decision.id}/documents/quyet-dinh`, 'huyen')
    expect(file.status).toBe(200)
    const text = textOf(file.bytes)
    expect(text).toContain(`Số: ${decision.number}`)
    expect(text).toContain(`Hà Quảng, ${dateInWords(String(decision.signedOn).slice(0, 10))}`)
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG')
    expect(text).toContain('KT. CHỦ TỊCHPHÓ CHỦ TỊCH')
    const entries = (decision.entries ?? []).filter((entry) => !entry.isRemoved)
    expect(text).toContain(`Công nhận ${String(entries.length).padStart(2, '0')} (`)
    const units = await payload.find({ collection: 'units', depth: 0, where: { id: { in: entries.map((entry) => entry.unit as number) } } })
    for (const unit of units.docs) expect(text).toContain(unit.name)
    // the annex: level 1 rows before level 2
    expect(text.indexOf('Mức độ 1')).toBeGreaterThan(-1)
    expect(text.indexOf('Mức độ 2')).toBeGreaterThan(text.indexOf('Mức độ 1'))
    // a unit reads its decision; the register's public does not get the paper
    expect((await get(`/decisions/${decision.id}/documents/quyet-dinh`, 'none')).status).toBe(401)
  })

  it('an issued Quyết định keeps the names it was issued with, after a unit is renamed', async () => {
    const entry = (decision.entries ?? []).find((row) => !row.isRemoved)
    const unit = await payload.findByID({ collection: 'units', depth: 0, id: entry?.unit as number })
    const renamed = `${unit.name} (sáp nhập, tên mới)`
    await payload.update({ collection: 'units', data: { name: renamed }, id: unit.id })
    try {
      const text = textOf((await get(`/decisions/${decision.id}/documents/quyet-dinh`, 'huyen')).bytes)
      expect(text).toContain(unit.name)
      expect(text).not.toContain(renamed)
    } finally {
      await payload.update({ collection: 'units', data: { name: unit.name }, id: unit.id })
    }
  })

  it('Quyết định thành lập đoàn and Biên bản name the team and each dossier’s result', async () => {
    const team = textOf((await get(`/rounds/${lastRound.id}/documents/quyet-dinh-thanh-lap-doan`, 'huyen')).bytes)
    expect(team).toContain('Trưởng đoàn')
    expect(team).toContain('Thành lập Đoàn đánh giá Đơn vị học tập năm')
    const minutes = await get(`/rounds/${lastRound.id}/documents/bien-ban`, 'huyen')
    expect(minutes.status).toBe(200)
    const text = textOf(minutes.bytes)
    expect(text).toContain('BIÊN BẢN')
    expect(text).toContain(`Đoàn đã thẩm định ${recognised.length} hồ sơ; kết luận ${recognised.length} hồ sơ đạt`)
    const unit = await payload.findByID({ collection: 'units', depth: 0, id: recognised[0].unit as number })
    expect(text).toContain(unit.name)
  })

  it('the upward report counts by unit type and level and compares with last year, as DOCX and XLSX', async () => {
    const docx = textOf((await get(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop`, 'huyen')).bytes)
    const previousRecognised = (await payload.count({ collection: 'recognitions', where: { year: { equals: year - 1 } } as never }).catch(() => ({ totalDocs: -1 }))).totalDocs
    expect(docx).toContain(`Tổng số hồ sơ: ${recognised.length}; đạt: ${recognised.length}; chưa đạt: 0`)
    expect(docx).toMatch(new RegExp(`So với năm ${year - 1} \\(\\d+ đơn vị đạt\\): (tăng|giảm|bằng)`))
    expect(previousRecognised).toBeDefined()
    const file = await get(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop?format=xlsx`, 'huyen')
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.bytes) as never)
    const totals = book.getWorksheet('Tổng hợp')!
    expect(totals.getRow(4).values).toEqual([undefined, 'Tổng số hồ sơ', recognised.length])
    expect(totals.getRow(5).values).toEqual([undefined, 'Số đơn vị đạt', recognised.length])
    const levels = book.getWorksheet('Theo mức độ')!
    const levelRows = levels.getSheetValues().slice(4).map((row) => (row as unknown[]).slice(1, 4))
    expect(levelRows).toContainEqual(['Mức độ 2', 1, 0])
    const types = book.getWorksheet('Theo loại đơn vị')!
    expect(types.getRow(3).values).toEqual([undefined, 'Loại đơn vị', 'Số hồ sơ', 'Đạt', 'Chưa đạt'])
  })

  it('a unit does not get its round’s papers (they are the authority’s and the team’s); the PDF is made where LibreOffice is installed, else refused plainly', async () => {
    for (const type of ['bien-ban', 'bao-cao-tong-hop']) expect((await get(`/rounds/${lastRound.id}/documents/${type}`, 'donvi')).status).toBe(403)
    expect((await get(`/rounds/${lastRound.id}/documents/bien-ban`, 'reviewer')).status).toBe(200)
    const pdf = await rest.download({ path: `/decisions/${decision.id}/documents/quyet-dinh?format=pdf`, token: tokens.huyen })
    if (canMakePdf()) {
      expect(pdf.status).toBe(200)
      expect(Buffer.from(pdf.bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-')
    } else {
      expect(pdf.status).toBe(501)
    }
    // a server without LibreOffice says so plainly and offers the Word file
    const setting = process.env.SOFFICE_PATH
    process.env.SOFFICE_PATH = '/khong-co/soffice'
    try {
      const refused = await rest.call({ method: 'GET', path: `/decisions/${decision.id}/documents/quyet-dinh?format=pdf`, token: tokens.huyen })
      expect(refused.status).toBe(501)
      expect(refused.body.errors[0].message).toContain('chưa cài LibreOffice')
      expect(refused.body.errors[0].message).toContain('bản Word (.docx)')
      const types = await rest.call({ method: 'GET', path: '/document-types', token: tokens.huyen })
      expect(types.body.canMakePdf).toBe(false)
      expect(types.body.types.find((type: { code: string }) => type.code === 'quyet-dinh').formats).toEqual(['docx'])
    } finally {
      if (setting === undefined) delete process.env.SOFFICE_PATH
      else process.env.SOFFICE_PATH = setting
    }
  }, 60_000)
})

const templateWith = (text: string) => ({ bytes: new Uint8Array(packDocx({ content: [paragraph(text)], title: 'Mẫu thử' })), name: 'mau-ha-quang.docx', type: docxMime })

describe('templates as data', () => {
  const storedCount = async () => ({ files: (await readdir(documentTemplatesDir()).catch(() => [])).length, rows: (await payload.count({ collection: 'document-templates' })).totalDocs })

  it('the demo loads a default row per type', async () => {
    const { docs } = await payload.find({ collection: 'document-templates', depth: 0, limit: 0, where: { authority: { exists: false } } })
    expect(docs.map((doc) => doc.docType).sort()).toEqual(['ban-tong-hop', 'bao-cao-tong-hop', 'bao-cao-tu-danh-gia', 'bien-ban', 'bieu-tu-cham-diem', 'quyet-dinh', 'quyet-dinh-thanh-lap-doan', 'to-trinh'])
  })

  it('refuses an unknown placeholder, broken syntax and a file that is not Word, naming it, and stores nothing', async () => {
    const before = await storedCount()
    const cases = [
      { expected: '«{tenDonViSai}»', file: templateWith('Kính gửi {tenDonViSai}') },
      { expected: 'Thẻ «{tenDonVi» thiếu dấu đóng', file: templateWith('Kính gửi {tenDonVi') },
      { expected: 'Danh sách «{#hoSoKemTheo}» chưa có thẻ đóng', file: templateWith('{#hoSoKemTheo}{ten}') },
      { expected: 'không phải là tệp Word', file: { bytes: new Uint8Array(Buffer.from('xin chào')), name: 'mau.docx', type: docxMime } },
    ]
    for (const { expected, file } of cases) {
      const response = await rest.upload({ fields: { docType: 'to-trinh' }, file, path: '/document-templates', token: tokens.huyen })
      expect(response.status, expected).toBe(400)
      expect(JSON.stringify(response.body), expected).toContain(expected)
      expect(response.body.errors[0].message).toBe('Chưa lưu được, cần sửa trường: Tệp tải lên')
    }
    expect(await storedCount()).toEqual(before)
  })

  it('a template uploaded for Huyện Hà Quảng is used for its units, not for the province nor its sibling', async () => {
    const upload = await rest.upload({ fields: { docType: 'to-trinh' }, file: templateWith('MẪU RIÊNG HÀ QUẢNG — {tenDonVi}, {diaDanhNgayThang}'), path: '/document-templates', token: tokens.huyen })
    expect(upload.status).toBe(201)
    const authorities = (await payload.find({ collection: 'authorities', depth: 0 })).docs
    const byCode = (code: string) => authorities.find((authority) => authority.code === code)!.id
    expect(upload.body.doc.authority.id ?? upload.body.doc.authority).toBe(byCode('CB-HQ'))
    const text = textOf((await get(`/self-assessments/${recognised[0].id}/documents/to-trinh`, 'huyen')).bytes)
    expect(text).toContain('MẪU RIÊNG HÀ QUẢNG — ')
    expect(text).not.toContain('TỜ TRÌNH')
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const chosen = async (code: string) => (await chooseTemplate({ authorityId: byCode(code), docType: 'to-trinh', regime: 'tt24-2023', req })).templateId
    expect(await chosen('CB-HQ')).toBe(upload.body.doc.id)
    expect(await chosen('CB')).not.toBe(upload.body.doc.id)
    expect(await chosen('CB-TP')).not.toBe(upload.body.doc.id)
    // the province's readers see it; a unit does not list templates
    expect((await rest.call({ method: 'GET', path: `/document-templates/${upload.body.doc.id}`, token: tokens.tinh })).status).toBe(200)
    expect((await rest.call({ method: 'GET', path: `/document-templates/${upload.body.doc.id}`, token: tokens.donvi })).status).toBe(403)
  })

  it('the district cannot put a template on the province or replace a default; a unit cannot upload', async () => {
    const before = await storedCount()
    const province = (await payload.find({ collection: 'authorities', depth: 0, where: { code: { equals: 'CB' } } })).docs[0]
    const onProvince = await rest.upload({ fields: { authority: province.id, docType: 'bien-ban' }, file: templateWith('{tenDotDanhGia}'), path: '/document-templates', token: tokens.huyen })
    expect([400, 403]).toContain(onProvince.status)
    const fromUnit = await rest.upload({ fields: { docType: 'bien-ban' }, file: templateWith('{tenDotDanhGia}'), path: '/document-templates', token: tokens.donvi })
    expect(fromUnit.status).toBe(403)
    const aDefault = (await payload.find({ collection: 'document-templates', depth: 0, limit: 1, where: { authority: { exists: false } } })).docs[0]
    const change = await rest.call({ body: { isActive: false }, method: 'PATCH', path: `/document-templates/${aDefault.id}`, token: tokens.huyen })
    expect([403, 404]).toContain(change.status)
    expect((await payload.findByID({ collection: 'document-templates', id: aDefault.id })).isActive).toBe(true)
    expect(await storedCount()).toEqual(before)
  })
})

describe('a large round’s upward report, made in the background with its progress (file-tasks)', () => {
  const post = (path: string, who?: string) => rest.call({ method: 'POST', path, token: who ? tokens[who] : undefined })
  const runFiles = () => payload.jobs.run({ queue: fileTasksQueue })
  const cells = async (bytes: Uint8Array) => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as never)
    return book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => JSON.stringify(row)) }))
  }

  it('queues, writes its progress as it reads, fills and stores, and ends with the same workbook the direct download gives', async () => {
    const queued = await post(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop/jobs?format=xlsx`, 'huyen')
    expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    expect(queued.body.doc).toMatchObject({ format: 'xlsx', progress: 0, status: 'queued' })
    expect(queued.body.doc.title).toContain('Báo cáo')
    const id = queued.body.doc.id as number
    // what the job writes on the row, in order (each its own write, so that a poll sees it move)
    const written: { progress?: number; stage?: string; status?: string }[] = []
    const update = payload.update.bind(payload)
    const spy = vi.spyOn(payload, 'update').mockImplementation(((args: Parameters<Payload['update']>[0]) => {
      if (args.collection === 'file-tasks') written.push({ ...(args.data as object) })
      return update(args as never)
    }) as never)
    try {
      await runFiles()
    } finally {
      spy.mockRestore()
    }
    const percents = written.map((row) => row.progress).filter((value): value is number => typeof value === 'number')
    expect(percents.length).toBeGreaterThanOrEqual(4)
    expect([...percents].sort((a, b) => a - b)).toEqual(percents)
    expect(percents.at(-1)).toBe(100)
    expect(written.map((row) => row.stage)).toEqual(expect.arrayContaining([`Đang đọc hồ sơ của đợt: ${recognised.length}/${recognised.length}`, 'Đang điền mẫu văn bản', 'Đang lưu tệp', 'Xong']))
    const { body: task, status } = await rest.call({ method: 'GET', path: `/file-tasks/${id}?depth=0`, token: tokens.huyen })
    expect(status).toBe(200)
    expect(task).toMatchObject({ error: null, progress: 100, stage: 'Xong', status: 'done' })
    expect(task.filename).toMatch(/^bao-cao-tong-hop-\d{4}.*\.xlsx$/)
    const made = await rest.download({ path: new URL(task.url, 'http://localhost').pathname.replace(/^\/api/, ''), token: tokens.huyen })
    expect(made.status).toBe(200)
    const direct = await get(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop?format=xlsx`, 'huyen')
    expect(await cells(made.bytes)).toEqual(await cells(direct.bytes))
    // running the queue again does not make it twice
    await runFiles()
    expect((await payload.findByID({ collection: 'file-tasks', depth: 0, id })).filename).toBe(task.filename)
  }, 60_000)

  it('is the requester’s alone: another office does not see it or its file, a unit may not ask, bad input is refused naming the field', async () => {
    const queued = await post(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop/jobs?format=docx`, 'huyen')
    expect(queued.status).toBe(202)
    await runFiles()
    const task = await payload.findByID({ collection: 'file-tasks', depth: 0, id: queued.body.doc.id })
    expect(task.status).toBe('done')
    // the province office may read the round, but the task is the district's
    expect((await rest.call({ method: 'GET', path: `/file-tasks/${task.id}`, token: tokens.tinh })).status).toBe(404)
    expect((await rest.call({ method: 'GET', path: '/file-tasks?limit=100', token: tokens.tinh })).body.docs).toEqual([])
    expect((await rest.download({ path: `/file-tasks/file/${task.filename}`, token: tokens.tinh })).status).toBe(403)
    expect((await rest.download({ path: `/file-tasks/file/${task.filename}` })).status).toBe(403)
    const graphql = await createGraphqlClient({ config })({ query: '{ FileTasks { docs { id title } } }', token: tokens.tinh })
    expect(graphql.errors).toBeUndefined()
    expect(graphql.data.FileTasks.docs).toEqual([])
    expect((await createGraphqlClient({ config })({ query: '{ FileTasks { docs { id title } } }', token: tokens.huyen })).data.FileTasks.docs.map((doc: { id: number }) => doc.id)).toContain(task.id)
    // nobody edits a task through the API, not even the one who asked; the row reads back as it was
    const edit = await rest.call({ body: { progress: 5, status: 'failed' }, method: 'PATCH', path: `/file-tasks/${task.id}`, token: tokens.huyen })
    expect(edit.status).toBe(403)
    expect(await payload.findByID({ collection: 'file-tasks', depth: 0, id: task.id })).toMatchObject({ progress: 100, status: 'done' })
    const before = (await payload.count({ collection: 'file-tasks' })).totalDocs
    expect((await post(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop/jobs?format=xlsx`, 'donvi')).status).toBe(403)
    expect((await post(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop/jobs?format=xlsx`)).status).toBe(401)
    const badFormat = await post(`/rounds/${lastRound.id}/documents/bao-cao-tong-hop/jobs?format=odt`, 'huyen')
    expect(badFormat.status).toBe(400)
    expect(badFormat.body.errors[0]).toMatchObject({ path: 'format' })
    expect(badFormat.body.errors[0].message).toContain('không xuất được định dạng «odt»')
    expect((await post(`/rounds/abc/documents/bao-cao-tong-hop/jobs?format=xlsx`, 'huyen')).status).toBe(404)
    expect((await post(`/rounds/${lastRound.id}/documents/khong-co/jobs?format=xlsx`, 'huyen')).status).toBe(404)
    expect((await payload.count({ collection: 'file-tasks' })).totalDocs).toBe(before)
  }, 60_000)

  it('a task that cannot be made ends failed with the reason in Vietnamese, and is not retried', async () => {
    const huyen = (await payload.find({ collection: 'users', depth: 0, where: { email: { equals: 'huyen@demo.vn' } } })).docs[0]
    const orphan = await payload.create({ collection: 'file-tasks', data: { docType: 'bao-cao-tong-hop', format: 'xlsx', kind: 'round-document', requestedBy: huyen.id, status: 'queued', title: 'Báo cáo không còn đợt' }, overrideAccess: true })
    await payload.jobs.queue({ input: { fileTask: orphan.id }, queue: fileTasksQueue, task: roundDocumentTaskSlug })
    await runFiles()
    await runFiles()
    const failed = await payload.findByID({ collection: 'file-tasks', depth: 0, id: orphan.id })
    expect(failed).toMatchObject({ error: 'Không tạo được văn bản: Đợt đánh giá của văn bản này không còn nữa.', stage: 'Lỗi', status: 'failed' })
    expect(failed.filename ?? null).toBeNull()
  })
})

describe('why the team found a dossier short, in the upward report', () => {
  it('names the indicators the team found not met for a unit not recognised', async () => {
    const world = await createWorld({ payload, tag: 'SHORT' })
    const setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
    const round = await createRound({ payload, setIds: [setId], title: 'Đánh giá — hồ sơ thiếu', world })
    const accepted = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor: world.users.unitEditor, payload, roundId: round.id, setId })
    const first = (accepted.answers ?? []).find((row) => row.isApplicable !== false)!
    await reviewDossier({ payload, recommendation: 'not-recognise', reviewer: world.users.reviewer, rows: (row) => ({ comment: 'Đã xem', verdict: row.indicator === first.indicator ? 'not-met' : 'met' }), sa: accepted })
    await updateDossier({ data: { status: 'reviewed' }, id: accepted.id, payload, user: world.users.reviewer })
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: accepted.id })
    expect(stored.teamOutcome).toBe('not-met')
    const token = await rest.login({ email: world.users.districtAdmin.email, password: 'mat-khau-thu-nghiem' })
    const text = textOf((await rest.download({ path: `/rounds/${round.id}/documents/bao-cao-tong-hop`, token })).bytes)
    expect(text).toContain('Tổng số hồ sơ: 1; đạt: 0; chưa đạt: 1')
    expect(text).toContain('Chờ quyết định công nhận; kết luận của đoàn: Chưa đạt')
    expect(text).toContain(String(first.indicator))
  }, 60_000)
})

describe('a round of more than 1,000 units', () => {
  it('reads its units 1,000 ids at a time: the guards refuse one longer `in` list, which once made the upward report of such a round answer 400', async () => {
    const units = (await payload.find({ collection: 'units', depth: 0, limit: 5, sort: 'id' })).docs
    // 2,500 ids of which five are real units, the rest ids no row has
    const ids = [...units.map((unit) => unit.id), ...Array.from({ length: 2495 }, (_, index) => 900_000 + index)]
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    await expect(payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, where: { id: { in: ids } } })).rejects.toThrow(/tối đa 1000/)
    const found = await findByIds({ collection: 'units', ids, req, select: { name: true } })
    expect(found.map((unit) => unit.id).sort()).toEqual(units.map((unit) => unit.id).sort())
    expect(found[0].name).toBe(units.find((unit) => unit.id === found[0].id)?.name)
  })
})
