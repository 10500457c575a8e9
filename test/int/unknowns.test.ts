/**
 * Unknowns are gated, not guessed (issue 11, REGULATIONS §0 and §9), on real PostgreSQL: a province's
 * copy of the district Level 1 set starts with its UNKNOWN values empty and unverified; the province
 * confirms them per indicator with its own document — stamped and audited by the server, refused
 * with a document that is not its own or its superiors' — and only then does a round open on the set;
 * a decision is refused while an indicator applicable to the unit is unsettled, and the recognition
 * it finally writes names the confirmations it rests on.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CriteriaSet, LegalDocument, Round, SelfAssessment } from '@/payload-types'
import { fromIsoDay, toIsoDay } from '@collections/dates'
import { unsettledIndicators } from '@criteria/index'
import { criteriaSets, tt24HuyenLevel1Set } from '@seed/criteria'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { acceptedDossier, as, createAccount, reviewDossier, updateDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { openYear } from './helpers/rounds'
import { createSetFromSeed } from './helpers/settle'
import { createWorld, problemsOf, type World } from './helpers/world'

let payload: Payload
let world: World
let set: CriteriaSet
let ownGuide: LegalDocument
let foreignGuide: LegalDocument
let districtGuide: LegalDocument
let otherProvinceId: number
const code = 'unk-huyen-1'

type Criteria = NonNullable<CriteriaSet['criteria']>
type Indicator = NonNullable<Criteria[number]['indicators']>[number]

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'UNK' })
  await loadCriteriaSets({ payload })
  const otherProvince = await payload.create({ collection: 'authorities', data: { code: 'UNK-Q', name: 'Tỉnh khác UNK', tierLabel: 'Tỉnh' } })
  otherProvinceId = otherProvince.id
  const guide = (data: { authority: number; number: string }) =>
    payload.create({ collection: 'legal-documents', data: { ...data, issuedOn: '2025-01-03T00:00:00.000Z', kind: 'xac-nhan-nguong', title: 'Hướng dẫn đánh giá Đơn vị học tập' } })
  ownGuide = await guide({ authority: world.authorities.province.id, number: 'KH 12/KH-UBND' })
  foreignGuide = await guide({ authority: otherProvince.id, number: 'KH 99/KH-UBND' })
  districtGuide = await guide({ authority: world.authorities.districtA.id, number: 'HD 5/HD-UBND' })
  set = (await createSetFromSeed({ authority: world.authorities.province.id, code, input: tt24HuyenLevel1Set, payload })) as CriteriaSet
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const read = () => payload.findByID({ collection: 'criteria-sets', depth: 0, id: set.id }) as Promise<CriteriaSet>

/** The stored criteria with `changes` applied to the named indicators. */
const changed = async (changes: Record<string, (indicator: Indicator) => Indicator>): Promise<Criteria> =>
  structuredClone((await read()).criteria ?? []).map((criterion) => ({
    ...criterion,
    indicators: (criterion.indicators ?? []).map((indicator) => (changes[indicator.code] ? changes[indicator.code](indicator) : indicator)),
  }))

const confirm = (document: number, threshold?: string) => (indicator: Indicator): Indicator => ({
  ...indicator,
  confirmation: { ...(indicator.confirmation ?? {}), document },
  ...(threshold === undefined ? {} : { threshold }),
})
const unconfirm = (indicator: Indicator): Indicator => ({ ...indicator, confirmation: { ...(indicator.confirmation ?? {}), document: null } })

const saveAsProvince = (criteria: Criteria) =>
  payload.update({ collection: 'criteria-sets', data: { criteria }, id: set.id, ...as(world.users.provinceAdmin) }) as Promise<CriteriaSet>

const indicatorOf = (doc: CriteriaSet, indicatorCode: string) => (doc.criteria ?? []).flatMap((criterion) => criterion.indicators ?? []).find((indicator) => indicator.code === indicatorCode) as Indicator

const auditOf = async (action: string) =>
  (await payload.find({ collection: 'audit-events', depth: 0, limit: 0, pagination: false, sort: 'createdAt', where: { and: [{ action: { equals: action } }, { collection: { equals: 'criteria-sets' } }, { docId: { equals: String(set.id) } }] } })).docs

