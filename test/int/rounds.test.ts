/**
 * Assessment rounds on real PostgreSQL: deadlines computed from their rules, the plan table written
 * as seed 001 writes it, status changes with their audit trail, "copy to next year" and the
 * participation list over REST, who may see and change a round, and the guard that keeps a
 * published criteria set unchanged while a round is using it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { Round } from '@/payload-types'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { settleSets } from './helpers/settle'
import { attempt, createWorld, messagesOf, password, pathsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let huyen1: number
let huyen2: number
/** Accounts beyond the world's: a district admin of district B, a reviewer on no team, two team members. */
let otherDistrictAdmin: ActingUser
let outsideReviewer: ActingUser
let secretary: ActingUser
let member: ActingUser
const rest = createRestClient({ config })

const account = async (data: { authority?: number; email: string; role: ActingUser['roles'][number]; unit?: number }) => {
  const created = await payload.create({
    collection: 'users',
    data: { authority: data.authority, email: data.email, name: data.email, password, roles: [data.role], unit: data.unit },
  })
  return { ...created, collection: 'users' } as ActingUser
}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'RND' })
  await loadCriteriaSets({ payload })
  huyen1 = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  // a round opens only on settled sets: the sets' unknowns take test values (helpers/settle.ts)
  huyen2 = await setIdByCode({ code: 'tt24-2023-huyen-2', payload })
  await settleSets({ payload, setIds: [huyen1, huyen2] })
  otherDistrictAdmin = await account({ authority: world.authorities.districtB.id, email: 'huyen-b.rnd@test.vn', role: 'authority-admin' })
  outsideReviewer = await account({ authority: world.authorities.districtA.id, email: 'reviewer-ngoai.rnd@test.vn', role: 'reviewer' })
  secretary = await account({ authority: world.authorities.districtA.id, email: 'thu-ky.rnd@test.vn', role: 'reviewer' })
  member = await account({ authority: world.authorities.districtA.id, email: 'thanh-vien.rnd@test.vn', role: 'reviewer' })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const as = (user: ActingUser | undefined) => ({ depth: 0, overrideAccess: false, user })

const reload = (id: number) => payload.findByID({ collection: 'rounds', depth: 0, id })

const updateRound = (id: number, data: Partial<Round>, user: ActingUser = world.users.districtAdmin) =>
  payload.update({ collection: 'rounds', data, id, ...as(user) })

const statusTrail = async (id: number) =>
  (
    await payload.find({
      collection: 'audit-events',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'at',
      where: { and: [{ collection: { equals: 'rounds' } }, { docId: { equals: String(id) } }, { action: { equals: 'round-status' } }] },
    })
  ).docs

const day = (iso: string) => `${iso}T12:00:00.000Z`

/** A document of district A a round can cite (its guide, its team decision), without a file. */
const legalDocument = (data: { kind: 'huong-dan' | 'thanh-lap-doan'; number: string }) =>
  payload.create({ collection: 'legal-documents', data: { ...data, authority: world.authorities.districtA.id, issuedOn: day('2021-03-01'), issuer: 'UBND huyện A' } })

describe('deadlines are computed from their rules and the evaluation year', () => {
  it('default to TT 24, follow a province’s own date, and refuse impossible or half-filled dates', async () => {
    const round = await createRound({ payload, setIds: [huyen1], status: 'draft', world, year: 2026 })
    expect(round.deadlines?.submission).toMatchObject({ day: 15, kind: 'before', month: 1, text: 'trước ngày 15/01/2027' })
    expect(round.deadlines?.decision).toMatchObject({ day: 15, kind: 'before', month: 2, text: 'trước ngày 15/02/2027' })
    expect(round.deadlines?.review?.text).toBe('')

    // Long An: dossiers up to and including 31/01 of the next year; the other deadlines stay as they were
    const longAn = await updateRound(round.id, { deadlines: { submission: { day: 31, kind: 'by', month: 1 } } })
    expect(longAn.deadlines?.submission?.text).toBe('đến hết ngày 31/01/2027')
    expect((await reload(round.id)).deadlines?.submission?.text).toBe('đến hết ngày 31/01/2027')
    expect((await reload(round.id)).deadlines?.decision).toMatchObject({ day: 15, month: 2, text: 'trước ngày 15/02/2027' })

    // the texts follow the year, the rules stay
    const moved = await updateRound(round.id, { year: 2027 })
    expect(moved.deadlines?.submission?.text).toBe('đến hết ngày 31/01/2028')
    expect(moved.deadlines?.decision?.text).toBe('trước ngày 15/02/2028')
    const stored = await reload(round.id)

    // 31/02 does not exist
    const impossible = () => updateRound(round.id, { deadlines: { submission: { day: 31, kind: 'by', month: 2 } } })
    expect(await pathsOf(impossible)).toEqual(['deadlines.submission.day'])
    expect(await messagesOf(impossible)).toContain('Ngày không tồn tại')

    // a day without its month, and a month without its day, name the missing one
    const noMonth = () => updateRound(round.id, { deadlines: { review: { day: 10, month: null } } })
    expect(await pathsOf(noMonth)).toEqual(['deadlines.review.month'])
    expect(await messagesOf(noMonth)).toContain('Cần nhập cả ngày và tháng')
    expect(await pathsOf(() => updateRound(round.id, { deadlines: { opening: { day: null, month: 12 } } }))).toEqual(['deadlines.opening.day'])

    const after = await reload(round.id)
    expect(after.deadlines).toEqual(stored.deadlines)
    expect(after.updatedAt).toBe(stored.updatedAt)
  })
})

