/**
 * The role start pages (issue 12) on real PostgreSQL with the demo data: what each demo user's
 * dashboard holds as the unit's dossier moves from not started to in review, read with that user's
 * own access (the unit sees only its own dossier; the reviewer only rounds whose team names them).
 */
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countableScope, roundDossierStages } from '@/dashboard/funnels'
import { listedOnDashboard, loadDashboard, type AdminDashboardData, type AuthorityDashboardData, type ReviewerDashboardData, type UnitDashboardData } from '@/dashboard/load'
import { relationId } from '@collections/access/roles'
import { participantsOf } from '@collections/rounds/endpoints'
import { roundFunnel } from '@criteria/dashboard'
import { loadDemo } from '@/seed/loadDemo'

import { pdfUpload } from './helpers/files'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { useOwnDatabase, type FreshDatabase } from './helpers/testDatabase'
import { metAnswers } from './helpers/rounds'

let payload: Payload
// a database of its own: the demo's counts and the 'no users yet' start need one no other file writes to
let database: FreshDatabase
const users: Record<string, Record<string, any>> = {}
let roundId: number
let dossierId: number

const reqFor = async (email: string) => (await createLocalReq({ user: { ...users[email], collection: 'users' } as never }, payload)) as PayloadRequest
const dashboardOf = async <T>(email: string) => (await loadDashboard({ req: await reqFor(email) })) as T
const as = (email: string) => ({ depth: 0, overrideAccess: false, user: { ...users[email], collection: 'users' } as never })

beforeAll(async () => {
  database = await useOwnDatabase({ label: 'dashboard' })
  payload = await getTestPayload()
  await loadDemo({ payload })
  for (const user of (await payload.find({ collection: 'users', depth: 0, limit: 0, pagination: false })).docs) users[user.email] = user
  roundId = (await payload.find({ collection: 'rounds', depth: 0, limit: 1, where: { status: { equals: 'open' } } })).docs[0].id
}, 120_000)
afterAll(async () => {
  await closeTestPayload(payload)
  await database?.drop()
})

