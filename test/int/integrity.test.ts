/**
 * The defects issue 9 found from outside, each tried again the same way — through the documented
 * REST API with the attacker's own account — and each refused with a 4xx naming the field, the
 * stored record read back unchanged. Then the ways things are meant to change: the admin's audited
 * correction of the team's conclusion, and a revoking decision that keeps the register's history.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { queryRegister } from '@/public/register'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient, type RestResponse } from './helpers/rest'
import { metAnswers, openYear, setIdByCode } from './helpers/rounds'
import { settleSets } from './helpers/settle'
import { createWorld, password, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
const rest = createRestClient({ config })
const tokens: Record<string, string> = {}
const users: Record<string, ActingUser> = {}
let huyen1: number
/** the round of the register tests */
let roundId: number

const as = (user: ActingUser) => ({ depth: 0, overrideAccess: false, user })
const messages = (response: RestResponse) => JSON.stringify(response.body)
const fieldPaths = (response: RestResponse): string[] => (response.body?.errors ?? []).flatMap((error: { data?: { errors?: { path: string }[] } }) => (error.data?.errors ?? []).map((problem) => problem.path))
const call = (who: string, method: 'DELETE' | 'GET' | 'PATCH' | 'POST', path: string, body?: unknown) => rest.call({ body, method, path, token: who === 'anonymous' ? undefined : tokens[who] })
const readDossier = (id: number) => payload.findByID({ collection: 'self-assessments', depth: 0, id })

beforeAll(async () => {
  payload = await getTestPayload()
  await loadCriteriaSets({ payload })
  world = await createWorld({ payload, tag: 'ITG' })
  huyen1 = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  // a round opens only on settled sets: the set's unknowns take test values (helpers/settle.ts)
  await settleSets({ payload, setIds: [huyen1] })
  const member = await payload.create({ collection: 'users', data: { authority: world.authorities.districtA.id, email: 'member.itg@test.vn', name: 'Thành viên ITG', password, roles: ['reviewer'] } })
  const otherUnit = await payload.create({ collection: 'users', data: { email: 'donvi2.itg@test.vn', name: 'Đơn vị 2 ITG', password, roles: ['unit-editor'], unit: world.units.unitA2.id } })
  Object.assign(users, world.users, { member: { ...member, collection: 'users' }, otherUnit: { ...otherUnit, collection: 'users' } })
  for (const [key, user] of Object.entries(users)) tokens[key] = await rest.login({ email: user.email, password })
})

/** An open round of district A with its team: each test that needs dossiers of its own takes one. */
const freshRound = async () =>
  (
    await payload.create({
      collection: 'rounds',
      data: {
        authority: world.authorities.districtA.id,
        criteriaSets: [huyen1],
        // no dossier checklist: these dossiers are submitted without attachments
        dossier: [],
        status: 'open',
        team: [
          { role: 'truong-doan', user: world.users.reviewer.id },
          { role: 'thanh-vien', user: users.member.id },
        ],
        tier: 'huyen',
        title: 'Đợt ITG',
        year: openYear(),
      },
    })
  ).id
afterAll(async () => {
  await closeTestPayload(payload)
})

/** A dossier of unit A1 (or A2) answered in full and submitted by its own editor. */
const submittedDossier = async ({ editor = 'unitEditor', round }: { editor?: 'unitEditor' | 'otherUnit'; round?: number } = {}) => {
  const created = await payload.create({ collection: 'self-assessments', data: { criteriaSet: huyen1, round: round ?? (await freshRound()) } as never, ...as(users[editor]) })
  await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: created.answers ?? [] }) }, id: created.id, ...as(users[editor]) })
  const submitted = await call(editor, 'PATCH', `/self-assessments/${created.id}`, { status: 'submitted' })
  expect(submitted.status).toBe(200)
  return created.id
}