describe('report-up deadlines: any number, each with its recipient, computed and checked like the others', () => {
  it('writes each row’s date for the year (Hưng Yên: 30/4 to the Sở, 31/5 to the province) and refuses a bad row naming it', async () => {
    const created = await payload.create({
      collection: 'rounds',
      data: {
        authority: world.authorities.districtA.id,
        criteriaSets: [huyen1],
        reportDeadlines: [
          { day: 30, kind: 'before', month: 4, recipient: 'Sở Giáo dục và Đào tạo', yearOffset: '1' },
          { day: 31, kind: 'by', month: 5, recipient: 'UBND tỉnh', yearOffset: '1' },
        ],
        status: 'draft',
        tier: 'huyen',
        title: 'Đợt RND báo cáo nhiều cấp',
        year: 2026,
      },
    })
    expect(created.reportDeadlines?.map((row) => [row.recipient, row.text])).toEqual([
      ['Sở Giáo dục và Đào tạo', 'trước ngày 30/04/2027'],
      ['UBND tỉnh', 'đến hết ngày 31/05/2027'],
    ])
    // the dates follow the year, the rules stay
    const moved = await updateRound(created.id, { year: 2027 })
    expect(moved.reportDeadlines?.map((row) => row.text)).toEqual(['trước ngày 30/04/2028', 'đến hết ngày 31/05/2028'])
    const stored = await reload(created.id)

    const rows = (changes: Record<number, Record<string, unknown>>) => (stored.reportDeadlines ?? []).map((row, index) => ({ ...row, ...changes[index] }))
    // 31/04 does not exist
    const impossible = () => updateRound(created.id, { reportDeadlines: rows({ 0: { day: 31 } }) })
    expect(await pathsOf(impossible)).toEqual(['reportDeadlines.0.day'])
    expect(await messagesOf(impossible)).toContain('Ngày không tồn tại')
    // a day without its month names the month of that row
    const halfFilled = () => updateRound(created.id, { reportDeadlines: rows({ 1: { month: null } }) })
    expect(await pathsOf(halfFilled)).toEqual(['reportDeadlines.1.month'])
    expect(await messagesOf(halfFilled)).toContain('Cần nhập cả ngày và tháng')
    // a recipient is required
    expect(await pathsOf(() => updateRound(created.id, { reportDeadlines: rows({ 1: { recipient: '' } }) }))).toEqual(['reportDeadlines.1.recipient'])

    const after = await reload(created.id)
    expect(after.reportDeadlines).toEqual(stored.reportDeadlines)
    expect(after.updatedAt).toBe(stored.updatedAt)
  })

  it('the opening day reads "từ ngày", whatever the row’s kind', async () => {
    const round = await payload.create({
      collection: 'rounds',
      data: { authority: world.authorities.districtA.id, criteriaSets: [huyen1], deadlines: { opening: { day: 1, kind: 'before', month: 12, yearOffset: '0' } }, status: 'draft', tier: 'huyen', title: 'Đợt RND mở nhận', year: 2026 },
    })
    expect(round.deadlines?.opening?.text).toBe('từ ngày 01/12/2026')
    expect((await updateRound(round.id, { deadlines: { opening: { day: 1, kind: 'by', month: 12, yearOffset: '0' } } })).deadlines?.opening?.text).toBe('từ ngày 01/12/2026')
  })
})

