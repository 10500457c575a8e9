/**
 * Notifications through a real mail server: an SMTP server runs in this test (smtp-server), every
 * message it receives is parsed (mailparser), and each workflow event is checked by its recipients,
 * subject and Vietnamese body. A refusing server leads to retries and a visible failed row the
 * admin can resend; nothing is lost. Each user reads only their own rows and may only mark them read.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import type { Outbox, SelfAssessment } from '@/payload-types'
import { fromIsoDay, todayInVietnam } from '@collections/dates'
import { vietnameseDay } from '@criteria/notifications'
import { addWorkingDays } from '@criteria/workingDays'
import { onDomainEvent } from '@hooks/events'
import { transactionSession } from '@hooks/lockRow'
import { sql } from '@payloadcms/db-postgres'
import { deliverDueMessages, notConfiguredMessage } from '@/notifications/deliver'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { as, submittedDossier, updateDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, openYear, setIdByCode } from './helpers/rounds'
import { attempt, createWorld, password, problemsOf, type World } from './helpers/world'

// read by payload.config.ts when it is imported: the app's mail goes to the server this file runs
const smtp = vi.hoisted(() => {
  const port = 21000 + (process.pid % 20000)
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(port)
  process.env.SMTP_FROM = 'thongbao@donvihoctap.test'
  delete process.env.SMTP_URL
  return { port }
})

const received: ParsedMail[] = []
let refusal: string | null = null
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    if (refusal) {
      const reason = refusal
      stream.resume()
      stream.on('end', () => callback(Object.assign(new Error(reason), { responseCode: 451 })))
      return
    }
    simpleParser(stream).then(
      (mail) => {
        received.push(mail)
        callback()
      },
      (error: Error) => callback(error),
    )
  },
})

let payload: Payload
let world: World
let setId: number
const rest = createRestClient({ config })

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(smtp.port, '127.0.0.1', resolve))
  payload = await getTestPayload()
  // the files before this one (one database per run) leave their messages queued: this file's deliveries are its own
  await (payload.db as unknown as { drizzle: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> } }).drizzle.execute(sql`update outbox set status = 'not-sent' where status = 'queued'`)
  world = await createWorld({ payload, tag: 'NTF' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
})
afterAll(async () => {
  await closeTestPayload(payload)
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const addressesOf = (mail: ParsedMail) => ((Array.isArray(mail.to) ? mail.to : [mail.to]) as AddressObject[]).flatMap((to) => to?.value.map((entry) => entry.address) ?? [])
const mailTo = (email: string) => received.filter((mail) => addressesOf(mail).includes(email))
const rowsOf = async (userId: number, event?: string) =>
  (await payload.find({ collection: 'outbox', depth: 0, limit: 0, overrideAccess: true, pagination: false, sort: 'id', where: { and: [{ user: { equals: userId } }, ...(event ? [{ event: { equals: event } }] : [])] } })).docs as Outbox[]
/** Sends everything due now, as the job does, as often as needed for rows queued meanwhile. */
const deliver = (now?: Date) => deliverDueMessages({ limit: 500, now, payload })

