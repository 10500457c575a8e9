/**
 * The field-write matrix, generated from the rules tables (criteria/policy/): for every collection,
 * every state of its workflow, every field and every kind of account — two districts, two units,
 * the round's team lead and a member, a reviewer outside the team, anonymous — one write of one
 * field, over REST and over GraphQL. Each cell asserts the outcome (stored, refused, or ignored for
 * values the system computes) AND reads the document back: a refused write leaves every field as
 * it was, an allowed one stores the value sent.
 *
 * The expected outcome comes from the table through the pure check (`checkWrites`) with the
 * capacities this file states for each account (the spec of who is what to each document), so a
 * hook that lets through what the table forbids, or forbids what it allows, fails a cell. What the
 * tables themselves say is specified by test/unit/criteria/policy.test.ts.
 */
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { checkWrites, type Capacity, type WriteRules } from '@criteria/fieldRules'
import { writeRulesBySlug } from '@criteria/policy'
import { packDocx, paragraph } from '@/documents/wordml'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { createGraphqlClient } from './helpers/graphql'
import { createGraphqlUpdater } from './helpers/graphqlInput'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { metAnswers, openYear, setIdByCode } from './helpers/rounds'
import { settleSets } from './helpers/settle'
import { createWorld, password, type ActingUser, type World } from './helpers/world'

const actors = ['admin', 'provinceAdmin', 'districtAdmin', 'otherDistrictAdmin', 'teamLead', 'teamMember', 'outsideReviewer', 'unitEditor', 'otherUnitEditor', 'accountHolder', 'anonymous'] as const
type Actor = (typeof actors)[number]
type Doc = Record<string, any>

type Candidate = { field: string; data: Record<string, unknown>; isStored: (doc: Doc) => boolean }
/** A document id: a number, or the code of a catalogue row (tiers, unit types: the code is the id). */
type Id = number | string

type Subject = {
  collection: keyof typeof writeRulesBySlug
  states: readonly string[]
  /** the document in `state`, re-prepared after every write that was allowed */
  prepare: (state: string) => Promise<Id>
  candidates: (doc: Doc, state: string) => Candidate[]
  /** who passes the collection's update access for this document */
  canUpdate: readonly Actor[]
  /** what each account is to this document (the spec; everyone else holds nothing) */
  capacities: Partial<Record<Actor, Capacity[]>>
  /** accounts whose candidate value for a scoping relation lies outside their reach */
  outOfReach?: Partial<Record<string, readonly Actor[]>>
  draft?: boolean
  statusField?: string
}

let payload: Payload
let world: World
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })
const gql = createGraphqlUpdater({ graphql })
const users = {} as Record<Exclude<Actor, 'anonymous'>, ActingUser>
const tokens = {} as Record<Exclude<Actor, 'anonymous'>, string>
const ids = {} as Record<string, number>
/** The catalogue rows the matrix writes (their ids are their codes). */
const codes = { tier: 'wmx-cap-xa', unitType: 'wmx-loai' } as const
/** The dossier checklist item of the round the tried dossier belongs to (its slot's `item`). */
let slotItem = ''
const system = { depth: 0, overrideAccess: true } as const
let preparedAnswers: NonNullable<Doc['answers']> = []
let db: pg.Client
const cells = { byCollection: {} as Record<string, number>, graphql: 0, requests: 0, rest: 0 }

const account = async ({ email, role, authority, unit }: { email: string; role: 'authority-admin' | 'reviewer' | 'unit-editor'; authority?: number; unit?: number }) => {
  const created = await payload.create({ collection: 'users', data: { authority, email, name: email, password, roles: [role], unit } })
  return { ...created, collection: 'users' } as ActingUser
}

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n',
  'latin1',
)
const evidenceFile = (name: string) => ({ data: pdf, mimetype: 'application/pdf', name, size: pdf.length })

/** Moves a self-assessment to `status` as the system does (no user: no transition check). */
const setDossier = async ({ id, status, answers }: { id: number; status: string; answers?: unknown }) =>
  payload.update({ collection: 'self-assessments', data: { ...(answers ? { answers } : {}), returnReason: status === 'returned' ? 'Bổ sung minh chứng.' : null, status } as never, id, ...system })