describe('an empty deadline takes its regime’s default (REGULATIONS §2.9, §3.4); a value the province enters is kept', () => {
  const roundOn = (data: { setIds: number[]; tier: 'huyen' | 'tinh'; deadlines?: Round['deadlines']; title: string }) =>
    payload.create({
      collection: 'rounds',
      data: {
        authority: data.tier === 'tinh' ? world.authorities.province.id : world.authorities.districtA.id,
        criteriaSets: data.setIds,
        deadlines: data.deadlines,
        status: 'draft',
        tier: data.tier,
        title: data.title,
        year: 2026,
      },
    })

  it('TT 22: the self-assessment report up to the end of the first quarter of N+1, and no decision deadline', async () => {
    const tt22 = await setIdByCode({ code: 'tt22-2020', payload })
    const round = await roundOn({ setIds: [tt22], tier: 'huyen', title: 'Đợt RND TT 22' })
    expect(round.deadlines?.submission).toMatchObject({ day: 31, kind: 'by', month: 3, text: 'đến hết ngày 31/03/2027' })
    expect(round.deadlines?.decision).toMatchObject({ text: '' })
    expect(round.deadlines?.decision?.day ?? null).toBeNull()
  })

  it('TT 24, district: before 15/01 and before 15/02 of N+1', async () => {
    const round = await roundOn({ setIds: [huyen1], tier: 'huyen', title: 'Đợt RND TT 24 huyện' })
    expect(round.deadlines?.submission).toMatchObject({ day: 15, kind: 'before', month: 1, text: 'trước ngày 15/01/2027' })
    expect(round.deadlines?.decision).toMatchObject({ day: 15, kind: 'before', month: 2, text: 'trước ngày 15/02/2027' })
  })

  it('TT 24, provincial: before 15/01 of N+1, and no decision deadline until the province sets one', async () => {
    const tinh1 = await setIdByCode({ code: 'tt24-2023-tinh-1', payload })
    const round = await roundOn({ setIds: [tinh1], tier: 'tinh', title: 'Đợt RND TT 24 tỉnh' })
    expect(round.deadlines?.submission).toMatchObject({ day: 15, kind: 'before', month: 1, text: 'trước ngày 15/01/2027' })
    expect(round.deadlines?.decision?.day ?? null).toBeNull()
    expect(round.deadlines?.decision?.text).toBe('')

    // the province's own decision deadline is kept, and so is it on the next save
    const set = await updateRound(round.id, { deadlines: { decision: { day: 31, kind: 'before', month: 5, yearOffset: '1' } } }, world.users.provinceAdmin)
    expect(set.deadlines?.decision).toMatchObject({ day: 31, month: 5, text: 'trước ngày 31/05/2027' })
    expect((await updateRound(round.id, { title: 'Đợt RND TT 24 tỉnh (sửa)' }, world.users.provinceAdmin)).deadlines?.decision?.text).toBe('trước ngày 31/05/2027')
  })

  it('an explicit submission deadline is not replaced by the default', async () => {
    const tt22 = await setIdByCode({ code: 'tt22-2020', payload })
    const round = await roundOn({ deadlines: { submission: { day: 15, kind: 'before', month: 3, yearOffset: '1' } }, setIds: [tt22], tier: 'huyen', title: 'Đợt RND TT 22 riêng' })
    expect(round.deadlines?.submission).toMatchObject({ day: 15, kind: 'before', month: 3, text: 'trước ngày 15/03/2027' })
    expect((await reload(round.id)).deadlines?.submission?.text).toBe('trước ngày 15/03/2027')
  })
})

describe('the plan table reproduces the "Thời gian" column of seed 001', () => {
  it('writes a day, a range and a "before" as the province writes them, and refuses a start after the due day', async () => {
    const round = await payload.create({
      collection: 'rounds',
      data: {
        authority: world.authorities.districtA.id,
        plan: [
          { due: day('2022-01-04'), kind: 'on', task: 'Thành lập đoàn kiểm tra' },
          { due: day('2022-01-13'), kind: 'on', start: day('2022-01-10'), task: 'Kiểm tra, đánh giá tại đơn vị' },
          { due: day('2022-02-20'), kind: 'before', task: 'Gửi hồ sơ về Sở' },
          { due: day('2022-01-31'), kind: 'by', task: 'Báo cáo nhanh' },
        ],
        status: 'draft',
        tier: 'huyen',
        title: 'Kế hoạch RND năm 2021',
        year: 2021,
      },
    })
    expect(round.plan?.map((row) => row.timing)).toEqual(['04/01/2022', 'Từ ngày 10/01/2022 đến ngày 13/01/2022', 'Trước ngày 20/02/2022', 'Đến hết ngày 31/01/2022'])

    const rows = (round.plan ?? []).map((row, index) => (index === 1 ? { ...row, start: day('2022-01-14') } : row))
    const refused = () => updateRound(round.id, { plan: rows })
    expect(await pathsOf(refused)).toEqual(['plan.1.start'])
    expect(await messagesOf(refused)).toContain('Dòng 2 của kế hoạch')
    const stored = await reload(round.id)
    expect(stored.plan?.[1]).toMatchObject({ start: day('2022-01-10'), timing: 'Từ ngày 10/01/2022 đến ngày 13/01/2022' })
  })
})

