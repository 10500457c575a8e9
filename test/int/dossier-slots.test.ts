/**
 * What a round asks of a unit's dossier beyond the answers, on real PostgreSQL (issue 11 §6–7):
 * the round's dossier checklist as attachment slots kept in step with the round, holding only the
 * unit's own files, an empty required slot refusing the submission; the opening day before which
 * nothing is submitted; each refusal on both ways of submitting (the full save and the small
 * transition write of a REST PATCH of the status), read back to show nothing changed. And the
 * evidence catalogue and the local document a threshold stands on, shown on the answer rows.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { Round, SelfAssessment } from '@/payload-types'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'
import { todayInVietnam } from '@collections/dates'
import { nextDay, parseIsoDate, type CalendarDate } from '@criteria/calendar'

import { as, createAccount, idOf } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, openYear, setIdByCode } from './helpers/rounds'
import { testDocument } from './helpers/settle'
import { attempt, createWorld, password, problemsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
let otherEditor: ActingUser
let db: pg.Client
const rest = createRestClient({ config })
const tokens: Record<string, string> = {}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'DOS' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  otherEditor = await createAccount({ email: 'donvi2.dos@test.vn', payload, role: 'unit-editor', unit: world.units.unitA2.id })
  db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  for (const name of ['unitEditor', 'districtAdmin'] as const) tokens[name] = await rest.login({ email: world.users[name].email, password })
})
afterAll(async () => {
  await db?.end()
  await closeTestPayload(payload)
})

/** Cao Bằng's checklist, shortened: two required papers and an optional one. */
const checklist = [
  { isRequired: true, title: 'Tờ trình đề nghị công nhận' },
  { isRequired: true, title: 'Báo cáo tự kiểm tra, đánh giá' },
  { isRequired: false, title: 'Ảnh hoạt động của đơn vị' },
]

const reload = (id: number) => payload.findByID({ collection: 'self-assessments', depth: 0, id })
const reloadRound = (id: number) => payload.findByID({ collection: 'rounds', depth: 0, id })
const update = (id: number, data: Partial<SelfAssessment>, user: ActingUser = world.users.unitEditor) => payload.update({ collection: 'self-assessments', data, id, ...as(user) })
const patch = (id: number, body: unknown, who: keyof typeof tokens = 'unitEditor') => rest.call({ body, method: 'PATCH', path: `/self-assessments/${id}?depth=0`, token: tokens[who] })
const restProblems = (body: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }) => (body.errors ?? []).flatMap((error) => error.data?.errors ?? [])
/** A REST refusal as the Local API's `{ message, path }` (REST prefixes the message with the field's label). */
const sameOverRest = (problems: { message: string; path: string }[]) => problems.map(({ message, path }) => expect.objectContaining({ message: expect.stringContaining(message), path }))
const submitAudits = async (id: number) => Number((await db.query(`select count(*) as n from audit_events where collection = 'self-assessments' and doc_id = $1 and "to" = 'submitted'`, [String(id)])).rows[0].n)
const versionCount = async (id: number) => Number((await db.query(`select count(*) as n from _self_assessments_v where parent_id = $1`, [id])).rows[0].n)
const slotStamps = async (id: number) => (await db.query(`select id, xmin::text as stamp from sa_dossier_files where _parent_id = $1 order by _order`, [id])).rows

/** An evidence file of `unit`, stored without its bytes (the files themselves are evidence.test.ts's). */
const evidenceOf = (unit: number, title: string) => payload.db.create({ collection: 'evidence', data: { filename: `${title}.pdf`, mimeType: 'application/pdf', title, unit } }) as Promise<{ id: number }>

/** A round of district A with `dossier` as its checklist and unit A1's draft in it, answered in full. */
const answeredDraft = async ({ title, dossier = checklist, opening }: { title: string; dossier?: Round['dossier']; opening?: NonNullable<Round['deadlines']>['opening'] }) => {
  const round = await createRound({ dossier, payload, setIds: [setId], title, world })
  const withOpening = opening ? await payload.update({ collection: 'rounds', data: { deadlines: { opening } }, id: round.id }) : round
  const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: round.id, status: 'draft', unit: world.units.unitA1.id }, ...as(world.users.unitEditor) })
  const answered = await update(draft.id, { answers: metAnswers({ rows: draft.answers ?? [] }) })
  return { answered, round: withOpening }
}