/** Every still-unsettled indicator confirmed with the province's guide, with the values the seed leaves empty. */
const confirmEverything = async () =>
  saveAsProvince(
    await changed(
      Object.fromEntries(
        (await read()).criteria!.flatMap((criterion) => criterion.indicators ?? [])
          .filter((indicator) => !indicator.isVerified)
          .map((indicator) => [indicator.code, confirm(ownGuide.id, { 'TC3.CT1': '90%', 'TC3.CT3': 'tap-the-lao-dong-tien-tien', 'TC3.CT4': 'dap-ung-co-ban' }[indicator.code])]),
      ),
    ),
  )

describe('a province copy starts with its UNKNOWN values empty and counted', () => {
  it('stores the empty thresholds and counts every unsettled indicator', async () => {
    const seeded = criteriaSets.find((entry) => entry.code === 'tt24-2023-huyen-1')!
    const expected = unsettledIndicators({ set: seeded })
    expect(expected.length).toBe(8)
    expect(set.unsettledCount).toBe(expected.length)
    expect(indicatorOf(set, 'TC3.CT1').threshold || null).toBeNull()
    expect(indicatorOf(set, 'TC3.CT1').text).toContain('…%')
  })
})

describe('confirming an indicator with a local document', () => {
  it('refuses a document of another province or of a subordinate district, naming the indicator, and changes nothing', async () => {
    const before = await read()
    for (const document of [foreignGuide, districtGuide]) {
      const problems = await problemsOf(async () => saveAsProvince(await changed({ 'TC3.CT1': confirm(document.id, '90%') })))
      expect(problems).toEqual([
        {
          message: `Chỉ tiêu TC3.CT1: văn bản ${document.label} không phải của cấp quản lý sở hữu bộ tiêu chí hoặc cấp trên của nó, nên không xác nhận được ngưỡng của bộ tiêu chí này.`,
          path: 'criteria.2.indicators.0.confirmation.document',
        },
      ])
    }
    const after = await read()
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(indicatorOf(after, 'TC3.CT1').confirmation?.document ?? null).toBeNull()
    expect(await auditOf('confirm-indicator')).toHaveLength(0)
  })

  it('stamps the value, the citation, who and when; audits it; the count goes down', async () => {
    const saved = await saveAsProvince(await changed({ 'TC3.CT1': confirm(ownGuide.id, '90%') }))
    const confirmation = indicatorOf(saved, 'TC3.CT1').confirmation
    expect(confirmation).toMatchObject({ document: ownGuide.id, documentLabel: 'KH 12/KH-UBND ngày 03/01/2025', threshold: '90%', confirmedBy: world.users.provinceAdmin.id })
    expect(Date.now() - new Date(confirmation?.confirmedAt ?? 0).getTime()).toBeLessThan(60_000)
    expect(saved.unsettledCount).toBe(7)
    const events = await auditOf('confirm-indicator')
    expect(events.map((event) => [event.comment, event.to, event.actor, event.authority])).toEqual([
      [`${code}: TC3.CT1: ≥ 90% theo KH 12/KH-UBND ngày 03/01/2025`, '90%', world.users.provinceAdmin.id, world.authorities.province.id],
    ])
  })

  it('keeps its own stamp whatever a request sends, and stamps anew (audited) when the value changes', async () => {
    const forged = await saveAsProvince(
      await changed({ 'TC3.CT1': (indicator) => ({ ...indicator, confirmation: { ...indicator.confirmation, confirmedBy: world.users.admin.id, documentLabel: 'QĐ giả', threshold: '50%' } }) }),
    )
    expect(indicatorOf(forged, 'TC3.CT1').confirmation).toMatchObject({ confirmedBy: world.users.provinceAdmin.id, documentLabel: 'KH 12/KH-UBND ngày 03/01/2025', threshold: '90%' })
    expect(await auditOf('confirm-indicator')).toHaveLength(1)

    const lowered = await saveAsProvince(await changed({ 'TC3.CT1': (indicator) => ({ ...indicator, threshold: '85%' }) }))
    expect(indicatorOf(lowered, 'TC3.CT1').confirmation).toMatchObject({ threshold: '85%', documentLabel: 'KH 12/KH-UBND ngày 03/01/2025' })
    expect(lowered.unsettledCount).toBe(7)
    const events = await auditOf('confirm-indicator')
    expect(events.map((event) => [event.from, event.to, event.comment])).toEqual([
      [null, '90%', `${code}: TC3.CT1: ≥ 90% theo KH 12/KH-UBND ngày 03/01/2025`],
      ['90%', '85%', `${code}: TC3.CT1: ≥ 85% theo KH 12/KH-UBND ngày 03/01/2025`],
    ])
  })

  it('removing the document clears the stamp, is audited, and the indicator is unsettled again', async () => {
    const cleared = await saveAsProvince(await changed({ 'TC3.CT1': unconfirm }))
    expect(indicatorOf(cleared, 'TC3.CT1').confirmation).toMatchObject({ confirmedAt: null, confirmedBy: null, document: null, documentLabel: null, threshold: null })
    expect(cleared.unsettledCount).toBe(8)
    expect((await auditOf('unconfirm-indicator')).map((event) => [event.from, event.comment])).toEqual([['85%', `${code}: TC3.CT1: bỏ xác nhận theo KH 12/KH-UBND ngày 03/01/2025`]])
  })
})

