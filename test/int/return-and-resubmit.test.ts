/**
 * A dossier returned to its unit: the return is announced with its reason (the
 * `self-assessment.returned` domain event the notifications send), and resubmitting it passes the
 * same checks as the first submission — completeness, evidence or explanation, an open round and
 * the deadline (or the unit's extension). Each refusal leaves the dossier returned.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SelfAssessment } from '@/payload-types'
import { onDomainEvent, type DomainEvent } from '@hooks/events'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { as, submittedDossier, updateDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, messagesOf, pathsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let setId: number
const events: DomainEvent[] = []
let stopListening: () => void

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'RSB' })
  await loadCriteriaSets({ payload })
  setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const remove = onDomainEvent((event) => {
    events.push(event)
  })
  stopListening = () => void remove()
})
afterAll(async () => {
  stopListening?.()
  await closeTestPayload(payload)
})

const reload = (id: number) => payload.findByID({ collection: 'self-assessments', depth: 0, id })
const update = (user: ActingUser, id: number, data: Partial<SelfAssessment>) => updateDossier({ data, id, payload, user })

/** A dossier of unit A1, submitted complete and then returned by the district with `reason`. */
const returnedDossier = async ({ roundId, reason = 'Bổ sung minh chứng.' }: { roundId: number; reason?: string }) => {
  const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId, setId })
  return update(world.users.districtAdmin, submitted.id, { returnReason: reason, status: 'returned' })
}

describe('returning a dossier announces it to the unit', () => {
  it('emits self-assessment.returned once, with the dossier, its unit and the reason', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB sự kiện', world })
    const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: round.id, setId })
    const returnedEvents = () => events.filter((event) => event.type === 'self-assessment.returned' && event.selfAssessment === submitted.id)

    // a return refused for want of a reason announces nothing
    expect(await pathsOf(() => update(world.users.districtAdmin, submitted.id, { status: 'returned' }))).toEqual(['returnReason'])
    expect(returnedEvents()).toEqual([])

    const returned = await update(world.users.districtAdmin, submitted.id, { returnReason: 'Thiếu biên bản họp TC1.CT2.', status: 'returned' })
    expect(returned.status).toBe('returned')
    expect(returnedEvents()).toEqual([{ reason: 'Thiếu biên bản họp TC1.CT2.', selfAssessment: submitted.id, type: 'self-assessment.returned', unit: world.units.unitA1.id }])
    // saving the returned dossier is not another return
    await update(world.users.unitEditor, submitted.id, { answers: returned.answers })
    expect(returnedEvents()).toHaveLength(1)
  })

  it('emits it again when a dossier already in review is returned', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB trả lại khi thẩm định', world })
    const submitted = await submittedDossier({ editor: world.users.unitEditor, payload, roundId: round.id, setId })
    await update(world.users.districtAdmin, submitted.id, { status: 'in-review' })
    await update(world.users.districtAdmin, submitted.id, { returnReason: 'Đoàn đề nghị bổ sung số liệu TC3.CT1.', status: 'returned' })
    expect((await reload(submitted.id)).status).toBe('returned')
    expect(events.filter((event) => event.type === 'self-assessment.returned' && event.selfAssessment === submitted.id)).toEqual([
      { reason: 'Đoàn đề nghị bổ sung số liệu TC3.CT1.', selfAssessment: submitted.id, type: 'self-assessment.returned', unit: world.units.unitA1.id },
    ])
  })
})

describe('the return reason', () => {
  it('stays with the dossier through the resubmission, and is cleared when the authority accepts it; the audit trail keeps it', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB lý do cũ', world })
    const returned = await returnedDossier({ roundId: round.id })
    expect(returned.returnReason).toBeTruthy()
    const resubmitted = await update(world.users.unitEditor, returned.id, { status: 'submitted' })
    expect(resubmitted.returnReason).toBe(returned.returnReason)
    await update(world.users.districtAdmin, returned.id, { status: 'in-review' })
    const accepted = await reload(returned.id)
    expect(accepted.status).toBe('in-review')
    expect(accepted.returnReason).toBeNull()
    const trail = await payload.find({ collection: 'audit-events', depth: 0, limit: 0, pagination: false, where: { and: [{ docId: { equals: String(returned.id) } }, { collection: { equals: 'self-assessments' } }, { to: { equals: 'returned' } }] } })
    expect(JSON.stringify(trail.docs)).toContain(returned.returnReason as string)
  })
})

