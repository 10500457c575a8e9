/**
 * Recognition rules as data (issue 11, REGULATIONS §2.3, §3.4, §5.2.10) on real PostgreSQL:
 * - a Level 1 past its validity is not a prerequisite for Level 2, unless the set says an expired
 *   lower level still counts;
 * - the 12-month wait is measured on the day the set names: the unit's application, or the signing;
 * - the deciding authority's publication settings: «none» hides its rows from anonymous REST, GraphQL
 *   and the public page (signed-in readers keep them), «recognised» shows levels and Tốt only, and a
 *   new row carries whether it counts for the emulation review;
 * - TT 22: a score off the province's scoring guide is refused naming the indicator (REST, as the
 *   unit's editor, nothing stored), and a TT 22 grade enters the register without any validity.
 * Earlier recognitions are register rows written as fixtures, dated in the past.
 */
import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { Decision, SelfAssessment, Unit } from '@/payload-types'
import { fromIsoDay, todayInVietnam, toIsoDay } from '@collections/dates'
import { addMonths, formatIsoDate, formatVietnameseDate, parseIsoDate } from '@criteria/index'
import { tt22Set, tt24HuyenLevel2Set } from '@seed/criteria'
import { queryRegister, registerPageSize } from '@/public/register'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { acceptedDossier, as, createAccount, reviewDossier, startDossier, updateDossier } from './helpers/dossiers'
import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, openYear } from './helpers/rounds'
import { createSetFromSeed } from './helpers/settle'
import { createWorld, password, problemsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })
const editors: Record<string, ActingUser> = {}
const units: Record<string, Unit> = {}
const sets: Record<string, number> = {}
let fixtureDecision: number
let level2Round: number
const today = todayInVietnam(new Date())
const monthsFrom = (day: string, months: number) => formatIsoDate(addMonths({ date: parseIsoDate(day)!, months }))
const vietnamese = (day: string) => formatVietnameseDate(parseIsoDate(day)!)

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'RRL' })
  await loadCriteriaSets({ payload })
  units.a1 = world.units.unitA1
  editors.a1 = world.users.unitEditor
  for (const name of ['a2', 'a3', 'a4']) {
    units[name] = await payload.create({ collection: 'units', data: { authority: world.authorities.districtA.id, code: `RRL-${name}`, memberCount: 20, name: `UBND xã ${name.toUpperCase()} RRL`, tier: 'huyen', unitType: 'xa' } })
    editors[name] = await createAccount({ email: `donvi.${name}.rrl@test.vn`, payload, role: 'unit-editor', unit: units[name].id })
  }
  const province = world.authorities.province.id
  const level2 = (code: string, rule: Record<string, unknown>) =>
    createSetFromSeed({ authority: province, change: (input) => ({ ...input, recognition: { ...tt24HuyenLevel2Set.recognition!, ...rule } }), code, input: tt24HuyenLevel2Set, payload })
  sets.atApplication = (await level2('rrl-l2-nop-ho-so', { waitMeasuredAt: 'application' })).id
  sets.atDecision = (await level2('rrl-l2-ngay-ky', { waitMeasuredAt: 'decision' })).id
  sets.expiredCounts = (await level2('rrl-l2-het-han-van-tinh', { expiredPrerequisiteCounts: true })).id
  sets.tt22 = (await createSetFromSeed({ authority: province, code: 'rrl-tt22', input: tt22Set, payload })).id

  level2Round = (await createRound({ payload, setIds: [sets.atApplication, sets.atDecision, sets.expiredCounts], title: 'Đợt RRL mức độ 2', world })).id
  // the earlier Level 1 recognitions, as the register holds them (a register row names a decision: a draft one stands in)
  fixtureDecision = (await payload.create({ collection: 'decisions', data: { round: level2Round, status: 'draft' } })).id
  const level1 = async ({ unit, decidedOn, validUntil }: { unit: Unit; decidedOn: string; validUntil: string }) => {
    const now = new Date().toISOString()
    await payload.db.create({
      collection: 'recognitions',
      data: { authority: world.authorities.districtA.id, authorityName: 'Huyện A RRL', createdAt: now, decidedOn: fromIsoDay(decidedOn), decision: fixtureDecision, isPublic: true, level: 1, outcomeLabel: 'Đơn vị học tập Mức độ 1', regime: 'tt24-2023', status: 'valid', unit: unit.id, unitName: unit.name, updatedAt: now, validFrom: fromIsoDay(decidedOn), validUntil: fromIsoDay(validUntil), year: Number(decidedOn.slice(0, 4)) - 1 },
    })
  }
  // A1, A2: recognised in 2021, kept until 31/12/2024: expired
  await level1({ decidedOn: '2021-01-20', unit: units.a1, validUntil: '2024-12-31' })
  await level1({ decidedOn: '2021-01-20', unit: units.a2, validUntil: '2024-12-31' })
  // A3, A4: recognised six months ago, still valid
  for (const name of ['a3', 'a4']) await level1({ decidedOn: monthsFrom(today, -6), unit: units[name], validUntil: `${openYear() + 3}-12-31` })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