beforeAll(async () => {
  payload = await getTestPayload()
  db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  await loadCriteriaSets({ payload })
  world = await createWorld({ payload, tag: 'WMX' })
  const { districtA, districtB } = world.authorities
  const unitA3 = await payload.create({ collection: 'units', data: { authority: districtA.id, code: 'WMX-A3', memberCount: 20, name: 'UBND xã A3 WMX', tier: 'huyen', unitType: 'xa' } })
  // of a type of any tier (REGULATIONS §2.1), so that a change of its tier alone is a valid one
  const unitA4 = await payload.create({ collection: 'units', data: { authority: districtA.id, code: 'WMX-A4', memberCount: 20, name: 'UBND xã A4 WMX', tier: 'huyen', unitType: 'co_quan_nha_nuoc' } })
  ids.unitA3 = unitA3.id
  ids.unitA4 = unitA4.id
  Object.assign(users, {
    accountHolder: await account({ authority: districtA.id, email: 'spare.wmx@test.vn', role: 'reviewer' }),
    admin: world.users.admin,
    districtAdmin: world.users.districtAdmin,
    otherDistrictAdmin: await account({ authority: districtB.id, email: 'huyenb.wmx@test.vn', role: 'authority-admin' }),
    otherUnitEditor: await account({ email: 'donvi2.wmx@test.vn', role: 'unit-editor', unit: world.units.unitA2.id }),
    outsideReviewer: await account({ authority: districtA.id, email: 'ngoai.wmx@test.vn', role: 'reviewer' }),
    provinceAdmin: world.users.provinceAdmin,
    teamLead: world.users.reviewer,
    teamMember: await account({ authority: districtA.id, email: 'thanhvien.wmx@test.vn', role: 'reviewer' }),
    unitEditor: world.users.unitEditor,
  })
  for (const actor of actors) if (actor !== 'anonymous') tokens[actor] = await rest.login({ email: users[actor].email, password })

  ids.huyen1 = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  ids.huyen2 = await setIdByCode({ code: 'tt24-2023-huyen-2', payload })
  // a round opens only on settled sets: the sets' unknowns take test values (helpers/settle.ts)
  await settleSets({ payload, setIds: [ids.huyen1, ids.huyen2] })
  const round = (title: string, dossier: { title: string; isRequired: boolean }[] = []) =>
    payload.create({
      collection: 'rounds',
      data: {
        authority: districtA.id,
        criteriaSets: [ids.huyen1, ids.huyen2],
        // no required paper in the checklist: these dossiers are submitted without attachments
        dossier,
        status: 'open',
        team: [
          { role: 'truong-doan', user: users.teamLead.id },
          { role: 'thanh-vien', user: users.teamMember.id },
        ],
        tier: 'huyen',
        title,
        year: openYear(),
      },
    })
  // one optional paper, so that the dossier's slot of it is a field to try (and submitting needs no file)
  const matrixRound = await round('Đợt WMX', [{ isRequired: false, title: 'Báo cáo bổ sung WMX' }])
  ids.round = matrixRound.id
  ids.round2 = (await round('Đợt WMX 2')).id
  ids.decisionRound = (await round('Đợt WMX quyết định')).id
  ids.citingRound = (await round('Đợt WMX minh chứng')).id

  // the dossier of unit A1 whose every field is tried, answered in full
  const dossier = await payload.create({ collection: 'self-assessments', data: { criteriaSet: ids.huyen1, round: ids.round } as never, depth: 0, overrideAccess: false, user: users.unitEditor })
  ids.dossier = dossier.id
  slotItem = String(dossier.dossierFiles?.[0]?.item ?? '')
  expect(slotItem, 'the dossier has the slot of its round’s checklist item').toBe(String(matrixRound.dossier?.[0]?.id))
  preparedAnswers = metAnswers({ rows: dossier.answers ?? [] })
  await payload.update({ collection: 'self-assessments', data: { answers: preparedAnswers }, id: dossier.id, depth: 0, overrideAccess: false, user: users.unitEditor })
  // the lead's verdicts, so that the lead can close it
  await setDossier({ id: dossier.id, status: 'submitted' })
  await setDossier({ id: dossier.id, status: 'in-review' })
  const leadReview = await payload.create({ collection: 'reviews', data: { selfAssessment: dossier.id } as never, depth: 0, overrideAccess: false, user: users.teamLead })
  await payload.update({ collection: 'reviews', data: { recommendation: 'recognise', verdicts: (leadReview.verdicts ?? []).map((row) => ({ ...row, verdict: 'met' as const })) }, id: leadReview.id, depth: 0, overrideAccess: false, user: users.teamLead })
  await setDossier({ id: dossier.id, status: 'draft' })

  // the dossier of unit A2 under review, and the team member's review of it
  const reviewed = await payload.create({ collection: 'self-assessments', data: { criteriaSet: ids.huyen1, round: ids.round } as never, depth: 0, overrideAccess: false, user: users.otherUnitEditor })
  ids.reviewedDossier = reviewed.id
  await setDossier({ answers: metAnswers({ rows: reviewed.answers ?? [] }), id: reviewed.id, status: 'submitted' })
  await setDossier({ id: reviewed.id, status: 'in-review' })
  ids.review = (await payload.create({ collection: 'reviews', data: { selfAssessment: reviewed.id } as never, depth: 0, overrideAccess: false, user: users.teamMember })).id

  // decisions of their own round: a draft, an issued one, and a dossier of the round to list
  ids.decisionDossier = (await payload.create({ collection: 'self-assessments', data: { criteriaSet: ids.huyen1, round: ids.decisionRound, unit: ids.unitA3 } as never, ...system })).id
  const issued = await payload.create({ collection: 'decisions', data: { number: 'WMX-1/QĐ', round: ids.decisionRound, signedOn: '2026-01-20T12:00:00.000Z' } as never, depth: 0, overrideAccess: false, user: users.districtAdmin })
  await payload.update({ collection: 'decisions', data: { status: 'issued' }, id: issued.id, depth: 0, overrideAccess: false, user: users.districtAdmin })
  ids.issuedDecision = issued.id

  // evidence: one free, one cited by a submitted dossier
  // the file a unit attaches to its dossier slot (of its own, as the slot requires)
  ids.slotEvidence = (await payload.create({ collection: 'evidence', data: { title: 'Báo cáo bổ sung WMX', unit: world.units.unitA1.id }, file: evidenceFile('bao-cao.pdf'), ...system })).id
  ids.freeEvidence = (await payload.create({ collection: 'evidence', data: { title: 'Minh chứng tự do WMX', unit: world.units.unitA1.id }, file: evidenceFile('tu-do.pdf'), ...system })).id
  ids.citedEvidence = (await payload.create({ collection: 'evidence', data: { title: 'Minh chứng đã dẫn WMX', unit: world.units.unitA1.id }, file: evidenceFile('da-dan.pdf'), ...system })).id
  const citing = await payload.create({ collection: 'self-assessments', data: { criteriaSet: ids.huyen1, round: ids.citingRound, unit: world.units.unitA1.id } as never, ...system })
  const citingAnswers = metAnswers({ rows: citing.answers ?? [] }).map((row, index) => (index === 0 ? { ...row, evidence: [ids.citedEvidence] } : row))
  await setDossier({ answers: citingAnswers, id: citing.id, status: 'submitted' })

  ids.authority = (await payload.create({ collection: 'authorities', data: { code: 'WMX-C', name: 'Xã C WMX', parent: districtA.id, tierLabel: 'Xã' } })).id
  ids.criteriaSet = (await payload.duplicate({ collection: 'criteria-sets', data: { authority: districtA.id, code: 'wmx-ban-sao', title: 'Bản sao WMX' }, depth: 0, draft: true, id: ids.huyen1 })).id
  ids.recognition = (
    await payload.create({
      collection: 'recognitions',
      data: { authority: districtA.id, decidedOn: '2026-01-20T12:00:00.000Z', decision: ids.issuedDecision, level: 1, unit: world.units.unitA1.id, validFrom: '2026-01-20T12:00:00.000Z', validUntil: '2029-12-31T12:00:00.000Z' } as never,
      depth: 0,
    })
  ).id
  // the documents rounds rest on, and the one the matrix writes (all of district A)
  const legalDocument = (data: Record<string, unknown>) => payload.create({ collection: 'legal-documents', data: { authority: districtA.id, issuedOn: '2026-01-03T12:00:00.000Z', ...data } as never, ...system })
  ids.basisDocument = (await legalDocument({ kind: 'huong-dan', number: '12/KH-UBND', title: 'Kế hoạch đánh giá WMX' })).id
  ids.teamDocument = (await legalDocument({ kind: 'thanh-lap-doan', number: '15/QĐ-UBND', title: 'Quyết định thành lập đoàn WMX' })).id
  ids.legalDocument = (await legalDocument({ kind: 'khac', number: '20/HD-UBND', title: 'Hướng dẫn WMX' })).id
  // a paper template of district A whose one placeholder every document type has, so that its type may change
  const template = packDocx({ content: [paragraph('Năm {namDanhGia}')], title: 'Mẫu WMX' })
  ids.documentTemplate = (
    await payload.create({
      collection: 'document-templates',
      data: { authority: districtA.id, docType: 'to-trinh', title: 'Mẫu WMX' } as never,
      file: { data: template, mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'mau-wmx.docx', size: template.length },
      ...system,
    })
  ).id
  await payload.create({ collection: 'tiers', data: { authority: districtA.id, id: codes.tier, label: 'Cấp xã WMX' } as never, ...system })
  await payload.create({ collection: 'unit-types', data: { authority: districtA.id, id: codes.unitType, label: 'Loại WMX', tier: 'huyen' } as never, ...system })
  // the notifications' tables: a message to the unit's clerk, a message template, a holiday
  ids.outbox = (await payload.create({ collection: 'outbox', data: { event: 'self-assessment.returned', status: 'sent', subject: 'Hồ sơ WMX bị trả lại', to: users.unitEditor.email, user: users.unitEditor.id }, ...system })).id
  ids.messageTemplate = (await payload.create({ collection: 'message-templates', data: { event: 'reminder.review', html: '<p>{{dot}}</p>', subject: 'Nhắc WMX', text: '{{dot}}', title: 'Mẫu WMX' }, ...system })).id
  ids.holiday = (await payload.create({ collection: 'holidays', data: { date: '2031-09-02T00:00:00.000Z', name: 'Quốc khánh WMX' }, ...system })).id
  ids.fileTask = (
    await payload.create({ collection: 'file-tasks', data: { docType: 'bao-cao-tong-hop', format: 'xlsx', kind: 'round-document', requestedBy: users.districtAdmin.id, round: ids.round, status: 'queued', title: 'Báo cáo WMX' }, ...system })
  ).id
  ids.auditEvent = (await payload.create({ collection: 'audit-events', data: { action: 'test', at: new Date().toISOString(), collection: 'rounds', docId: String(ids.round) } })).id
}, 300_000)