/** The slots' files by title, as stored. */
const filesByTitle = (doc: SelfAssessment) => Object.fromEntries((doc.dossierFiles ?? []).map((row) => [row.title, row.files ?? []]))

describe('the round’s dossier checklist becomes the unit’s attachment slots', () => {
  it('one slot per item from the start, then in step with the round: files kept, removed items dropped, new items added', async () => {
    const { answered, round } = await answeredDraft({ title: 'Đợt DOS ô hồ sơ' })
    const items = round.dossier ?? []
    expect(answered.dossierFiles?.map((row) => [row.item, row.title, row.isRequired, row.files])).toEqual(items.map((item) => [item.id, item.title, item.isRequired, []]))

    const paper = await evidenceOf(world.units.unitA1.id, 'to-trinh-dos')
    const attached = await update(answered.id, { dossierFiles: [{ files: [paper.id], item: items[0].id }] })
    expect(filesByTitle(attached)).toEqual({ 'Ảnh hoạt động của đơn vị': [], 'Báo cáo tự kiểm tra, đánh giá': [], 'Tờ trình đề nghị công nhận': [paper.id] })
    const firstSlotId = attached.dossierFiles?.[0].id

    // the district renames the first paper, drops the second and adds a required list of members
    await payload.update({
      collection: 'rounds',
      data: { dossier: [{ ...items[0], title: 'Tờ trình đề nghị công nhận ĐVHT' }, items[2], { isRequired: true, title: 'Danh sách Công dân học tập' }] },
      id: round.id,
      ...as(world.users.districtAdmin),
    })
    const newItems = (await reloadRound(round.id)).dossier ?? []
    const synced = await update(answered.id, { answers: [{ explanation: 'Hồ sơ gốc lưu tại UBND xã.', indicator: answered.answers?.[0].indicator }] })
    expect(synced.dossierFiles?.map((row) => [row.item, row.title, row.isRequired, row.files])).toEqual([
      [items[0].id, 'Tờ trình đề nghị công nhận ĐVHT', true, [paper.id]],
      [items[2].id, 'Ảnh hoạt động của đơn vị', false, []],
      [newItems[2].id, 'Danh sách Công dân học tập', true, []],
    ])
    // the unit's slot is the same row, its file kept
    expect(synced.dossierFiles?.[0].id).toBe(firstSlotId)
  })

  it('a round without a checklist gives no slot', async () => {
    const { answered } = await answeredDraft({ dossier: [], title: 'Đợt DOS không hồ sơ' })
    expect(answered.dossierFiles).toEqual([])
  })

  it('refuses another unit’s file naming the slot, and a slot the round does not have; nothing is stored', async () => {
    const { answered } = await answeredDraft({ title: 'Đợt DOS tệp đơn vị khác' })
    const foreign = await evidenceOf(world.units.unitA2.id, 'bao-cao-a2-dos')
    const item = answered.dossierFiles?.[1].item

    const refused = await problemsOf(() => update(answered.id, { dossierFiles: [{ files: [foreign.id], item }] }))
    expect(refused).toEqual([
      { message: `Tài liệu «Báo cáo tự kiểm tra, đánh giá»: minh chứng số ${foreign.id} không phải của đơn vị «UBND xã A1 DOS»; chỉ dùng minh chứng của đơn vị mình.`, path: 'dossierFiles.1.files' },
    ])
    // over REST the same, and a file that does not exist is named too
    const overRest = await patch(answered.id, { dossierFiles: [{ files: [999999], item }] })
    expect(overRest.status).toBe(400)
    expect(restProblems(overRest.body)).toEqual(sameOverRest([{ message: 'Tài liệu «Báo cáo tự kiểm tra, đánh giá»: không có minh chứng số 999999.', path: 'dossierFiles.1.files' }]))

    const unknown = await problemsOf(() => update(answered.id, { dossierFiles: [{ files: [], item: 'khong-co' }] }))
    expect(unknown).toEqual([{ message: 'Tài liệu «khong-co» không có trong thành phần hồ sơ của đợt «Đợt DOS tệp đơn vị khác».', path: 'dossierFiles' }])

    const stored = await reload(answered.id)
    expect(stored.dossierFiles).toEqual(answered.dossierFiles)
    expect(stored.updatedAt).toBe(answered.updatedAt)
  })

  it('only the unit’s editor attaches files: another unit’s clerk and the district are refused', async () => {
    const { answered } = await answeredDraft({ title: 'Đợt DOS ai đính kèm' })
    const own = await evidenceOf(world.units.unitA1.id, 'anh-dos')
    const slots = [{ files: [own.id], item: answered.dossierFiles?.[2].item }]
    expect((await problemsOf(() => update(answered.id, { dossierFiles: slots }, world.users.districtAdmin))).map((problem) => problem.path)).toEqual(['dossierFiles'])
    expect(['forbidden', 'not-found']).toContain(await attempt(() => update(answered.id, { dossierFiles: slots }, otherEditor)))
    expect((await reload(answered.id)).dossierFiles).toEqual(answered.dossierFiles)
  })
})

