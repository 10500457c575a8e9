/**
 * "Cannot see": for every collection scoped by rows, accounts of another district (its
 * authority-admin, a reviewer of its round, a unit's clerk) and of another unit of the same
 * district neither list, nor read by id, nor update district A's rows — over REST, the Local API
 * and GraphQL — and the stored rows are unchanged afterwards. A draft decision is invisible to
 * every unit, its own district's included; an issued one is read by the units below its authority.
 * Each account is first shown to see its own rows, so an empty list means scoping, not an error.
 */
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { fromIsoDay } from '@collections/dates'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { acceptedDossier, as, createAccount, reviewDossier, updateDossier } from './helpers/dossiers'
import { pdfUpload } from './helpers/files'
import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type ActingUser, type World } from './helpers/world'

type Scoped = 'authorities' | 'units' | 'users' | 'rounds' | 'self-assessments' | 'reviews' | 'decisions' | 'evidence' | 'audit-events'
type Outsider = 'otherDistrictAdmin' | 'otherDistrictReviewer' | 'otherDistrictUnit' | 'otherUnitSameDistrict'

const scoped: Scoped[] = ['authorities', 'units', 'users', 'rounds', 'self-assessments', 'reviews', 'decisions', 'evidence', 'audit-events']
const outsiders: Outsider[] = ['otherDistrictAdmin', 'otherDistrictReviewer', 'otherDistrictUnit', 'otherUnitSameDistrict']

/** Payload's GraphQL list query of each collection (`evidence` → `Evidences`). */
const graphqlList: Record<Scoped, string> = {
  authorities: 'Authorities',
  'audit-events': 'AuditEvents',
  decisions: 'Decisions',
  evidence: 'Evidences',
  reviews: 'Reviews',
  rounds: 'Rounds',
  'self-assessments': 'SelfAssessments',
  units: 'Units',
  users: 'Users',
}

/** A change each collection would accept from its rightful writer, tried by the outsiders. */
const harmlessChange: Record<Scoped, Record<string, unknown>> = {
  authorities: { name: 'Đổi tên từ ngoài' },
  'audit-events': { comment: 'sửa từ ngoài' },
  decisions: { signer: 'Người ngoài' },
  evidence: { title: 'Đổi tên từ ngoài' },
  reviews: { recommendationNote: 'sửa từ ngoài' },
  rounds: { title: 'Đổi tên từ ngoài' },
  'self-assessments': { returnReason: 'trả lại từ ngoài', status: 'returned' },
  units: { name: 'Đổi tên từ ngoài' },
  users: { name: 'Đổi tên từ ngoài' },
}

