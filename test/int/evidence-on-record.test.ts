/**
 * What a unit submitted stays on record: once a dossier is submitted, the evidence its answers cite
 * cannot be swapped, added or taken away, and an evidence file a submitted dossier cites can no
 * longer be replaced, re-described or deleted — over REST, as the admin and a portal would try.
 * Before submission both are the unit's to change (the controls that prove the requests work).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { SelfAssessment } from '@/payload-types'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { answeredDossier, as, idOf, updateDossier } from './helpers/dossiers'
import { pdfBytes } from './helpers/files'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient, type RestResponse } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
let token: string
const rest = createRestClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'EOR' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  token = await rest.login({ email: world.users.unitEditor.email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

/** Unit A1's clerk uploads a PDF over REST. */
const uploadEvidence = async (name: string) => {
  const response = await rest.upload({ fields: { title: `Minh chứng ${name}` }, file: { bytes: pdfBytes(name), name: `${name}.pdf`, type: 'application/pdf' }, path: '/evidence?depth=0', token })
  expect(response.status).toBe(201)
  return response.body.doc as { id: number; filename: string; title: string }
}

const messages = (response: RestResponse) => JSON.stringify(response.body)

const patchAnswers = (id: number, answers: unknown) => rest.call({ body: { answers }, method: 'PATCH', path: `/self-assessments/${id}?depth=0`, token })

/** The rows with `evidence` set on the row of `code`. */
const withEvidence = (rows: NonNullable<SelfAssessment['answers']>, code: string, evidence: number[]) =>
  rows.map((row) => ({ ...row, evidence: row.indicator === code ? evidence : (row.evidence ?? []).map(idOf).filter((id): id is number => id !== null) }))

const evidenceOf = async (id: number, code: string) =>
  ((await payload.findByID({ collection: 'self-assessments', depth: 0, id })).answers ?? []).find((row) => row.indicator === code)?.evidence?.map(idOf)

/** A dossier of unit A1 whose first evidence-asking row cites `cited`, submitted by the unit. */
const submittedCiting = async ({ cited, title }: { cited: number; title: string }) => {
  const round = await createRound({ payload, setIds: [setId], title, world })
  const answered = await answeredDossier({ editor: world.users.unitEditor, payload, roundId: round.id, setId })
  const row = (answered.answers ?? []).find((answer) => answer.isApplicable && answer.evidenceRequired)
  if (!row?.indicator) throw new Error('the set has no indicator asking for evidence')
  const citing = await updateDossier({ data: { answers: withEvidence(answered.answers ?? [], row.indicator, [cited]) }, id: answered.id, payload, user: world.users.unitEditor })
  const submitted = await updateDossier({ data: { status: 'submitted' }, id: citing.id, payload, user: world.users.unitEditor })
  expect(submitted.status).toBe('submitted')
  return { code: row.indicator, submitted }
}

describe('the evidence a submitted dossier cites cannot change', () => {
  it('while a draft, the unit swaps a row’s evidence freely', async () => {
    const first = await uploadEvidence('eor-nhap-1')
    const second = await uploadEvidence('eor-nhap-2')
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt EOR bản nháp', world })
    const answered = await answeredDossier({ editor: world.users.unitEditor, payload, roundId: round.id, setId })
    const code = (answered.answers ?? []).find((row) => row.isApplicable && row.evidenceRequired)?.indicator as string
    expect((await patchAnswers(answered.id, withEvidence(answered.answers ?? [], code, [first.id]))).status).toBe(200)
    expect(await evidenceOf(answered.id, code)).toEqual([first.id])
    expect((await patchAnswers(answered.id, withEvidence(answered.answers ?? [], code, [second.id]))).status).toBe(200)
    expect(await evidenceOf(answered.id, code)).toEqual([second.id])
  })

  it('after submission: swapped, added or removed, the unit is refused and the stored rows stay', async () => {
    const cited = await uploadEvidence('eor-da-nop')
    const other = await uploadEvidence('eor-thay-the')
    const { code, submitted } = await submittedCiting({ cited: cited.id, title: 'Đợt EOR đổi minh chứng' })
    const rows = submitted.answers ?? []
    const otherCode = rows.find((row) => row.isApplicable && row.indicator !== code)?.indicator as string

    const swapped = await patchAnswers(submitted.id, withEvidence(rows, code, [other.id]))
    expect(swapped.status).toBe(400)
    expect(messages(swapped)).toContain('«Tự đánh giá theo chỉ tiêu» không sửa được khi hồ sơ ở trạng thái «Đã nộp»')
    const added = await patchAnswers(submitted.id, withEvidence(rows, otherCode, [other.id]))
    expect(added.status).toBe(400)
    const removed = await patchAnswers(submitted.id, withEvidence(rows, code, []))
    expect(removed.status).toBe(400)
    // one row alone, as a partial update would send it
    const alone = await patchAnswers(submitted.id, [{ evidence: [other.id], indicator: code }])
    expect(alone.status).toBe(400)

    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: submitted.id })
    expect(stored.status).toBe('submitted')
    expect(stored.updatedAt).toBe(submitted.updatedAt)
    expect(stored.answers?.find((row) => row.indicator === code)?.evidence?.map(idOf)).toEqual([cited.id])
    expect(stored.answers?.find((row) => row.indicator === otherCode)?.evidence?.map(idOf)).toEqual([])
  })

  it('the authority cannot swap it either', async () => {
    const cited = await uploadEvidence('eor-huyen')
    const other = await uploadEvidence('eor-huyen-thay')
    const { code, submitted } = await submittedCiting({ cited: cited.id, title: 'Đợt EOR huyện đổi minh chứng' })
    const adminToken = await rest.login({ email: world.users.districtAdmin.email, password })
    const response = await rest.call({ body: { answers: withEvidence(submitted.answers ?? [], code, [other.id]) }, method: 'PATCH', path: `/self-assessments/${submitted.id}`, token: adminToken })
    expect(response.status).toBe(400)
    expect(await evidenceOf(submitted.id, code)).toEqual([cited.id])
  })
})

