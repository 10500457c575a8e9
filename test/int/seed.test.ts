/**
 * The demo province: loads completely, every demo login works, and a second run changes nothing.
 * Its round opens on the province's own copies of the district sets, whose unknowns its (clearly
 * illustrative) guide confirms; the national sets keep them empty.
 * On a database of its own: other files of the run may have loaded the demo or the national sets.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { demoAuthorities, demoGuide, demoPassword, demoSetCopies, demoUnits, demoUsers } from '@seed/demo/province'
import { criteriaSetInputs } from '@seed/criteria'
import { fromIsoDay, toIsoDay, todayInVietnam } from '@collections/dates'
import { recognitionSchema } from '@criteria/schema'
import { demoHistory } from '@seed/demo/history'
import { queryRegister } from '@/public/register'
import { planDemoHistory } from '@/seed/demoHistory'
import { loadDemo } from '@/seed/loadDemo'

import { as, reviewDossier, updateDossier } from './helpers/dossiers'
import { pdfUpload } from './helpers/files'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { metAnswers } from './helpers/rounds'
import type { ActingUser } from './helpers/world'
import { createRestClient } from './helpers/rest'
import { useOwnDatabase, type FreshDatabase } from './helpers/testDatabase'

let payload: Payload
let database: FreshDatabase
const rest = createRestClient({ config })

beforeAll(async () => {
  database = await useOwnDatabase({ label: 'seed' })
  payload = await getTestPayload()
})
afterAll(async () => {
  await closeTestPayload(payload)
  await database?.drop()
})

const demoCounts = async () => ({
  authorities: (await payload.count({ collection: 'authorities', where: { code: { in: demoAuthorities.map((a) => a.code) } } })).totalDocs,
  units: (await payload.count({ collection: 'units', where: { code: { in: demoUnits.map((u) => u.code) } } })).totalDocs,
  users: (await payload.count({ collection: 'users', where: { email: { in: demoUsers.map((u) => u.email) } } })).totalDocs,
})

describe('demo data', () => {
  it('loads a province, two authorities below it, thirty units and one account per role', async () => {
    // the file's own database starts empty
    expect((await payload.count({ collection: 'criteria-sets' })).totalDocs).toBe(0)
    const created = await loadDemo({ payload })
    expect(created).toEqual({ authorities: 3, criteriaSets: 7, decisions: 2, recognitions: 5, rounds: 3, units: 30, users: 5 })
    expect((await payload.count({ collection: 'criteria-sets', where: { code: { in: criteriaSetInputs.map((s) => s.code) } } })).totalDocs).toBe(5)
    expect(await demoCounts()).toEqual({ authorities: 3, units: 30, users: 5 })
    const types = new Set(demoUnits.map((unit) => unit.unitType))
    for (const type of ['xa', 'co_quan_nha_nuoc', 'doanh_nghiep', 'mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt']) expect(types).toContain(type)
  })

  it('opens its round on the province’s own copies, every unknown confirmed by a guide marked as illustrative', async () => {
    const [round] = (await payload.find({ collection: 'rounds', depth: 0, where: { status: { equals: 'open' } } })).docs
    expect(round.status).toBe('open')
    const sets = (await payload.find({ collection: 'criteria-sets', depth: 0, where: { id: { in: round.criteriaSets as number[] } } })).docs
    expect(sets.map((set) => set.code).sort()).toEqual(demoSetCopies.map((copy) => copy.code).sort())
    const [guide] = (await payload.find({ collection: 'legal-documents', depth: 0, where: { number: { equals: demoGuide.number } } })).docs
    expect(guide.label).toBe('HD 01/HD-UBND (minh họa) ngày 03/01/2025')
    expect(guide.title).toContain('DỮ LIỆU MINH HỌA')
    expect(round.basis).toEqual([guide.id])
    for (const set of sets) {
      expect(set.unsettledCount).toBe(0)
      const confirmed = (set.criteria ?? []).flatMap((criterion) => criterion.indicators ?? []).filter((indicator) => !indicator.isVerified)
      expect(confirmed.length).toBeGreaterThan(0)
      expect(confirmed.every((indicator) => indicator.confirmation?.document === guide.id && indicator.confirmation?.documentLabel === guide.label)).toBe(true)
    }
    const level1 = sets.find((set) => set.code === 'cb-demo-tt24-2023-huyen-1')!
    const tc3ct1 = (level1.criteria ?? []).flatMap((criterion) => criterion.indicators ?? []).find((indicator) => indicator.code === 'TC3.CT1')!
    expect({ text: tc3ct1.text, threshold: tc3ct1.threshold, confirmed: tc3ct1.confirmation?.threshold }).toEqual({
      confirmed: '90%',
      text: 'Có ít nhất 90% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.',
      threshold: '90%',
    })
    // the clerk is told of this year's round; the past years' rounds loaded as history notify nobody
    const [clerk] = (await payload.find({ collection: 'users', depth: 0, where: { email: { equals: 'donvi@demo.vn' } } })).docs
    const told = (await payload.find({ collection: 'outbox', depth: 0, pagination: false, where: { user: { equals: clerk.id } } })).docs
    expect(told.map((row) => row.subject)).toEqual([`Mở đợt đánh giá: ${round.title}`])
    // the national sets keep the law's unknowns open
    const national = (await payload.find({ collection: 'criteria-sets', depth: 0, where: { code: { equals: 'tt24-2023-huyen-1' } } })).docs[0]
    expect(national.unsettledCount).toBeGreaterThan(0)
  })

  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const before = await payload.find({ collection: 'units', depth: 0, limit: 100, sort: 'code', where: { code: { in: demoUnits.map((u) => u.code) } } })
    expect(await loadDemo({ payload })).toEqual({ authorities: 0, criteriaSets: 0, decisions: 0, recognitions: 0, rounds: 0, units: 0, users: 0 })
    const after = await payload.find({ collection: 'units', depth: 0, limit: 100, sort: 'code', where: { code: { in: demoUnits.map((u) => u.code) } } })
    expect(after.docs.map((d) => [d.code, d.updatedAt])).toEqual(before.docs.map((d) => [d.code, d.updatedAt]))
    expect(await demoCounts()).toEqual({ authorities: 3, units: 30, users: 5 })
  })

  it('has two earlier years of Hà Quảng’s rounds, closed, each dossier taken through the workflow to an issued decision', async () => {
    const today = todayInVietnam(new Date())
    const year = Number(today.slice(0, 4))
    const rounds = (await payload.find({ collection: 'rounds', depth: 0, sort: 'year', where: { status: { equals: 'closed' } } })).docs
    expect(rounds.map((round) => [round.year, round.title])).toEqual([
      [year - 2, `Đánh giá, công nhận Đơn vị học tập năm ${year - 2} — huyện Hà Quảng`],
      [year - 1, `Đánh giá, công nhận Đơn vị học tập năm ${year - 1} — huyện Hà Quảng`],
    ])
    const roundIds = rounds.map((round) => round.id)
    const dossiers = (await payload.find({ collection: 'self-assessments', depth: 0, limit: 0, pagination: false, where: { round: { in: roundIds } } })).docs
    expect(dossiers.length).toBeGreaterThanOrEqual(4)
    expect(dossiers.every((dossier) => dossier.status === 'recognised' && dossier.teamOutcome === 'met')).toBe(true)
    // the steps are on the audit trail: accepted, reviewed, decided, and the rounds' own statuses
    const audit = (await payload.find({ collection: 'audit-events', depth: 0, limit: 0, pagination: false, where: { round: { in: roundIds } } })).docs
    const count = (action: string) => audit.filter((event) => event.action === action).length
    expect({ accept: count('accept'), close: count('close'), issue: count('issue-decision'), recognise: count('recognise') }).toEqual({
      accept: dossiers.length,
      close: dossiers.length,
      issue: 2,
      recognise: dossiers.length,
    })
    expect(count('round-status')).toBe(3 * 2) // opened, under review, closed
    // the clerk's own unit (donvi@demo.vn) meets the demo round without an earlier recognition
    const truongHa = (await payload.find({ collection: 'units', depth: 0, where: { code: { equals: 'HQ-TH' } } })).docs[0]
    expect((await payload.count({ collection: 'recognitions', where: { unit: { equals: truongHa.id } } })).totalDocs).toBe(0)
  })

  it('shows both earlier years to an anonymous reader through the register’s own query, as Hà Quảng publishes them', async () => {
    const today = todayInVietnam(new Date())
    const year = Number(today.slice(0, 4))
    const rules = { 1: recognitionSchema.parse(criteriaSetInputs.find((set) => set.code === 'tt24-2023-huyen-1')?.recognition), 2: recognitionSchema.parse(criteriaSetInputs.find((set) => set.code === 'tt24-2023-huyen-2')?.recognition) }
    const plan = planDemoHistory({ demoYear: year, history: demoHistory, rules, today })
    const nameOf = (code: string) => demoUnits.find((unit) => unit.code === code)?.name
    const expected = plan
      .flatMap((round) => round.dossiers.map((dossier) => [nameOf(dossier.unitCode), round.year, `Đơn vị học tập Mức độ ${dossier.level}`, round.decision.number, round.decision.signedOn]))
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]))
    const register = await queryRegister({ filters: {}, payload, today })
    const seen = register.rows
      .map((row) => [row.unitName, row.year, row.outcomeLabel, row.decisionNumber, row.decidedOn])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]))
    expect(seen).toEqual(expected)
    expect(register.years).toEqual([year - 1, year - 2])
    expect(register.authorities.map((authority) => authority.name)).toEqual(['Huyện Hà Quảng'])
    expect(register.rows.every((row) => row.authorityName === 'Huyện Hà Quảng' && row.validUntil !== null && row.validUntil >= today)).toBe(true)
    // the year filter keeps that year's rows only
    const earliest = await queryRegister({ filters: { year: String(year - 2) }, payload, today })
    expect(earliest.rows.length).toBeGreaterThan(0)
    expect(earliest.rows.every((row) => row.year === year - 2)).toBe(true)

    // the district stops publishing: an anonymous reader sees nothing of it; anything else shows again
    const [district] = (await payload.find({ collection: 'authorities', depth: 0, where: { code: { equals: 'CB-HQ' } } })).docs
    const publish = async (setting: 'all' | 'recognised' | 'none') => {
      await payload.update({ collection: 'authorities', data: { publication: { register: setting } }, id: district.id })
      expect((await payload.findByID({ collection: 'authorities', depth: 0, id: district.id })).publication?.register).toBe(setting)
      return (await queryRegister({ filters: {}, payload, today })).rows.length
    }
    expect(await publish('none')).toBe(0)
    // nor do the filters offer its name or its years (the choices are counted by the database)
    expect(await queryRegister({ filters: {}, payload, today })).toMatchObject({ authorities: [], years: [] })
    expect(await publish('recognised')).toBe(expected.length) // every TT 24 row is a level
    expect(await publish('all')).toBe(expected.length)
  })

  it('dates the level-2 application of the history on its own day, which the decision measured the twelve months at', async () => {
    const today = todayInVietnam(new Date())
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { level: { equals: 2 } } })).docs
    if (!row) {
      // before 10/01 the twelve months since the level-1 decision have not passed (src/seed/demoHistory.ts)
      expect(today < `${today.slice(0, 4)}-01-10`).toBe(true)
      return
    }
    const dossier = await payload.findByID({ collection: 'self-assessments', depth: 0, id: row.selfAssessment as number })
    const level1 = (await payload.find({ collection: 'recognitions', depth: 0, where: { and: [{ unit: { equals: row.unit } }, { level: { equals: 1 } }] } })).docs[0]
    const applied = toIsoDay(dossier.submittedAt) as string
    expect(applied <= today).toBe(true)
    // at least twelve months after the level-1 decision, before the level-2 decision
    const decidedOn = toIsoDay(level1.decidedOn) as string
    expect(applied >= `${Number(decidedOn.slice(0, 4)) + 1}${decidedOn.slice(4)}`).toBe(true)
    expect(applied <= (toIsoDay(row.decidedOn) as string)).toBe(true)
  })

  it('runs end to end: the commune’s dossier is reviewed and recognised, citing the demo guide', async () => {
    const user = async (email: string) => ({ ...(await payload.find({ collection: 'users', depth: 0, where: { email: { equals: email } } })).docs[0], collection: 'users' }) as ActingUser
    const [clerk, district, reviewer] = [await user('donvi@demo.vn'), await user('huyen@demo.vn'), await user('reviewer@demo.vn')]
    const [round] = (await payload.find({ collection: 'rounds', depth: 0, where: { status: { equals: 'open' } } })).docs
    const [set] = (await payload.find({ collection: 'criteria-sets', depth: 0, where: { code: { equals: 'cb-demo-tt24-2023-huyen-1' } } })).docs
    const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: set.id, round: round.id, status: 'draft', unit: clerk.unit as number }, ...as(clerk) })
    const answered = await updateDossier({ data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, payload, user: clerk })
    // the demo round asks for TT 24's papers: the clerk uploads one for each slot of the checklist before submitting
    const slots = answered.dossierFiles ?? []
    expect(slots.length).toBeGreaterThan(0)
    const dossierFiles = []
    for (const [index, slot] of slots.entries()) {
      const paper = await payload.create({ collection: 'evidence', data: { title: slot.title ?? `Tài liệu ${index + 1}`, unit: clerk.unit as number }, file: pdfUpload({ name: `demo-ho-so-${index + 1}.pdf` }), ...as(clerk) })
      dossierFiles.push({ files: [paper.id], item: slot.item })
    }
    await updateDossier({ data: { dossierFiles }, id: draft.id, payload, user: clerk })
    expect(await updateDossier({ data: { status: 'submitted' }, id: draft.id, payload, user: clerk })).toMatchObject({ status: 'submitted' })
    const accepted = await updateDossier({ data: { status: 'in-review' }, id: draft.id, payload, user: district })
    await reviewDossier({ payload, reviewer, rows: () => ({ verdict: 'met' }), sa: accepted })
    expect(await updateDossier({ data: { status: 'reviewed' }, id: draft.id, payload, user: reviewer })).toMatchObject({ teamLevel: 1, teamOutcome: 'met' })
    const decision = await payload.create({ collection: 'decisions', data: { round: round.id, status: 'draft' }, ...as(district) })
    const signedOn = `${round.year + 1}-02-10`
    await payload.update({ collection: 'decisions', data: { number: '12/QĐ-UBND', signedOn: fromIsoDay(signedOn), status: 'issued' }, id: decision.id, ...as(district) })
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: decision.id } } })).docs
    expect(row).toMatchObject({ level: 1, outcomeLabel: 'Đơn vị học tập Mức độ 1' })
    expect(row.basisNote).toContain('TC3.CT1: ≥ 90% theo HD 01/HD-UBND (minh họa) ngày 03/01/2025')
  })

  it.each(demoUsers.map((user) => [user.email, user.role]))('%s logs in and is %s', async (email, role) => {
    const token = await rest.login({ email, password: demoPassword })
    const me = await rest.call({ method: 'GET', path: '/users/me', token })
    expect(me.body.user.roles).toEqual([role])
  })

  it('the district admin sees only the units of Hà Quảng; the unit editor only its commune', async () => {
    const huyen = await rest.login({ email: 'huyen@demo.vn', password: demoPassword })
    const units = await rest.call({ method: 'GET', path: '/units?limit=100&depth=0', token: huyen })
    const expected = demoUnits.filter((unit) => unit.authorityCode === 'CB-HQ').map((unit) => unit.code).sort()
    expect(units.body.docs.map((doc: { code: string }) => doc.code).sort()).toEqual(expected)
    const donvi = await rest.login({ email: 'donvi@demo.vn', password: demoPassword })
    const own = await rest.call({ method: 'GET', path: '/units?depth=0', token: donvi })
    expect(own.body.docs.map((doc: { code: string }) => doc.code)).toEqual(['HQ-TH'])
  })
})