describe('status changes', () => {
  it('opening needs published criteria sets: none, or a draft one, is refused with the set named', async () => {
    const empty = await createRound({ payload, setIds: [], status: 'draft', world })
    // with no set there is no regime, so no default submission deadline either
    expect(await pathsOf(() => updateRound(empty.id, { status: 'open' }))).toEqual(['criteriaSets', 'deadlines.submission'])
    expect((await reload(empty.id)).status).toBe('draft')

    // the province's own copy, a draft until somebody publishes it
    const draftSet = await payload.duplicate({ collection: 'criteria-sets', id: huyen1, ...as(world.users.provinceAdmin) })
    expect(draftSet).toMatchObject({ _status: 'draft', authority: world.authorities.province.id })
    const withDraft = await createRound({ payload, setIds: [huyen1, draftSet.id], status: 'draft', world })
    const open = () => updateRound(withDraft.id, { status: 'open' })
    expect(await pathsOf(open)).toEqual(['criteriaSets'])
    const message = await messagesOf(open)
    // only the draft is named, not the published set beside it
    expect(message).toContain(`đơn vị chưa dùng được: ${draftSet.code}. `)
    expect((await reload(withDraft.id)).status).toBe('draft')
    expect(await statusTrail(empty.id)).toEqual([])
    expect(await statusTrail(withDraft.id)).toEqual([])
  })

  it('moves forward one step at a time, refuses a jump, and records each change in the audit trail', async () => {
    const round = await createRound({ payload, setIds: [huyen1], status: 'draft', world })
    expect(await pathsOf(() => updateRound(round.id, { status: 'closed' }))).toEqual(['status'])
    expect((await reload(round.id)).status).toBe('draft')

    for (const status of ['open', 'reviewing', 'closed'] as const) expect((await updateRound(round.id, { status })).status).toBe(status)
    const trail = await statusTrail(round.id)
    expect(trail.map((event) => [event.from, event.to])).toEqual([
      ['draft', 'open'],
      ['open', 'reviewing'],
      ['reviewing', 'closed'],
    ])
    expect(trail.every((event) => event.actor === world.users.districtAdmin.id && event.authority === world.authorities.districtA.id && event.round === round.id)).toBe(true)
    expect(trail[0].comment).toBe('Đang chuẩn bị → Đang nhận hồ sơ')

    // a closed round is history: even its title stays, and nothing more is written to the trail
    expect(await messagesOf(() => updateRound(round.id, { title: 'Đổi tên đợt RND' }))).toBe('«Tên đợt đánh giá» không sửa được khi đợt đánh giá ở trạng thái «Đã kết thúc».')
    expect((await reload(round.id)).title).not.toBe('Đổi tên đợt RND')
    expect(await statusTrail(round.id)).toHaveLength(3)
  })

  it('a team has at most one lead', async () => {
    const round = await createRound({ payload, setIds: [huyen1], status: 'draft', world })
    const team = [
      { role: 'truong-doan' as const, user: world.users.reviewer.id },
      { role: 'truong-doan' as const, user: secretary.id },
    ]
    expect(await pathsOf(() => updateRound(round.id, { team }))).toEqual(['team'])
    expect(await pathsOf(() => createRound({ payload, setIds: [huyen1], status: 'draft', team, world }))).toEqual(['team'])
    expect((await reload(round.id)).team?.map((row) => row.user)).toEqual([world.users.reviewer.id])
  })
})

/** The six rows of Hà Quảng's 2021 plan (seed 001), with their dates a year on as the copy must have them. */
const haQuangPlan = [
  { due: '2022-01-04', kind: 'on', lead: 'Phòng GD&ĐT', next: [null, '2023-01-04'], task: 'Trình UBND huyện quyết định thành lập đoàn kiểm tra', timing: '04/01/2023' },
  { due: '2022-01-05', kind: 'on', lead: 'Phòng GD&ĐT', next: [null, '2023-01-05'], task: 'Họp thống nhất kế hoạch kiểm tra, phân công thành viên', timing: '05/01/2023' },
  {
    due: '2022-01-13',
    kind: 'on',
    lead: 'Phòng GD&ĐT',
    next: ['2023-01-10', '2023-01-13'],
    start: '2022-01-10',
    task: 'Tổ chức kiểm tra, đánh giá xếp loại Đơn vị học tập',
    timing: 'Từ ngày 10/01/2023 đến ngày 13/01/2023',
  },
  { due: '2022-01-14', kind: 'on', lead: 'Phòng GD&ĐT', next: [null, '2023-01-14'], task: 'Tổng hợp kết quả từ các đoàn kiểm tra', timing: '14/01/2023' },
  { due: '2022-01-17', kind: 'on', lead: 'Phòng GD&ĐT', next: [null, '2023-01-17'], task: 'Hoàn thiện hồ sơ trình UBND huyện công nhận', timing: '17/01/2023' },
  { due: '2022-02-20', kind: 'before', lead: 'Phòng GD&ĐT', next: [null, '2023-02-20'], task: 'Hoàn thiện hồ sơ gửi về Sở Giáo dục và Đào tạo', timing: 'Trước ngày 20/02/2023' },
] as const

const haQuangDossier = [
  'Tờ trình đề nghị công nhận Đơn vị học tập',
  'Báo cáo tự kiểm tra, đánh giá, xếp loại',
  'Bảng tự chấm điểm các tiêu chí, chỉ tiêu',
  'Biên bản họp xét của đơn vị',
  'Danh sách cán bộ đạt danh hiệu Công dân học tập',
  'Các minh chứng kèm theo',
]