/** Accepted, reviewed by the lead with `verdict` on every indicator, and closed by the lead. */
const closedDossier = async ({ verdict, editor, round }: { verdict: 'met' | 'not-met'; editor?: 'unitEditor' | 'otherUnit'; round?: number }) => {
  const id = await submittedDossier({ editor, round })
  expect((await call('districtAdmin', 'PATCH', `/self-assessments/${id}`, { status: 'in-review' })).status).toBe(200)
  const review = await payload.create({ collection: 'reviews', data: { selfAssessment: id } as never, ...as(users.reviewer) })
  await payload.update({ collection: 'reviews', data: { verdicts: (review.verdicts ?? []).map((row) => ({ ...row, verdict })) }, id: review.id, ...as(users.reviewer) })
  const closed = await call('reviewer', 'PATCH', `/self-assessments/${id}`, { status: 'reviewed' })
  expect(closed.status).toBe(200)
  return id
}

describe('what only a workflow step writes', () => {
  it('a unit cannot forge the team’s verdict, and the next decision does not list it', async () => {
    const round = await freshRound()
    const id = await closedDossier({ round, verdict: 'not-met' })
    expect((await readDossier(id)).teamOutcome).toBe('not-met')
    const forged = await call('unitEditor', 'PATCH', `/self-assessments/${id}`, { teamLevel: 1, teamOutcome: 'met' })
    expect(forged.status).toBe(400)
    expect(fieldPaths(forged).sort()).toEqual(['teamLevel', 'teamOutcome'])
    expect(messages(forged)).toContain('do bước «Kết thúc thẩm định» ghi')
    const stored = await readDossier(id)
    expect([stored.teamOutcome, stored.teamLevel]).toEqual(['not-met', null])
    // nor can the admin or the authority by editing it
    for (const who of ['admin', 'districtAdmin']) expect((await call(who, 'PATCH', `/self-assessments/${id}`, { teamOutcome: 'met' })).status).toBe(400)
    const decision = await payload.create({ collection: 'decisions', data: { number: 'ITG-1/QĐ', round } as never, ...as(users.districtAdmin) })
    expect((decision.entries ?? []).map((entry) => entry.selfAssessment)).not.toContain(id)
    await payload.delete({ collection: 'decisions', id: decision.id, ...as(users.districtAdmin) })
  })

  it('nobody sets a dossier’s submission, result or status by hand when creating it', async () => {
    const before = await payload.count({ collection: 'self-assessments' })
    const created = await call('otherUnit', 'POST', '/self-assessments', { criteriaSet: huyen1, round: await freshRound(), status: 'submitted', submittedAt: '2020-01-01T00:00:00.000Z', teamOutcome: 'met' })
    expect(created.status).toBe(400)
    expect(fieldPaths(created).sort()).toEqual(['status', 'submittedAt', 'teamOutcome'])
    expect((await payload.count({ collection: 'self-assessments' })).totalDocs).toBe(before.totalDocs)
  })

  it('restoring an old version cannot undo a step either', async () => {
    const id = await submittedDossier({ editor: 'otherUnit' })
    const { docs: versions } = await payload.findVersions({ collection: 'self-assessments', depth: 0, where: { and: [{ parent: { equals: id } }, { 'version.status': { equals: 'draft' } }] } })
    expect(versions.length).toBeGreaterThan(0)
    const restored = await call('otherUnit', 'POST', `/self-assessments/versions/${versions[0].id}`)
    // a restore writes every field of the old version: each is checked like any other write
    expect(restored.status).toBe(400)
    expect(fieldPaths(restored).sort()).toEqual(['submittedAt', 'submittedBy'])
    expect((await readDossier(id)).status).toBe('submitted')
  })

  it('a review can be opened only by a team member for itself', async () => {
    const id = await submittedDossier({ editor: 'otherUnit' })
    await call('districtAdmin', 'PATCH', `/self-assessments/${id}`, { status: 'in-review' })
    const forOther = await call('member', 'POST', '/reviews', { reviewer: world.users.reviewer.id, selfAssessment: id })
    expect(forOther.status).toBe(400)
    expect(fieldPaths(forOther)).toEqual(['reviewer'])
    expect(messages(forOther)).toContain('Chỉ lập được phiếu đánh giá của chính bạn.')
    const byAdmin = await call('admin', 'POST', '/reviews', { selfAssessment: id })
    expect(byAdmin.status).toBe(400)
    expect((await payload.count({ collection: 'reviews', where: { selfAssessment: { equals: id } } })).totalDocs).toBe(0)
  })
})