describe('an empty required slot stops the submission, on both ways of submitting', () => {
  const expectedProblems = [
    { message: 'Thiếu tài liệu bắt buộc «Tờ trình đề nghị công nhận» trong thành phần hồ sơ.', path: 'dossierFiles.0.files' },
    { message: 'Thiếu tài liệu bắt buộc «Báo cáo tự kiểm tra, đánh giá» trong thành phần hồ sơ.', path: 'dossierFiles.1.files' },
  ]

  it('the full save names each empty required slot (the optional one is not named) and leaves a draft', async () => {
    const { answered } = await answeredDraft({ title: 'Đợt DOS thiếu giấy (lưu)' })
    expect(await problemsOf(() => update(answered.id, { status: 'submitted' }))).toEqual(expectedProblems)
    const stored = await reload(answered.id)
    expect(stored).toMatchObject({ status: 'draft', submittedAt: null })
    expect(await submitAudits(answered.id)).toBe(0)
  })

  it('a PATCH of the status alone is refused the same way and stores nothing', async () => {
    const { answered } = await answeredDraft({ title: 'Đợt DOS thiếu giấy (REST)' })
    const paper = await evidenceOf(world.units.unitA1.id, 'to-trinh-rest-dos')
    await update(answered.id, { dossierFiles: [{ files: [paper.id], item: answered.dossierFiles?.[0].item }] })
    const response = await patch(answered.id, { status: 'submitted' })
    expect(response.status).toBe(400)
    expect(restProblems(response.body)).toEqual(sameOverRest([expectedProblems[1]]))
    expect(await reload(answered.id)).toMatchObject({ status: 'draft', submittedAt: null })
    expect(await submitAudits(answered.id)).toBe(0)
  })

  it('a required item the round added after the unit’s last save is checked too, on the PATCH as on the save', async () => {
    const { answered, round } = await answeredDraft({ dossier: [checklist[2]], title: 'Đợt DOS mục mới' })
    await payload.update({ collection: 'rounds', data: { dossier: [...(round.dossier ?? []), { isRequired: true, title: 'Biên bản họp xét' }] }, id: round.id })
    const response = await patch(answered.id, { status: 'submitted' })
    expect(response.status).toBe(400)
    expect(restProblems(response.body)).toEqual(sameOverRest([{ message: 'Thiếu tài liệu bắt buộc «Biên bản họp xét» trong thành phần hồ sơ.', path: 'dossierFiles.1.files' }]))
    const stored = await reload(answered.id)
    expect(stored.status).toBe('draft')
    // the refused save wrote nothing, not even the new slot
    expect(stored.dossierFiles?.map((row) => row.title)).toEqual(['Ảnh hoạt động của đơn vị'])
  })

  it('with every required slot filled it submits on both ways, and the slots are then read-only and their files on record', async () => {
    const files = await Promise.all(['to-trinh', 'bao-cao'].map((name) => evidenceOf(world.units.unitA1.id, `${name}-du-dos`)))
    const fill = (doc: SelfAssessment) => [0, 1].map((index) => ({ files: [files[index].id], item: doc.dossierFiles?.[index].item }))

    const overRest = await answeredDraft({ title: 'Đợt DOS đủ giấy (REST)' })
    await update(overRest.answered.id, { dossierFiles: fill(overRest.answered) })
    const versionsBefore = await versionCount(overRest.answered.id)
    const response = await patch(overRest.answered.id, { status: 'submitted' })
    expect(response.status).toBe(200)
    expect(response.body.doc.status).toBe('submitted')
    // taken by the small write (slots in step with the round and filled), which writes no version
    expect(await versionCount(overRest.answered.id)).toBe(versionsBefore)

    const bySave = await answeredDraft({ title: 'Đợt DOS đủ giấy (lưu)' })
    const filled = await update(bySave.answered.id, { dossierFiles: fill(bySave.answered) })
    const stamps = await slotStamps(filled.id)
    const versionsOfSave = await versionCount(filled.id)
    const submitted = await update(filled.id, { status: 'submitted' })
    expect(submitted.status).toBe('submitted')
    // (the full save does write a version: what tells the two ways apart above)
    expect(await versionCount(filled.id)).toBe(versionsOfSave + 1)
    // the transition left the slot rows alone
    expect(submitted.dossierFiles).toEqual(filled.dossierFiles)
    expect(await slotStamps(filled.id)).toEqual(stamps)

    // read-only to the unit now, like the answers
    const more = await evidenceOf(world.units.unitA1.id, 'anh-them-dos')
    const change = () => update(filled.id, { dossierFiles: [{ files: [more.id], item: filled.dossierFiles?.[2].item }] })
    expect((await problemsOf(change)).map((problem) => problem.path)).toEqual(['dossierFiles'])
    expect((await reload(filled.id)).dossierFiles).toEqual(filled.dossierFiles)
    // and a file the submitted dossier holds is on record: not deleted
    const remove = () => payload.delete({ collection: 'evidence', id: files[0].id, ...as(world.users.unitEditor) })
    expect((await problemsOf(remove)).map((problem) => problem.message).join(' ')).toContain('đã được dẫn chiếu trong hồ sơ đã nộp')
    expect(await payload.findByID({ collection: 'evidence', depth: 0, disableErrors: true, id: files[0].id })).not.toBeNull()
  })
})