/** A unit's dossier on `set`, answered, submitted, accepted, found met by the team lead and closed. */
const reviewed = async ({ editor, roundId, setId }: { editor: ActingUser; roundId: number; setId: number }) => {
  const sa = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor, payload, roundId, setId })
  await reviewDossier({ payload, reviewer: world.users.reviewer, rows: () => ({ verdict: 'met' }), sa })
  return updateDossier({ data: { status: 'reviewed' }, id: sa.id, payload, user: world.users.reviewer })
}

const anonymousCount = async (decision: number) => (await rest.call({ method: 'GET', path: `/recognitions?depth=0&where[decision][equals]=${decision}` })).body.totalDocs as number
const signedInCount = async (decision: number) =>
  (await rest.call({ method: 'GET', path: `/recognitions?depth=0&where[decision][equals]=${decision}`, token: await rest.login({ email: editors.a3.email, password }) })).body.totalDocs as number
const graphqlCount = async (decision: number) => {
  const response = await graphql({ query: `{ Recognitions(where: { decision: { equals: ${decision} } }) { totalDocs } }` })
  expect(response.errors).toBeUndefined()
  return response.data.Recognitions.totalDocs as number
}
const publish = (publication: { register: 'all' | 'recognised' | 'none'; countsForEmulation?: boolean }) =>
  payload.update({ collection: 'authorities', data: { publication }, id: world.authorities.districtA.id, ...as(world.users.districtAdmin) })