describe('POST /api/rounds/{id}/copy-to-next-year', () => {
  it('makes next year’s draft with every date a year on, the same team and dossier, and the province’s newest sets', async () => {
    const basis = await legalDocument({ kind: 'huong-dan', number: '12/KH-UBND RND' })
    const teamDecision = await legalDocument({ kind: 'thanh-lap-doan', number: '3/QĐ-UBND RND' })
    const source = await payload.create({
      collection: 'rounds',
      data: {
        authority: world.authorities.districtA.id,
        criteriaSets: [huyen1, huyen2],
        basis: [basis.id],
        consolidationMode: 'majority',
        deadlines: { opening: { day: 1, kind: 'by', month: 12, yearOffset: '0' } },
        processingWorkingDays: 20,
        reminderOffsets: [10, 3],
        dossier: haQuangDossier.map((title, index) => ({ isRequired: index < 3, title })),
        plan: haQuangPlan.map((row) => ({ due: day(row.due), kind: row.kind, lead: row.lead, start: 'start' in row ? day(row.start) : null, task: row.task })),
        reportDeadlines: [{ day: 20, kind: 'before', month: 2, recipient: 'Sở Giáo dục và Đào tạo', yearOffset: '1' }],
        status: 'open',
        team: [
          { role: 'truong-doan', user: world.users.reviewer.id },
          { role: 'thu-ky', user: secretary.id },
          { role: 'thanh-vien', user: member.id },
        ],
        teamDecision: teamDecision.id,
        tier: 'huyen',
        title: 'Kiểm tra, đánh giá, xếp loại Đơn vị học tập năm 2021 — huyện A RND',
        year: 2021,
      },
    })
    expect(source.plan?.[2].timing).toBe('Từ ngày 10/01/2022 đến ngày 13/01/2022')
    expect(source.reportDeadlines?.[0].text).toBe('trước ngày 20/02/2022')
    expect(source.deadlines?.opening?.text).toBe('từ ngày 01/12/2021')

    // the province's own copy of the level-1 set, made after the national one; then a copy of another province, newer still
    const national = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: huyen1 })
    const provinceCopy = await payload.duplicate({ collection: 'criteria-sets', data: { authority: world.authorities.province.id, code: 'rnd-tinh-huyen-1' }, id: huyen1 })
    await payload.update({ collection: 'criteria-sets', data: { _status: 'published' }, id: provinceCopy.id })
    const elsewhere = await payload.create({ collection: 'authorities', data: { code: 'RND-Q', name: 'Tỉnh khác RND', tierLabel: 'Tỉnh' } })
    const foreignCopy = await payload.duplicate({ collection: 'criteria-sets', data: { authority: elsewhere.id, code: 'rnd-tinh-khac-huyen-1' }, id: huyen1 })
    await payload.update({ collection: 'criteria-sets', data: { _status: 'published' }, id: foreignCopy.id })
    const [province, foreign] = await Promise.all([provinceCopy.id, foreignCopy.id].map((id) => payload.findByID({ collection: 'criteria-sets', depth: 0, id })))
    expect(province).toMatchObject({ _status: 'published', authority: world.authorities.province.id, level: national.level, regime: national.regime, tier: national.tier })
    expect(foreign).toMatchObject({ _status: 'published', authority: elsewhere.id, level: national.level, regime: national.regime, tier: national.tier })
    expect(province.createdAt > national.createdAt).toBe(true)
    expect(foreign.createdAt > province.createdAt).toBe(true)

    const path = `/rounds/${source.id}/copy-to-next-year`
    const copies = () => payload.count({ collection: 'rounds', where: { copiedFrom: { equals: source.id } } })

    // nobody but the round's managers copies it, and a refusal creates nothing
    const unitToken = await rest.login({ email: world.users.unitEditor.email, password })
    const reviewerToken = await rest.login({ email: world.users.reviewer.email, password })
    const otherToken = await rest.login({ email: otherDistrictAdmin.email, password })
    expect((await rest.call({ method: 'POST', path })).status).toBe(401)
    expect((await rest.call({ method: 'POST', path, token: unitToken })).status).toBe(403)
    expect((await rest.call({ method: 'POST', path, token: reviewerToken })).status).toBe(403)
    expect((await rest.call({ method: 'POST', path, token: otherToken })).status).toBe(404)
    expect((await copies()).totalDocs).toBe(0)

    const token = await rest.login({ email: world.users.districtAdmin.email, password })
    const response = await rest.call({ method: 'POST', path, token })
    expect(response.status).toBe(201)
    expect(response.body.message).toContain('năm 2022')
    const copy = await reload(response.body.doc.id)
    expect(copy).toMatchObject({
      authority: world.authorities.districtA.id,
      copiedFrom: source.id,
      status: 'draft',
      tier: 'huyen',
      title: 'Kiểm tra, đánh giá, xếp loại Đơn vị học tập năm 2022 — huyện A RND',
      year: 2022,
    })
    expect(copy.plan?.map((row) => [row.task, row.kind, row.lead, row.start, row.due, row.timing])).toEqual(
      haQuangPlan.map((row) => [row.task, row.kind, row.lead, row.next[0] && day(row.next[0]), day(row.next[1]), row.timing]),
    )
    expect(copy.team?.map((row) => [row.user, row.role])).toEqual([
      [world.users.reviewer.id, 'truong-doan'],
      [secretary.id, 'thu-ky'],
      [member.id, 'thanh-vien'],
    ])
    expect(copy.dossier?.map((row) => [row.title, row.isRequired])).toEqual(haQuangDossier.map((title, index) => [title, index < 3]))
    // deadlines stay rules and are written for the new year
    expect(copy.deadlines?.submission?.text).toBe('trước ngày 15/01/2023')
    expect(copy.deadlines?.opening).toMatchObject({ day: 1, month: 12, text: 'từ ngày 01/12/2022', yearOffset: '0' })
    expect(copy.reportDeadlines?.map((row) => [row.recipient, row.text])).toEqual([['Sở Giáo dục và Đào tạo', 'trước ngày 20/02/2023']])
    // the guide the round follows stays, and the province's settings; next year's team is set up by a new decision
    expect(copy.basis).toEqual([basis.id])
    expect([copy.consolidationMode, copy.processingWorkingDays, copy.reminderOffsets]).toEqual(['majority', 20, [10, 3]])
    expect(copy.teamDecision ?? null).toBeNull()
    // the province's copy replaces the national level-1 set; nobody else's copy is used; level 2 stays national
    expect(copy.criteriaSets).toEqual([provinceCopy.id, huyen2])
    expect((await copies()).totalDocs).toBe(1)
    // the source is untouched
    expect((await reload(source.id)).updatedAt).toBe(source.updatedAt)

    // a second copy is refused and names the first; outsiders still learn nothing of it
    const again = await rest.call({ method: 'POST', path, token })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toContain('năm 2022')
    const late = await rest.call({ method: 'POST', path, token: unitToken })
    expect(late.status).toBe(403)
    expect(JSON.stringify(late.body)).not.toContain('năm 2022')
    expect((await rest.call({ method: 'POST', path, token: reviewerToken })).status).toBe(403)
    expect((await rest.call({ method: 'POST', path })).status).toBe(401)
    expect((await copies()).totalDocs).toBe(1)
  })
})