describe('relations that scope access stay inside the writer’s reach', () => {
  it('an authority-admin cannot move its round to another district, nor move it at all once open', async () => {
    const round = await payload.create({ collection: 'rounds', data: { authority: world.authorities.districtA.id, criteriaSets: [huyen1], tier: 'huyen', title: 'Đợt ITG chuyển', year: openYear() } as never })
    const moved = await call('districtAdmin', 'PATCH', `/rounds/${round.id}`, { authority: world.authorities.districtB.id })
    expect(moved.status).toBe(400)
    expect(fieldPaths(moved)).toEqual(['authority'])
    expect(messages(moved)).toContain('phải thuộc phạm vi quản lý của bạn')
    expect((await payload.findByID({ collection: 'rounds', depth: 0, id: round.id })).authority).toBe(world.authorities.districtA.id)
    // the province may move a draft within its own subtree, but not once units may answer it
    expect((await call('provinceAdmin', 'PATCH', `/rounds/${round.id}`, { authority: world.authorities.districtB.id })).status).toBe(200)
    await payload.update({ collection: 'rounds', data: { status: 'open' }, id: round.id })
    const late = await call('provinceAdmin', 'PATCH', `/rounds/${round.id}`, { authority: world.authorities.districtA.id })
    expect(late.status).toBe(400)
    expect(messages(late)).toContain('không sửa được khi đợt đánh giá ở trạng thái «Đang nhận hồ sơ»')
    expect((await payload.findByID({ collection: 'rounds', depth: 0, id: round.id })).authority).toBe(world.authorities.districtB.id)
  })

  it('a unit cannot hand its evidence to another unit', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n', 'latin1')
    const evidence = await rest.upload({ fields: { title: 'Kế hoạch ITG' }, file: { bytes: pdf, name: 'ke-hoach.pdf', type: 'application/pdf' }, path: '/evidence', token: tokens.unitEditor })
    expect(evidence.status).toBe(201)
    const handed = await call('unitEditor', 'PATCH', `/evidence/${evidence.body.doc.id}`, { unit: world.units.unitA2.id })
    expect(handed.status).toBe(400)
    expect(fieldPaths(handed)).toEqual(['unit'])
    expect((await payload.findByID({ collection: 'evidence', depth: 0, id: evidence.body.doc.id })).unit).toBe(world.units.unitA1.id)
    // nor can it create one for another unit
    const forOther = await rest.upload({ fields: { title: 'Của người khác', unit: world.units.unitA2.id }, file: { bytes: pdf, name: 'khac.pdf', type: 'application/pdf' }, path: '/evidence', token: tokens.unitEditor })
    expect(forOther.status).toBeGreaterThanOrEqual(400)
    expect(forOther.status).toBeLessThan(500)
  })

  it('an authority-admin cannot assign an account or a unit outside its subtree', async () => {
    const unit = await call('districtAdmin', 'PATCH', `/units/${world.units.unitA2.id}`, { authority: world.authorities.districtB.id })
    expect(unit.status).toBe(400)
    expect(fieldPaths(unit)).toEqual(['authority'])
    const account = await call('districtAdmin', 'PATCH', `/users/${users.otherUnit.id}`, { unit: world.units.unitB1.id })
    expect(account.status).toBe(400)
    expect(fieldPaths(account)).toEqual(['unit'])
    expect((await payload.findByID({ collection: 'users', depth: 0, id: users.otherUnit.id })).unit).toBe(world.units.unitA2.id)
  })
})