describe('each workflow event reaches its recipients by e-mail, in Vietnamese, with the dates and a link', () => {
  let round: number
  let dossier: SelfAssessment

  it('round opened → the participating units; team assigned → each member', async () => {
    const created = await createRound({ payload, setIds: [setId], title: 'Đợt NTF thông báo', world })
    round = created.id
    await deliver()
    const year = openYear()
    const opened = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Mở đợt đánh giá: Đợt NTF thông báo')
    expect(opened).toHaveLength(1)
    expect(opened[0].text).toContain(`Kính gửi UBND xã A1 NTF`)
    expect(opened[0].text).toContain(`Hạn nộp hồ sơ tự đánh giá: trước ngày 15/01/${year + 1}.`)
    expect(opened[0].text).toMatch(/Lập hồ sơ tự đánh giá: http:\/\/[^\s]+\/admin\/collections\/self-assessments\/create/)
    expect(opened[0].html).toContain('<strong>Đợt NTF thông báo</strong>')
    expect(opened[0].from?.value[0].address).toBe('thongbao@donvihoctap.test')
    // a unit of the other district is not a participant
    expect(await rowsOf(world.users.districtAdmin.id, 'round.opened')).toEqual([])
    const assigned = mailTo(world.users.reviewer.email).filter((mail) => mail.subject === 'Phân công đoàn đánh giá: Đợt NTF thông báo')
    expect(assigned).toHaveLength(1)
    expect(assigned[0].text).toContain('được phân công làm trưởng đoàn của đoàn đánh giá đợt Đợt NTF thông báo')
    expect((await rowsOf(world.users.reviewer.id, 'review.assigned'))[0]).toMatchObject({ attempts: 1, status: 'sent' })
  })

  it('submitted → a receipt to the unit and a notice to the authority; accepted and returned (with the reason) → the unit', async () => {
    dossier = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: round, setId })
    await deliver()
    const receipt = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Đã nhận hồ sơ tự đánh giá của UBND xã A1 NTF')
    expect(receipt).toHaveLength(1)
    expect(receipt[0].text).toMatch(/đã được gửi ngày \d{2}\/\d{2}\/\d{4}\./)
    const notice = mailTo(world.users.districtAdmin.email).filter((mail) => mail.subject === 'Hồ sơ mới: UBND xã A1 NTF — Đợt NTF thông báo')
    expect(notice).toHaveLength(1)
    expect(notice[0].text).toContain(`/admin/collections/self-assessments/${dossier.id}`)

    await updateDossier({ data: { status: 'in-review' }, id: dossier.id, payload, user: world.users.districtAdmin })
    await updateDossier({ data: { returnReason: 'Thiếu biên bản họp <TC1.CT2> & chữ ký.', status: 'returned' }, id: dossier.id, payload, user: world.users.districtAdmin })
    await deliver()
    expect(mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Hồ sơ đã được tiếp nhận: UBND xã A1 NTF')).toHaveLength(1)
    const returned = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Hồ sơ bị trả lại: UBND xã A1 NTF — Đợt NTF thông báo')
    expect(returned).toHaveLength(1)
    expect(returned[0].text).toContain('Lý do: Thiếu biên bản họp <TC1.CT2> & chữ ký.')
    // the reason is the clerk's text, escaped in the HTML body
    expect(returned[0].html).toContain('Thiếu biên bản họp &lt;TC1.CT2&gt; &amp; chữ ký.')
    expect(returned[0].text).toContain(`Mở hồ sơ để bổ sung: http://`)
    // only the unit's clerk: nobody else got the return
    expect(received.filter((mail) => mail.subject?.startsWith('Hồ sơ bị trả lại: UBND xã A1 NTF')).flatMap(addressesOf)).toEqual([world.users.unitEditor.email])
  })

  it('deadline extended → the unit, with the new date and the reason', async () => {
    await payload.update({ collection: 'rounds', data: { extensions: [{ reason: 'Thiên tai', unit: world.units.unitA1.id, until: fromIsoDay(`${openYear() + 1}-01-31`) }] }, id: round, ...as(world.users.districtAdmin) })
    await deliver()
    const extended = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Gia hạn nộp hồ sơ đến 31/01/' + (openYear() + 1) + ': Đợt NTF thông báo')
    expect(extended).toHaveLength(1)
    expect(extended[0].text).toContain('Lý do: Thiên tai')
  })

  it('review closed → the unit with the team outcome; decision issued → each recognised unit with outcome and validity', async () => {
    await updateDossier({ data: { status: 'submitted' }, id: dossier.id, payload, user: world.users.unitEditor })
    await updateDossier({ data: { status: 'in-review' }, id: dossier.id, payload, user: world.users.districtAdmin })
    const created = await payload.create({ collection: 'reviews', data: { selfAssessment: dossier.id }, ...as(world.users.reviewer) })
    await payload.update({ collection: 'reviews', data: { recommendation: 'recognise', verdicts: (created.verdicts ?? []).map((row) => ({ ...row, verdict: 'met' as const })) }, id: created.id, ...as(world.users.reviewer) })
    await updateDossier({ data: { status: 'reviewed' }, id: dossier.id, payload, user: world.users.reviewer })
    const draft = await payload.create({ collection: 'decisions', data: { round, status: 'draft' }, ...as(world.users.districtAdmin) })
    await payload.update({ collection: 'decisions', data: { number: '07/QĐ-NTF', signedOn: fromIsoDay(`${openYear() + 1}-02-10`), status: 'issued' }, id: draft.id, ...as(world.users.districtAdmin) })
    await deliver()
    const reviewed = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject === 'Kết quả thẩm định: UBND xã A1 NTF')
    expect(reviewed).toHaveLength(1)
    expect(reviewed[0].text).toContain('Kết luận của đoàn: ')
    const decided = mailTo(world.users.unitEditor.email).filter((mail) => mail.subject?.startsWith('Quyết định công nhận UBND xã A1 NTF: '))
    expect(decided).toHaveLength(1)
    expect(decided[0].text).toContain(`Quyết định số 07/QĐ-NTF ngày 10/02/${openYear() + 1} công nhận đơn vị đạt`)
    expect(decided[0].text).toMatch(/Hiệu lực đến hết ngày: \d{2}\/\d{2}\/\d{4}\./)
    expect(decided[0].text).toContain(`/admin/collections/decisions/${draft.id}`)
  })
})

