/**
 * The cheap save path of issue 10, on real PostgreSQL: a transition PATCHed over REST is a small
 * write (status, step fields, one audit row; the answer rows and versions untouched) that ends
 * exactly where the full save would; whatever it would refuse goes to the full save, which
 * refuses it with the same field-named message; a Local API transition leaves the rows alone too;
 * cited evidence is checked once by the hook; lists leave the heavy fields out and populated
 * relations are short.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { onDomainEvent, type DomainEvent } from '@hooks/events'

import { as, createAccount, reviewDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, setIdByCode } from './helpers/rounds'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
let db: pg.Client
const rest = createRestClient({ config })
const tokens: Record<string, string> = {}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'SVP' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  for (const name of ['unitEditor', 'districtAdmin', 'provinceAdmin', 'reviewer'] as const) {
    tokens[name] = await rest.login({ email: world.users[name].email, password })
  }
})
afterAll(async () => {
  await db?.end()
  await closeTestPayload(payload)
})

/** A new round of district A with a complete draft of unit A1 in it. */
const answeredDraft = async (title: string) => {
  const round = await createRound({ payload, setIds: [setId], title, world })
  const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: round.id, status: 'draft', unit: world.units.unitA1.id }, ...as(world.users.unitEditor) })
  const answered = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(world.users.unitEditor) })
  return { answered, round }
}

/** The answer rows' physical identity: `xmin` changes when a row is deleted and inserted again. */
const rowStamps = async (id: number) => (await db.query(`select id, xmin::text as stamp from sa_answers where _parent_id = $1 order by _order`, [id])).rows
const versionCount = async (id: number) => Number((await db.query(`select count(*) as n from _self_assessments_v where parent_id = $1`, [id])).rows[0].n)
const auditOf = async (id: number) =>
  (await db.query(`select action, "from", "to", comment, actor_id from audit_events where collection = 'self-assessments' and doc_id = $1 order by id`, [String(id)])).rows
const patch = (who: keyof typeof tokens, id: number, body: unknown, query = '?depth=0') => rest.call({ body, method: 'PATCH', path: `/self-assessments/${id}${query}`, token: tokens[who] })

