/**
 * A full round on real PostgreSQL, from submission to the public register: two units submit, two
 * reviewers review (one disagreement flagged), the lead closes, the decision is issued, the
 * recognitions carry the right validity; next year a unit's level-2 self-assessment picks up its
 * level-1 recognition, and the level-2 decision is refused while the unit applied before its 12 months
 * (the seeded rule measures the wait at the application) and allowed for an application made after.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { Review, SelfAssessment } from '@/payload-types'
import { fromIsoDay, toIsoDay } from '@collections/dates'
import { onDomainEvent, type DomainEvent } from '@hooks/events'
import { queryRegister, type RegisterFilters } from '@/public/register'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, openYear, setIdByCode } from './helpers/rounds'
import { attempt, createWorld, password, problemsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let level1: number
let level2: number
const users: Record<string, ActingUser> = {}
const events: DomainEvent[] = []
const rest = createRestClient({ config })

const account = async (data: { email: string; roles: ActingUser['roles']; authority?: number; unit?: number }) => {
  const created = await payload.create({ collection: 'users', data: { ...data, name: data.email, password } })
  return { ...created, collection: 'users' } as ActingUser
}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'REC' })
  await loadCriteriaSets({ payload })
  level1 = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  level2 = await setIdByCode({ code: 'tt24-2023-huyen-2', payload })
  users.member = await account({ authority: world.authorities.districtA.id, email: 'member.rec@test.vn', roles: ['reviewer'] })
  users.outsider = await account({ authority: world.authorities.districtB.id, email: 'outsider.rec@test.vn', roles: ['reviewer'] })
  users.insider = await account({ authority: world.authorities.districtA.id, email: 'insider.rec@test.vn', roles: ['reviewer'], unit: world.units.unitA1.id })
  users.unitA2 = await account({ email: 'donvi2.rec@test.vn', roles: ['unit-editor'], unit: world.units.unitA2.id })
  users.districtB = await account({ authority: world.authorities.districtB.id, email: 'huyenb.rec@test.vn', roles: ['authority-admin'] })
  onDomainEvent((event) => {
    events.push(event)
  })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const as = (user: ActingUser) => ({ depth: 0, overrideAccess: false, user })

const team = () => [
  { role: 'truong-doan' as const, user: world.users.reviewer.id },
  { role: 'thanh-vien' as const, user: users.member.id },
  { role: 'thanh-vien' as const, user: users.insider.id },
]

/** A unit's self-assessment, answered so that everything is met, submitted and accepted. */
const submittedAndAccepted = async ({ editor, roundId, setId }: { editor: ActingUser; roundId: number; setId: number }) => {
  const unit = typeof editor.unit === 'object' && editor.unit ? editor.unit.id : (editor.unit as number)
  const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, status: 'draft', unit }, ...as(editor) })
  await payload.update({ collection: 'self-assessments', data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, ...as(editor) })
  await payload.update({ collection: 'self-assessments', data: { status: 'submitted' }, id: draft.id, ...as(editor) })
  return payload.update({ collection: 'self-assessments', data: { status: 'in-review' }, id: draft.id, ...as(world.users.districtAdmin) })
}

/** A reviewer's verdicts: every applicable indicator met, except those listed. */
const review = async ({ reviewer, sa, notMet = [] }: { reviewer: ActingUser; sa: SelfAssessment; notMet?: string[] }) => {
  const created = await payload.create({ collection: 'reviews', data: { selfAssessment: sa.id }, ...as(reviewer) })
  const verdicts = (created.verdicts ?? []).map((row) => ({ ...row, verdict: notMet.includes(row.indicator ?? '') ? ('not-met' as const) : ('met' as const) }))
  return payload.update({ collection: 'reviews', data: { recommendation: 'recognise', verdicts }, id: created.id, ...as(reviewer) }) as Promise<Review>
}

const close = (user: ActingUser, sa: SelfAssessment) => payload.update({ collection: 'self-assessments', data: { status: 'reviewed' }, id: sa.id, ...as(user) })