afterAll(async () => {
  // templates are data every later file's messages read: leave none of the matrix's behind
  await payload?.delete({ collection: 'message-templates', id: ids.messageTemplate, ...system })
  console.log(`[write-matrix] ${cells.rest} ô qua REST, ${cells.graphql} ô qua GraphQL, trong ${cells.requests} yêu cầu; theo bộ sưu tập: ${JSON.stringify(cells.byCollection)}`)
  await db?.end()
  await closeTestPayload(payload)
})

// ---- the subjects: one document per state, and a value to try for every field --------------

/** Array rows without their ids, so they can be written into another document. */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(withoutIds) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)])) : value

const day = (iso: string) => (iso ? new Date(iso).toISOString().slice(0, 10) : null)
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
const same = (field: string, value: unknown): Candidate['isStored'] => (doc) => String(idOf(doc[field])) === String(value)
const toggled = (value: unknown) => !value

const dossierStatuses = ['draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised'] as const

const selfAssessments: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin', 'teamLead', 'unitEditor'],
  candidates: (doc, state) => {
    const flipped = (doc.answers as Doc[]).map((row) => (row.indicator === 'TC1.CT1' ? { ...row, yesNo: row.yesNo === 'yes' ? 'no' : 'yes' } : row))
    const newAnswer = flipped.find((row) => row.indicator === 'TC1.CT1')?.yesNo
    return [
      { data: { answers: flipped }, field: 'answers', isStored: (stored) => (stored.answers as Doc[]).find((row) => row.indicator === 'TC1.CT1')?.yesNo === newAnswer },
      ...dossierStatuses
        .filter((status) => status !== state)
        .map((status) => ({
          data: status === 'returned' ? { returnReason: 'Thiếu minh chứng TC1.CT1.', status } : { status },
          field: 'status',
          isStored: (stored: Doc) => stored.status === status,
        })),
      (() => {
        // the slot of the round's checklist item: a file attached, or the attached one taken off
        const slot = ((doc.dossierFiles ?? []) as Doc[]).find((row) => row.item === slotItem)
        const isAttached = ((slot?.files ?? []) as unknown[]).some((file) => String(idOf(file)) === String(ids.slotEvidence))
        const files = isAttached ? [] : [ids.slotEvidence]
        return {
          data: { dossierFiles: [{ files, item: slotItem }] },
          field: 'dossierFiles',
          isStored: (stored: Doc) => ((stored.dossierFiles ?? []) as Doc[]).find((row) => row.item === slotItem)?.files?.map(idOf).join() === files.join(),
        }
      })(),
      { data: { returnReason: 'Lý do tự ghi.' }, field: 'returnReason', isStored: same('returnReason', 'Lý do tự ghi.') },
      { data: { round: ids.round2 }, field: 'round', isStored: same('round', ids.round2) },
      { data: { criteriaSet: ids.huyen2 }, field: 'criteriaSet', isStored: same('criteriaSet', ids.huyen2) },
      { data: { unit: world.units.unitA2.id }, field: 'unit', isStored: same('unit', world.units.unitA2.id) },
      { data: { submittedAt: '2020-01-01T00:00:00.000Z' }, field: 'submittedAt', isStored: (stored) => day(stored.submittedAt) === '2020-01-01' },
      { data: { submittedBy: users.admin.id }, field: 'submittedBy', isStored: same('submittedBy', users.admin.id) },
      { data: { outcome: doc.outcome === 'not-met' ? 'met' : 'not-met' }, field: 'outcome', isStored: same('outcome', doc.outcome === 'not-met' ? 'met' : 'not-met') },
      { data: { level: 2 }, field: 'level', isStored: same('level', 2) },
      { data: { points: 99 }, field: 'points', isStored: same('points', 99) },
      { data: { isComplete: toggled(doc.isComplete) }, field: 'isComplete', isStored: same('isComplete', toggled(doc.isComplete)) },
      { data: { missingCount: 7 }, field: 'missingCount', isStored: same('missingCount', 7) },
      { data: { result: { forged: true } }, field: 'result', isStored: (stored) => stored.result?.forged === true },
      { data: { teamOutcome: doc.teamOutcome === 'met' ? 'not-met' : 'met' }, field: 'teamOutcome', isStored: same('teamOutcome', doc.teamOutcome === 'met' ? 'not-met' : 'met') },
      { data: { teamLevel: 2 }, field: 'teamLevel', isStored: same('teamLevel', 2) },
      { data: { teamPoints: 50 }, field: 'teamPoints', isStored: same('teamPoints', 50) },
      { data: { disagreements: 9 }, field: 'disagreements', isStored: same('disagreements', 9) },
      { data: { teamResult: { forged: true } }, field: 'teamResult', isStored: (stored) => stored.teamResult?.forged === true },
      { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
      { data: { title: 'Tiêu đề giả' }, field: 'title', isStored: same('title', 'Tiêu đề giả') },
      { data: { deadlineText: 'Hạn giả' }, field: 'deadlineText', isStored: same('deadlineText', 'Hạn giả') },
      { data: { decision: ids.issuedDecision }, field: 'decision', isStored: same('decision', ids.issuedDecision) },
    ]
  },
  capacities: {
    admin: ['admin'],
    districtAdmin: ['authority-admin'],
    provinceAdmin: ['authority-admin'],
    teamLead: ['team-member', 'team-lead'],
    teamMember: ['team-member'],
    unitEditor: ['unit-editor'],
  },
  collection: 'self-assessments',
  prepare: async (state) => {
    // one save, as the system: the prepared answers, the state, and none of what an earlier close
    // recorded (moving to `reviewed` records the lead's conclusion afresh)
    await payload.update({
      collection: 'self-assessments',
      data: { answers: preparedAnswers, disagreements: null, dossierFiles: [{ files: [], item: slotItem }], returnReason: state === 'returned' ? 'Bổ sung minh chứng.' : null, status: state, teamLevel: null, teamOutcome: null, teamPoints: null, teamResult: null } as never,
      id: ids.dossier,
      ...system,
    })
    return ids.dossier
  },
  states: dossierStatuses,
  statusField: 'status',
}

const roundStates = ['draft', 'open', 'reviewing', 'closed'] as const
const roundPath: Record<string, string[]> = { closed: ['open', 'reviewing', 'closed'], draft: [], open: ['open'], reviewing: ['open', 'reviewing'] }