describe('input shape before logic', () => {
  it('answers of the wrong type, a deep explanation and unknown or prototype codes are 400 naming the field', async () => {
    const id = (await payload.create({ collection: 'self-assessments', data: { criteriaSet: huyen1, round: await freshRound() } as never, ...as(users.otherUnit) })).id
    const before = await readDossier(id)
    // an explanation nested 5 000 deep, as text: no JSON.stringify in this process could write it
    const deep = `{"answers":[{"indicator":"TC1.CT1","explanation":${'{"n":'.repeat(5000)}"đáy"${'}'.repeat(5000)}}]}`
    const deepResponse = await rest.call({ method: 'PATCH', path: `/self-assessments/${id}`, rawBody: deep, token: tokens.otherUnit })
    expect(deepResponse.status).toBe(400)
    const attempts: unknown[] = [
      { answers: 'tất cả đạt' },
      { answers: 42 },
      { answers: { 'TC1.CT1': 'yes' } },
      { answers: [{ explanation: { n: { n: 'lồng' } }, indicator: 'TC1.CT1' }] },
      { answers: [{ indicator: 'TC9.CT9', yesNo: 'yes' }] },
      { answers: [{ indicator: '__proto__', yesNo: 'yes' }] },
      { answers: [{ indicator: 'TC1.CT1', yesNo: 'có lẽ' }] },
    ]
    for (const body of attempts) {
      const response = await call('otherUnit', 'PATCH', `/self-assessments/${id}`, body)
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400)
      expect(fieldPaths(response).some((path) => path.startsWith('answers')), messages(response)).toBe(true)
    }
    expect(JSON.stringify((await readDossier(id)).answers)).toBe(JSON.stringify(before.answers))
  })

  it('a partial answers update changes the indicators it names and keeps the others', async () => {
    const id = (await payload.create({ collection: 'self-assessments', data: { criteriaSet: huyen1, round: await freshRound() } as never, ...as(users.otherUnit) })).id
    const answered = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: (await readDossier(id)).answers ?? [] }) }, id, ...as(users.otherUnit) })
    const partial = await call('otherUnit', 'PATCH', `/self-assessments/${id}`, { answers: [{ indicator: 'TC1.CT1', yesNo: 'no' }] })
    expect(partial.status).toBe(200)
    const stored = await readDossier(id)
    const byCode = (rows: typeof stored.answers) => Object.fromEntries((rows ?? []).map((row) => [row.indicator, [row.yesNo, row.numerator, row.denominator, row.explanation]]))
    expect(byCode(stored.answers)).toEqual({ ...byCode(answered.answers), 'TC1.CT1': ['no', null, null, byCode(answered.answers)['TC1.CT1'][3]] })
    expect(stored.outcome).toBe('not-met')
  })

  it('the public evaluation refuses a `__proto__` answer like any unknown code', async () => {
    const response = await rest.call({ body: JSON.parse('{"unitType":"xa","answers":{"__proto__":true,"TC1.CT1":true}}'), method: 'POST', path: `/criteria-sets/${huyen1}/evaluate` })
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([{ message: expect.stringContaining('"__proto__"'), path: 'answers.__proto__' }])
  })

  it('malformed ids and filters answer 4xx, anonymously too', async () => {
    for (const [who, path] of [
      ['districtAdmin', '/rounds/abc'],
      ['districtAdmin', '/rounds/99999999999999999999'],
      ['anonymous', '/recognitions/abc'],
      ['anonymous', '/recognitions/-1'],
      ['districtAdmin', '/rounds?where[year][equals]=hai-nghin'],
      ['districtAdmin', '/self-assessments?where[submittedAt][greater_than]=khong-phai-ngay'],
      ['anonymous', '/recognitions?where[level][in][0]=mot'],
    ] as const) {
      const response = await call(who, 'GET', path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.status, path).toBeLessThan(500)
    }
  })
})

