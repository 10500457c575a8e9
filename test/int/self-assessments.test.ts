/**
 * A unit's self-assessment on real PostgreSQL, from draft to submission, withdrawal, return and
 * resubmission, with each refusal proved and the stored document shown unchanged after it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import config from '@payload-config'
import type { SelfAssessment } from '@/payload-types'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, setIdByCode } from './helpers/rounds'
import { attempt, createWorld, messagesOf, password, pathsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
let otherEditor: ActingUser
const rest = createRestClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'SAS' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const created = await payload.create({
    collection: 'users',
    data: { email: 'donvi2.sas@test.vn', name: 'Cán bộ xã A2', password, roles: ['unit-editor'], unit: world.units.unitA2.id },
  })
  otherEditor = { ...created, collection: 'users' }
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const as = (user: ActingUser) => ({ depth: 0, overrideAccess: false, user })

const start = async ({ unitEditor = world.users.unitEditor, roundId }: { unitEditor?: ActingUser; roundId: number }) =>
  payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, status: 'draft', unit: relationUnit(unitEditor) }, ...as(unitEditor) })

const relationUnit = (user: ActingUser) => (typeof user.unit === 'object' && user.unit ? user.unit.id : (user.unit as number))

const reload = (id: number) => payload.findByID({ collection: 'self-assessments', depth: 0, id })

const auditOf = async (id: number) =>
  (await payload.find({ collection: 'audit-events', depth: 0, limit: 0, pagination: false, sort: 'at', where: { and: [{ collection: { equals: 'self-assessments' } }, { docId: { equals: String(id) } }] } })).docs

describe('starting a self-assessment', () => {
  it('lists every indicator of the set with its wording, marks those not applicable, prefills the member count', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const created = await start({ roundId: round.id })
    expect(created.status).toBe('draft')
    expect(created.authority).toBe(world.authorities.districtA.id)
    const rows = created.answers ?? []
    const set = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: setId })
    const codes = (set.criteria ?? []).flatMap((criterion) => (criterion.indicators ?? []).map((indicator) => indicator.code))
    expect(rows.map((row) => row.indicator)).toEqual(codes)
    expect(rows.find((row) => row.indicator === 'TC3.CT1')).toMatchObject({ denominator: 20, measure: 'ratio', numerator: null })
    // TC3.CT4 is for schools only; the world's units are communes
    expect(rows.find((row) => row.indicator === 'TC3.CT4')).toMatchObject({ isApplicable: false, status: 'not-applicable' })
    expect(rows.find((row) => row.indicator === 'TC1.CT1')?.text).toMatch(/\S{3,}/)
    expect(created.outcome).toBe('incomplete')
    expect(created.missingCount).toBeGreaterThan(0)
  })

  it('refuses a second self-assessment for the same unit and round, and a round that is not open', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    await start({ roundId: round.id })
    expect(await messagesOf(() => start({ roundId: round.id }))).toContain('đã có hồ sơ tự đánh giá trong đợt này')
    expect((await payload.count({ collection: 'self-assessments', where: { round: { equals: round.id } } })).totalDocs).toBe(1)

    const draftRound = await createRound({ payload, setIds: [setId], status: 'draft', world })
    expect(await pathsOf(() => start({ roundId: draftRound.id }))).toEqual(['round'])
  })

  it('refuses a unit outside the round and a criteria set the round does not offer', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const tinh1 = await setIdByCode({ code: 'tt24-2023-tinh-1', payload })
    expect(await pathsOf(() => payload.create({ collection: 'self-assessments', data: { criteriaSet: tinh1, round: round.id, status: 'draft', unit: world.units.unitA1.id }, ...as(world.users.unitEditor) }))).toEqual(['criteriaSet'])
    expect(await pathsOf(() => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: round.id, status: 'draft', unit: world.units.unitB1.id }, user: world.users.admin }))).toEqual(['unit'])
  })
})

describe('the workflow from draft to submission, withdrawal, return and resubmission', () => {
  // each step's test prepares its own dossier in its own round, so that one failure hides no other
  const updater = (id: number) => (user: ActingUser, data: Partial<SelfAssessment>) => payload.update({ collection: 'self-assessments', data, id, ...as(user) })
  const editor = () => as(world.users.unitEditor)
  /** TC1.CT1 answered "no": the unit's later correction. */
  const withTc1No = (rows: NonNullable<SelfAssessment['answers']>) =>
    metAnswers({ rows }).map((row) => (row.indicator === 'TC1.CT1' ? { ...row, yesNo: 'no' as const } : row))
  /** A draft answered in two saves (first without explanations, then complete), as a clerk would. */
  const answeredDraft = async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const answered = metAnswers({ explain: false, rows: draft.answers ?? [] })
    await payload.update({ collection: 'self-assessments', data: { answers: answered }, id: draft.id, ...editor() })
    const saved = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: answered }) }, id: draft.id, ...editor() })
    return { round, saved, update: updater(draft.id) }
  }
  const submitted = async () => {
    const prepared = await answeredDraft()
    return { ...prepared, submitted: await prepared.update(world.users.unitEditor, { status: 'submitted' }) }
  }
  const returned = async (reason = 'Bổ sung minh chứng TC2.CT1.') => {
    const prepared = await submitted()
    return { ...prepared, returned: await prepared.update(world.users.districtAdmin, { returnReason: reason, status: 'returned' }) }
  }
  /** The whole way: submit, withdraw, submit, return, correct, resubmit, then accepted once the round stops taking dossiers. */
  const walkedToAcceptance = async () => {
    const { round, submitted: first, update } = await submitted()
    await update(world.users.unitEditor, { status: 'draft' })
    await update(world.users.unitEditor, { status: 'submitted' })
    await update(world.users.districtAdmin, { returnReason: 'Bổ sung minh chứng TC2.CT1.', status: 'returned' })
    const corrected = await update(world.users.unitEditor, { answers: withTc1No(first.answers ?? []) })
    await update(world.users.unitEditor, { answers: metAnswers({ rows: corrected.answers ?? [] }), status: 'submitted' })
    await payload.update({ collection: 'rounds', data: { status: 'reviewing' }, id: round.id, ...as(world.users.districtAdmin) })
    await update(world.users.districtAdmin, { status: 'in-review' })
    return first.id
  }

  it('submitting an incomplete dossier names every unanswered indicator and leaves it a draft', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const incomplete = await pathsOf(() => updater(draft.id)(world.users.unitEditor, { status: 'submitted' }))
    expect(incomplete.length).toBeGreaterThan(5)
    expect(incomplete).toContain('answers.0.yesNo')
    expect((await reload(draft.id)).status).toBe('draft')
  })

  it('submitting answers without evidence or an explanation where required names exactly those rows', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ explain: false, rows: draft.answers ?? [] }) }, id: draft.id, ...editor() })
    const noEvidence = await pathsOf(() => updater(draft.id)(world.users.unitEditor, { status: 'submitted' }))
    expect(noEvidence).toContain('answers.0.evidence')
    expect(noEvidence.every((path) => path.endsWith('.evidence'))).toBe(true)
    expect((await reload(draft.id)).status).toBe('draft')
  })

  it('a complete dossier is met, and only its unit submits it, with time and submitter', async () => {
    const { saved, update } = await answeredDraft()
    expect(saved.outcome).toBe('met')
    expect(saved.level).toBe(1)
    // nobody else may submit for the unit
    expect(await messagesOf(() => update(world.users.admin, { status: 'submitted' }))).toContain('không có quyền')
    const done = await update(world.users.unitEditor, { status: 'submitted' })
    expect(done.status).toBe('submitted')
    expect(done.submittedAt).toBeTruthy()
    expect(done.submittedBy).toBe(world.users.unitEditor.id)
  })

  it('after submission the unit cannot change its answers', async () => {
    const { submitted: done, update } = await submitted()
    expect(await messagesOf(() => update(world.users.unitEditor, { answers: withTc1No(done.answers ?? []) }))).toBe('«Tự đánh giá theo chỉ tiêu» không sửa được khi hồ sơ ở trạng thái «Đã nộp».')
    expect((await reload(done.id)).answers?.find((row) => row.indicator === 'TC1.CT1')?.yesNo).toBe('yes')
  })

  it('the unit withdraws before acceptance and submits again', async () => {
    const { update } = await submitted()
    expect((await update(world.users.unitEditor, { status: 'draft' })).status).toBe('draft')
    expect((await update(world.users.unitEditor, { status: 'submitted' })).status).toBe('submitted')
  })

  it('the authority returns it only with a reason, which the unit sees; a unit-editor neither accepts nor returns', async () => {
    const { submitted: done, update } = await submitted()
    expect(await messagesOf(() => update(world.users.unitEditor, { status: 'in-review' }))).toContain('không có quyền')
    expect(await pathsOf(() => update(world.users.districtAdmin, { status: 'returned' }))).toEqual(['returnReason'])
    const back = await update(world.users.districtAdmin, { returnReason: 'Bổ sung minh chứng TC2.CT1.', status: 'returned' })
    expect(back.status).toBe('returned')
    const seenByUnit = await payload.findByID({ collection: 'self-assessments', id: done.id, ...editor() })
    expect(seenByUnit.returnReason).toBe('Bổ sung minh chứng TC2.CT1.')
  })

  it('returned: the authority cannot change the unit’s answers; the unit corrects them and resubmits', async () => {
    const { returned: back, update } = await returned()
    const changed = withTc1No(back.answers ?? [])
    expect(await messagesOf(() => update(world.users.districtAdmin, { answers: changed }))).toContain('chỉ cán bộ của chính đơn vị được sửa')
    const corrected = await update(world.users.unitEditor, { answers: changed })
    expect(corrected.outcome).toBe('not-met')
    const resubmitted = await update(world.users.unitEditor, { answers: metAnswers({ rows: corrected.answers ?? [] }), status: 'submitted' })
    expect(resubmitted.status).toBe('submitted')
    expect(resubmitted.outcome).toBe('met')
  })

  it('the round stops taking dossiers; the authority still accepts those it has, and the unit can no longer withdraw', async () => {
    const { round, update } = await submitted()
    await payload.update({ collection: 'rounds', data: { status: 'reviewing' }, id: round.id, ...as(world.users.districtAdmin) })
    expect((await update(world.users.districtAdmin, { status: 'in-review' })).status).toBe('in-review')
    expect(await messagesOf(() => update(world.users.unitEditor, { status: 'draft' }))).toContain('Không thể chuyển')
  })

  it('every transition and every change after submission is in the audit trail, in order', async () => {
    const id = await walkedToAcceptance()
    const trail = await auditOf(id)
    expect(trail.map((event) => [event.action, event.from, event.to])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['withdraw', 'submitted', 'draft'],
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['update', 'returned', 'returned'],
      ['resubmit', 'returned', 'submitted'],
      ['accept', 'submitted', 'in-review'],
    ])
    expect(trail[3]).toMatchObject({ actor: world.users.districtAdmin.id, comment: 'Bổ sung minh chứng TC2.CT1.' })
    expect(trail[4].comment).toContain('TC1.CT1')
  })

  it('Payload’s versions keep every saved state of the answers, readable by those who read the dossier and nobody else', async () => {
    const id = await walkedToAcceptance()
    const versions = await payload.findVersions({ collection: 'self-assessments', limit: 0, pagination: false, where: { parent: { equals: id } } })
    expect(versions.docs.length).toBeGreaterThanOrEqual(10)
    expect(versions.docs.some((version) => version.version.answers?.find((row) => row.indicator === 'TC1.CT1')?.yesNo === 'no')).toBe(true)
    const versionsFor = async (user: ActingUser) =>
      (await payload.findVersions({ collection: 'self-assessments', limit: 0, overrideAccess: false, pagination: false, user, where: { parent: { equals: id } } })).docs.length
    expect(await versionsFor(world.users.unitEditor)).toBe(versions.docs.length)
    expect(await versionsFor(world.users.districtAdmin)).toBe(versions.docs.length)
    expect(await versionsFor(otherEditor)).toBe(0)
  })

  it('refuses submission after the deadline, and accepts it once the authority extends it for the unit', async () => {
    const round = await createRound({ payload, setIds: [setId], world, year: 2020 })
    const draft = await start({ roundId: round.id })
    const filled = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(world.users.unitEditor) })
    const submit = () => payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: draft.id, ...as(world.users.unitEditor) })
    expect(await messagesOf(submit)).toContain('Đã quá hạn nộp hồ sơ (trước ngày 15/01/2021)')
    expect((await reload(draft.id)).status).toBe('draft')

    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
    await payload.update({ collection: 'rounds', data: { extensions: [{ reason: 'Đơn vị mới sáp nhập.', unit: world.units.unitA1.id, until }] }, id: round.id, ...as(world.users.districtAdmin) })
    expect((await submit()).status).toBe('submitted')
    expect(filled.deadlineText).toContain('trước ngày 15/01/2021')
    const events = await payload.find({ collection: 'audit-events', depth: 0, where: { and: [{ action: { equals: 'extend-deadline' } }, { docId: { equals: String(round.id) } }] } })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0]).toMatchObject({ actor: world.users.districtAdmin.id, comment: 'Đơn vị mới sáp nhập.', unit: world.units.unitA1.id })
  })
})