const rounds: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc, state) => [
    { data: { title: `${doc.title} (sửa)` }, field: 'title', isStored: same('title', `${doc.title} (sửa)`) },
    { data: { year: doc.year + 1 }, field: 'year', isStored: same('year', doc.year + 1) },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    // a round offers only sets of its tier: a provincial round drops the district sets
    { data: { criteriaSets: [], tier: 'tinh' }, field: 'tier', isStored: same('tier', 'tinh') },
    ...roundStates.filter((status) => status !== state).map((status) => ({ data: { status }, field: 'status', isStored: (stored: Doc) => stored.status === status })),
    { data: { criteriaSets: [ids.huyen2] }, field: 'criteriaSets', isStored: (stored) => stored.criteriaSets.map(idOf).join() === String(ids.huyen2) },
    { data: { plan: [{ due: '2027-01-04T12:00:00.000Z', kind: 'on', task: 'Họp đoàn' }] }, field: 'plan', isStored: (stored) => stored.plan?.[0]?.task === 'Họp đoàn' },
    { data: { deadlines: { submission: { day: 31, kind: 'by', month: 1, yearOffset: '1' } } }, field: 'deadlines', isStored: (stored) => stored.deadlines?.submission?.day === 31 },
    { data: { extensions: [{ reason: 'Thiên tai', unit: world.units.unitA1.id, until: '2027-02-01T12:00:00.000Z' }] }, field: 'extensions', isStored: (stored) => stored.extensions?.[0]?.reason === 'Thiên tai' },
    { data: { consolidationMode: 'majority' }, field: 'consolidationMode', isStored: same('consolidationMode', 'majority') },
    { data: { team: [{ role: 'truong-doan', user: users.teamMember.id }] }, field: 'team', isStored: (stored) => stored.team?.length === 1 },
    { data: { dossier: [{ title: 'Tờ trình' }] }, field: 'dossier', isStored: (stored) => stored.dossier?.length === 1 },
    { data: { basis: [ids.basisDocument] }, field: 'basis', isStored: (stored) => (stored.basis ?? []).map(idOf).join() === String(ids.basisDocument) },
    {
      data: { reportDeadlines: [{ day: 30, kind: 'before', month: 4, recipient: 'Sở Giáo dục và Đào tạo', yearOffset: '1' }] },
      field: 'reportDeadlines',
      isStored: (stored) => stored.reportDeadlines?.[0]?.recipient === 'Sở Giáo dục và Đào tạo' && stored.reportDeadlines?.[0]?.day === 30,
    },
    { data: { processingWorkingDays: 45 }, field: 'processingWorkingDays', isStored: same('processingWorkingDays', 45) },
    { data: { reminderOffsets: [10, 3] }, field: 'reminderOffsets', isStored: (stored) => JSON.stringify(stored.reminderOffsets) === '[10,3]' },
    { data: { teamDecision: ids.teamDocument }, field: 'teamDecision', isStored: same('teamDecision', ids.teamDocument) },
    { data: { copiedFrom: ids.round }, field: 'copiedFrom', isStored: same('copiedFrom', ids.round) },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'rounds',
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async (state) => {
    const created = await payload.create({
      collection: 'rounds',
      data: { authority: world.authorities.districtA.id, criteriaSets: [ids.huyen1], tier: 'huyen', title: `Đợt ma trận ${state}`, year: openYear() } as never,
      depth: 0,
    })
    for (const status of roundPath[state]) await payload.update({ collection: 'rounds', data: { status } as never, id: created.id, ...system })
    return created.id
  },
  states: roundStates,
  statusField: 'status',
}

const reviewStates = ['open', 'judged', 'closed', 'decided'] as const

const reviews: Subject = {
  canUpdate: ['admin', 'teamMember'],
  candidates: (doc) => {
    const verdicts = (doc.verdicts as Doc[]).map((row, index) => (index === 0 ? { ...row, verdict: row.verdict === 'met' ? 'not-met' : 'met' } : row))
    const first = verdicts[0]?.verdict
    return [
      { data: { verdicts }, field: 'verdicts', isStored: (stored) => stored.verdicts?.[0]?.verdict === first },
      { data: { conflictOfInterest: toggled(doc.conflictOfInterest) }, field: 'conflictOfInterest', isStored: same('conflictOfInterest', toggled(doc.conflictOfInterest)) },
      { data: { conflictNote: `${doc.conflictNote ?? ''}Người thân làm việc tại đơn vị.` }, field: 'conflictNote', isStored: same('conflictNote', `${doc.conflictNote ?? ''}Người thân làm việc tại đơn vị.`) },
      { data: { recommendation: doc.recommendation === 'supplement' ? 'recognise' : 'supplement' }, field: 'recommendation', isStored: same('recommendation', doc.recommendation === 'supplement' ? 'recognise' : 'supplement') },
      { data: { recommendationNote: `${doc.recommendationNote ?? ''}Ý kiến mới.` }, field: 'recommendationNote', isStored: same('recommendationNote', `${doc.recommendationNote ?? ''}Ý kiến mới.`) },
      { data: { selfAssessment: ids.dossier }, field: 'selfAssessment', isStored: same('selfAssessment', ids.dossier) },
      { data: { reviewer: users.teamLead.id }, field: 'reviewer', isStored: same('reviewer', users.teamLead.id) },
      { data: { model: 'points' }, field: 'model', isStored: same('model', 'points') },
      { data: { result: { forged: true } }, field: 'result', isStored: (stored) => stored.result?.forged === true },
      { data: { round: ids.round2 }, field: 'round', isStored: same('round', ids.round2) },
      { data: { unit: world.units.unitA1.id }, field: 'unit', isStored: same('unit', world.units.unitA1.id) },
      { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
      { data: { title: 'Phiếu giả' }, field: 'title', isStored: same('title', 'Phiếu giả') },
      { data: { isDecided: toggled(doc.isDecided) }, field: 'isDecided', isStored: same('isDecided', toggled(doc.isDecided)) },
    ]
  },
  capacities: {
    admin: ['admin'],
    districtAdmin: ['authority-admin'],
    provinceAdmin: ['authority-admin'],
    teamLead: ['team-member', 'team-lead'],
    teamMember: ['team-member', 'author'],
  },
  collection: 'reviews',
  prepare: async (state) => {
    await setDossier({ id: ids.reviewedDossier, status: state === 'closed' ? 'returned' : 'in-review' })
    const review = await payload.findByID({ collection: 'reviews', depth: 0, id: ids.review })
    const verdicts = (review.verdicts ?? []).map((row) => ({ ...row, verdict: state === 'open' ? null : ('met' as const) }))
    await payload.update({ collection: 'reviews', data: { conflictNote: null, conflictOfInterest: false, isDecided: state === 'decided', recommendation: null, recommendationNote: null, verdicts }, id: ids.review, ...system })
    return ids.review
  },
  states: reviewStates,
}

const decisions: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc, state) => [
    { data: { kind: 'revocation' }, field: 'kind', isStored: same('kind', 'revocation') },
    { data: { revokes: ids.issuedDecision }, field: 'revokes', isStored: same('revokes', ids.issuedDecision) },
    { data: { reason: 'Lý do thu hồi mới.' }, field: 'reason', isStored: same('reason', 'Lý do thu hồi mới.') },
    { data: { round: ids.round2 }, field: 'round', isStored: same('round', ids.round2) },
    { data: { number: `${doc.number}-sửa` }, field: 'number', isStored: same('number', `${doc.number}-sửa`) },
    { data: { signedOn: '2026-02-01T12:00:00.000Z' }, field: 'signedOn', isStored: (stored) => day(stored.signedOn) === '2026-02-01' },
    { data: { signer: 'KT. CHỦ TỊCH — PHÓ CHỦ TỊCH' }, field: 'signer', isStored: same('signer', 'KT. CHỦ TỊCH — PHÓ CHỦ TỊCH') },
    ...(state === 'draft' ? [{ data: { status: 'issued' }, field: 'status', isStored: (stored: Doc) => stored.status === 'issued' }] : [{ data: { status: 'draft' }, field: 'status', isStored: (stored: Doc) => stored.status === 'draft' }]),
    { data: { entries: [{ selfAssessment: ids.decisionDossier }] }, field: 'entries', isStored: (stored) => String(idOf(stored.entries?.[0]?.selfAssessment)) === String(ids.decisionDossier) },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    { data: { title: 'Quyết định giả' }, field: 'title', isStored: same('title', 'Quyết định giả') },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'decisions',
  prepare: async (state) => {
    if (state === 'issued') return ids.issuedDecision
    return (await payload.create({ collection: 'decisions', data: { number: 'WMX-2/QĐ', round: ids.decisionRound, signedOn: '2026-01-25T12:00:00.000Z' } as never, depth: 0, overrideAccess: false, user: users.districtAdmin })).id
  },
  states: ['draft', 'issued'],
  statusField: 'status',
}