describe('the gates', () => {
  let round: Round
  let dossier: SelfAssessment

  it('a round does not open on the set while an indicator is unsettled, and says which and why', async () => {
    round = await payload.create({
      collection: 'rounds',
      // no dossier checklist: the unit's dossier here is about unknowns and is submitted without attachments
      data: { authority: world.authorities.districtA.id, criteriaSets: [set.id], dossier: [], status: 'draft', team: [{ role: 'truong-doan', user: world.users.reviewer.id }], tier: 'huyen', title: 'Đợt UNK', year: openYear() },
    })
    const problems = await problemsOf(() => payload.update({ collection: 'rounds', data: { status: 'open' }, id: round.id, ...as(world.users.districtAdmin) }))
    expect(problems.map((problem) => problem.path)).toEqual(['status'])
    expect(problems[0].message).toContain(`bộ tiêu chí «${code}» còn 8 chỉ tiêu chưa xác định`)
    expect(problems[0].message).toContain('TC3.CT3 (chưa có ngưỡng)')
    expect(problems[0].message).toContain('TC1.CT5 (chưa được đối chiếu văn bản gốc hoặc địa phương xác nhận)')
    expect(problems[0].message).toContain('TC2.CT1 (ngưỡng chưa được địa phương xác nhận)')
    expect((await payload.findByID({ collection: 'rounds', depth: 0, id: round.id })).status).toBe('draft')
  })

  it('publishing the set with unsettled indicators stays allowed (it can be tried out)', async () => {
    const republished = await payload.update({ collection: 'criteria-sets', data: { _status: 'published', title: `${set.title} (thử)` }, id: set.id, ...as(world.users.provinceAdmin) })
    expect(republished._status).toBe('published')
    expect(republished.unsettledCount).toBe(8)
  })

  it('confirming every indicator opens it', async () => {
    const confirmed = await confirmEverything()
    expect(confirmed.unsettledCount).toBe(0)
    const opened = await payload.update({ collection: 'rounds', data: { status: 'open' }, id: round.id, ...as(world.users.districtAdmin) })
    expect(opened.status).toBe('open')
  })

  it('a decision is refused while an indicator applicable to the unit is unsettled, and issued once it is confirmed', async () => {
    dossier = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor: world.users.unitEditor, payload, roundId: round.id, setId: set.id })
    await reviewDossier({ payload, reviewer: world.users.reviewer, rows: () => ({ verdict: 'met' }), sa: dossier })
    expect(await updateDossier({ data: { status: 'reviewed' }, id: dossier.id, payload, user: world.users.reviewer })).toMatchObject({ teamOutcome: 'met' })
    for (const status of ['reviewing', 'closed'] as const) await payload.update({ collection: 'rounds', data: { status }, id: round.id, ...as(world.users.districtAdmin) })

    // after the round, the province takes back two confirmations: one applies to a commune, one to schools only
    await saveAsProvince(await changed({ 'TC3.CT1': unconfirm, 'TC3.CT4': unconfirm }))
    const draft = await payload.create({ collection: 'decisions', data: { round: round.id, status: 'draft' }, ...as(world.users.districtAdmin) })
    expect(draft.entries?.map((entry) => entry.selfAssessment)).toEqual([dossier.id])
    const signedOn = `${openYear() + 1}-01-20`
    const issue = () => payload.update({ collection: 'decisions', data: { number: 'UNK 1/QĐ-UBND', signedOn: fromIsoDay(signedOn), status: 'issued' }, id: draft.id, ...as(world.users.districtAdmin) })
    const problems = await problemsOf(issue)
    expect(problems.map((problem) => problem.path)).toEqual(['entries.0.selfAssessment'])
    expect(problems[0].message).toContain(`«${world.units.unitA1.name}»`)
    expect(problems[0].message).toContain('TC3.CT1 (ngưỡng chưa được địa phương xác nhận)')
    expect(problems[0].message).not.toContain('TC3.CT4')
    expect((await payload.findByID({ collection: 'decisions', depth: 0, id: draft.id })).status).toBe('draft')
    expect((await payload.count({ collection: 'recognitions', where: { unit: { equals: world.units.unitA1.id } } })).totalDocs).toBe(0)

    // TC3.CT4 (schools only) stays open: it does not apply to a commune
    await saveAsProvince(await changed({ 'TC3.CT1': confirm(ownGuide.id, '90%') }))
    expect((await issue()).status).toBe('issued')
    const [row] = (await payload.find({ collection: 'recognitions', depth: 0, where: { decision: { equals: draft.id } } })).docs
    expect({ level: row.level, validUntil: toIsoDay(row.validUntil) }).toEqual({ level: 1, validUntil: `${openYear() + 4}-12-31` })
    expect(row.basisNote).toContain('TC3.CT1: ≥ 90% theo KH 12/KH-UBND ngày 03/01/2025')
    expect(row.basisNote).toContain('TC3.CT3: từ «')
    expect(row.basisNote).toContain('TC1.CT5: đạt/không đạt theo KH 12/KH-UBND ngày 03/01/2025')
    expect(row.basisNote).not.toContain('TC3.CT4')
    expect(row.basisNote?.split('; ')).toHaveLength(7)
  })
})

