/**
 * A TT 22/2020 round end to end on real PostgreSQL (points out of 100, graded Tốt ≥ 85, Khá ≥ 70,
 * Trung bình ≥ 50, else Chưa đạt — seed/criteria/tt22-2020.ts): a unit answers with points and
 * submits, the authority accepts, team members give points, the lead closes, the team's grade is
 * computed from the lead's points, the decision carries "Xếp loại …" to the public register — a yearly
 * grade, with no validity period (TT 22 has none: no 36-month row). The set's scoring guides, UNKNOWN
 * in the circular, are confirmed with test values before its rounds open (helpers/settle.ts). A
 * member who declared a conflict of interest gives no points. Every test prepares its own round.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import type { SelfAssessment } from '@/payload-types'
import { fromIsoDay, toIsoDay } from '@collections/dates'
import { criteriaSetInputs } from '@seed/criteria'
import { queryRegister } from '@/public/register'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { as, createAccount, reviewDossier, startDossier, updateDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, metAnswers, openYear, setIdByCode } from './helpers/rounds'
import { createWorld, password, problemsOf, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
let tt22: number
let member: ActingUser
let conflicted: ActingUser
let editorA2: ActingUser
const rest = createRestClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'T22' })
  await loadCriteriaSets({ payload })
  tt22 = await setIdByCode({ code: 'tt22-2020', payload })
  member = await createAccount({ authority: world.authorities.districtA.id, email: 'member.t22@test.vn', payload, role: 'reviewer' })
  conflicted = await createAccount({ authority: world.authorities.districtA.id, email: 'conflicted.t22@test.vn', payload, role: 'reviewer' })
  editorA2 = await createAccount({ email: 'donvi2.t22@test.vn', payload, role: 'unit-editor', unit: world.units.unitA2.id })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const maxPoints = new Map(
  (criteriaSetInputs.find((input) => input.code === 'tt22-2020')?.criteria ?? []).flatMap((criterion) => criterion.indicators.map((indicator) => [indicator.code, indicator.maxPoints ?? 0] as const)),
)

/** Points per indicator summing to `total`: every indicator at its maximum, the shortfall taken from 3.1 (25) then 1.1–1.3. */
const pointsFor = (total: number): Record<string, number> => {
  const points = Object.fromEntries(maxPoints)
  let lost = 100 - total
  for (const code of ['3.1', '1.1', '1.2', '1.3']) {
    const take = Math.min(lost, points[code])
    points[code] -= take
    lost -= take
  }
  if (lost > 0) throw new Error(`cannot make ${total} points`)
  return points
}

const tt22Round = (title: string) =>
  createRound({
    payload,
    setIds: [tt22],
    team: [
      { role: 'truong-doan', user: world.users.reviewer.id },
      { role: 'thanh-vien', user: member.id },
      { role: 'thanh-vien', user: conflicted.id },
    ],
    title,
    world,
  })

/** The unit's answers scored to `total`, with an explanation where evidence is asked. */
const answerWith = async ({ editor, sa, total }: { editor: ActingUser; sa: SelfAssessment; total: number }) => {
  const points = pointsFor(total)
  const rows = metAnswers({ rows: sa.answers ?? [] }).map((row) => ({ ...row, points: points[row.indicator ?? ''] ?? row.points }))
  return updateDossier({ data: { answers: rows }, id: sa.id, payload, user: editor })
}

/** A unit's TT 22 dossier answered to `total` points, submitted and accepted by the district. */
const acceptedWith = async ({ editor, roundId, total }: { editor: ActingUser; roundId: number; total: number }) => {
  const draft = await startDossier({ editor, payload, roundId, setId: tt22 })
  const answered = await answerWith({ editor, sa: draft, total })
  await updateDossier({ data: { status: 'submitted' }, id: answered.id, payload, user: editor })
  return updateDossier({ data: { status: 'in-review' }, id: answered.id, payload, user: world.users.districtAdmin })
}

const givePoints = ({ reviewer, sa, total }: { reviewer: ActingUser; sa: SelfAssessment; total: number }) => {
  const points = pointsFor(total)
  return reviewDossier({ payload, reviewer, rows: (row) => ({ points: points[row.indicator ?? ''] }), sa })
}

const close = (sa: SelfAssessment) => updateDossier({ data: { status: 'reviewed' }, id: sa.id, payload, user: world.users.reviewer })

/** Unit A1 (claims 100, the lead gives 85) and unit A2 (claims 85, the lead gives 84), reviewed and closed. */
const reviewedRound = async (title: string) => {
  const round = await tt22Round(title)
  const a1 = await acceptedWith({ editor: world.users.unitEditor, roundId: round.id, total: 100 })
  const a2 = await acceptedWith({ editor: editorA2, roundId: round.id, total: 85 })
  const reviews = {
    leadOnA1: await givePoints({ reviewer: world.users.reviewer, sa: a1, total: 85 }),
    memberOnA1: await givePoints({ reviewer: member, sa: a1, total: 84 }),
    leadOnA2: await givePoints({ reviewer: world.users.reviewer, sa: a2, total: 84 }),
  }
  return { a1: await close(a1), a2: await close(a2), reviews, round }
}