describe('a full round', () => {
  let round: number
  let sa1: SelfAssessment
  let sa2: SelfAssessment
  let decision: number

  it('two units submit; two reviewers review; a disagreement is flagged; the lead closes', async () => {
    round = (await createRound({ payload, setIds: [level1, level2], team: team(), world })).id
    sa1 = await submittedAndAccepted({ editor: world.users.unitEditor, roundId: round, setId: level1 })
    sa2 = await submittedAndAccepted({ editor: users.unitA2, roundId: round, setId: level1 })

    const leadOn1 = await review({ reviewer: world.users.reviewer, sa: sa1 })
    expect(leadOn1.verdicts?.map((row) => row.indicator)).toEqual((sa1.answers ?? []).filter((row) => row.isApplicable).map((row) => row.indicator))
    expect(leadOn1.result).toMatchObject({ outcome: { isMet: true, level: 1 } })
    const memberOn1 = await review({ notMet: ['TC1.CT2'], reviewer: users.member, sa: sa1 })
    expect(memberOn1.result).toMatchObject({ outcome: { isMet: false } })
    await review({ reviewer: world.users.reviewer, sa: sa2 })
    await review({ reviewer: users.member, sa: sa2 })

    const token = await rest.login({ email: world.users.reviewer.email, password })
    const consolidation = await rest.call({ method: 'GET', path: `/self-assessments/${sa1.id}/consolidation`, token })
    expect(consolidation.status).toBe(200)
    expect(consolidation.body.consolidation.disagreements).toBe(1)
    expect(consolidation.body.consolidation.indicators.find((row: { code: string }) => row.code === 'TC1.CT2')).toMatchObject({ hasReviewerDisagreement: true, value: true })
    // the unit does not see the team's verdicts before the decision
    const unitToken = await rest.login({ email: world.users.unitEditor.email, password })
    expect((await rest.call({ method: 'GET', path: `/self-assessments/${sa1.id}/consolidation`, token: unitToken })).status).toBe(403)

    // only the lead closes: a member may not even update the dossier
    expect(await attempt(() => close(users.member, sa2))).toBe('forbidden')
    const closed1 = await close(world.users.reviewer, sa1)
    expect(closed1).toMatchObject({ disagreements: 1, status: 'reviewed', teamLevel: 1, teamOutcome: 'met' })
    expect((await close(world.users.reviewer, sa2)).status).toBe('reviewed')
    expect(events.filter((event) => event.type === 'self-assessment.reviewed').map((event) => event.type === 'self-assessment.reviewed' && event.selfAssessment)).toEqual([sa1.id, sa2.id])
  })

  it('refuses a reviewer outside the team, of the unit itself, with a declared conflict, and a unit-editor', async () => {
    const round2 = (await createRound({ payload, setIds: [level1], team: team(), title: 'Đợt kiểm tra quyền', world })).id
    const sa = await submittedAndAccepted({ editor: world.users.unitEditor, roundId: round2, setId: level1 })
    expect((await problemsOf(() => payload.create({ collection: 'reviews', data: { selfAssessment: sa.id }, ...as(users.outsider) })))[0]).toMatchObject({ path: 'selfAssessment' })
    expect((await problemsOf(() => payload.create({ collection: 'reviews', data: { selfAssessment: sa.id }, ...as(users.insider) })))[0]).toMatchObject({ path: 'reviewer' })
    expect(await attempt(() => payload.create({ collection: 'reviews', data: { selfAssessment: sa.id }, ...as(world.users.unitEditor) }))).toBe('forbidden')
    const conflicted = await payload.create({ collection: 'reviews', data: { conflictNote: 'Vợ là cán bộ xã', conflictOfInterest: true, selfAssessment: sa.id }, ...as(users.member) })
    const verdicts = (conflicted.verdicts ?? []).map((row) => ({ ...row, verdict: 'met' as const }))
    expect((await problemsOf(() => payload.update({ collection: 'reviews', data: { verdicts }, id: conflicted.id, ...as(users.member) })))[0]).toMatchObject({ path: 'conflictOfInterest' })
    // a reviewer cannot touch another's review, nor the unit's answers
    expect(await attempt(() => payload.update({ collection: 'reviews', data: { recommendationNote: 'sửa hộ' }, id: conflicted.id, ...as(world.users.reviewer) }))).toBe('forbidden')
    const changed = (sa.answers ?? []).map((row) => (row.indicator === 'TC1.CT1' ? { ...row, yesNo: 'no' as const } : row))
    expect(await attempt(() => payload.update({ collection: 'self-assessments', data: { answers: changed }, id: sa.id, ...as(world.users.reviewer) }))).toBe('invalid')
    // another district's admin can neither draft nor issue this district's decision
    expect(await attempt(() => payload.create({ collection: 'decisions', data: { authority: world.authorities.districtA.id, round: round2, status: 'draft' }, ...as(users.districtB) }))).toBe('forbidden')
  })

  it('the decision is drafted from the outcomes, issued once, and writes the register with its validity', async () => {
    const draft = await payload.create({ collection: 'decisions', data: { round, status: 'draft' }, ...as(world.users.districtAdmin) })
    expect(draft.entries?.map((entry) => entry.selfAssessment).sort()).toEqual([sa1.id, sa2.id].sort())
    expect(draft.entries?.every((entry) => entry.outcomeLabel === 'Đơn vị học tập Mức độ 1')).toBe(true)
    decision = draft.id
    // issuing needs a number and a date; removing an entry needs a reason
    expect((await problemsOf(() => payload.update({ collection: 'decisions', data: { status: 'issued' }, id: decision, ...as(world.users.districtAdmin) }))).map((problem) => problem.path).sort()).toEqual(['number', 'signedOn'])
    const withRemoval = (draft.entries ?? []).map((entry) => (entry.selfAssessment === sa2.id ? { ...entry, isRemoved: true } : entry))
    expect((await problemsOf(() => payload.update({ collection: 'decisions', data: { entries: withRemoval, number: '15/QĐ-UBND', signedOn: fromIsoDay('2026-01-20'), status: 'issued' }, id: decision, ...as(world.users.districtAdmin) }))).map((problem) => problem.path)).toEqual(['entries.1.removalReason'.replace('1', String(withRemoval.findIndex((entry) => entry.isRemoved)))])
    expect(await payload.count({ collection: 'recognitions', where: { decision: { equals: decision } } })).toMatchObject({ totalDocs: 0 })

    const issued = await payload.update({ collection: 'decisions', data: { number: '15/QĐ-UBND', signedOn: fromIsoDay('2026-01-20'), status: 'issued' }, id: decision, ...as(world.users.districtAdmin) })
    expect(issued.status).toBe('issued')
    expect(issued.signer).toBe(null)
    const { docs } = await payload.find({ collection: 'recognitions', depth: 0, sort: 'unitName', where: { decision: { equals: decision } } })
    expect(docs.map((row) => [row.unit, row.level, toIsoDay(row.decidedOn), toIsoDay(row.validFrom), toIsoDay(row.validUntil)])).toEqual([
      [world.units.unitA1.id, 1, '2026-01-20', '2026-01-20', '2029-12-31'],
      [world.units.unitA2.id, 1, '2026-01-20', '2026-01-20', '2029-12-31'],
    ])
    expect((await payload.findByID({ collection: 'self-assessments', id: sa1.id })).status).toBe('recognised')
    expect(events.some((event) => event.type === 'decision.issued' && event.decision === decision && event.recognitions.length === 2)).toBe(true)
    // issued means final
    expect(await attempt(() => payload.update({ collection: 'decisions', data: { number: '16/QĐ-UBND' }, id: decision, ...as(world.users.districtAdmin) }))).toBe('invalid')
    // the unit now reads the team's reviews of its own dossier, and nobody else's
    const seen = await payload.find({ collection: 'reviews', ...as(world.users.unitEditor) })
    expect(seen.docs.length).toBe(2)
    expect(seen.docs.every((doc) => doc.unit === world.units.unitA1.id)).toBe(true)
    // the register is public
    const register = await rest.call({ method: 'GET', path: `/recognitions?where[decision][equals]=${decision}&depth=0` })
    expect(register.status).toBe(200)
    expect(register.body.totalDocs).toBe(2)
  })

  it('next year, a level-2 self-assessment picks up the level-1 recognition; the decision waits 12 months', async () => {
    const nextRound = (await createRound({ payload, setIds: [level2], team: team(), title: 'Đánh giá mức độ 2', world, year: openYear() + 1 })).id
    const sa = await submittedAndAccepted({ editor: world.users.unitEditor, roundId: nextRound, setId: level2 })
    expect(sa.result).toMatchObject({ outcome: { prerequisite: { eligibleFrom: '2027-01-20' } } })
    await review({ reviewer: world.users.reviewer, sa })
    expect(await close(world.users.reviewer, sa)).toMatchObject({ teamLevel: 2, teamOutcome: 'met' })

    const draft = await payload.create({ collection: 'decisions', data: { round: nextRound, status: 'draft' }, ...as(world.users.districtAdmin) })
    const issueOn = (day: string) => payload.update({ collection: 'decisions', data: { number: '20/QĐ-UBND', signedOn: fromIsoDay(day), status: 'issued' }, id: draft.id, ...as(world.users.districtAdmin) })
    const early = await problemsOf(() => issueOn('2027-01-19'))
    expect(early).toHaveLength(1)
    expect(early[0]).toMatchObject({ path: 'entries.0.selfAssessment' })
    expect(early[0].message).toContain('20/01/2027')
    // signed after the 12 months, but the unit applied before them: the wait is measured at the application
    const applied = toIsoDay(sa.submittedAt) as string
    expect(applied < '2027-01-20').toBe(true)
    const appliedEarly = await problemsOf(() => issueOn('2027-01-20'))
    expect(appliedEarly.map((problem) => problem.path)).toEqual(['entries.0.selfAssessment'])
    expect(appliedEarly[0].message).toContain(`tính đến ngày ${applied.split('-').reverse().join('/')}`)
    expect((await payload.findByID({ collection: 'decisions', id: draft.id })).status).toBe('draft')

    // as if the unit had applied on the day its 12 months were up (the register's own clock is the dossier's)
    await payload.db.updateOne({ collection: 'self-assessments', data: { submittedAt: fromIsoDay('2027-01-20') }, id: sa.id, returning: false })
    await issueOn('2027-01-20')
    const latest = await payload.find({ collection: 'recognitions', depth: 0, limit: 1, sort: '-decidedOn', where: { unit: { equals: world.units.unitA1.id } } })
    expect(latest.docs[0]).toMatchObject({ level: 2, outcomeLabel: 'Đơn vị học tập Mức độ 2' })
    expect(toIsoDay(latest.docs[0].validUntil)).toBe('2030-12-31')
  })

  it('the public register lists valid recognitions by authority, year and level, searchable by name', async () => {
    const names = async (filters: RegisterFilters, today = '2027-02-01') => (await queryRegister({ filters, payload, today })).rows.map((row) => `${row.unitName}: ${row.outcomeLabel}`).sort()
    const a1 = world.units.unitA1.name
    const a2 = world.units.unitA2.name
    expect(await names({ q: 'REC' })).toEqual([`${a1}: Đơn vị học tập Mức độ 2`, `${a1}: Đơn vị học tập Mức độ 1`, `${a2}: Đơn vị học tập Mức độ 1`].sort())
    expect(await names({ level: '2', q: 'REC' })).toEqual([`${a1}: Đơn vị học tập Mức độ 2`])
    expect(await names({ q: 'A2 REC' })).toEqual([`${a2}: Đơn vị học tập Mức độ 1`])
    expect(await names({ authority: String(world.authorities.districtB.id), q: 'REC' })).toEqual([])
    // level 1 of 20/01/2026 is valid until 31/12/2029; on 01/01/2030 only level 2 remains
    expect(await names({ q: 'REC' }, '2030-01-01')).toEqual([`${a1}: Đơn vị học tập Mức độ 2`])
  })
})