describe('Level 2: the prerequisite by the set’s own rule', () => {
  let dossiers: Record<string, SelfAssessment>
  let decision: Decision
  const signedOn = monthsFrom(today, 7)

  it('a Level 1 past its validity is no prerequisite on the unit’s own result, unless the set lets it count', async () => {
    const round = { id: level2Round }
    dossiers = {
      a1: await reviewed({ editor: editors.a1, roundId: round.id, setId: sets.atApplication }),
      a2: await reviewed({ editor: editors.a2, roundId: round.id, setId: sets.expiredCounts }),
      a3: await reviewed({ editor: editors.a3, roundId: round.id, setId: sets.atApplication }),
      a4: await reviewed({ editor: editors.a4, roundId: round.id, setId: sets.atDecision }),
    }
    const prerequisite = (sa: SelfAssessment) => (sa.result as { outcome: { prerequisite: { isMet: boolean; eligibleFrom: string | null } } }).outcome.prerequisite
    expect(prerequisite(dossiers.a1)).toMatchObject({ eligibleFrom: null, isMet: false })
    expect(prerequisite(dossiers.a2)).toMatchObject({ eligibleFrom: '2022-01-20', isMet: true })
    // the team concludes on the indicators; the decision is where the prerequisite is checked
    for (const sa of Object.values(dossiers)) expect(sa).toMatchObject({ teamLevel: 2, teamOutcome: 'met' })
  })

  it('the decision refuses the expired Level 1, and the application made before the 12 months; it counts the signing where the set says so', async () => {
    decision = await payload.create({ collection: 'decisions', data: { round: dossiers.a1.round as number, status: 'draft' }, ...as(world.users.districtAdmin) })
    const index = (name: string) => (decision.entries ?? []).findIndex((entry) => entry.selfAssessment === dossiers[name].id)
    expect((decision.entries ?? []).length).toBe(4)
    const issue = (data: Partial<Decision> = {}) =>
      payload.update({ collection: 'decisions', data: { ...data, number: 'RRL 2/QĐ-UBND', signedOn: fromIsoDay(signedOn), status: 'issued' }, id: decision.id, ...as(world.users.districtAdmin) })
    const problems = await problemsOf(() => issue())
    expect(problems.map((problem) => problem.path).sort()).toEqual([`entries.${index('a1')}.selfAssessment`, `entries.${index('a3')}.selfAssessment`].sort())
    const messageFor = (name: string) => problems.find((problem) => problem.path === `entries.${index(name)}.selfAssessment`)?.message ?? ''
    expect(messageFor('a1')).toContain('ngày 20/01/2021 đã hết thời hạn bảo lưu từ ngày 01/01/2025')
    expect(messageFor('a3')).toContain(`chưa đủ 12 tháng tính đến ngày ${vietnamese(today)}`)
    expect((await payload.findByID({ collection: 'decisions', depth: 0, id: decision.id })).status).toBe('draft')
    expect((await payload.count({ collection: 'recognitions', where: { decision: { equals: decision.id } } })).totalDocs).toBe(0)

    const entries = (decision.entries ?? []).map((entry, position) => (position === index('a1') || position === index('a3') ? { ...entry, isRemoved: true, removalReason: 'Chưa đủ điều kiện Mức độ 1.' } : entry))
    expect((await issue({ entries })).status).toBe('issued')
    const rows = (await payload.find({ collection: 'recognitions', depth: 0, sort: 'unitName', where: { decision: { equals: decision.id } } })).docs
    expect(rows.map((row) => [row.unit, row.level, toIsoDay(row.validUntil), row.isPublic, row.countsForEmulation])).toEqual([
      [units.a2.id, 2, `${Number(signedOn.slice(0, 4)) + 3}-12-31`, true, false],
      [units.a4.id, 2, `${Number(signedOn.slice(0, 4)) + 3}-12-31`, true, false],
    ])
    expect(rows[0].basisNote).toContain('TC2.CT1: ≥ 90% theo KT 01/HD-KT (dữ liệu kiểm thử) ngày 03/01/2025')
  })

  it('«none» hides the authority’s rows from anonymous REST, GraphQL and the public page; signed-in readers keep them; «recognised» shows levels again', async () => {
    expect([await anonymousCount(decision.id), await graphqlCount(decision.id)]).toEqual([2, 2])
    await publish({ register: 'none' })
    const stored = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: decision.id } } })).docs
    expect(stored.map((row) => row.isPublic)).toEqual([false, false])
    expect([await anonymousCount(decision.id), await graphqlCount(decision.id), await signedInCount(decision.id)]).toEqual([0, 0, 2])
    const page = await queryRegister({ filters: { q: 'RRL' }, payload, today: signedOn })
    expect(page.rows.filter((row) => row.decisionNumber === 'RRL 2/QĐ-UBND')).toEqual([])
    await publish({ register: 'recognised' })
    expect([await anonymousCount(decision.id), await graphqlCount(decision.id)]).toEqual([2, 2])
  })
})