describe('bad input is refused with the field named, and nothing is stored', () => {
  it('a ratio with more members met than members, and half a ratio', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const index = (draft.answers ?? []).findIndex((row) => row.indicator === 'TC3.CT1')
    const rows = (draft.answers ?? []).map((row, i) => (i === index ? { ...row, denominator: 20, numerator: 25 } : row))
    const update = (answers: typeof rows) => payload.update({ collection: 'self-assessments', data: { answers }, id: draft.id, ...as(world.users.unitEditor) })
    expect(await pathsOf(() => update(rows))).toEqual([`answers.${index}.numerator`])
    const half = (draft.answers ?? []).map((row, i) => (i === index ? { ...row, denominator: null, numerator: 5 } : row))
    expect(await pathsOf(() => update(half))).toEqual([`answers.${index}.denominator`])
    const stored = await reload(draft.id)
    expect(stored.answers?.[index]).toMatchObject({ denominator: 20, numerator: null })
  })

  it('over REST: a number that is not a number, and a rank outside the scale', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const token = await rest.login({ email: world.users.unitEditor.email, password })
    const ratioIndex = (draft.answers ?? []).findIndex((row) => row.measure === 'ratio')
    const rankIndex = (draft.answers ?? []).findIndex((row) => row.measure === 'rank')
    const send = (answers: unknown) => rest.call({ body: { answers }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token })

    const notNumber = await send((draft.answers ?? []).map((row, i) => (i === ratioIndex ? { ...row, numerator: 'mười' } : row)))
    expect(notNumber.status).toBe(400)
    expect(JSON.stringify(notNumber.body)).toContain(`answers.${ratioIndex}.numerator`)

    const wrongRank = await send((draft.answers ?? []).map((row, i) => (i === rankIndex ? { ...row, rank: 'anh-hung-lao-dong' } : row)))
    expect(wrongRank.status).toBe(400)
    expect(wrongRank.body.errors[0].data.errors[0]).toMatchObject({ path: `answers.${rankIndex}.rank` })
    expect(wrongRank.body.errors[0].data.errors[0].message).toContain('anh-hung-lao-dong')

    const stored = await reload(draft.id)
    expect(stored.answers?.[ratioIndex].numerator).toBeNull()
    expect(stored.answers?.[rankIndex].rank).toBeNull()
    expect(stored.updatedAt).toBe(draft.updatedAt)
  })
})