describe('GET /api/rounds/{id}/participation', () => {
  it('lists the active units of the round’s subtree at its tier, with where each stands', async () => {
    // beyond the world's A1 and A2: a commune authority under A with a unit, an inactive unit, a unit of the other tier
    const commune = await payload.create({ collection: 'authorities', data: { code: 'RND-A-X', name: 'Xã X RND', parent: world.authorities.districtA.id, tierLabel: 'Xã' } })
    const unit = (data: { authority: number; code: string; isActive?: boolean; name: string; tier?: 'huyen' | 'tinh'; unitType?: string }) =>
      payload.create({ collection: 'units', data: { memberCount: 10, tier: 'huyen', unitType: 'xa', ...data } })
    const underCommune = await unit({ authority: commune.id, code: 'RND-AX1', name: 'UBND xã AX1 RND' })
    await unit({ authority: world.authorities.districtA.id, code: 'RND-A3', isActive: false, name: 'UBND xã A3 RND (đã sáp nhập)' })
    await unit({ authority: world.authorities.districtA.id, code: 'RND-AT', name: 'Sở AT RND', tier: 'tinh', unitType: 'co_quan_nha_nuoc' })

    const round = await createRound({ payload, setIds: [huyen1], world })
    await payload.create({
      collection: 'self-assessments',
      data: { criteriaSet: huyen1, round: round.id, status: 'draft', unit: world.units.unitA1.id },
      ...as(world.users.unitEditor),
    })

    const path = `/rounds/${round.id}/participation`
    expect((await rest.call({ method: 'GET', path })).status).toBe(401)
    const token = await rest.login({ email: world.users.districtAdmin.email, password })
    const response = await rest.call({ method: 'GET', path, token })
    expect(response.status).toBe(200)
    const byCode = Object.fromEntries((response.body.units as { code: string; status: string | null }[]).map((row) => [row.code, row.status]))
    expect(byCode).toEqual({ 'RND-A1': 'draft', 'RND-A2': null, 'RND-AX1': null })
    expect(response.body.counts).toEqual({ draft: 1, 'not-started': 2 })
    expect(response.body.notStarted.map((row: { code: string }) => row.code).sort()).toEqual(['RND-A2', 'RND-AX1'])
    expect(response.body.units.find((row: { code: string }) => row.code === 'RND-AX1').id).toBe(underCommune.id)

    // a district admin elsewhere does not see the round at all
    const other = await rest.call({ method: 'GET', path, token: await rest.login({ email: otherDistrictAdmin.email, password }) })
    expect(other.status).toBe(404)
  })
})