const evidence: Subject = {
  canUpdate: ['admin', 'unitEditor'],
  candidates: (doc) => [
    { data: { title: `${doc.title} (sửa)` }, field: 'title', isStored: same('title', `${doc.title} (sửa)`) },
    { data: { documentNumber: '12/KH-UBND' }, field: 'documentNumber', isStored: same('documentNumber', '12/KH-UBND') },
    { data: { issuedOn: '2026-03-02T12:00:00.000Z' }, field: 'issuedOn', isStored: (stored) => day(stored.issuedOn) === '2026-03-02' },
    { data: { unit: world.units.unitA2.id }, field: 'unit', isStored: same('unit', world.units.unitA2.id) },
    { data: { prefix: '../khac' }, field: 'prefix', isStored: same('prefix', '../khac') },
    { data: { _objectKey: 'khoa-gia' }, field: '_objectKey', isStored: same('_objectKey', 'khoa-gia') },
  ],
  capacities: { admin: ['admin'], unitEditor: ['unit-editor'] },
  collection: 'evidence',
  prepare: async (state) => {
    const id = state === 'cited' ? ids.citedEvidence : ids.freeEvidence
    await payload.update({ collection: 'evidence', data: { documentNumber: null, issuedOn: null, title: `Minh chứng ${state} WMX` }, id, ...system })
    return id
  },
  states: ['free', 'cited'],
}

const units: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc) => [
    { data: { name: `${doc.name} (sửa)` }, field: 'name', isStored: same('name', `${doc.name} (sửa)`) },
    { data: { code: 'WMX-A4-MOI' }, field: 'code', isStored: same('code', 'WMX-A4-MOI') },
    { data: { unitType: 'thcs' }, field: 'unitType', isStored: same('unitType', 'thcs') },
    { data: { tier: 'tinh' }, field: 'tier', isStored: same('tier', 'tinh') },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    { data: { memberCount: 33 }, field: 'memberCount', isStored: same('memberCount', 33) },
    { data: { learnerCount: 400 }, field: 'learnerCount', isStored: same('learnerCount', 400) },
    { data: { email: 'xa-a4@test.vn' }, field: 'email', isStored: same('email', 'xa-a4@test.vn') },
    { data: { isActive: false }, field: 'isActive', isStored: same('isActive', false) },
    // written by the merge action only (collections/units/boundary.ts)
    { data: { mergedInto: world.units.unitA2.id }, field: 'mergedInto', isStored: same('mergedInto', world.units.unitA2.id) },
    { data: { mergedPrerequisite: true }, field: 'mergedPrerequisite', isStored: same('mergedPrerequisite', true) },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'units',
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({
      collection: 'units',
      data: { authority: world.authorities.districtA.id, code: 'WMX-A4', email: null, isActive: true, learnerCount: null, memberCount: 20, name: 'UBND xã A4 WMX', tier: 'huyen', unitType: 'co_quan_nha_nuoc' },
      id: ids.unitA4,
      ...system,
    })
    return ids.unitA4
  },
  states: ['any'],
}

const authorities: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: () => [
    { data: { name: 'Xã C WMX (sửa)' }, field: 'name', isStored: same('name', 'Xã C WMX (sửa)') },
    { data: { code: 'WMX-C-MOI' }, field: 'code', isStored: same('code', 'WMX-C-MOI') },
    { data: { parent: world.authorities.districtB.id }, field: 'parent', isStored: same('parent', world.authorities.districtB.id) },
    { data: { tierLabel: 'Phường' }, field: 'tierLabel', isStored: same('tierLabel', 'Phường') },
    { data: { deciderTitle: 'Chủ tịch UBND xã' }, field: 'deciderTitle', isStored: same('deciderTitle', 'Chủ tịch UBND xã') },
    { data: { receivingOffice: 'Văn phòng UBND xã' }, field: 'receivingOffice', isStored: same('receivingOffice', 'Văn phòng UBND xã') },
    {
      data: { publication: { channels: 'Cổng thông tin điện tử xã', countsForEmulation: true, register: 'none' } },
      field: 'publication',
      isStored: (stored) => stored.publication?.register === 'none' && stored.publication?.countsForEmulation === true && stored.publication?.channels === 'Cổng thông tin điện tử xã',
    },
    // written by the merge and abolish actions only (collections/authorities/boundary.ts)
    { data: { isActive: false }, field: 'isActive', isStored: same('isActive', false) },
    { data: { mergedInto: world.authorities.districtB.id }, field: 'mergedInto', isStored: same('mergedInto', world.authorities.districtB.id) },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'authorities',
  outOfReach: { parent: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({ collection: 'authorities', data: { code: 'WMX-C', deciderTitle: null, name: 'Xã C WMX', parent: world.authorities.districtA.id, publication: { channels: null, countsForEmulation: false, register: 'all' }, receivingOffice: null, tierLabel: 'Xã' }, id: ids.authority, ...system })
    return ids.authority
  },
  states: ['any'],
}

const accounts: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin', 'accountHolder'],
  candidates: () => [
    { data: { name: 'Tên mới WMX' }, field: 'name', isStored: same('name', 'Tên mới WMX') },
    { data: { roles: ['reviewer', 'authority-admin'] }, field: 'roles', isStored: (stored) => [...stored.roles].sort().join() === 'authority-admin,reviewer' },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    { data: { unit: world.units.unitA2.id }, field: 'unit', isStored: same('unit', world.units.unitA2.id) },
  ],
  capacities: { accountHolder: ['self'], admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'users',
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({ collection: 'users', data: { authority: world.authorities.districtA.id, name: 'spare.wmx@test.vn', roles: ['reviewer'], unit: null }, id: users.accountHolder.id, ...system })
    return users.accountHolder.id
  },
  states: ['any'],
}