describe('the unit’s own points and grade, at the bands’ edges', () => {
  it.each([
    [100, 'tot'],
    [85, 'tot'],
    [84, 'kha'],
    [70, 'kha'],
    [69, 'trung-binh'],
    [50, 'trung-binh'],
    [49, 'chua-dat'],
  ])('%i points are graded %s on the saved dossier', async (total, grade) => {
    const round = await tt22Round(`Đợt T22 tự chấm ${total}`)
    const draft = await startDossier({ editor: world.users.unitEditor, payload, roundId: round.id, setId: tt22 })
    expect(draft.outcome).toBe('incomplete')
    const saved = await answerWith({ editor: world.users.unitEditor, sa: draft, total })
    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: saved.id })
    expect({ isComplete: stored.isComplete, level: stored.level, outcome: stored.outcome, points: stored.points }).toEqual({ isComplete: true, level: null, outcome: grade, points: total })
  })

  it('the seeded bands are the ones these edges assume', async () => {
    const set = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: tt22 })
    expect(set.model).toBe('points')
    expect((set.gradeBands ?? []).map((band) => [band.code, band.label, band.minPoints])).toEqual([
      ['tot', 'Tốt', 85],
      ['kha', 'Khá', 70],
      ['trung-binh', 'Trung bình', 50],
      ['chua-dat', 'Chưa đạt', 0],
    ])
  })
})

describe('the team gives points and the lead closes', () => {
  it('each review is graded by its own points; the team’s grade is the lead’s; disagreements are flagged', async () => {
    const { a1, a2, reviews } = await reviewedRound('Đợt T22 thẩm định')
    expect(reviews.leadOnA1.result).toMatchObject({ outcome: { grade: 'tot', points: 85 } })
    expect(reviews.memberOnA1.result).toMatchObject({ outcome: { grade: 'kha', points: 84 } })
    expect(reviews.leadOnA1.verdicts?.find((row) => row.indicator === '3.1')).toMatchObject({ points: 10, unitAnswer: '25 điểm (đơn vị tự đánh giá: đạt)' })

    const storedA1 = await payload.findByID({ collection: 'self-assessments', depth: 0, id: a1.id })
    expect({ outcome: storedA1.outcome, points: storedA1.points }).toEqual({ outcome: 'tot', points: 100 })
    expect({ status: storedA1.status, teamLevel: storedA1.teamLevel, teamOutcome: storedA1.teamOutcome, teamPoints: storedA1.teamPoints }).toEqual({ status: 'reviewed', teamLevel: null, teamOutcome: 'tot', teamPoints: 85 })
    // 3.1: the lead's 10 against the member's 9 and the unit's 25
    expect(storedA1.disagreements).toBe(1)
    const storedA2 = await payload.findByID({ collection: 'self-assessments', depth: 0, id: a2.id })
    expect({ outcome: storedA2.outcome, teamOutcome: storedA2.teamOutcome, teamPoints: storedA2.teamPoints }).toEqual({ outcome: 'tot', teamOutcome: 'kha', teamPoints: 84 })
  })

  it('the consolidation shows the lead the points of each member', async () => {
    const round = await tt22Round('Đợt T22 tổng hợp')
    const sa = await acceptedWith({ editor: world.users.unitEditor, roundId: round.id, total: 90 })
    await givePoints({ reviewer: world.users.reviewer, sa, total: 90 })
    await givePoints({ reviewer: member, sa, total: 80 })
    const token = await rest.login({ email: world.users.reviewer.email, password })
    const response = await rest.call({ method: 'GET', path: `/self-assessments/${sa.id}/consolidation`, token })
    expect(response.status).toBe(200)
    const row = response.body.consolidation.indicators.find((indicator: { code: string }) => indicator.code === '3.1')
    expect(row).toMatchObject({ hasReviewerDisagreement: true, value: 15 })
    expect(row.verdicts.map((verdict: { value: number }) => verdict.value).sort()).toEqual([15, 5])
  })
})