describe('who may see and change a round', () => {
  type Role = 'admin' | 'provinceAdmin' | 'districtAdmin' | 'otherDistrictAdmin' | 'teamReviewer' | 'outsideReviewer' | 'unitEditor' | 'anonymous'
  const roles: Role[] = ['admin', 'provinceAdmin', 'districtAdmin', 'otherDistrictAdmin', 'teamReviewer', 'outsideReviewer', 'unitEditor', 'anonymous']
  const actor = (role: Role): ActingUser | undefined =>
    ({
      admin: world.users.admin,
      anonymous: undefined,
      districtAdmin: world.users.districtAdmin,
      otherDistrictAdmin,
      outsideReviewer,
      provinceAdmin: world.users.provinceAdmin,
      teamReviewer: world.users.reviewer,
      unitEditor: world.users.unitEditor,
    })[role]

  const expected: Record<Role, { read: string; readDraft: string; create: string; update: string; delete: string }> = {
    admin: { create: 'ok', delete: 'ok', read: 'ok', readDraft: 'ok', update: 'ok' },
    provinceAdmin: { create: 'ok', delete: 'ok', read: 'ok', readDraft: 'ok', update: 'ok' },
    districtAdmin: { create: 'ok', delete: 'ok', read: 'ok', readDraft: 'ok', update: 'ok' },
    otherDistrictAdmin: { create: 'forbidden', delete: 'forbidden', read: 'not-found', readDraft: 'not-found', update: 'forbidden' },
    teamReviewer: { create: 'forbidden', delete: 'forbidden', read: 'ok', readDraft: 'ok', update: 'forbidden' },
    outsideReviewer: { create: 'forbidden', delete: 'forbidden', read: 'not-found', readDraft: 'not-found', update: 'forbidden' },
    unitEditor: { create: 'forbidden', delete: 'forbidden', read: 'ok', readDraft: 'not-found', update: 'forbidden' },
    anonymous: { create: 'forbidden', delete: 'forbidden', read: 'forbidden', readDraft: 'forbidden', update: 'forbidden' },
  }

  it.each(roles)('%s', async (role) => {
    const user = actor(role)
    const open = await createRound({ payload, setIds: [huyen1], title: `Đợt RND mở ${role}`, world })
    const draft = await createRound({ payload, setIds: [huyen1], status: 'draft', title: `Đợt RND nháp ${role}`, world })
    const doomed = await createRound({ payload, setIds: [huyen1], status: 'draft', title: `Đợt RND để xóa ${role}`, world })
    const outcomes = {
      create: await attempt(() =>
        payload.create({
          collection: 'rounds',
          data: { authority: world.authorities.districtA.id, criteriaSets: [huyen1], status: 'draft', tier: 'huyen', title: `Đợt RND tạo bởi ${role}`, year: 2026 },
          ...as(user),
        }),
      ),
      delete: await attempt(() => payload.delete({ collection: 'rounds', id: doomed.id, ...as(user) })),
      read: await attempt(() => payload.findByID({ collection: 'rounds', id: open.id, ...as(user) })),
      readDraft: await attempt(() => payload.findByID({ collection: 'rounds', id: draft.id, ...as(user) })),
      update: await attempt(() => payload.update({ collection: 'rounds', data: { title: `Đổi tên bởi ${role}` }, id: open.id, ...as(user) })),
    }
    expect(outcomes).toEqual(expected[role])

    // what was refused left the database as it was
    const created = await payload.count({ collection: 'rounds', where: { title: { equals: `Đợt RND tạo bởi ${role}` } } })
    expect(created.totalDocs).toBe(expected[role].create === 'ok' ? 1 : 0)
    expect((await reload(open.id)).title).toBe(expected[role].update === 'ok' ? `Đổi tên bởi ${role}` : `Đợt RND mở ${role}`)
    const kept = await payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: doomed.id })
    expect(kept === null).toBe(expected[role].delete === 'ok')
  })

  it('lists show each role exactly its rounds', async () => {
    const mine = await createRound({ payload, setIds: [huyen1], title: 'Đợt RND của huyện A (danh sách)', world })
    const listed = async (user: ActingUser) =>
      (await payload.find({ collection: 'rounds', limit: 0, pagination: false, where: { title: { like: 'RND' } }, ...as(user) })).docs.map((doc) => doc.id)
    expect(await listed(otherDistrictAdmin)).toEqual([])
    expect(await listed(outsideReviewer)).toEqual([])
    expect(await listed(world.users.districtAdmin)).toContain(mine.id)
    const seenByUnit = (await payload.find({ collection: 'rounds', limit: 0, pagination: false, ...as(world.users.unitEditor) })).docs
    expect(seenByUnit.length).toBeGreaterThan(0)
    expect(seenByUnit.every((round) => round.status !== 'draft' && round.authority === world.authorities.districtA.id)).toBe(true)
  })
})