describe('who may see and change a self-assessment', () => {
  it('another unit neither reads nor writes it; a reviewer of the team reads it; a reviewer outside does not', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const outsider = await payload.create({
      collection: 'users',
      data: { authority: world.authorities.districtB.id, email: `reviewer-b.${round.id}@test.vn`, name: 'Reviewer B', password, roles: ['reviewer'] },
    })
    const read = (user: ActingUser) => attempt(() => payload.findByID({ collection: 'self-assessments', id: draft.id, ...as(user) }))
    const write = (user: ActingUser) => attempt(() => payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(user) }))
    expect({
      admin: await read(world.users.admin),
      districtAdmin: await read(world.users.districtAdmin),
      otherUnit: await read(otherEditor),
      outsideReviewer: await read({ ...outsider, collection: 'users' }),
      ownUnit: await read(world.users.unitEditor),
      teamReviewer: await read(world.users.reviewer),
    }).toEqual({ admin: 'ok', districtAdmin: 'ok', otherUnit: 'not-found', outsideReviewer: 'not-found', ownUnit: 'ok', teamReviewer: 'ok' })
    expect({
      admin: await write(world.users.admin),
      districtAdmin: await write(world.users.districtAdmin),
      otherUnit: await write(otherEditor),
      teamLead: await write(world.users.reviewer),
    }).toEqual({ admin: 'invalid', districtAdmin: 'invalid', otherUnit: 'forbidden', teamLead: 'invalid' })
    expect((await reload(draft.id)).updatedAt).toBe(draft.updatedAt)
    const list = await payload.find({ collection: 'self-assessments', ...as(otherEditor) })
    expect(list.docs.every((doc) => (typeof doc.unit === 'object' ? doc.unit?.id : doc.unit) === world.units.unitA2.id)).toBe(true)
  })

  it('the audit trail is append-only for everyone and readable by the authority', async () => {
    // its own event: a dossier of unit A1 submitted
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(world.users.unitEditor) })
    await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: draft.id, ...as(world.users.unitEditor) })
    const [event] = await auditOf(draft.id)
    expect(event).toBeDefined()
    for (const user of [world.users.admin, world.users.districtAdmin]) {
      expect(await attempt(() => payload.update({ collection: 'audit-events', data: { comment: 'sửa' }, id: event.id, ...as(user) }))).toBe('forbidden')
      expect(await attempt(() => payload.delete({ collection: 'audit-events', id: event.id, ...as(user) }))).toBe('forbidden')
      expect(await attempt(() => payload.create({ collection: 'audit-events', data: { action: 'x', at: new Date().toISOString(), collection: 'x', docId: '1' }, ...as(user) }))).toBe('forbidden')
    }
    expect((await payload.find({ collection: 'audit-events', ...as(world.users.districtAdmin) })).totalDocs).toBeGreaterThan(0)
    expect((await payload.findByID({ collection: 'audit-events', id: event.id, ...as(world.users.districtAdmin) })).comment).toBe(event.comment)
    expect((await payload.find({ collection: 'audit-events', ...as(world.users.unitEditor) }).catch(() => ({ totalDocs: -1 }))).totalDocs).toBe(-1)
  })
})