describe('the register keeps its history', () => {
  let decisionId: number
  let recognisedId: number

  it('nobody deletes an issued decision or a row of the register, the admin included', async () => {
    roundId = await freshRound()
    recognisedId = await closedDossier({ editor: 'unitEditor', round: roundId, verdict: 'met' })
    const decision = await payload.create({ collection: 'decisions', data: { number: 'ITG-2/QĐ', round: roundId, signedOn: '2026-01-20T12:00:00.000Z' } as never, ...as(users.districtAdmin) })
    const issued = await call('districtAdmin', 'PATCH', `/decisions/${decision.id}`, { status: 'issued' })
    expect(issued.status).toBe(200)
    decisionId = decision.id
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: decisionId } } })).docs
    expect(row).toMatchObject({ selfAssessment: recognisedId, status: 'valid' })
    for (const who of ['admin', 'districtAdmin']) {
      const deleted = await call(who, 'DELETE', `/decisions/${decisionId}`)
      expect(deleted.status).toBe(400)
      expect(messages(deleted)).toContain('Quyết định đã ban hành không xóa được')
      expect((await call(who, 'DELETE', `/recognitions/${row.id}`)).status).toBeGreaterThanOrEqual(400)
    }
    expect((await payload.findByID({ collection: 'decisions', depth: 0, id: decisionId })).status).toBe('issued')
    expect((await payload.count({ collection: 'recognitions', where: { decision: { equals: decisionId } } })).totalDocs).toBe(1)
    // not even the system's own call erases a register row
    await expect(payload.delete({ collection: 'recognitions', id: row.id })).rejects.toThrow()
  })

  it('a revoking decision marks the rows revoked, keeps them, and sends the dossier back for a new decision', async () => {
    const revocation = await payload.create({ collection: 'decisions', data: { kind: 'revocation', number: 'ITG-3/QĐ', revokes: decisionId, signedOn: '2026-03-01T12:00:00.000Z' } as never, ...as(users.districtAdmin) })
    expect(revocation.round).toBe(roundId)
    expect((revocation.entries ?? []).map((entry) => entry.selfAssessment)).toContain(recognisedId)
    const withoutReason = await call('districtAdmin', 'PATCH', `/decisions/${revocation.id}`, { status: 'issued' })
    expect(withoutReason.status).toBe(400)
    expect(fieldPaths(withoutReason)).toEqual(['reason'])
    const issued = await call('districtAdmin', 'PATCH', `/decisions/${revocation.id}`, { reason: 'Hồ sơ minh chứng không trung thực.', status: 'issued' })
    expect(issued.status).toBe(200)
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: decisionId } } })).docs
    expect(row).toMatchObject({ revocationReason: 'Hồ sơ minh chứng không trung thực.', revokedBy: revocation.id, status: 'revoked' })
    expect((await readDossier(recognisedId)).status).toBe('reviewed')
    // searched by the unit's name: the register shows 100 rows a page, the shared database may hold more
    const register = await queryRegister({ filters: { q: row.unitName ?? '' }, payload, today: '2026-06-01' })
    expect(register.rows.map((entry) => entry.id)).not.toContain(row.id)
    const trail = await payload.find({ collection: 'audit-events', depth: 0, where: { and: [{ collection: { equals: 'decisions' } }, { docId: { equals: String(revocation.id) } }] } })
    expect(trail.docs.map((event) => event.action)).toEqual(['revoke-decision'])
    // the revoked decision itself stays as it was
    expect((await payload.findByID({ collection: 'decisions', depth: 0, id: decisionId })).status).toBe('issued')
    // a new decision recognises the unit again
    const again = await payload.create({ collection: 'decisions', data: { number: 'ITG-4/QĐ', round: roundId, signedOn: '2026-03-05T12:00:00.000Z' } as never, ...as(users.districtAdmin) })
    expect((await call('districtAdmin', 'PATCH', `/decisions/${again.id}`, { status: 'issued' })).status).toBe(200)
    expect((await readDossier(recognisedId)).status).toBe('recognised')
    expect((await payload.count({ collection: 'recognitions', where: { selfAssessment: { equals: recognisedId } } })).totalDocs).toBe(2)
  })

  it('a revocation must name an issued recognition decision of the writer’s own subtree', async () => {
    const otherDistrict = await payload.create({ collection: 'users', data: { authority: world.authorities.districtB.id, email: 'huyenb.itg@test.vn', name: 'Huyện B ITG', password, roles: ['authority-admin'] } })
    const token = await rest.login({ email: otherDistrict.email, password })
    const foreign = await rest.call({ body: { kind: 'revocation', revokes: decisionId }, method: 'POST', path: '/decisions', token })
    expect(foreign.status).toBeGreaterThanOrEqual(400)
    expect(foreign.status).toBeLessThan(500)
    const draft = await payload.create({ collection: 'decisions', data: { number: 'ITG-5/QĐ', round: roundId } as never, ...as(users.districtAdmin) })
    const ofDraft = await call('districtAdmin', 'POST', '/decisions', { kind: 'revocation', revokes: draft.id })
    expect(ofDraft.status).toBe(400)
    expect(fieldPaths(ofDraft)).toEqual(['revokes'])
  })
})