describe('nothing is submitted before the round’s opening day', () => {
  const today = () => parseIsoDate(todayInVietnam(new Date())) as CalendarDate
  /** The opening rule naming `date` for a round of openYear(). */
  const openingOn = (date: CalendarDate) => ({ day: date.day, kind: 'by' as const, month: date.month, yearOffset: String(date.year - openYear()) as '0' | '1' })
  const vietnamese = (date: CalendarDate) => `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`

  it('refuses on the full save and on a PATCH of the status, with the opening day, and leaves a draft; from that very day it submits', async () => {
    const tomorrow = nextDay(today())
    const { answered, round } = await answeredDraft({ dossier: [], opening: openingOn(tomorrow), title: 'Đợt DOS chưa mở' })
    expect(round.deadlines?.opening?.text).toBe(`từ ngày ${vietnamese(tomorrow)}`)
    // the unit sees the day beside its deadline
    expect(answered.deadlineText).toBe(`Nhận hồ sơ từ ngày ${vietnamese(tomorrow)}; Hạn nộp: trước ngày 15/01/${openYear() + 1}`)
    const message = `Đợt đánh giá nhận hồ sơ từ ngày ${vietnamese(tomorrow)}.`

    expect(await problemsOf(() => update(answered.id, { status: 'submitted' }))).toEqual([{ message, path: 'status' }])
    const response = await patch(answered.id, { status: 'submitted' })
    expect(response.status).toBe(400)
    expect(restProblems(response.body)).toEqual(sameOverRest([{ message, path: 'status' }]))
    const stored = await reload(answered.id)
    expect(stored).toMatchObject({ status: 'draft', submittedAt: null })
    expect(stored.updatedAt).toBe(answered.updatedAt)
    expect(await submitAudits(answered.id)).toBe(0)

    // the district opens it today: the day itself is allowed
    await payload.update({ collection: 'rounds', data: { deadlines: { opening: openingOn(today()) } }, id: round.id })
    expect((await patch(answered.id, { status: 'submitted' })).body.doc?.status).toBe('submitted')
  })
})