describe('the decision grades the units in the public register', () => {
  it('issues "Xếp loại Tốt" and "Xếp loại Khá", recognises the dossiers and opens the reviews to the units', async () => {
    const { a1, a2, round } = await reviewedRound('Đợt T22 quyết định')
    const draft = await payload.create({ collection: 'decisions', data: { kind: 'recognition', round: round.id, status: 'draft' }, ...as(world.users.districtAdmin) })
    expect((draft.entries ?? []).map((entry) => [entry.selfAssessment, entry.grade, entry.level, entry.outcomeLabel]).sort()).toEqual(
      [
        [a1.id, 'tot', null, 'Xếp loại Tốt'],
        [a2.id, 'kha', null, 'Xếp loại Khá'],
      ].sort(),
    )
    const signedOn = `${openYear() + 1}-01-20`
    const issued = await payload.update({ collection: 'decisions', data: { number: 'T22-05/QĐ-UBND', signedOn: fromIsoDay(signedOn), status: 'issued' }, id: draft.id, ...as(world.users.districtAdmin) })
    expect(issued.status).toBe('issued')

    const register = await rest.call({ method: 'GET', path: `/recognitions?depth=0&sort=unitName&where[decision][equals]=${draft.id}` })
    expect(register.status).toBe(200)
    expect(register.body.docs.map((row: { unit: number; grade: string; level: number | null; outcomeLabel: string; regime: string }) => [row.unit, row.grade, row.level, row.outcomeLabel, row.regime])).toEqual([
      [world.units.unitA1.id, 'tot', null, 'Xếp loại Tốt', 'tt22-2020'],
      [world.units.unitA2.id, 'kha', null, 'Xếp loại Khá', 'tt22-2020'],
    ])
    expect(toIsoDay(register.body.docs[0].decidedOn)).toBe(signedOn)
    // TT 22 grading is yearly: the set's rule has no validity, so the register gives none (no 36 months)
    expect(register.body.docs.map((row: { validFrom: string; validUntil?: string | null }) => [toIsoDay(row.validFrom), row.validUntil ?? null])).toEqual([
      [signedOn, null],
      [signedOn, null],
    ])
    // the public page's query shows the grade by name
    const shown = await queryRegister({ filters: { q: 'T22' }, payload, today: signedOn })
    expect(shown.rows.filter((row) => row.decisionNumber === 'T22-05/QĐ-UBND').map((row) => `${row.unitName}: ${row.outcomeLabel}`)).toEqual([
      `${world.units.unitA1.name}: Xếp loại Tốt`,
      `${world.units.unitA2.name}: Xếp loại Khá`,
    ])
    for (const sa of [a1, a2]) expect((await payload.findByID({ collection: 'self-assessments', depth: 0, id: sa.id })).status).toBe('recognised')
    const seen = await payload.find({ collection: 'reviews', ...as(world.users.unitEditor), where: { round: { equals: round.id } } })
    expect(seen.docs.map((review) => review.unit)).toEqual([world.units.unitA1.id, world.units.unitA1.id])
  })
})

describe('a member who declared a conflict of interest gives no points', () => {
  it('points after the declaration are refused, over REST as through the Local API, and nothing is stored', async () => {
    const round = await tt22Round('Đợt T22 xung đột lợi ích')
    const sa = await acceptedWith({ editor: world.users.unitEditor, roundId: round.id, total: 90 })
    const review = await payload.create({ collection: 'reviews', data: { conflictNote: 'Anh ruột là chủ tịch xã', conflictOfInterest: true, selfAssessment: sa.id }, ...as(conflicted) })
    const scored = (review.verdicts ?? []).map((row) => ({ ...row, points: maxPoints.get(row.indicator ?? '') ?? 0 }))

    const problems = await problemsOf(() => payload.update({ collection: 'reviews', data: { verdicts: scored }, id: review.id, ...as(conflicted) }))
    expect(problems).toEqual([{ message: 'Đã khai báo xung đột lợi ích: không được cho ý kiến đánh giá hồ sơ này.', path: 'conflictOfInterest' }])
    // one indicator's points alone, over REST
    const token = await rest.login({ email: conflicted.email, password })
    const one = await rest.call({ body: { verdicts: [{ indicator: '3.1', points: 25 }] }, method: 'PATCH', path: `/reviews/${review.id}`, token })
    expect(one.status).toBe(400)
    expect(JSON.stringify(one.body)).toContain('xung đột lợi ích')

    const stored = await payload.findByID({ collection: 'reviews', depth: 0, id: review.id })
    expect(stored.conflictOfInterest).toBe(true)
    expect((stored.verdicts ?? []).every((row) => row.points === null || row.points === undefined)).toBe(true)
    expect(stored.updatedAt).toBe(review.updatedAt)
  })

  it('declaring a conflict together with points is refused too, and the declared member is left out of the team’s points', async () => {
    const round = await tt22Round('Đợt T22 xung đột khi tạo phiếu')
    const sa = await acceptedWith({ editor: world.users.unitEditor, roundId: round.id, total: 90 })
    const points = pointsFor(60)
    const created = await problemsOf(() =>
      payload.create({
        collection: 'reviews',
        data: { conflictOfInterest: true, selfAssessment: sa.id, verdicts: (sa.answers ?? []).map((row) => ({ indicator: row.indicator, points: points[row.indicator ?? ''] })) },
        ...as(conflicted),
      }),
    )
    expect(created.map((problem) => problem.path)).toEqual(['conflictOfInterest'])
    expect((await payload.count({ collection: 'reviews', where: { selfAssessment: { equals: sa.id } } })).totalDocs).toBe(0)

    await payload.create({ collection: 'reviews', data: { conflictOfInterest: true, selfAssessment: sa.id }, ...as(conflicted) })
    await givePoints({ reviewer: world.users.reviewer, sa, total: 90 })
    const closed = await close(sa)
    expect({ teamOutcome: closed.teamOutcome, teamPoints: closed.teamPoints }).toEqual({ teamOutcome: 'tot', teamPoints: 90 })
  })
})