describe('TT 22 under the province’s scoring guide', () => {
  let round: number

  it('a score off the guide is refused over REST naming the indicator, and nothing is stored', async () => {
    round = (await createRound({ payload, setIds: [sets.tt22], title: 'Đợt RRL TT 22', world })).id
    const draft = await startDossier({ editor: editors.a1, payload, roundId: round, setId: sets.tt22 })
    const rows = metAnswers({ rows: draft.answers ?? [] }).map((row) => (row.indicator === '1.1' ? { ...row, points: 7.5 } : row))
    const token = await rest.login({ email: editors.a1.email, password })
    const response = await rest.call({ body: { answers: rows }, method: 'PATCH', path: `/self-assessments/${draft.id}`, token })
    expect(response.status).toBe(400)
    const errors = response.body.errors[0].data.errors as { message: string; path: string }[]
    const at = (draft.answers ?? []).findIndex((row) => row.indicator === '1.1')
    expect(errors.map((error) => [error.path, error.message])).toEqual([[`answers.${at}.points`, 'Chỉ tiêu 1.1: điểm 7,5 không có trong hướng dẫn chấm (0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10).']])
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: draft.id })
    expect(stored.updatedAt).toBe(draft.updatedAt)
    expect(stored.answers?.every((row) => row.points === null || row.points === undefined)).toBe(true)
  })

  it('a grade Khá enters the register without validity, not public where only recognitions are, counting for emulation', async () => {
    await publish({ countsForEmulation: true, register: 'recognised' })
    const sa = (await payload.find({ collection: 'self-assessments', depth: 0, where: { and: [{ round: { equals: round } }, { unit: { equals: units.a1.id } }] } })).docs[0]
    // 75 points: every indicator at its maximum but 3.1 (25) at 0
    const answered = metAnswers({ rows: sa.answers ?? [] }).map((row) => (row.indicator === '3.1' ? { ...row, points: 0 } : row))
    await updateDossier({ data: { answers: answered }, id: sa.id, payload, user: editors.a1 })
    await updateDossier({ data: { status: 'submitted' }, id: sa.id, payload, user: editors.a1 })
    const accepted = await updateDossier({ data: { status: 'in-review' }, id: sa.id, payload, user: world.users.districtAdmin })
    const points = new Map((accepted.answers ?? []).map((row) => [row.indicator, row.points]))
    await reviewDossier({ payload, reviewer: world.users.reviewer, rows: (row) => ({ points: points.get(row.indicator) ?? null }), sa: accepted })
    expect(await updateDossier({ data: { status: 'reviewed' }, id: sa.id, payload, user: world.users.reviewer })).toMatchObject({ teamOutcome: 'kha', teamPoints: 75 })

    const draft = await payload.create({ collection: 'decisions', data: { round, status: 'draft' }, ...as(world.users.districtAdmin) })
    await payload.update({ collection: 'decisions', data: { number: 'RRL 22/QĐ-UBND', signedOn: fromIsoDay(`${openYear() + 1}-03-20`), status: 'issued' }, id: draft.id, ...as(world.users.districtAdmin) })
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: draft.id } } })).docs
    expect({ grade: row.grade, isPublic: row.isPublic, countsForEmulation: row.countsForEmulation, validUntil: row.validUntil ?? null, outcomeLabel: row.outcomeLabel }).toEqual({
      countsForEmulation: true,
      grade: 'kha',
      isPublic: false,
      outcomeLabel: 'Xếp loại Khá',
      validUntil: null,
    })
    expect(row.basisNote).toContain('1.1: hướng dẫn chấm theo bước 1 điểm theo KT 01/HD-KT')
    expect([await anonymousCount(draft.id), await signedInCount(draft.id)]).toEqual([0, 1])
  })
})

describe('the public register in pages', () => {
  it('shows 100 rows a page in name order, numbered on from the page before; a page past the end shows the last', async () => {
    const drizzle = (payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<unknown> } }).drizzle
    // 105 published rows straight into the table, found by their names' common part
    await drizzle.execute(sql`
      insert into recognitions (unit_id, authority_id, authority_name, decision_id, decided_on, valid_from, is_public, status, level, outcome_label, unit_name, year)
      select ${units.a3.id}, ${world.authorities.districtA.id}, 'Huyện A RRL', ${fixtureDecision}, now(), now(), true, 'valid', 1, 'Đơn vị học tập Mức độ 1', 'Trang RRLPG ' || lpad(g::text, 3, '0'), ${openYear()}
      from generate_series(1, 105) g`)
    try {
      const first = await queryRegister({ filters: { q: 'RRLPG' }, payload, today })
      expect({ offset: first.offset, page: first.page, pages: first.pages, rows: first.rows.length, total: first.total }).toEqual({ offset: 0, page: 1, pages: 2, rows: registerPageSize, total: 105 })
      expect([first.rows[0].unitName, first.rows[99].unitName]).toEqual(['Trang RRLPG 001', 'Trang RRLPG 100'])
      const second = await queryRegister({ filters: { page: '2', q: 'RRLPG' }, payload, today })
      expect({ offset: second.offset, page: second.page, rows: second.rows.map((row) => row.unitName) }).toEqual({ offset: 100, page: 2, rows: ['Trang RRLPG 101', 'Trang RRLPG 102', 'Trang RRLPG 103', 'Trang RRLPG 104', 'Trang RRLPG 105'] })
      expect((await queryRegister({ filters: { page: '9', q: 'RRLPG' }, payload, today })).rows.map((row) => row.unitName)).toEqual(second.rows.map((row) => row.unitName))
      // a search of two words finds the rows having both, in any order
      expect((await queryRegister({ filters: { q: 'RRLPG trang' }, payload, today })).total).toBe(105)
    } finally {
      await drizzle.execute(sql`delete from recognitions where unit_name like 'Trang RRLPG %'`)
    }
  })
})