describe('a transition over REST is a small write', () => {
  it('submits, accepts and returns without touching the answer rows or the versions, each with its audit row', async () => {
    const { answered } = await answeredDraft('Đợt SVP nộp nhanh')
    const rowsBefore = await rowStamps(answered.id)
    const versionsBefore = await versionCount(answered.id)

    const submitted = await patch('unitEditor', answered.id, { status: 'submitted' })
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc).toMatchObject({ id: answered.id, status: 'submitted', submittedBy: world.users.unitEditor.id })
    expect(Date.now() - new Date(submitted.body.doc.submittedAt).getTime()).toBeLessThan(60_000)
    // the stored result and rows are those of the last save of the answers
    expect(submitted.body.doc.result).toEqual(answered.result)
    expect(submitted.body.doc.answers).toEqual(answered.answers)

    expect((await patch('districtAdmin', answered.id, { status: 'in-review' })).status).toBe(200)
    const returned = await patch('districtAdmin', answered.id, { returnReason: '  Thiếu biên bản họp.  ', status: 'returned' })
    expect(returned.status).toBe(200)
    expect(returned.body.doc).toMatchObject({ returnReason: 'Thiếu biên bản họp.', status: 'returned' })

    expect(await rowStamps(answered.id)).toEqual(rowsBefore)
    expect(await versionCount(answered.id)).toBe(versionsBefore)
    expect(await auditOf(answered.id)).toEqual([
      { action: 'submit', actor_id: world.users.unitEditor.id, comment: null, from: 'draft', to: 'submitted' },
      { action: 'accept', actor_id: world.users.districtAdmin.id, comment: null, from: 'submitted', to: 'in-review' },
      { action: 'return', actor_id: world.users.districtAdmin.id, comment: 'Thiếu biên bản họp.', from: 'in-review', to: 'returned' },
    ])
  })

  it('counts evidence on the stored rows: a row with evidence and no explanation submits', async () => {
    const { answered } = await answeredDraft('Đợt SVP có minh chứng')
    const own = await payload.db.create({ collection: 'evidence', data: { filename: 'kh.pdf', mimeType: 'application/pdf', title: 'Kế hoạch năm', unit: world.units.unitA1.id } })
    const rows = answered.answers ?? []
    const last = rows.map((row, index) => ({ index, row })).filter(({ row }) => row.isApplicable && row.evidenceRequired).at(-1)
    expect(last).toBeDefined()
    // the last such row is answered with evidence only: its evidence must be found under its own index
    await payload.update({
      collection: 'self-assessments',
      data: { answers: rows.map((row, index) => (index === last?.index ? { ...row, evidence: [own.id], explanation: null } : row)) },
      id: answered.id,
      ...as(world.users.unitEditor),
    })
    const versionsBefore = await versionCount(answered.id)
    const submitted = await patch('unitEditor', answered.id, { status: 'submitted' }, '?depth=0&select[status]=true')
    expect(submitted.status).toBe(200)
    // taken by the small write (the full save would have written a version)
    expect(await versionCount(answered.id)).toBe(versionsBefore)
    expect(submitted.body.doc).toEqual({ id: answered.id, status: 'submitted' })
    expect(await auditOf(answered.id)).toEqual([{ action: 'submit', actor_id: world.users.unitEditor.id, comment: null, from: 'draft', to: 'submitted' }])
  })

  it('closing the review over REST records the team’s result and announces it, as the full save does', async () => {
    const { answered } = await answeredDraft('Đợt SVP kết thúc')
    await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: answered.id, ...as(world.users.unitEditor) })
    const accepted = await payload.update({ collection: 'self-assessments', data: { status: 'in-review' }, id: answered.id, ...as(world.users.districtAdmin) })
    await reviewDossier({ payload, reviewer: world.users.reviewer, rows: () => ({ verdict: 'met' }), sa: accepted })
    const heard: DomainEvent[] = []
    const stop = onDomainEvent((event) => {
      if ('selfAssessment' in event && event.selfAssessment === answered.id) heard.push(event)
    })
    const versionsBefore = await versionCount(answered.id)
    const closed = await patch('reviewer', answered.id, { status: 'reviewed' })
    stop()
    expect(closed.status).toBe(200)
    expect(closed.body.doc).toMatchObject({ disagreements: 0, status: 'reviewed', teamLevel: 1, teamOutcome: 'met' })
    expect(await versionCount(answered.id)).toBe(versionsBefore)
    expect(heard).toEqual([{ outcome: 'met', selfAssessment: answered.id, type: 'self-assessment.reviewed', unit: world.units.unitA1.id }])
  })

  it('answers at the depth asked, as Payload’s update does', async () => {
    const { answered, round } = await answeredDraft('Đợt SVP độ sâu')
    const submitted = await patch('unitEditor', answered.id, { status: 'submitted' }, '?depth=1')
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.round).toMatchObject({ id: round.id, title: 'Đợt SVP độ sâu' })
  })

  it('leaves what it would refuse to the full save, which refuses it naming the field, and stores nothing', async () => {
    const { answered } = await answeredDraft('Đợt SVP từ chối')
    const before = (await db.query(`select md5(t::text) as row from self_assessments t where id = $1`, [answered.id])).rows[0].row

    // the unit cannot accept its own dossier; the authority cannot submit it; a return needs a reason
    const refusals = [
      await patch('unitEditor', answered.id, { status: 'in-review' }),
      await patch('districtAdmin', answered.id, { status: 'submitted' }),
      await patch('provinceAdmin', answered.id, { status: 'returned' }),
      await patch('unitEditor', answered.id, { status: 'recognised' }),
    ]
    for (const refusal of refusals) {
      expect(refusal.status).toBeGreaterThanOrEqual(400)
      expect(refusal.status).toBeLessThan(500)
    }
    expect(refusals[0].body.errors[0].data.errors[0]).toMatchObject({ path: 'status' })
    expect(refusals[0].body.errors[0].data.errors[0].message).toMatch(/[ạảãáàâăđêôơư]/)
    // a reviewer outside the round's team cannot even see it
    const outsider = await createAccount({ authority: world.authorities.districtB.id, email: 'ngoai.svp@test.vn', payload, role: 'reviewer' })
    const outsiderToken = await rest.login({ email: outsider.email, password })
    const hidden = await rest.call({ body: { status: 'reviewed' }, method: 'PATCH', path: `/self-assessments/${answered.id}?depth=0`, token: outsiderToken })
    expect([403, 404]).toContain(hidden.status)
    // anonymous
    expect((await rest.call({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${answered.id}?depth=0` })).status).toBe(403)

    expect((await db.query(`select md5(t::text) as row from self_assessments t where id = $1`, [answered.id])).rows[0].row).toBe(before)
    expect(await auditOf(answered.id)).toEqual([])
  })

  it('refuses an incomplete dossier with the row’s field, through the full save', async () => {
    const { answered } = await answeredDraft('Đợt SVP thiếu')
    const index = (answered.answers ?? []).findIndex((row) => row.isApplicable && row.measure === 'boolean')
    await payload.update({ collection: 'self-assessments', data: { answers: (answered.answers ?? []).map((row, i) => (i === index ? { ...row, yesNo: null } : row)) }, id: answered.id, ...as(world.users.unitEditor) })
    const refused = await patch('unitEditor', answered.id, { status: 'submitted' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors.map((error: { path: string }) => error.path)).toEqual([`answers.${index}.yesNo`])
    expect((await payload.findByID({ collection: 'self-assessments', depth: 0, id: answered.id })).status).toBe('draft')
  })

  it('a body with anything beside the status goes through the full save', async () => {
    const { answered } = await answeredDraft('Đợt SVP kèm trả lời')
    const rowsBefore = await rowStamps(answered.id)
    const answers = (answered.answers ?? []).map((row) => (row.isApplicable && row.measure === 'ratio' ? { ...row, numerator: 19 } : row))
    const response = await patch('unitEditor', answered.id, { answers, status: 'submitted' })
    expect(response.status).toBe(200)
    expect(response.body.doc.status).toBe('submitted')
    expect(response.body.doc.answers.find((row: { measure: string; isApplicable: boolean }) => row.isApplicable && row.measure === 'ratio').numerator).toBe(19)
    expect(await rowStamps(answered.id)).not.toEqual(rowsBefore)
  })

  it('fifty concurrent submissions of different dossiers all land, each once', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt SVP đồng thời', world })
    const units = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        payload.create({ collection: 'units', data: { authority: world.authorities.districtA.id, code: `SVP-C${index}`, memberCount: 10, name: `UBND xã SVP ${index}`, tier: 'huyen', unitType: 'xa' } }),
      ),
    )
    const editors = await Promise.all(units.map((unit, index) => createAccount({ email: `donvi${index}.svp@test.vn`, payload, role: 'unit-editor', unit: unit.id })))
    const drafts = await Promise.all(
      editors.map(async (editor, index) => {
        const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: round.id, status: 'draft', unit: units[index].id }, ...as(editor) })
        await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(editor) })
        return { id: draft.id, token: await rest.login({ email: editor.email, password }) }
      }),
    )
    const answers = await Promise.all(drafts.map((draft) => rest.call({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${draft.id}?depth=0`, token: draft.token })))
    expect(answers.map((answer) => answer.status)).toEqual(drafts.map(() => 200))
    const { rows } = await db.query(`select count(*) filter (where status = 'submitted') as submitted from self_assessments where round_id = $1`, [round.id])
    expect(Number(rows[0].submitted)).toBe(50)
    const audit = await db.query(`select doc_id, count(*) as n from audit_events where round_id = $1 and action = 'submit' group by doc_id`, [round.id])
    expect(audit.rows.map((row) => Number(row.n))).toEqual(drafts.map(() => 1))
  })
})