describe('dashboards of the demo users', () => {
  it('the unit, not started: its open round with the deadline in days, level 1 recommended, level 2 explained', async () => {
    const data = await dashboardOf<UnitDashboardData>('donvi@demo.vn')
    expect(data.role).toBe('unit')
    expect(data.unitName).toBe('UBND xã Trường Hà')
    expect(data.rounds.map((round) => round.id)).toEqual([roundId])
    const [round] = data.rounds
    expect(round.dossier).toBeNull()
    expect(round.deadline?.text).toMatch(/^trước ngày 15\/01\/\d{4}$/)
    expect(round.deadline?.days).toBeGreaterThan(0)
    expect(round.choices.map((choice) => [choice.set.level, choice.isRecommended])).toEqual([
      [1, true],
      [2, false],
    ])
    expect(round.choices[1].reason).toContain('Mức độ 1')
  })

  it('the district, not started: every unit of the round in the first stage, the round’s deadlines, nothing waiting', async () => {
    const data = await dashboardOf<AuthorityDashboardData>('huyen@demo.vn')
    const round = data.rounds.find((row) => row.id === roundId)
    expect(round?.funnel.find((stage) => stage.code === 'not-started')?.count).toBe(round?.unitCount)
    expect(round?.unitCount).toBeGreaterThan(1)
    expect(round?.deadlines.map((deadline) => deadline.label)).toEqual(['Hạn đơn vị nộp hồ sơ', 'Hạn ra quyết định công nhận', 'Báo cáo Sở Giáo dục và Đào tạo'])
    expect(data.waiting).toEqual([])
  })

  it('the unit, started: what is missing names each indicator by its wording and links to its row, and each paper', async () => {
    const round = (await dashboardOf<UnitDashboardData>('donvi@demo.vn')).rounds[0]
    const created = await payload.create({ collection: 'self-assessments', data: { criteriaSet: round.choices[0].set.id as number, round: roundId } as never, ...as('donvi@demo.vn') })
    dossierId = created.id
    const dossier = (await dashboardOf<UnitDashboardData>('donvi@demo.vn')).rounds[0].dossier
    expect(dossier).toMatchObject({ id: dossierId, status: 'draft', statusLabel: 'Bản nháp' })
    const gaps = dossier?.gaps ?? []
    const first = gaps.find((gap) => gap.kind === 'answer')
    expect(first?.name).toMatch(/^TC1\.CT1 — \S+/)
    expect(first?.href).toBe(`/admin/collections/self-assessments/${dossierId}#answers-row-0`)
    expect(gaps.filter((gap) => gap.kind === 'paper').map((gap) => gap.name)).toHaveLength(3)
    // one indicator answered with an explanation: it leaves the list, the others stay
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: dossierId })
    const answers = stored.answers?.map((row, index) => (index === 0 ? { ...row, explanation: 'Hồ sơ gốc lưu tại UBND xã.', yesNo: 'yes' } : row))
    await payload.update({ collection: 'self-assessments', data: { answers } as never, id: dossierId, ...as('donvi@demo.vn') })
    const after = (await dashboardOf<UnitDashboardData>('donvi@demo.vn')).rounds[0].dossier?.gaps ?? []
    expect(after.some((gap) => gap.code === 'TC1.CT1')).toBe(false)
    expect(after.length).toBeLessThan(gaps.length)
  })

  it('the district sees the dossier in the draft stage; the province too; the admin sees the province’s round', async () => {
    for (const email of ['huyen@demo.vn', 'tinh@demo.vn']) {
      const round = (await dashboardOf<AuthorityDashboardData>(email)).rounds.find((row) => row.id === roundId)
      expect(round?.funnel.find((stage) => stage.code === 'draft')?.count).toBe(1)
      expect(round?.funnel.find((stage) => stage.code === 'not-started')?.count).toBe((round?.unitCount ?? 0) - 1)
    }
    const admin = await dashboardOf<AdminDashboardData>('admin@demo.vn')
    expect(admin.provinces.flatMap((province) => province.rounds.map((round) => round.id))).toContain(roundId)
  })

  it('the reviewer: nothing until the dossier is accepted; then it is assigned, with no review of theirs yet', async () => {
    const before = await dashboardOf<ReviewerDashboardData>('reviewer@demo.vn')
    expect(before.dossiers).toEqual([])
    expect(before.rounds.map((round) => [round.id, round.role])).toEqual([[roundId, 'Trưởng đoàn']])
    // the clerk answers everything, attaches the round's papers and submits; the district accepts
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: dossierId })
    const unit = users['donvi@demo.vn'].unit as number
    const slots = []
    for (const slot of stored.dossierFiles ?? []) {
      const paper = await payload.create({ collection: 'evidence', data: { title: slot.title, unit } as never, file: pdfUpload({ name: `giay-to-${slot.id}.pdf` }), ...as('donvi@demo.vn') })
      slots.push({ files: [paper.id], item: slot.item })
    }
    await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: stored.answers ?? [] }), dossierFiles: slots } as never, id: dossierId, ...as('donvi@demo.vn') })
    expect((await dashboardOf<UnitDashboardData>('donvi@demo.vn')).rounds[0].dossier?.gaps).toEqual([])
    await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: dossierId, ...as('donvi@demo.vn') })
    expect((await dashboardOf<AuthorityDashboardData>('huyen@demo.vn')).waiting.map((row) => row.id)).toEqual([dossierId])
    expect((await dashboardOf<ReviewerDashboardData>('reviewer@demo.vn')).dossiers).toEqual([])
    await payload.update({ collection: 'self-assessments', data: { status: 'in-review' }, id: dossierId, ...as('huyen@demo.vn') })
    const after = await dashboardOf<ReviewerDashboardData>('reviewer@demo.vn')
    expect(after.dossiers).toHaveLength(1)
    expect(after.dossiers[0]).toMatchObject({ id: dossierId, isLead: true, ownReview: null, statusLabel: 'Đang thẩm định' })
    expect(after.dossiers[0].progress.done).toBe(0)
  })

  it('a unit never sees another unit’s dossier, and a user without a role gets no dashboard', async () => {
    const round = await payload.findByID({ collection: 'rounds', depth: 0, id: roundId })
    const other = (await payload.find({ collection: 'units', depth: 0, limit: 1, where: { and: [{ name: { not_equals: 'UBND xã Trường Hà' } }, { authority: { equals: round.authority } }, { tier: { equals: 'huyen' } }] } })).docs[0]
    const otherDossier = await payload.create({ collection: 'self-assessments', data: { criteriaSet: round.criteriaSets?.[0] as number, round: roundId, unit: other.id } as never })
    expect((await dashboardOf<AuthorityDashboardData>('huyen@demo.vn')).rounds.find((row) => row.id === roundId)?.funnel.find((stage) => stage.code === 'draft')?.count).toBe(1)
    const data = await dashboardOf<UnitDashboardData>('donvi@demo.vn')
    expect(data.rounds[0].dossier?.id).toBe(dossierId)
    expect(JSON.stringify(data)).not.toContain(`/self-assessments/${otherDossier.id}`)
    const req = await createLocalReq({ user: { ...users['donvi@demo.vn'], collection: 'users', roles: [] } as never }, payload)
    expect(await loadDashboard({ req: req as PayloadRequest })).toBeNull()
  })

  it('each round’s funnel, counted by the database, equals the participation endpoint’s row-by-row count (province, district; the admin’s without "not started")', async () => {
    expect(await countableScope({ req: await reqFor('admin@demo.vn') })).toBeNull()
    expect(await countableScope({ req: await reqFor('huyen@demo.vn') })).toContain(users['huyen@demo.vn'].authority)
    // any other reader is counted row by row through Payload's access
    expect(await countableScope({ req: await reqFor('reviewer@demo.vn') })).toBeUndefined()
    for (const email of ['admin@demo.vn', 'tinh@demo.vn', 'huyen@demo.vn']) {
      const data = await dashboardOf<AdminDashboardData | AuthorityDashboardData>(email)
      const req = await reqFor(email)
      const cards = data.role === 'admin' ? data.provinces.flatMap((province) => province.rounds) : data.rounds
      expect(cards.map((card) => card.id)).toContain(roundId)
      for (const card of cards) {
        const round = await payload.findByID({ collection: 'rounds', depth: 0, id: card.id })
        const { assessments, units } = await participantsOf({ req, round })
        const counted = roundFunnel({ assessments: assessments.map((row) => ({ status: row.status, unit: relationId(row.unit) })), unitIds: units.map((unit) => unit.id) })
        if ('unitCount' in card) expect(card.unitCount, `${email}, đợt ${card.id}`).toBe(units.length)
        // the system admin's card: the dossiers' stages, "not started" left to the round's own page
        expect(card.funnel, `${email}, đợt ${card.id}`).toEqual(data.role === 'admin' ? counted.filter((stage) => stage.code !== 'not-started') : counted)
      }
    }
    const own = (await dashboardOf<AuthorityDashboardData>('huyen@demo.vn')).rounds.find((card) => card.id === roundId)
    expect(own?.funnel.filter((stage) => stage.count > 0).map((stage) => stage.code)).toEqual(['not-started', 'draft', 'in-review'])
    const national = (await dashboardOf<AdminDashboardData>('admin@demo.vn')).provinces.flatMap((province) => province.rounds).find((card) => card.id === roundId)
    expect(national?.funnel.filter((stage) => stage.count > 0).map((stage) => stage.code)).toEqual(['draft', 'in-review'])
    // a reader of several roles is counted through Payload's access, row by row: the same stages
    const mixed = await createLocalReq({ user: { ...users['huyen@demo.vn'], collection: 'users', roles: ['authority-admin', 'reviewer'] } as never }, payload)
    expect(await countableScope({ req: mixed as PayloadRequest })).toBeUndefined()
    const byRows = await roundDossierStages({ req: mixed as PayloadRequest, roundIds: [roundId] })
    expect(byRows.get(String(roundId))).toEqual(own?.funnel.filter((stage) => stage.code !== 'not-started'))
  })

  it('recognitions expiring: only those decided within the authority’s subtree and ending in the next twelve months', async () => {
    const decision = (await payload.find({ collection: 'decisions', depth: 0, limit: 1, where: { status: { equals: 'issued' } } })).docs[0]
    const unit = users['donvi@demo.vn'].unit as number
    const district = users['huyen@demo.vn'].authority as number
    const elsewhere = await payload.create({ collection: 'authorities', data: { code: 'TINH-KHAC-KT', name: 'Tỉnh khác (kiểm thử)', tierLabel: 'Tỉnh' } as never })
    const inMonths = (months: number) => {
      const date = new Date()
      date.setUTCMonth(date.getUTCMonth() + months)
      return `${date.toISOString().slice(0, 10)}T12:00:00.000Z`
    }
    const row = (name: string, authority: number, validUntil: string) => ({
      authority,
      decidedOn: '2024-01-10T12:00:00.000Z',
      decision: decision.id,
      level: 1,
      status: 'valid',
      unit,
      unitName: name,
      validFrom: '2024-01-10T12:00:00.000Z',
      validUntil,
      year: 2023,
    })
    // straight into the table: the register takes rows only from issued decisions
    for (const data of [row('Kiểm thử: trong huyện, còn 6 tháng', district, inMonths(6)), row('Kiểm thử: tỉnh khác, còn 6 tháng', elsewhere.id, inMonths(6)), row('Kiểm thử: trong huyện, còn 20 tháng', district, inMonths(20))]) {
      await payload.db.create({ collection: 'recognitions', data })
    }
    const names = async (email: string) => (await dashboardOf<AuthorityDashboardData>(email)).expiring.map((entry) => entry.unitName).filter((name) => name.startsWith('Kiểm thử'))
    expect(await names('huyen@demo.vn')).toEqual(['Kiểm thử: trong huyện, còn 6 tháng'])
    expect(await names('tinh@demo.vn')).toEqual(['Kiểm thử: trong huyện, còn 6 tháng'])
  })
  it('the waiting list names the 20 that have waited longest and counts them all, with a link to the whole list', async () => {
    const district = users['huyen@demo.vn'].authority as number
    const round = await payload.findByID({ collection: 'rounds', depth: 0, id: roundId })
    const drizzle = (payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> } }).drizzle
    // 25 more units of the district, each with a dossier submitted on its own day: straight into the tables
    await drizzle.execute(sql`
      with made as (
        insert into units (name, authority_id, unit_type_id, tier_id, is_active)
        select 'Kiểm thử chờ ' || lpad(g::text, 2, '0'), ${district}, 'xa', 'huyen', true from generate_series(1, 25) g
        returning id, name)
      insert into self_assessments (title, round_id, unit_id, criteria_set_id, authority_id, status, submitted_at)
      select made.name, ${roundId}, made.id, ${round.criteriaSets?.[0] as number}, ${district}, 'submitted', timestamp '2026-01-01' + (substring(made.name from '..$')::int * interval '1 hour') from made`)
    const data = await dashboardOf<AuthorityDashboardData>('huyen@demo.vn')
    const total = await payload.count({ collection: 'self-assessments', where: { and: [{ round: { equals: roundId } }, { status: { equals: 'submitted' } }] } })
    expect(total.totalDocs).toBeGreaterThanOrEqual(25)
    expect(data.waitingCount).toBe(total.totalDocs)
    expect(data.waiting).toHaveLength(listedOnDashboard)
    expect(data.waiting.slice(0, 3).map((row) => row.title)).toEqual(['Kiểm thử chờ 01', 'Kiểm thử chờ 02', 'Kiểm thử chờ 03'])
    expect(data.disagreementCount).toBe(data.disagreements.length)
  })
})