const criteriaSets: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc) => [
    { data: { code: 'wmx-ban-sao-moi' }, field: 'code', isStored: same('code', 'wmx-ban-sao-moi') },
    { data: { regime: 'long-an-2026' }, field: 'regime', isStored: same('regime', 'long-an-2026') },
    { data: { title: 'Bản sao WMX (sửa)' }, field: 'title', isStored: same('title', 'Bản sao WMX (sửa)') },
    { data: { model: 'points' }, field: 'model', isStored: same('model', 'points') },
    { data: { tier: 'tinh' }, field: 'tier', isStored: same('tier', 'tinh') },
    { data: { level: 2 }, field: 'level', isStored: same('level', 2) },
    { data: { criteria: (doc.criteria as Doc[]).map((criterion, index) => (index === 0 ? { ...criterion, title: 'Tiêu chí sửa' } : criterion)) }, field: 'criteria', isStored: (stored) => stored.criteria?.[0]?.title === 'Tiêu chí sửa' },
    { data: { gradeBands: [{ code: 'dat', label: 'Đạt', minPoints: 0 }] }, field: 'gradeBands', isStored: (stored) => stored.gradeBands?.[0]?.code === 'dat' },
    { data: { recognition: { monthsAfterPrerequisite: 24 } }, field: 'recognition', isStored: (stored) => stored.recognition?.monthsAfterPrerequisite === 24 },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    { data: { unverifiedCount: 99 }, field: 'unverifiedCount', isStored: same('unverifiedCount', 99) },
    { data: { unverifiedIndicators: 'giả' }, field: 'unverifiedIndicators', isStored: same('unverifiedIndicators', 'giả') },
    { data: { unsettledCount: 99 }, field: 'unsettledCount', isStored: same('unsettledCount', 99) },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'criteria-sets',
  draft: true,
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    const national = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: ids.huyen1 })
    await payload.update({
      collection: 'criteria-sets',
      data: { authority: world.authorities.districtA.id, code: 'wmx-ban-sao', criteria: withoutIds(national.criteria), gradeBands: [], level: 1, model: 'pass-fail', recognition: national.recognition, regime: 'tt24-2023', tier: 'huyen', title: 'Bản sao WMX' } as never,
      draft: true,
      id: ids.criteriaSet,
      ...system,
    })
    return ids.criteriaSet
  },
  states: ['any'],
}

const recognitions: Subject = {
  canUpdate: [],
  candidates: () =>
    Object.entries({
      authority: world.authorities.districtB.id,
      authorityName: 'Cơ quan giả',
      basisNote: 'Ngưỡng giả',
      countsForEmulation: true,
      decidedOn: '2001-01-01T12:00:00.000Z',
      decision: ids.issuedDecision,
      decisionNumber: 'SỐ GIẢ',
      grade: 'tot',
      isPublic: false,
      level: 2,
      outcomeLabel: 'Mức độ 2',
      regime: 'gia',
      revocationReason: 'giả',
      revokedBy: ids.issuedDecision,
      revokedOn: '2001-01-01T12:00:00.000Z',
      selfAssessment: ids.dossier,
      status: 'revoked',
      unit: world.units.unitA2.id,
      unitName: 'Tên giả',
      validFrom: '2001-01-01T12:00:00.000Z',
      validUntil: '2099-12-31T12:00:00.000Z',
      year: 1999,
    }).map(([field, value]) => ({
      data: { [field]: value },
      field,
      isStored: (stored: Doc) => (typeof value === 'string' && value.endsWith('T12:00:00.000Z') ? day(stored[field]) === value.slice(0, 10) : same(field, value)(stored)),
    })),
  capacities: { admin: ['admin'] },
  collection: 'recognitions',
  prepare: async () => ids.recognition,
  states: ['any'],
}

const auditEvents: Subject = {
  canUpdate: [],
  candidates: () =>
    Object.entries({
      action: 'forged',
      actor: users.admin.id,
      at: '2001-01-01T00:00:00.000Z',
      authority: world.authorities.districtB.id,
      collection: 'units',
      comment: 'giả',
      docId: '999',
      from: 'x',
      round: ids.round2,
      to: 'y',
      unit: world.units.unitA2.id,
    }).map(([field, value]) => ({ data: { [field]: value }, field, isStored: field === 'at' ? (stored: Doc) => day(stored.at) === '2001-01-01' : same(field, value) })),
  capacities: { admin: ['admin'] },
  collection: 'audit-events',
  prepare: async () => ids.auditEvent,
  states: ['any'],
}

/** A province's own catalogue row, of district A: the managers of its subtree write it; its code (the id) never changes. */
const catalogueRow = ({ collection, code, reset, extra }: { collection: 'tiers' | 'unit-types'; code: string; reset: Record<string, unknown>; extra: Candidate[] }): Subject => ({
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc) => [
    { data: { id: `${code}-moi` }, field: 'id', isStored: same('id', `${code}-moi`) },
    { data: { label: `${doc.label} (sửa)` }, field: 'label', isStored: same('label', `${doc.label} (sửa)`) },
    { data: { order: 7 }, field: 'order', isStored: same('order', 7) },
    { data: { source: 'KH 12/KH-UBND' }, field: 'source', isStored: same('source', 'KH 12/KH-UBND') },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    ...extra,
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection,
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({ collection, data: { authority: world.authorities.districtA.id, order: 50, source: null, ...reset } as never, id: code, ...system })
    return code
  },
  states: ['any'],
})

const tiers = catalogueRow({
  code: codes.tier,
  collection: 'tiers',
  extra: [{ data: { evaluatedBy: 'UBND cấp xã' }, field: 'evaluatedBy', isStored: same('evaluatedBy', 'UBND cấp xã') }],
  reset: { evaluatedBy: null, label: 'Cấp xã WMX' },
})

// a type tied to the district tier, of no unit yet: moving it to the provincial tier is a valid change
const unitTypes = catalogueRow({
  code: codes.unitType,
  collection: 'unit-types',
  extra: [{ data: { tier: 'tinh' }, field: 'tier', isStored: same('tier', 'tinh') }],
  reset: { label: 'Loại WMX', tier: 'huyen' },
})

const legalDocuments: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc) => [
    { data: { number: '21/HD-UBND' }, field: 'number', isStored: same('number', '21/HD-UBND') },
    { data: { issuedOn: '2026-02-05T12:00:00.000Z' }, field: 'issuedOn', isStored: (stored) => day(stored.issuedOn) === '2026-02-05' },
    { data: { issuer: 'UBND huyện A' }, field: 'issuer', isStored: same('issuer', 'UBND huyện A') },
    { data: { title: `${doc.title} (sửa)` }, field: 'title', isStored: same('title', `${doc.title} (sửa)`) },
    { data: { kind: 'xac-nhan-nguong' }, field: 'kind', isStored: same('kind', 'xac-nhan-nguong') },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
    { data: { label: 'Nhãn giả' }, field: 'label', isStored: same('label', 'Nhãn giả') },
    { data: { prefix: '../khac' }, field: 'prefix', isStored: same('prefix', '../khac') },
    { data: { _objectKey: 'khoa-gia' }, field: '_objectKey', isStored: same('_objectKey', 'khoa-gia') },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'legal-documents',
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({
      collection: 'legal-documents',
      data: { authority: world.authorities.districtA.id, issuedOn: '2026-01-03T12:00:00.000Z', issuer: null, kind: 'khac', number: '20/HD-UBND', title: 'Hướng dẫn WMX' } as never,
      id: ids.legalDocument,
      ...system,
    })
    return ids.legalDocument
  },
  states: ['any'],
}