describe("the authority-admin's lists", () => {
  it('filters a round’s self-assessments by status and outcome over REST, within its own subtree', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const submitted = await start({ roundId: round.id })
    const filled = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: submitted.answers ?? [] }) }, id: submitted.id, ...as(world.users.unitEditor) })
    await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: filled.id, ...as(world.users.unitEditor) })
    const draft = await start({ roundId: round.id, unitEditor: otherEditor })
    const token = await rest.login({ email: world.users.districtAdmin.email, password })
    const list = async (query: string) =>
      (await rest.call({ method: 'GET', path: `/self-assessments?depth=0&where[round][equals]=${round.id}${query}`, token })).body.docs.map((doc: { id: number }) => doc.id)
    expect((await list('')).sort()).toEqual([submitted.id, draft.id].sort())
    expect(await list('&where[status][equals]=submitted')).toEqual([submitted.id])
    expect(await list('&where[outcome][equals]=met')).toEqual([submitted.id])
    expect(await list('&where[outcome][equals]=incomplete')).toEqual([draft.id])
    const otherDistrict = await payload.create({
      collection: 'users',
      data: { authority: world.authorities.districtB.id, email: `huyen-b.${round.id}@test.vn`, name: 'Huyện B', password, roles: ['authority-admin'] },
    })
    const tokenB = await rest.login({ email: otherDistrict.email, password })
    expect((await rest.call({ method: 'GET', path: `/self-assessments?where[round][equals]=${round.id}`, token: tokenB })).body.docs).toEqual([])
  })
})