describe('copies', () => {
  it('a district’s copy keeps the confirmations of its province’s document, confirmed anew by the copier; another province’s copy keeps none', async () => {
    const source = await read()
    expect(source.unsettledCount).toBe(1) // TC3.CT4, taken back above
    const districtCopy = await payload.duplicate({ collection: 'criteria-sets', id: set.id, ...as(world.users.districtAdmin) })
    expect(districtCopy.authority).toBe(world.authorities.districtA.id)
    expect(indicatorOf(districtCopy, 'TC3.CT1').confirmation).toMatchObject({ confirmedBy: world.users.districtAdmin.id, document: ownGuide.id, threshold: '90%' })
    expect(districtCopy.unsettledCount).toBe(1)

    const otherAdmin = await createAccount({ authority: otherProvinceId, email: 'tinh-khac.unk@test.vn', payload, role: 'authority-admin' })
    const foreignCopy = await payload.duplicate({ collection: 'criteria-sets', id: set.id, ...as(otherAdmin) })
    expect(foreignCopy.authority).toBe(otherProvinceId)
    expect(indicatorOf(foreignCopy, 'TC3.CT1').confirmation?.document ?? null).toBeNull()
    // the values stay, unconfirmed: the other province confirms them with its own documents
    expect(indicatorOf(foreignCopy, 'TC3.CT1').threshold).toBe('90%')
    expect(foreignCopy.unsettledCount).toBe(8)
  })
})