const documentTemplates: Subject = {
  canUpdate: ['admin', 'provinceAdmin', 'districtAdmin'],
  candidates: (doc) => [
    { data: { title: `${doc.title} (sửa)` }, field: 'title', isStored: same('title', `${doc.title} (sửa)`) },
    { data: { docType: 'bien-ban' }, field: 'docType', isStored: same('docType', 'bien-ban') },
    { data: { regime: 'tt22-2020' }, field: 'regime', isStored: same('regime', 'tt22-2020') },
    { data: { prefix: '../khac' }, field: 'prefix', isStored: same('prefix', '../khac') },
    { data: { _objectKey: 'khoa-gia' }, field: '_objectKey', isStored: same('_objectKey', 'khoa-gia') },
    { data: { isActive: false }, field: 'isActive', isStored: same('isActive', false) },
    { data: { authority: world.authorities.districtB.id }, field: 'authority', isStored: same('authority', world.authorities.districtB.id) },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['authority-admin'], provinceAdmin: ['authority-admin'] },
  collection: 'document-templates',
  outOfReach: { authority: ['districtAdmin'] },
  prepare: async () => {
    await payload.update({ collection: 'document-templates', data: { authority: world.authorities.districtA.id, docType: 'to-trinh', isActive: true, regime: null, title: 'Mẫu WMX' } as never, id: ids.documentTemplate, ...system })
    return ids.documentTemplate
  },
  states: ['any'],
}

/** A message to the unit's clerk: the system writes it; its recipient marks it read, and nothing else; the admin resends through its action. */
const outbox: Subject = {
  canUpdate: ['admin', 'unitEditor'],
  candidates: () => [
    ...Object.entries({
      attempts: 3,
      dedupeKey: 'khoa-wmx',
      event: 'decision.issued',
      html: '<p>giả</p>',
      lastError: 'giả',
      link: '/admin/gia',
      relatedTo: 'units/1',
      status: 'queued',
      subject: 'Tiêu đề giả',
      text: 'giả',
      to: 'gia@test.vn',
      user: users.otherUnitEditor.id,
    }).map(([field, value]) => ({ data: { [field]: value }, field, isStored: same(field, value) })),
    { data: { nextAttemptAt: '2031-01-01T00:00:00.000Z' }, field: 'nextAttemptAt', isStored: (stored: Doc) => day(stored.nextAttemptAt) === '2031-01-01' },
    { data: { sentAt: '2031-01-01T00:00:00.000Z' }, field: 'sentAt', isStored: (stored: Doc) => day(stored.sentAt) === '2031-01-01' },
    { data: { readAt: '2031-01-02T00:00:00.000Z' }, field: 'readAt', isStored: (stored: Doc) => day(stored.readAt) === '2031-01-02' },
  ],
  capacities: { admin: ['admin'], unitEditor: ['self'] },
  collection: 'outbox',
  prepare: async () => {
    await payload.update({ collection: 'outbox', data: { attempts: 1, dedupeKey: null, html: null, lastError: null, link: null, nextAttemptAt: null, readAt: null, relatedTo: null, sentAt: null, status: 'sent', subject: 'Hồ sơ WMX bị trả lại', text: null, to: users.unitEditor.email, user: users.unitEditor.id }, id: ids.outbox, ...system })
    return ids.outbox
  },
  states: ['any'],
}

const messageTemplates: Subject = {
  canUpdate: ['admin'],
  candidates: () =>
    Object.entries({ event: 'reminder.report-up', html: '<p>sửa</p>', subject: 'Nhắc WMX (sửa)', text: 'sửa', title: 'Mẫu WMX (sửa)' }).map(([field, value]) => ({ data: { [field]: value }, field, isStored: same(field, value) })),
  capacities: { admin: ['admin'] },
  collection: 'message-templates',
  prepare: async () => {
    await payload.update({ collection: 'message-templates', data: { event: 'reminder.review', html: '<p>{{dot}}</p>', subject: 'Nhắc WMX', text: '{{dot}}', title: 'Mẫu WMX' }, id: ids.messageTemplate, ...system })
    return ids.messageTemplate
  },
  states: ['any'],
}

const holidays: Subject = {
  canUpdate: ['admin'],
  candidates: () => [
    { data: { date: '2031-09-03T00:00:00.000Z' }, field: 'date', isStored: (stored: Doc) => day(stored.date) === '2031-09-03' },
    { data: { name: 'Nghỉ bù WMX' }, field: 'name', isStored: same('name', 'Nghỉ bù WMX') },
    { data: { isWorkingDay: true }, field: 'isWorkingDay', isStored: same('isWorkingDay', true) },
    { data: { isVerified: true }, field: 'isVerified', isStored: same('isVerified', true) },
    { data: { source: 'Thông báo WMX' }, field: 'source', isStored: same('source', 'Thông báo WMX') },
  ],
  capacities: { admin: ['admin'] },
  collection: 'holidays',
  prepare: async () => {
    await payload.update({ collection: 'holidays', data: { date: '2031-09-02T00:00:00.000Z', isVerified: false, isWorkingDay: false, name: 'Quốc khánh WMX', source: null }, id: ids.holiday, ...system })
    return ids.holiday
  },
  states: ['any'],
}

/** A paper made in the background: written by its endpoint and its job only, through no one's update. */
const fileTasks: Subject = {
  canUpdate: [],
  candidates: () => [
    ...Object.entries({
      docType: 'bien-ban',
      error: 'giả',
      format: 'pdf',
      kind: 'unit-import',
      progress: 99,
      requestedBy: users.otherDistrictAdmin.id,
      round: ids.round,
      stage: 'giả',
      status: 'done',
      title: 'Văn bản giả',
    }).map(([field, value]) => ({ data: { [field]: value }, field, isStored: same(field, value) })),
    { data: { finishedAt: '2031-01-01T00:00:00.000Z' }, field: 'finishedAt', isStored: (stored: Doc) => day(stored.finishedAt) === '2031-01-01' },
    { data: { result: { created: { units: 1 } } }, field: 'result', isStored: (stored: Doc) => JSON.stringify(stored.result) === '{"created":{"units":1}}' },
    { data: { prefix: '../khac' }, field: 'prefix', isStored: same('prefix', '../khac') },
    { data: { _objectKey: 'khoa-gia' }, field: '_objectKey', isStored: same('_objectKey', 'khoa-gia') },
  ],
  capacities: { admin: ['admin'], districtAdmin: ['self'] },
  collection: 'file-tasks',
  prepare: async () => ids.fileTask,
  states: ['any'],
}

const subjects = [selfAssessments, reviews, decisions, rounds, evidence, units, authorities, accounts, criteriaSets, recognitions, auditEvents, tiers, unitTypes, legalDocuments, documentTemplates, outbox, messageTemplates, holidays, fileTasks]

it('the matrix tries every collection that has a write table', () => {
  expect(Object.keys(writeRulesBySlug).filter((slug) => !subjects.some((subject) => subject.collection === slug))).toEqual([])
})

// ---- running the cells ----------------------------------------------------------------------

type Expected = 'stored' | 'refused' | 'ignored'

const expectedOf = ({ subject, rules, actor, state, candidate }: { subject: Subject; rules: WriteRules; actor: Actor; state: string; candidate: Candidate }): Expected => {
  if (actor === 'anonymous' || !subject.canUpdate.includes(actor)) return 'refused'
  if (rules.fields[candidate.field].kind === 'derived') return 'ignored'
  const held = subject.capacities[actor] ?? []
  const nextState = subject.statusField && typeof candidate.data[subject.statusField] === 'string' ? (candidate.data[subject.statusField] as string) : state
  const issues = checkWrites({ attempt: { capacities: held, changed: Object.keys(candidate.data), nextState, operation: 'update', state }, rules })
  if (issues.length > 0) return 'refused'
  if (!held.includes('admin') && subject.outOfReach?.[candidate.field]?.includes(actor)) return 'refused'
  return 'stored'
}