let payload: Payload
let world: World
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })
const accounts = {} as Record<Outsider, ActingUser>
const tokens = {} as Record<Outsider | 'ownUnit', string>
/** District A's rows, per collection. */
const rowsOfA = {} as Record<Scoped, number[]>
/** The rows each outsider must not see: district A's, less what its role reads by design. */
const hidden = {} as Record<Outsider, Partial<Record<Scoped, number[]>>>
/** Rows each outsider sees of its own, proving its lists work. */
const ownRows = {} as Record<Outsider, Partial<Record<Scoped, number[]>>>
let draftDecision: number
let issuedDecision: number

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'SCP' })
  await loadCriteriaSets({ payload })
  const setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const { districtA, districtB } = world.authorities
  const { unitA1, unitA2, unitB1 } = world.units

  accounts.otherDistrictAdmin = await createAccount({ authority: districtB.id, email: 'huyen-b.scp@test.vn', payload, role: 'authority-admin' })
  accounts.otherDistrictReviewer = await createAccount({ authority: districtB.id, email: 'reviewer-b.scp@test.vn', payload, role: 'reviewer' })
  accounts.otherDistrictUnit = await createAccount({ email: 'donvi-b1.scp@test.vn', payload, role: 'unit-editor', unit: unitB1.id })
  accounts.otherUnitSameDistrict = await createAccount({ email: 'donvi-a2.scp@test.vn', payload, role: 'unit-editor', unit: unitA2.id })

  // district A: a round, unit A1's dossier reviewed and recognised, evidence, a draft decision
  const roundA = await createRound({ payload, setIds: [setId], title: 'Đợt SCP huyện A', world })
  const evidence = await payload.create({
    collection: 'evidence',
    data: { title: 'Kế hoạch học tập SCP', unit: unitA1.id },
    file: pdfUpload({ name: 'ke-hoach-scp.pdf' }),
    ...as(world.users.unitEditor),
  })
  const sa = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor: world.users.unitEditor, payload, roundId: roundA.id, setId })
  const review = await reviewDossier({ payload, reviewer: world.users.reviewer, rows: () => ({ verdict: 'met' }), sa })
  await updateDossier({ data: { status: 'reviewed' }, id: sa.id, payload, user: world.users.reviewer })
  const issued = await payload.create({ collection: 'decisions', data: { kind: 'recognition', round: roundA.id, status: 'draft' }, ...as(world.users.districtAdmin) })
  await payload.update({ collection: 'decisions', data: { number: 'SCP-01/QĐ-UBND', signedOn: fromIsoDay('2026-01-20'), status: 'issued' }, id: issued.id, ...as(world.users.districtAdmin) })
  issuedDecision = issued.id
  draftDecision = (await payload.create({ collection: 'decisions', data: { kind: 'recognition', number: 'SCP-02/QĐ-UBND', round: roundA.id, status: 'draft' }, ...as(world.users.districtAdmin) })).id
  const auditOfA = await payload.find({ collection: 'audit-events', depth: 0, limit: 0, pagination: false, where: { authority: { equals: districtA.id } } })

  // district B: its own round with its reviewer, so that every outsider has rows of its own
  const roundB = await payload.create({
    collection: 'rounds',
    data: { authority: districtB.id, criteriaSets: [setId], status: 'open', team: [{ role: 'truong-doan', user: accounts.otherDistrictReviewer.id }], tier: 'huyen', title: 'Đợt SCP huyện B', year: roundA.year },
  })

  Object.assign(rowsOfA, {
    authorities: [districtA.id],
    'audit-events': auditOfA.docs.map((event) => event.id),
    decisions: [issuedDecision, draftDecision],
    evidence: [evidence.id],
    reviews: [review.id],
    rounds: [roundA.id],
    'self-assessments': [sa.id],
    units: [unitA1.id, unitA2.id],
    users: [world.users.districtAdmin.id, world.users.reviewer.id, world.users.unitEditor.id],
  } satisfies Record<Scoped, number[]>)
  const except = (collection: Scoped, visible: number[]) => rowsOfA[collection].filter((id) => !visible.includes(id))
  const allOfA = () => Object.fromEntries(scoped.map((collection) => [collection, [...rowsOfA[collection]]]))
  hidden.otherDistrictAdmin = allOfA()
  // a reviewer reads the decisions of the rounds whose team lists it, as it reads those rounds
  hidden.otherDistrictReviewer = allOfA()
  hidden.otherDistrictUnit = allOfA()
  // a unit of district A reads its own authority, the rounds it takes part in and issued decisions above it
  hidden.otherUnitSameDistrict = {
    ...allOfA(),
    authorities: [],
    decisions: [draftDecision],
    rounds: [],
    units: except('units', [unitA2.id]),
  }
  ownRows.otherDistrictAdmin = { authorities: [districtB.id], rounds: [roundB.id], units: [unitB1.id], users: [accounts.otherDistrictAdmin.id, accounts.otherDistrictReviewer.id, accounts.otherDistrictUnit.id] }
  ownRows.otherDistrictReviewer = { authorities: [districtB.id], rounds: [roundB.id], units: [unitB1.id], users: [accounts.otherDistrictReviewer.id] }
  ownRows.otherDistrictUnit = { authorities: [districtB.id], rounds: [roundB.id], units: [unitB1.id], users: [accounts.otherDistrictUnit.id] }
  ownRows.otherUnitSameDistrict = { authorities: [districtA.id], decisions: [issuedDecision], rounds: [roundA.id], units: [unitA2.id], users: [accounts.otherUnitSameDistrict.id] }

  for (const outsider of outsiders) tokens[outsider] = await rest.login({ email: accounts[outsider].email, password })
  tokens.ownUnit = await rest.login({ email: world.users.unitEditor.email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const idsQuery = (ids: number[]) => ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')

/** The ids an account lists over REST among `ids` (a refusal of the whole list counts as none). */
const restList = async ({ collection, ids, token }: { collection: Scoped; ids: number[]; token: string }) => {
  const response = await rest.call({ method: 'GET', path: `/${collection}?depth=0&limit=100&${idsQuery(ids)}`, token })
  expect([200, 403]).toContain(response.status)
  return response.status === 403 ? [] : (response.body.docs as { id: number }[]).map((doc) => doc.id)
}

/** The ids an account lists through the Local API among `ids`. */
const localList = async ({ collection, ids, user }: { collection: Scoped; ids: number[]; user: ActingUser }) => {
  try {
    const found = await payload.find({ collection: collection as CollectionSlug, depth: 0, limit: 100, overrideAccess: false, user, where: { id: { in: ids } } })
    return found.docs.map((doc) => (doc as { id: number }).id)
  } catch (error) {
    if ((error as { name?: string }).name === 'Forbidden') return []
    throw error
  }
}

/** The ids an account lists through GraphQL among `ids` (a refusal counts as none). */
const graphqlListed = async ({ collection, ids, token }: { collection: Scoped; ids: number[]; token: string }) => {
  const name = graphqlList[collection]
  // GraphQL's id operators have no `in`: one `equals` per id
  const where = `{ OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }`
  const response = await graphql({ query: `{ ${name}(where: ${where}, limit: 100) { docs { id } } }`, token })
  if (response.errors?.length) {
    // only a refusal of the whole list is an answer here; any other error is the query's fault
    expect(response.errors.map((error) => `${error.extensions?.statusCode} ${error.message}`)).toEqual(response.errors.map((error) => `403 ${error.message}`))
    return []
  }
  return (response.data[name].docs as { id: number | string }[]).map((doc) => Number(doc.id))
}

const storedUpdatedAt = async (collection: Scoped, id: number) => ((await payload.findByID({ collection: collection as CollectionSlug, depth: 0, id })) as { updatedAt: string }).updatedAt

describe('each outsider first sees rows of its own', () => {
  it.each(outsiders)('%s', async (outsider) => {
    for (const [collection, ids] of Object.entries(ownRows[outsider]) as [Scoped, number[]][]) {
      expect({ collection, listed: (await restList({ collection, ids, token: tokens[outsider] })).sort() }).toEqual({ collection, listed: [...ids].sort() })
    }
  })
})

describe.each(outsiders)('%s cannot see or change district A’s rows', (outsider) => {
  it.each(scoped)('%s: not listed (REST, Local API, GraphQL), not read by id, not updated', async (collection) => {
    const ids = hidden[outsider][collection] ?? []
    if (ids.length === 0) return
    const user = accounts[outsider]
    const token = tokens[outsider]
    expect(await restList({ collection, ids, token })).toEqual([])
    expect(await localList({ collection, ids, user })).toEqual([])
    expect(await graphqlListed({ collection, ids, token })).toEqual([])
    for (const id of ids) {
      const read = await rest.call({ method: 'GET', path: `/${collection}/${id}?depth=0`, token })
      expect([403, 404], `GET ${collection}/${id}`).toContain(read.status)
      const before = await storedUpdatedAt(collection, id)
      const update = await rest.call({ body: harmlessChange[collection], method: 'PATCH', path: `/${collection}/${id}`, token })
      expect([403, 404], `PATCH ${collection}/${id}`).toContain(update.status)
      expect(await storedUpdatedAt(collection, id)).toBe(before)
    }
  })
})

describe('an unissued decision is invisible to units', () => {
  it('the draft is hidden from unit A1 (whose dossier it may decide) and from unit A2; the issued one is read by both', async () => {
    for (const token of [tokens.ownUnit, tokens.otherUnitSameDistrict]) {
      expect(await restList({ collection: 'decisions', ids: [draftDecision, issuedDecision], token })).toEqual([issuedDecision])
      expect((await rest.call({ method: 'GET', path: `/decisions/${draftDecision}?depth=0`, token })).status).toBe(404)
      expect((await rest.call({ method: 'GET', path: `/decisions/${issuedDecision}?depth=0`, token })).status).toBe(200)
      expect(await graphqlListed({ collection: 'decisions', ids: [draftDecision, issuedDecision], token })).toEqual([issuedDecision])
    }
    expect(await localList({ collection: 'decisions', ids: [draftDecision, issuedDecision], user: world.users.unitEditor })).toEqual([issuedDecision])
    // the district reads both
    expect((await localList({ collection: 'decisions', ids: [draftDecision, issuedDecision], user: world.users.districtAdmin })).sort()).toEqual([draftDecision, issuedDecision].sort())
  })
})

describe('the audit trail of district A', () => {
  it('is read by district A’s and the province’s authority-admins, by no other district’s', async () => {
    const ids = rowsOfA['audit-events']
    // the dossier's submission, acceptance and closing at least
    expect(ids.length).toBeGreaterThanOrEqual(3)
    expect((await localList({ collection: 'audit-events', ids, user: world.users.districtAdmin })).sort()).toEqual([...ids].sort())
    expect((await localList({ collection: 'audit-events', ids, user: world.users.provinceAdmin })).sort()).toEqual([...ids].sort())
    expect(await localList({ collection: 'audit-events', ids, user: accounts.otherDistrictAdmin })).toEqual([])
    expect((await rest.call({ method: 'GET', path: `/audit-events?depth=0&limit=100`, token: tokens.otherDistrictAdmin })).body.docs.filter((event: { authority: number }) => event.authority === world.authorities.districtA.id)).toEqual([])
  })
})