describe('who may read and change reviews, decisions and recognitions (after a decision is issued)', () => {
  type Who = 'admin' | 'districtAdmin' | 'otherDistrictAdmin' | 'teamLead' | 'outsideReviewer' | 'unitEditor' | 'otherUnitEditor' | 'anonymous'
  const who: Who[] = ['admin', 'districtAdmin', 'otherDistrictAdmin', 'teamLead', 'outsideReviewer', 'unitEditor', 'otherUnitEditor', 'anonymous']
  const actorOf = (role: Who): ActingUser | undefined =>
    ({
      admin: world.users.admin,
      anonymous: undefined,
      districtAdmin: world.users.districtAdmin,
      otherDistrictAdmin: users.districtB,
      otherUnitEditor: users.unitA2,
      outsideReviewer: users.outsider,
      teamLead: world.users.reviewer,
      unitEditor: world.users.unitEditor,
    })[role]
  let decision: number
  let leadReview: number

  beforeAll(async () => {
    // this file's decision: another file may issue one with the same number
    const issued = await payload.find({ collection: 'decisions', depth: 0, where: { and: [{ number: { equals: '15/QĐ-UBND' } }, { authority: { equals: world.authorities.districtA.id } }] } })
    decision = issued.docs[0].id
    const roundId = issued.docs[0].round as number
    const reviews = await payload.find({ collection: 'reviews', depth: 0, where: { and: [{ round: { equals: roundId } }, { reviewer: { equals: world.users.reviewer.id } }, { unit: { equals: world.units.unitA1.id } }] } })
    leadReview = reviews.docs[0].id
  })

  const count = async (collection: 'reviews' | 'decisions' | 'recognitions', role: Who, where: object) => {
    const outcome = await attempt(() => payload.count({ collection, overrideAccess: false, user: actorOf(role), where: where as never }))
    if (outcome !== 'ok') return outcome
    return (await payload.count({ collection, overrideAccess: false, user: actorOf(role), where: where as never })).totalDocs
  }

  it('reads, as a table', async () => {
    const table: Record<string, Record<Who, number | string>> = { decisions: {} as never, recognitions: {} as never, reviewsOfUnitA1: {} as never }
    for (const role of who) {
      table.reviewsOfUnitA1[role] = await count('reviews', role, { and: [{ unit: { equals: world.units.unitA1.id } }, { round: { exists: true } }, { id: { equals: leadReview } }] })
      table.decisions[role] = await count('decisions', role, { id: { equals: decision } })
      table.recognitions[role] = await count('recognitions', role, { decision: { equals: decision } })
    }
    expect(table).toEqual({
      decisions: { admin: 1, anonymous: 'forbidden', districtAdmin: 1, otherDistrictAdmin: 0, otherUnitEditor: 1, outsideReviewer: 0, teamLead: 1, unitEditor: 1 },
      recognitions: { admin: 2, anonymous: 2, districtAdmin: 2, otherDistrictAdmin: 2, otherUnitEditor: 2, outsideReviewer: 2, teamLead: 2, unitEditor: 2 },
      reviewsOfUnitA1: { admin: 1, anonymous: 'forbidden', districtAdmin: 1, otherDistrictAdmin: 0, otherUnitEditor: 0, outsideReviewer: 0, teamLead: 1, unitEditor: 1 },
    })
  })

  it('writes, as a table: an issued decision is final even for the admin; nobody writes the register by hand', async () => {
    const [recognition] = (await payload.find({ collection: 'recognitions', depth: 0, limit: 1, where: { decision: { equals: decision } } })).docs
    const table: Record<string, Record<Who, string>> = { updateDecision: {} as never, updateRecognition: {} as never, updateReview: {} as never }
    for (const role of who) {
      const user = actorOf(role)
      table.updateDecision[role] = await attempt(() => payload.update({ collection: 'decisions', data: { signer: 'Chủ tịch' }, id: decision, overrideAccess: false, user }))
      table.updateReview[role] = await attempt(() => payload.update({ collection: 'reviews', data: { recommendationNote: 'sửa sau quyết định' }, id: leadReview, overrideAccess: false, user }))
      table.updateRecognition[role] = await attempt(() => payload.update({ collection: 'recognitions', data: { outcomeLabel: 'sửa' }, id: recognition.id, overrideAccess: false, user }))
    }
    expect(table).toEqual({
      updateDecision: { admin: 'invalid', anonymous: 'forbidden', districtAdmin: 'invalid', otherDistrictAdmin: 'forbidden', otherUnitEditor: 'forbidden', outsideReviewer: 'forbidden', teamLead: 'forbidden', unitEditor: 'forbidden' },
      updateRecognition: { admin: 'forbidden', anonymous: 'forbidden', districtAdmin: 'forbidden', otherDistrictAdmin: 'forbidden', otherUnitEditor: 'forbidden', outsideReviewer: 'forbidden', teamLead: 'forbidden', unitEditor: 'forbidden' },
      updateReview: { admin: 'invalid', anonymous: 'forbidden', districtAdmin: 'forbidden', otherDistrictAdmin: 'forbidden', otherUnitEditor: 'forbidden', outsideReviewer: 'forbidden', teamLead: 'invalid', unitEditor: 'forbidden' },
    })
  })
})