describe('a processing time in working days', () => {
  it('is told to the unit on acceptance, its last day counted past weekends and the holidays the admin keeps', async () => {
    // a holiday on the next weekday after today: the count must skip it
    let next = new Date(`${todayInVietnam(new Date())}T00:00:00.000Z`)
    do next = new Date(next.getTime() + 86_400_000)
    while ([0, 6].includes(next.getUTCDay()))
    const holiday = next.toISOString().slice(0, 10)
    await payload.create({ collection: 'holidays', data: { date: `${holiday}T00:00:00.000Z`, name: 'Ngày nghỉ NTF' }, ...as(world.users.admin) })
    const exceptions = (await payload.find({ collection: 'holidays', depth: 0, limit: 0, overrideAccess: true, pagination: false })).docs.map((row) => ({ date: String(row.date).slice(0, 10), isWorkingDay: Boolean(row.isWorkingDay) }))
    const roundDoc = await createRound({ payload, setIds: [setId], title: 'Đợt NTF ngày làm việc', world })
    await payload.update({ collection: 'rounds', data: { processingWorkingDays: 10 }, id: roundDoc.id, ...as(world.users.districtAdmin) })
    const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: roundDoc.id, setId })
    await updateDossier({ data: { status: 'in-review' }, id: submitted.id, payload, user: world.users.districtAdmin })
    const today = todayInVietnam(new Date())
    const due = addWorkingDays({ days: 10, exceptions, from: today })
    expect(due).not.toBe(addWorkingDays({ days: 10, exceptions: [], from: today }))
    const [row] = (await rowsOf(world.users.unitEditor.id, 'self-assessment.accepted')).filter((entry) => entry.relatedTo === `self-assessments/${submitted.id}`)
    expect(row.text).toContain(`Thời hạn giải quyết: 10 ngày làm việc, đến hết ngày ${vietnameseDay(due)}.`)
  })
})

describe('a refusing mail server', () => {
  it('leads to retries with a growing delay, then a failed row the admin sees and resends; the message is never lost', async () => {
    refusal = 'Hộp thư tạm thời không nhận'
    const roundDoc = await createRound({ payload, setIds: [setId], team: [{ role: 'truong-doan', user: world.users.reviewer.id }], title: 'Đợt NTF máy chủ từ chối', world })
    const [row] = await rowsOf(world.users.reviewer.id, 'review.assigned').then((rows) => rows.filter((entry) => entry.subject.includes('Đợt NTF máy chủ từ chối')))
    expect(row).toMatchObject({ attempts: 0, status: 'queued' })
    let now = new Date()
    const delays: number[] = []
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await deliver(now)
      const stored = await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })
      expect(stored.attempts).toBe(attempt)
      expect(stored.lastError).toContain('Hộp thư tạm thời không nhận')
      if (attempt < 5) {
        expect(stored.status).toBe('queued')
        const next = new Date(stored.nextAttemptAt!)
        delays.push(Math.round((next.getTime() - now.getTime()) / 60_000))
        // not tried again before its time
        await deliver(new Date(next.getTime() - 1000))
        expect((await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })).attempts).toBe(attempt)
        now = next
      } else expect(stored.status).toBe('failed')
    }
    expect(delays).toEqual([1, 5, 25, 125])
    expect(mailTo(world.users.reviewer.email).filter((mail) => mail.subject?.includes('Đợt NTF máy chủ từ chối'))).toEqual([])

    // the admin lists failed deliveries and resends; the reviewer may not
    const adminToken = await rest.login({ email: world.users.admin.email, password })
    const failed = await rest.call({ method: 'GET', path: `/outbox?where[status][equals]=failed&where[id][equals]=${row.id}`, token: adminToken })
    expect(failed.body.docs.map((doc: Outbox) => doc.id)).toEqual([row.id])
    const reviewerToken = await rest.login({ email: world.users.reviewer.email, password })
    expect((await rest.call({ method: 'POST', path: `/outbox/${row.id}/resend`, token: reviewerToken })).status).toBe(403)
    expect((await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })).status).toBe('failed')
    refusal = null
    expect((await rest.call({ method: 'POST', path: `/outbox/${row.id}/resend`, token: adminToken })).status).toBe(200)
    await deliver()
    expect(await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })).toMatchObject({ attempts: 1, lastError: null, status: 'sent' })
    expect(mailTo(world.users.reviewer.email).filter((mail) => mail.subject === `Phân công đoàn đánh giá: ${roundDoc.title}`)).toHaveLength(1)
  })

  it('without a mail server a message becomes "not sent" and stays an in-app notification', async () => {
    const email = payload.email
    payload.email = { ...email, name: 'console' } as typeof email
    try {
      await createRound({ payload, setIds: [setId], title: 'Đợt NTF không có máy chủ thư', world })
      await deliver()
    } finally {
      payload.email = email
    }
    const rows = (await rowsOf(world.users.reviewer.id, 'review.assigned')).filter((row) => row.subject.includes('không có máy chủ thư'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ lastError: notConfiguredMessage, status: 'not-sent' })
    expect(rows[0].lastError).toBe('chưa gửi: chưa cấu hình máy chủ thư')
  })
})