describe('the answer rows show the evidence catalogue and the local document a threshold stands on', () => {
  it('fills expectedEvidence from the set, "Theo <document>" for a confirmed threshold, nothing elsewhere', async () => {
    // the province's copy of the district set: an evidence catalogue on TC1.CT1, TC3.CT1's threshold confirmed by its plan
    const plan = await payload.create({ collection: 'legal-documents', data: { authority: world.authorities.province.id, issuedOn: '2025-01-03T12:00:00.000Z', kind: 'xac-nhan-nguong', number: 'KH 12/KH-UBND' } })
    expect(plan.label).toBe('KH 12/KH-UBND ngày 03/01/2025')
    const copy = await payload.duplicate({ collection: 'criteria-sets', data: { authority: world.authorities.province.id, code: 'dos-huyen-1' }, id: setId })
    const criteria = (copy.criteria ?? []).map((criterion) => ({
      ...criterion,
      indicators: (criterion.indicators ?? []).map((indicator) => {
        if (indicator.code === 'TC1.CT1') return { ...indicator, expectedEvidence: [{ title: 'Nghị quyết của Đảng ủy về xây dựng xã hội học tập' }, { title: 'Kế hoạch học tập hằng năm' }] }
        // (the threshold written out, whatever the seed holds for this UNKNOWN)
        if (indicator.code === 'TC3.CT1') return { ...indicator, confirmation: { document: plan.id, documentLabel: plan.label, threshold: '90%' }, threshold: '90%' }
        return indicator
      }),
    }))
    const published = await payload.update({ collection: 'criteria-sets', data: { _status: 'published', criteria }, id: copy.id })
    expect(published._status).toBe('published')

    const round = await createRound({ payload, setIds: [copy.id], title: 'Đợt DOS danh mục minh chứng', world })
    const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: copy.id, round: round.id, status: 'draft', unit: world.units.unitA1.id }, ...as(world.users.unitEditor) })
    const row = (doc: SelfAssessment, code: string) => (doc.answers ?? []).find((answer) => answer.indicator === code)
    expect(row(draft, 'TC1.CT1')).toMatchObject({ expectedEvidence: '• Nghị quyết của Đảng ủy về xây dựng xã hội học tập\n• Kế hoạch học tập hằng năm', thresholdBasis: null })
    expect(row(draft, 'TC3.CT1')).toMatchObject({ expectedEvidence: null, thresholdBasis: 'Theo KH 12/KH-UBND ngày 03/01/2025' })
    // createRound settled the copy's other unknowns with the test document (helpers/settle.ts): those rows cite it,
    // the verified indicators (no confirmation) cite nothing
    const settledSet = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: copy.id })
    const indicators = (settledSet.criteria ?? []).flatMap((criterion) => criterion.indicators ?? [])
    const testLabel = (await testDocument({ payload })).label
    const expectedBasis = Object.fromEntries(
      indicators.map((indicator) => [indicator.code, indicator.code === 'TC3.CT1' ? 'Theo KH 12/KH-UBND ngày 03/01/2025' : idOf(indicator.confirmation?.document) === null ? null : `Theo ${testLabel}`]),
    )
    expect(Object.values(expectedBasis)).toContain(null)
    expect(Object.fromEntries((draft.answers ?? []).map((answer) => [answer.indicator, answer.thresholdBasis ?? null]))).toEqual(expectedBasis)
    // the core's result carries the same document for the indicator
    expect((draft.result as { indicators: { code: string; confirmation: string | null }[] }).indicators.find((indicator) => indicator.code === 'TC3.CT1')?.confirmation).toBe('KH 12/KH-UBND ngày 03/01/2025')

    // stored as shown, and a save that changes nothing rewrites no answer row
    const stored = await reload(draft.id)
    expect(row(stored, 'TC3.CT1')?.thresholdBasis).toBe('Theo KH 12/KH-UBND ngày 03/01/2025')
    const stamps = async () => (await db.query(`select id, xmin::text as stamp from sa_answers where _parent_id = $1 order by _order`, [draft.id])).rows
    const before = await stamps()
    await update(draft.id, { answers: stored.answers })
    expect(await stamps()).toEqual(before)
  })
})