describe('the admin’s correction of the team’s conclusion', () => {
  it('is the admin’s alone, needs a reason, fits the set, and is written to the audit trail', async () => {
    const id = await closedDossier({ editor: 'otherUnit', verdict: 'not-met' })
    const path = `/self-assessments/${id}/corrections`
    const change = { changes: { teamLevel: 1, teamOutcome: 'met' }, reason: 'Đoàn ghi nhầm kết luận chỉ tiêu TC1.CT1 (biên bản ngày 10/01).' }
    expect((await call('districtAdmin', 'POST', path, change)).status).toBe(403)
    expect((await call('reviewer', 'POST', path, change)).status).toBe(403)
    expect((await call('anonymous', 'POST', path, change)).status).toBe(401)
    const noReason = await call('admin', 'POST', path, { changes: change.changes, reason: 'sai' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].path).toBe('reason')
    const otherField = await call('admin', 'POST', path, { changes: { status: 'recognised' }, reason: change.reason })
    expect(otherField.status).toBe(400)
    expect(otherField.body.errors[0].path).toBe('changes.status')
    const wrongLevel = await call('admin', 'POST', path, { changes: { teamLevel: 2, teamOutcome: 'met' }, reason: change.reason })
    expect(wrongLevel.status).toBe(400)
    expect(wrongLevel.body.errors[0].message).toContain('«Mức độ 1»')
    expect((await readDossier(id)).teamOutcome).toBe('not-met')

    const corrected = await call('admin', 'POST', path, change)
    expect(corrected.status).toBe(200)
    const stored = await readDossier(id)
    expect([stored.teamOutcome, stored.teamLevel, stored.status]).toEqual(['met', 1, 'reviewed'])
    const [event] = (await payload.find({ collection: 'audit-events', depth: 0, where: { and: [{ action: { equals: 'correct' } }, { docId: { equals: String(id) } }] } })).docs
    expect(event).toMatchObject({ actor: world.users.admin.id, authority: world.authorities.districtA.id, from: JSON.stringify({ teamLevel: null, teamOutcome: 'not-met' }), to: JSON.stringify(change.changes) })
    expect(event.comment).toContain(change.reason)
  })

  it('is shown beside the verdicts it overrides, with its reason, to those who read the consolidation', async () => {
    const id = await closedDossier({ editor: 'otherUnit', verdict: 'not-met' })
    const before = await call('admin', 'GET', `/self-assessments/${id}/consolidation`)
    expect(before.status).toBe(200)
    expect(before.body.recorded).toEqual({ correction: null, level: null, outcome: 'not-met', outcomeLabel: 'Chưa đạt', points: null })
    const reason = 'Biên bản đoàn ghi Đạt ở mọi chỉ tiêu; nhập nhầm khi tổng hợp.'
    expect((await call('admin', 'POST', `/self-assessments/${id}/corrections`, { changes: { teamLevel: 1, teamOutcome: 'met' }, reason })).status).toBe(200)
    const after = await call('districtAdmin', 'GET', `/self-assessments/${id}/consolidation`)
    expect(after.status).toBe(200)
    expect(after.body.recorded).toMatchObject({ correction: { reason }, level: 1, outcome: 'met', outcomeLabel: 'Đạt' })
    // the verdicts themselves are the reviews', unchanged by the correction
    expect(after.body.report.outcome.isMet).toBe(false)
  })

  it('is refused on a dossier that is not at the team’s conclusion', async () => {
    const id = await submittedDossier({ editor: 'otherUnit' })
    const response = await call('admin', 'POST', `/self-assessments/${id}/corrections`, { changes: { teamOutcome: 'met' }, reason: 'Sửa sai thử khi hồ sơ mới nộp.' })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toContain('«Đã đánh giá»')
  })
})