describe('deleting a round', () => {
  it('is refused once a unit has started a self-assessment, and allowed for an empty draft', async () => {
    const started = await createRound({ payload, setIds: [huyen1], world })
    await payload.create({
      collection: 'self-assessments',
      data: { criteriaSet: huyen1, round: started.id, status: 'draft', unit: world.units.unitA1.id },
      ...as(world.users.unitEditor),
    })
    const remove = () => payload.delete({ collection: 'rounds', id: started.id, ...as(world.users.districtAdmin) })
    expect(await messagesOf(remove)).toContain('không xóa được')
    expect(await messagesOf(() => payload.delete({ collection: 'rounds', id: started.id, ...as(world.users.admin) }))).toContain('không xóa được')
    expect((await reload(started.id)).id).toBe(started.id)

    const empty = await createRound({ payload, setIds: [huyen1], status: 'draft', world })
    await payload.delete({ collection: 'rounds', id: empty.id, ...as(world.users.districtAdmin) })
    expect(await payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: empty.id })).toBeNull()
  })
})

describe('a published criteria set in use by an open round is not changed in place', () => {
  it('refuses publishing a change, keeps a draft aside, publishes it after the round, and never deletes the set', async () => {
    const tinh1 = await setIdByCode({ code: 'tt24-2023-tinh-1', payload })
    const copy = await payload.duplicate({ collection: 'criteria-sets', data: { authority: world.authorities.province.id, code: 'rnd-tinh-tinh-1' }, id: tinh1 })
    const published = await payload.update({ collection: 'criteria-sets', data: { _status: 'published' }, id: copy.id, ...as(world.users.provinceAdmin) })
    expect(published._status).toBe('published')
    const originalTitle = published.title

    const round = await createRound({ payload, setIds: [copy.id], tier: 'tinh', title: 'Đợt RND dùng bộ của tỉnh', world })
    expect(round.status).toBe('open')
    const setAs = world.users.provinceAdmin
    const publishChange = () => payload.update({ collection: 'criteria-sets', data: { _status: 'published', title: 'Bộ tiêu chí tỉnh RND (sửa)' }, id: copy.id, ...as(setAs) })
    expect(await pathsOf(publishChange)).toEqual(['_status'])
    expect(await messagesOf(publishChange)).toContain('«Đợt RND dùng bộ của tỉnh»')
    // a change saved without naming a status lands on the published document too
    expect(await pathsOf(() => payload.update({ collection: 'criteria-sets', data: { title: 'Bộ tiêu chí tỉnh RND (sửa)' }, id: copy.id, ...as(setAs) }))).toEqual(['_status'])
    expect((await payload.findByID({ collection: 'criteria-sets', depth: 0, id: copy.id })).title).toBe(originalTitle)

    // a draft is saved aside; units keep answering the published version
    const drafted = await payload.update({ collection: 'criteria-sets', data: { title: 'Bộ tiêu chí tỉnh RND (sửa)' }, draft: true, id: copy.id, ...as(setAs) })
    expect(drafted._status).toBe('draft')
    const live = await payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: copy.id })
    expect(live).toMatchObject({ _status: 'published', title: originalTitle })
    expect((await payload.findByID({ collection: 'criteria-sets', depth: 0, draft: true, id: copy.id })).title).toBe('Bộ tiêu chí tỉnh RND (sửa)')

    // still in use while the team reviews
    await updateRound(round.id, { status: 'reviewing' })
    expect(await pathsOf(publishChange)).toEqual(['_status'])
    await updateRound(round.id, { status: 'closed' })
    const after = await publishChange()
    expect(after).toMatchObject({ _status: 'published', title: 'Bộ tiêu chí tỉnh RND (sửa)' })
    expect((await payload.findByID({ collection: 'criteria-sets', depth: 0, draft: false, id: copy.id })).title).toBe('Bộ tiêu chí tỉnh RND (sửa)')

    // a set any round uses, closed or not, is never deleted
    const removeCopy = () => payload.delete({ collection: 'criteria-sets', id: copy.id, ...as(setAs) })
    expect(await messagesOf(removeCopy)).toContain('không xóa được')
    expect(await messagesOf(removeCopy)).toContain('«Đợt RND dùng bộ của tỉnh»')
    expect(await messagesOf(() => payload.delete({ collection: 'criteria-sets', id: huyen1, ...as(world.users.admin) }))).toContain('không xóa được')
    expect((await payload.findByID({ collection: 'criteria-sets', depth: 0, id: copy.id })).id).toBe(copy.id)
    expect((await payload.findByID({ collection: 'criteria-sets', depth: 0, id: huyen1 })).id).toBe(huyen1)
  })
})
