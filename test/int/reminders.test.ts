/**
 * The reminder job on PostgreSQL: a unit that has not submitted is reminded once per offset and
 * deadline — however often the job runs, and when two workers run it at the same moment — with
 * what its dossier still lacks; a unit that has submitted gets none; the offsets are the round's
 * own when it sets them. The same run also reminds reviewers with dossiers waiting for their review
 * and the authority before a report-up date.
 * Payload's jobs queue runs both tasks (deliver-outbox, send-reminders) from their schedule, one
 * pass at a time across processes (an advisory lock: Payload's queue itself does not lock).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Outbox } from '@/payload-types'
import { notificationsQueue, runNotificationJobsOnce } from '@/notifications/jobs'
import { runReminders } from '@/notifications/reminders'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { as, startDossier, submittedDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRound, openYear, setIdByCode } from './helpers/rounds'
import { createWorld, password, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
let editorA2: ActingUser
let round: number

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'REM' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const created = await payload.create({ collection: 'users', data: { email: 'donvi2.rem@test.vn', name: 'Cán bộ A2', password, roles: ['unit-editor'], unit: world.units.unitA2.id } })
  editorA2 = { ...created, collection: 'users' } as ActingUser
  round = (await createRound({ payload, setIds: [setId], title: 'Đợt REM nhắc hạn', world })).id
  // A1 has started but not sent its dossier; A2 has sent it
  await startDossier({ editor: world.users.unitEditor, payload, roundId: round, setId })
  await submittedDossier({ editor: editorA2, payload, roundId: round, setId })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

// TT 24's default: before 15/01 of N+1, so the last day is 14/01
const lastDay = () => `${openYear() + 1}-01-14`
const daysBefore = (days: number) => new Date(Date.UTC(openYear() + 1, 0, 14 - days)).toISOString().slice(0, 10)

const reminders = async (userId: number) =>
  (await payload.find({ collection: 'outbox', depth: 0, limit: 0, overrideAccess: true, pagination: false, sort: 'id', where: { and: [{ user: { equals: userId } }, { event: { equals: 'reminder.submission' } }] } })).docs as Outbox[]

describe('submission reminders', () => {
  it('reach the unit that has not submitted, once, with what is missing — and never the unit that has', async () => {
    expect(await runReminders({ payload, today: daysBefore(15) })).toMatchObject({ submission: 0 })
    // the job did not run 14 days before: 7 days before it sends the 7-day reminder only
    await runReminders({ payload, today: daysBefore(7) })
    await runReminders({ payload, today: daysBefore(7) })
    // a restart later the same week: still the 7-day reminder, already written
    await runReminders({ payload, today: daysBefore(5) })
    const rows = await reminders(world.users.unitEditor.id)
    expect(rows).toHaveLength(1)
    expect(rows[0].subject).toBe(`Còn 7 ngày: hạn nộp hồ sơ Đợt REM nhắc hạn là trước ngày 15/01/${openYear() + 1}`)
    expect(rows[0].text).toContain('Kính gửi UBND xã A1 REM')
    expect(rows[0].text).toMatch(/- TC\d\.CT\d — .+: chưa trả lời/)
    expect(rows[0].html).toContain('<ul><li>TC')
    expect(rows[0].dedupeKey).toBe(`reminder:submission:round-${round}:unit-${world.units.unitA1.id}:${lastDay()}:7:user-${world.users.unitEditor.id}`)
    expect(await reminders(editorA2.id)).toEqual([])
  })

  it('two workers running the job at the same moment write one reminder', async () => {
    const results = await Promise.all([runReminders({ payload, today: daysBefore(1) }), runReminders({ payload, today: daysBefore(1) })])
    const rows = (await reminders(world.users.unitEditor.id)).filter((row) => row.subject.startsWith('Còn 1 ngày'))
    expect(rows).toHaveLength(1)
    expect(results.reduce((sum, result) => sum + result.submission, 0)).toBeGreaterThanOrEqual(1)
    expect(await reminders(editorA2.id)).toEqual([])
  })

  it("follows the round's own offsets, and stops after the deadline", async () => {
    await payload.update({ collection: 'rounds', data: { reminderOffsets: [3] }, id: round, ...as(world.users.districtAdmin) })
    await runReminders({ payload, today: daysBefore(7) })
    await runReminders({ payload, today: daysBefore(3) })
    await runReminders({ payload, today: daysBefore(-1) })
    const subjects = (await reminders(world.users.unitEditor.id)).map((row) => row.subject.slice(0, 10))
    expect(subjects).toEqual(['Còn 7 ngày', 'Còn 1 ngày', 'Còn 3 ngày'])
  })
})

describe('other reminders of the same run', () => {
  it('remind reviewers with dossiers waiting for them and the authority before a report-up date', async () => {
    const reviewRound = await createRound({ payload, setIds: [setId], title: 'Đợt REM thẩm định', world })
    await payload.update({
      collection: 'rounds',
      data: { deadlines: { review: { day: 10, kind: 'by', month: 2, yearOffset: '1' } }, reportDeadlines: [{ day: 20, kind: 'before', month: 2, recipient: 'Sở GDĐT', yearOffset: '1' }] },
      id: reviewRound.id,
      ...as(world.users.districtAdmin),
    })
    const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: reviewRound.id, setId })
    await payload.update({ collection: 'self-assessments', data: { status: 'in-review' }, id: submitted.id, ...as(world.users.districtAdmin) })
    const year = openYear() + 1
    const report = await runReminders({ payload, today: `${year}-02-09` })
    expect(report.review).toBeGreaterThanOrEqual(1)
    const review = (await payload.find({ collection: 'outbox', depth: 0, overrideAccess: true, where: { and: [{ user: { equals: world.users.reviewer.id } }, { event: { equals: 'reminder.review' } }] } })).docs
    expect(review).toHaveLength(1)
    expect(review[0].subject).toBe('Còn 1 ngày: phiếu đánh giá đợt Đợt REM thẩm định')
    expect(review[0].text).toContain('- UBND xã A1 REM')
    const reportUp = (await payload.find({ collection: 'outbox', depth: 0, overrideAccess: true, where: { and: [{ user: { equals: world.users.districtAdmin.id } }, { event: { equals: 'reminder.report-up' } }] } })).docs
    expect(reportUp.map((row) => row.subject)).toEqual([`Còn 10 ngày: báo cáo Sở GDĐT, hạn trước ngày 20/02/${year}`])
  })
})

describe("Payload's jobs queue", () => {
  it('queues both tasks from their schedule, and a queued delivery job sends what is due', async () => {
    await payload.jobs.handleSchedules({ queue: notificationsQueue })
    const { docs: scheduled } = await payload.find({ collection: 'payload-jobs', depth: 0, limit: 0, overrideAccess: true, pagination: false, where: { queue: { equals: notificationsQueue } } })
    expect(new Set(scheduled.map((job) => job.taskSlug))).toEqual(new Set(['deliver-outbox', 'send-reminders']))
    // the files before this one (one database per run) leave their messages queued: this file's are its own
    const ourUsers = [world.users.unitEditor.id, world.users.reviewer.id, world.users.districtAdmin.id, editorA2.id]
    const ours = { user: { in: ourUsers } }
    await payload.db.updateMany({ collection: 'outbox', data: { status: 'not-sent' }, where: { and: [{ status: { equals: 'queued' } }, { user: { not_in: ourUsers } }] } })
    expect((await payload.count({ collection: 'outbox', overrideAccess: true, where: { and: [{ status: { equals: 'queued' } }, ours] } })).totalDocs).toBeGreaterThan(0)
    await payload.jobs.queue({ input: {}, queue: notificationsQueue, task: 'deliver-outbox' })
    await runNotificationJobsOnce({ payload })
    // this file runs without a mail server: every due row is now an in-app notification, marked not sent
    expect((await payload.count({ collection: 'outbox', overrideAccess: true, where: { status: { equals: 'queued' } } })).totalDocs).toBe(0)
    expect((await reminders(world.users.unitEditor.id)).every((row) => row.status === 'not-sent')).toBe(true)
  })

  it('two passes at the same moment (two nodes whose cron fires together): one runs each queued job once, the other finds the lock taken', async () => {
    const jobs = await Promise.all(['deliver-outbox', 'send-reminders'].map((task) => payload.jobs.queue({ input: {}, queue: notificationsQueue, task: task as 'deliver-outbox' })))
    const passes = await Promise.all([runNotificationJobsOnce({ payload }), runNotificationJobsOnce({ payload })])
    expect(passes.map((pass) => pass.isSkipped).sort()).toEqual([false, true])
    const ran = passes.flatMap((pass) => (pass.isSkipped ? [] : pass.ranJobs))
    for (const job of jobs) expect(ran.filter((id) => id === String(job.id))).toHaveLength(1)
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true, where: { id: { in: jobs.map((job) => job.id) } } })).totalDocs).toBe(0)
    // the lock went with the pass: the next one runs
    expect((await runNotificationJobsOnce({ payload })).isSkipped).toBe(false)
  })
})