const read = (subject: Subject, id: Id) => payload.findByID({ collection: subject.collection as never, depth: 0, draft: subject.draft, id, overrideAccess: true }) as Promise<Doc>

/**
 * The stored record as the database holds it — its row (with `updated_at`, which every save moves,
 * also a save of its array rows alone) and the number of its versions: what a refused write must
 * leave exactly as it was. One query, so that thousands of refusals can each be read back.
 */
const versioned = new Map<string, boolean>()
const fingerprint = async (subject: Subject, id: Id) => {
  const table = subject.collection.replace(/-/g, '_')
  if (!versioned.has(table)) versioned.set(table, (await db.query('select 1 from information_schema.tables where table_name = $1', [`_${table}_v`])).rowCount === 1)
  const { rows } = await db.query(`select md5(t::text) as row from "${table}" t where t.id = $1`, [id])
  const versions = versioned.get(table) ? (await db.query(`select count(*) as n, max(updated_at) as latest from "_${table}_v" where parent_id = $1`, [id])).rows[0] : null
  return JSON.stringify([rows[0]?.row ?? null, versions])
}

type Outcome = { isOk: boolean; status: number; paths: string[]; text: string }

const viaRest = async ({ subject, id, data, actor }: { subject: Subject; id: Id; data: Record<string, unknown>; actor: Actor }): Promise<Outcome> => {
  const response = await rest.call({ body: data, method: 'PATCH', path: `/${subject.collection}/${encodeURIComponent(String(id))}?depth=0${subject.draft ? '&draft=true' : ''}`, token: actor === 'anonymous' ? undefined : tokens[actor] })
  const errors = (response.body?.errors ?? []) as { message?: string; data?: { errors?: { path: string; message: string }[] } }[]
  return { isOk: response.status < 300, paths: errors.flatMap((error) => (error.data?.errors ?? []).map((problem) => problem.path)), status: response.status, text: JSON.stringify(response.body).slice(0, 400) }
}

const viaGraphql = async ({ subject, id, data, actor }: { subject: Subject; id: Id; data: Record<string, unknown>; actor: Actor }): Promise<Outcome> => {
  // a field the update input lacks (a catalogue row's code, its id) is refused by GraphQL itself, naming it
  const lacking = await gql.unknownFields({ collection: subject.collection, data })
  const response = await gql.update({ collection: subject.collection, data, draft: subject.draft, id, token: actor === 'anonymous' ? undefined : tokens[actor] })
  const errors = response.errors ?? []
  const status = Math.max(response.status, ...errors.map((error) => error.extensions?.statusCode ?? 400))
  const paths = [
    ...errors.flatMap((error) => ((error.extensions?.data as { errors?: { path: string }[] } | undefined)?.errors ?? []).map((problem) => problem.path)),
    ...lacking.filter((field) => errors.some((error) => error.message.includes(`Field "${field}" is not defined`))),
  ]
  return { isOk: errors.length === 0 && Boolean(response.data), paths, status: errors.length === 0 ? response.status : status, text: JSON.stringify(errors).slice(0, 400) }
}

describe.each(subjects.map((subject) => [subject.collection, subject] as const))('%s: who writes which field, in each state', (collection, subject) => {
  const rules = writeRulesBySlug[collection]

  it('the matrix covers every field of the table', () => {
    const doc = Object.fromEntries(Object.keys(rules.fields).map((field) => [field, null]))
    const tried = new Set(subject.candidates({ ...doc, answers: [], criteria: [], verdicts: [] }, subject.states[0]).map((candidate) => candidate.field))
    expect(Object.keys(rules.fields).filter((field) => !tried.has(field))).toEqual([])
  })

  it.each(subject.states.flatMap((state) => actors.map((actor) => [state, actor] as const)))('state %s, as %s', async (state, actor) => {
    let id = await subject.prepare(state)
    let before = await read(subject, id)
    let stored = await fingerprint(subject, id)
    const failures: string[] = []
    if (!subject.canUpdate.includes(actor)) {
      // an account the collection refuses this document altogether: every field is refused the same
      // way before any field is looked at, so one request carrying a value for every field asserts
      // each field's cell — refused, and the stored record read back unchanged
      const all = Object.assign({}, ...subject.candidates(before, state).map((candidate) => candidate.data)) as Record<string, unknown>
      // a field GraphQL's update input lacks would get the whole GraphQL request refused by its
      // schema, before access is asked: it is sent on its own, the others together
      const lacking = new Set(await gql.unknownFields({ collection, data: all }))
      const part = (keep: (key: string) => boolean) => Object.fromEntries(Object.entries(all).filter(([key]) => keep(key)))
      const requests = [
        ['REST', viaRest, all],
        ['GraphQL', viaGraphql, part((key) => !lacking.has(key))],
        ...(lacking.size > 0 ? ([['GraphQL (outside its input)', viaGraphql, part((key) => lacking.has(key))]] as const) : []),
      ] as const
      for (const [protocol, send, data] of requests) {
        const outcome = await send({ actor, data, id, subject })
        const tried = Object.keys(data).length
        cells[protocol === 'REST' ? 'rest' : 'graphql'] += tried
        cells.byCollection[collection] = (cells.byCollection[collection] ?? 0) + tried
        cells.requests += 1
        if (outcome.isOk || outcome.status >= 500) failures.push(`${protocol} every field: expected refused, got ${outcome.status} ${outcome.text}`)
        if ((await fingerprint(subject, id)) !== stored) failures.push(`${protocol} every field: refused, yet the stored document changed`)
      }
      expect(failures).toEqual([])
      return
    }
    const count = subject.candidates(before, state).length
    for (let index = 0; index < count; index += 1) {
      for (const [protocol, send] of [['REST', viaRest], ['GraphQL', viaGraphql]] as const) {
        // from the document as it stands, so that every value tried differs from the stored one
        const candidate = subject.candidates(before, state)[index]
        const expected = expectedOf({ actor, candidate, rules, state, subject })
        const outcome = await send({ actor, data: candidate.data, id, subject })
        cells[protocol === 'REST' ? 'rest' : 'graphql'] += 1
        cells.byCollection[collection] = (cells.byCollection[collection] ?? 0) + 1
        cells.requests += 1
        const where = `${protocol} ${JSON.stringify(candidate.data).slice(0, 80)}`
        if (outcome.status >= 500) failures.push(`${where}: ${outcome.status} ${outcome.text}`)
        if (expected === 'refused') {
          if (outcome.isOk) failures.push(`${where}: expected refused, got ${outcome.status}`)
          else if (outcome.status === 400 && subject.canUpdate.includes(actor) && !outcome.paths.includes(candidate.field)) failures.push(`${where}: refused without naming ${candidate.field}: ${outcome.text}`)
          if ((await fingerprint(subject, id)) !== stored) failures.push(`${where}: refused, yet the stored document changed`)
          continue
        }
        const after = await read(subject, id)
        if (expected === 'stored' && (!outcome.isOk || !candidate.isStored(after))) failures.push(`${where}: expected stored, got ${outcome.status} ${outcome.text}`)
        if (expected === 'ignored' && candidate.isStored(after)) failures.push(`${where}: a computed value was stored as sent`)
        // a stored value is put back; an ignored one left the document as it was, only saved again
        if (expected === 'stored') id = await subject.prepare(state)
        before = await read(subject, id)
        stored = await fingerprint(subject, id)
      }
    }
    expect(failures).toEqual([])
  })
})