describe('resubmitting a returned dossier passes the checks of a first submission', () => {
  it('refuses an incomplete dossier, naming every unanswered indicator', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB thiếu trả lời', world })
    const returned = await returnedDossier({ roundId: round.id })
    const index = (returned.answers ?? []).findIndex((row) => row.isApplicable && row.measure === 'boolean')
    const cleared = (returned.answers ?? []).map((row, i) => (i === index ? { ...row, yesNo: null } : row))
    await update(world.users.unitEditor, returned.id, { answers: cleared })

    expect(await pathsOf(() => update(world.users.unitEditor, returned.id, { status: 'submitted' }))).toEqual([`answers.${index}.yesNo`])
    // sent together with the answers, the same
    expect(await pathsOf(() => update(world.users.unitEditor, returned.id, { answers: cleared, status: 'submitted' }))).toEqual([`answers.${index}.yesNo`])
    const stored = await reload(returned.id)
    expect(stored.status).toBe('returned')
    expect(stored.answers?.[index].yesNo).toBeNull()
  })

  it('refuses an indicator that asks for evidence with neither evidence nor an explanation', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB thiếu minh chứng', world })
    const returned = await returnedDossier({ roundId: round.id })
    const index = (returned.answers ?? []).findIndex((row) => row.isApplicable && row.evidenceRequired)
    const unexplained = (returned.answers ?? []).map((row, i) => (i === index ? { ...row, explanation: null } : row))
    await update(world.users.unitEditor, returned.id, { answers: unexplained })

    expect(await pathsOf(() => update(world.users.unitEditor, returned.id, { status: 'submitted' }))).toEqual([`answers.${index}.evidence`])
    expect((await reload(returned.id)).status).toBe('returned')
  })

  it('refuses once the round has stopped taking dossiers', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB đã ngừng nhận', world })
    const returned = await returnedDossier({ roundId: round.id })
    await payload.update({ collection: 'rounds', data: { status: 'reviewing' }, id: round.id, ...as(world.users.districtAdmin) })

    expect(await messagesOf(() => update(world.users.unitEditor, returned.id, { status: 'submitted' }))).toBe(`Đợt «Đợt RSB đã ngừng nhận» đã ngừng nhận hồ sơ.`)
    const stored = await reload(returned.id)
    expect(stored.status).toBe('returned')
    expect(stored.submittedAt).toBe(returned.submittedAt)
  })

  it('refuses after the deadline once the unit’s extension is withdrawn, and takes it within a new one', async () => {
    // a 2020 round: the deadline (before 15/01/2021) is long past; the unit first submits on an extension
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB quá hạn', world, year: 2020 })
    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
    const extension = { reason: 'Đơn vị mới sáp nhập.', unit: world.units.unitA1.id, until }
    await payload.update({ collection: 'rounds', data: { extensions: [extension] }, id: round.id, ...as(world.users.districtAdmin) })
    const returned = await returnedDossier({ roundId: round.id })
    await payload.update({ collection: 'rounds', data: { extensions: [] }, id: round.id, ...as(world.users.districtAdmin) })

    expect(await messagesOf(() => update(world.users.unitEditor, returned.id, { status: 'submitted' }))).toContain('Đã quá hạn nộp hồ sơ (trước ngày 15/01/2021)')
    expect((await reload(returned.id)).status).toBe('returned')

    await payload.update({ collection: 'rounds', data: { extensions: [extension] }, id: round.id, ...as(world.users.districtAdmin) })
    const resubmitted = await update(world.users.unitEditor, returned.id, { status: 'submitted' })
    expect(resubmitted.status).toBe('submitted')
    expect(new Date(resubmitted.submittedAt ?? 0).getTime()).toBeGreaterThan(new Date(returned.submittedAt ?? 0).getTime())
  })

  it('a complete, on-time resubmission is taken, with a new submission time', async () => {
    const round = await createRound({ payload, setIds: [setId], title: 'Đợt RSB nộp lại', world })
    const returned = await returnedDossier({ roundId: round.id })
    const resubmitted = await update(world.users.unitEditor, returned.id, { status: 'submitted' })
    expect(resubmitted).toMatchObject({ status: 'submitted', submittedBy: world.users.unitEditor.id })
    expect(new Date(resubmitted.submittedAt ?? 0).getTime()).toBeGreaterThan(new Date(returned.submittedAt ?? 0).getTime())
    const trail = await payload.find({ collection: 'audit-events', depth: 0, sort: 'at', where: { and: [{ collection: { equals: 'self-assessments' } }, { docId: { equals: String(returned.id) } }] } })
    expect(trail.docs.map((event) => event.action)).toEqual(['submit', 'return', 'resubmit'])
  })
})