// The embedded PGlite runs without transactions (see payload.config.ts), so the row lock that
// serialises saves does not exist there: concurrency is guaranteed on PostgreSQL only.
describe.skipIf(inject('isEmbeddedDatabase'))('concurrency (PostgreSQL only)', () => {
  it('two saves at once leave one consistent document and both in the history', async () => {
    const round = await createRound({ payload, setIds: [setId], world })
    const draft = await start({ roundId: round.id })
    const token = await rest.login({ email: world.users.unitEditor.email, password })
    const rows = draft.answers ?? []
    const first = metAnswers({ rows }).map((row) => ({ ...row, explanation: 'Lần lưu thứ nhất' }))
    const second = metAnswers({ rows }).map((row) => ({ ...row, explanation: 'Lần lưu thứ hai', yesNo: row.measure === 'boolean' ? ('no' as const) : row.yesNo }))
    const before = await payload.countVersions({ collection: 'self-assessments', where: { parent: { equals: draft.id } } })
    const results = await Promise.all([
      rest.call({ body: { answers: first }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token }),
      rest.call({ body: { answers: second }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token }),
    ])
    expect(results.map((result) => result.status)).toEqual([200, 200])
    const stored = await reload(draft.id)
    expect(stored.answers).toHaveLength(rows.length)
    expect(new Set(stored.answers?.map((row) => row.indicator)).size).toBe(rows.length)
    const explanations = new Set(stored.answers?.map((row) => row.explanation))
    expect(explanations.size).toBe(1)
    // the stored result is the one its answers give
    const isSecond = explanations.has('Lần lưu thứ hai')
    expect(stored.outcome).toBe(isSecond ? 'not-met' : 'met')
    const after = await payload.countVersions({ collection: 'self-assessments', where: { parent: { equals: draft.id } } })
    expect(after.totalDocs - before.totalDocs).toBe(2)
  })

  it('a save racing the submission never undoes it: the late save is refused or lands before it', async () => {
    const token = await rest.login({ email: world.users.unitEditor.email, password })
    for (let attemptNumber = 0; attemptNumber < 5; attemptNumber++) {
      const round = await createRound({ payload, setIds: [setId], world })
      const draft = await start({ roundId: round.id })
      const ready = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(world.users.unitEditor) })
      const edited = (ready.answers ?? []).map((row) => ({ ...row, explanation: 'Sửa vào phút chót' }))
      const [submit, edit] = await Promise.all([
        rest.call({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token }),
        rest.call({ body: { answers: edited }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token }),
      ])
      expect(submit.status).toBe(200)
      const stored = await reload(draft.id)
      expect(stored.status).toBe('submitted')
      expect(stored.submittedAt).toBeTruthy()
      if (edit.status === 200) {
        // the edit landed first and was submitted with the dossier
        expect(stored.answers?.[0].explanation).toBe('Sửa vào phút chót')
      } else {
        expect(edit.status).toBe(400)
        expect(JSON.stringify(edit.body)).toContain('không sửa được khi hồ sơ ở trạng thái «Đã nộp»')
        expect(stored.answers?.[0].explanation).not.toBe('Sửa vào phút chót')
      }
    }
  })
})