describe('the full save leaves the rows alone when they do not change', () => {
  it('a Local API transition does not rewrite the answer rows', async () => {
    const { answered } = await answeredDraft('Đợt SVP Local API')
    const rowsBefore = await rowStamps(answered.id)
    const submitted = await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: answered.id, ...as(world.users.unitEditor) })
    expect(submitted.status).toBe('submitted')
    expect(submitted.answers).toEqual(answered.answers)
    expect(await rowStamps(answered.id)).toEqual(rowsBefore)
  })
})

describe('evidence cited in an answer is the unit’s own', () => {
  it('refuses another unit’s evidence naming the row, and stores nothing', async () => {
    const { answered } = await answeredDraft('Đợt SVP minh chứng')
    const foreign = await payload.db.create({ collection: 'evidence', data: { filename: 'bb.pdf', mimeType: 'application/pdf', title: 'Biên bản xã A2', unit: world.units.unitA2.id } })
    const index = (answered.answers ?? []).findIndex((row) => row.isApplicable && row.evidenceRequired)
    const response = await patch('unitEditor', answered.id, { answers: [{ evidence: [foreign.id], indicator: answered.answers?.[index].indicator }] })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`minh chứng số ${foreign.id} không phải của đơn vị «UBND xã A1 SVP»`), path: `answers.${index}.evidence` }),
    ])
    const missing = await patch('unitEditor', answered.id, { answers: [{ evidence: [999999], indicator: answered.answers?.[index].indicator }] })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0].message).toContain('không có minh chứng số 999999')
    expect((await payload.findByID({ collection: 'self-assessments', depth: 0, id: answered.id })).answers?.[index].evidence).toEqual([])
  })
})

describe('lists are light', () => {
  it('a REST list leaves out the answer rows and results unless asked, and relations populate short', async () => {
    const { answered } = await answeredDraft('Đợt SVP danh sách')
    const list = await rest.call({ method: 'GET', path: `/self-assessments?where[id][equals]=${answered.id}`, token: tokens.provinceAdmin })
    expect(list.status).toBe(200)
    const [doc] = list.body.docs
    expect(doc).toMatchObject({ id: answered.id, outcome: 'met', status: 'draft' })
    expect(doc).not.toHaveProperty('answers')
    expect(doc).not.toHaveProperty('result')
    // populated relations carry their title and identifying fields, not the criteria set's indicators
    expect(Object.keys(doc.criteriaSet).sort()).toEqual(['code', 'id', 'level', 'model', 'regime', 'tier', 'title'])
    expect(Object.keys(doc.unit).sort()).toEqual(['authority', 'code', 'id', 'name', 'tier', 'unitType'])

    const asked = await rest.call({ method: 'GET', path: `/self-assessments?where[id][equals]=${answered.id}&select[answers]=true&depth=0`, token: tokens.provinceAdmin })
    expect(asked.body.docs[0].answers).toHaveLength(answered.answers?.length ?? -1)
    // one dossier by id is whole
    const one = await rest.call({ method: 'GET', path: `/self-assessments/${answered.id}?depth=0`, token: tokens.provinceAdmin })
    expect(one.body.answers).toEqual(answered.answers)
    expect(one.body.result).toEqual(answered.result)
  })
})