describe('an evidence file a submitted dossier cites is frozen', () => {
  it('a file no submitted dossier cites is the unit’s to re-describe, replace and delete', async () => {
    const free = await uploadEvidence('eor-tu-do')
    const described = await rest.call({ body: { documentNumber: '12/KH-UBND', title: 'Kế hoạch học tập (bản sửa)' }, method: 'PATCH', path: `/evidence/${free.id}`, token })
    expect(described.status).toBe(200)
    const replaced = await rest.upload({ file: { bytes: pdfBytes('eor-tu-do-moi'), name: 'eor-tu-do-moi.pdf', type: 'application/pdf' }, method: 'PATCH', path: `/evidence/${free.id}`, token })
    expect(replaced.status).toBe(200)
    expect((await payload.findByID({ collection: 'evidence', depth: 0, id: free.id })).title).toBe('Kế hoạch học tập (bản sửa)')
    expect((await rest.call({ method: 'DELETE', path: `/evidence/${free.id}`, token })).status).toBe(200)
    expect(await payload.count({ collection: 'evidence', where: { id: { equals: free.id } } })).toMatchObject({ totalDocs: 0 })
  })

  it('cited: re-describing, replacing and deleting are refused, and the stored file and its description stay', async () => {
    const cited = await uploadEvidence('eor-luu-ho-so')
    await submittedCiting({ cited: cited.id, title: 'Đợt EOR tệp đã nộp' })
    const before = await rest.download({ path: `/evidence/file/${cited.filename}`, token })
    expect(before.status).toBe(200)

    const described = await rest.call({ body: { title: 'Đổi tên sau khi nộp' }, method: 'PATCH', path: `/evidence/${cited.id}`, token })
    expect(described.status).toBe(400)
    expect(messages(described)).toContain('«Tên minh chứng»')
    const numbered = await rest.call({ body: { documentNumber: '99/QĐ' }, method: 'PATCH', path: `/evidence/${cited.id}`, token })
    expect(numbered.status).toBe(400)
    const replaced = await rest.upload({ file: { bytes: pdfBytes('eor-tep-khac'), name: 'eor-tep-khac.pdf', type: 'application/pdf' }, method: 'PATCH', path: `/evidence/${cited.id}`, token })
    expect(replaced.status).toBe(400)
    expect(messages(replaced)).toContain('đã được dẫn chiếu trong hồ sơ đã nộp')
    const deleted = await rest.call({ method: 'DELETE', path: `/evidence/${cited.id}`, token })
    expect(deleted.status).toBe(400)
    expect(messages(deleted)).toContain('không xóa được')
    // the admin is refused as well
    const adminDeleted = await payload.delete({ collection: 'evidence', id: cited.id, ...as(world.users.admin) }).then(
      () => 'deleted',
      (error: { name?: string }) => error.name,
    )
    expect(adminDeleted).toBe('ValidationError')

    const stored = await payload.findByID({ collection: 'evidence', depth: 0, id: cited.id })
    expect({ documentNumber: stored.documentNumber ?? null, filename: stored.filename, title: stored.title }).toEqual({ documentNumber: null, filename: cited.filename, title: cited.title })
    const after = await rest.download({ path: `/evidence/file/${cited.filename}`, token })
    expect(after.status).toBe(200)
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true)
  })
})