describe('who reads and writes notifications', () => {
  it('each user reads only their own rows; the admin reads all; nobody creates one', async () => {
    const own = await payload.find({ collection: 'outbox', limit: 0, pagination: false, ...as(world.users.unitEditor) })
    expect(own.docs.length).toBeGreaterThan(0)
    expect(new Set(own.docs.map((doc) => doc.user))).toEqual(new Set([world.users.unitEditor.id]))
    const reviewerRows = await payload.find({ collection: 'outbox', limit: 0, pagination: false, ...as(world.users.reviewer) })
    expect(reviewerRows.docs.every((doc) => doc.user === world.users.reviewer.id)).toBe(true)
    expect(await attempt(() => payload.findByID({ collection: 'outbox', id: own.docs[0].id, ...as(world.users.reviewer) }))).toBe('not-found')
    expect(await attempt(() => payload.findByID({ collection: 'outbox', id: own.docs[0].id, ...as(world.users.districtAdmin) }))).toBe('not-found')
    expect(await attempt(() => payload.findByID({ collection: 'outbox', id: own.docs[0].id, ...as(world.users.admin) }))).toBe('ok')
    for (const user of Object.values(world.users)) {
      expect(await attempt(() => payload.create({ collection: 'outbox', data: { status: 'queued', subject: 'Giả mạo', user: user.id }, ...as(user) }))).toBe('forbidden')
    }
    const anonymous = await rest.call({ method: 'GET', path: '/outbox' })
    expect(anonymous.status).toBe(403)
  })

  it('the recipient marks a row read (readAt) and may change nothing else; nobody else marks it', async () => {
    const [row] = await rowsOf(world.users.unitEditor.id)
    const readAt = new Date().toISOString()
    expect(await attempt(() => payload.update({ collection: 'outbox', data: { readAt }, id: row.id, ...as(world.users.reviewer) }))).toBe('forbidden')
    expect((await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })).readAt ?? null).toBeNull()
    const marked = await payload.update({ collection: 'outbox', data: { readAt }, id: row.id, ...as(world.users.unitEditor) })
    expect(marked.readAt).toBe(readAt)
    const problems = await problemsOf(() => payload.update({ collection: 'outbox', data: { status: 'queued', subject: 'Sửa tiêu đề' }, id: row.id, ...as(world.users.unitEditor) }))
    expect(problems.map((problem) => problem.path).sort()).toEqual(['status', 'subject'])
    const stored = await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })
    expect(stored).toMatchObject({ readAt, status: row.status, subject: row.subject })
    // the admin resends but does not write a user's reading
    expect((await problemsOf(() => payload.update({ collection: 'outbox', data: { readAt: null }, id: row.id, ...as(world.users.admin) }))).map((problem) => problem.path)).toEqual(['readAt'])
    expect((await payload.findByID({ collection: 'outbox', depth: 0, id: row.id, overrideAccess: true })).readAt).toBe(readAt)
  })
})

describe('a listener that fails', () => {
  it('never undoes the change (its failed query is rolled back to a savepoint) and the other messages are still written', async () => {
    const roundDoc = await createRound({ payload, setIds: [setId], title: 'Đợt NTF lỗi xử lý sự kiện', world })
    const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: roundDoc.id, setId })
    const logged: unknown[][] = []
    let restore = () => {}
    const stop = onDomainEvent(async (_event, req) => {
      // the failure is logged (and kept out of the test's output)
      const spy = vi.spyOn(req.payload.logger, 'error').mockImplementation((...args: unknown[]) => void logged.push(args))
      restore = () => spy.mockRestore()
      const { session } = await transactionSession({ req })
      // a failing statement in the writer's transaction: without the savepoint it would abort the whole change
      if (session) await session.execute(sql`select 1 / 0`)
      throw new Error('bộ xử lý hỏng')
    })
    try {
      await updateDossier({ data: { status: 'in-review' }, id: submitted.id, payload, user: world.users.districtAdmin })
    } finally {
      stop()
      restore()
    }
    expect(logged.map((call) => call[1])).toEqual(['Xử lý sự kiện self-assessment.accepted bị lỗi'])
    expect((await payload.findByID({ collection: 'self-assessments', depth: 0, id: submitted.id, overrideAccess: true })).status).toBe('in-review')
    const accepted = (await rowsOf(world.users.unitEditor.id, 'self-assessment.accepted')).filter((row) => row.relatedTo === `self-assessments/${submitted.id}`)
    expect(accepted).toHaveLength(1)
  })
})

