/**
 * Boundary changes on real PostgreSQL, over REST (issue 15, parts 3 and 4): a unit merged into
 * another and then moved keeps every recognition reachable from the survivor; the survivor's level
 * 2 may rest on the absorbed unit's level 1 only when the merge said so; an authority merged or
 * abolished hands its units and child authorities on and becomes inactive; an old round's papers
 * (the upward report as XLSX, the Biên bản as DOCX, the unit's Tờ trình) read the same afterwards;
 * a cycle, a target out of reach and a bad id are refused with the records read back unchanged;
 * every change is audited; the role × action matrix; copy-to-next-year lists what changed.
 */
import ExcelJS from 'exceljs'
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import { latestRecognition } from '@collections/recognitions/prior'
import { checkPrerequisiteOn } from '@criteria/recognition'
import { docxText } from '@/documents/engine'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World
const rest = createRestClient({ config })
const roles = ['admin', 'provinceAdmin', 'districtAdmin', 'otherDistrictAdmin', 'reviewer', 'unitEditor', 'anonymous'] as const
type Role = (typeof roles)[number]
const tokens = {} as Record<Role, string | undefined>
const system = { depth: 0, overrideAccess: true } as const
let roundId: number
let decisionId: number
let dossierId: number
let absorbedEditor: ActingUser

const post = ({ path, body, role }: { path: string; body: unknown; role: Role }) => rest.call({ body, method: 'POST', path, token: tokens[role] })
const unitOf = (id: number) => payload.findByID({ collection: 'units', id, ...system })
const authorityOf = (id: number) => payload.findByID({ collection: 'authorities', id, ...system })
const newUnit = (name: string, authority: number) => payload.create({ collection: 'units', data: { authority, code: `BND-${name}`, memberCount: 10, name: `UBND xã ${name} BND`, tier: 'huyen', unitType: 'xa' }, ...system })
const newAuthority = (name: string, parent: number) => payload.create({ collection: 'authorities', data: { code: `BND-${name}`, name: `Xã ${name} BND`, parent, tierLabel: 'Xã' }, ...system })
const recognise = ({ unit, decidedOn }: { unit: number; decidedOn: string }) =>
  payload.create({ collection: 'recognitions', data: { authority: world.authorities.districtA.id, decidedOn, decision: decisionId, level: 1, unit, validFrom: decidedOn, validUntil: '2099-12-31T12:00:00.000Z' } as never, ...system })
const historyOf = async (id: number) => (await rest.call({ method: 'GET', path: `/units/${id}/history`, token: tokens.admin })).body as { recognitions: { id: number; isInherited: boolean }[]; mergedUnits: { id: number }[] }

/** The round's papers as people read them: the upward report's cells and the Biên bản's text. */
const papers = async () => {
  const xlsx = await rest.download({ path: `/rounds/${roundId}/documents/bao-cao-tong-hop?format=xlsx`, token: tokens.admin })
  expect(xlsx.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(xlsx.bytes) as never)
  const cells: string[] = []
  workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))))
  const minutes = await rest.download({ path: `/rounds/${roundId}/documents/bien-ban?format=docx`, token: tokens.admin })
  const dossier = await rest.download({ path: `/self-assessments/${dossierId}/documents/to-trinh?format=docx`, token: tokens.admin })
  expect([minutes.status, dossier.status]).toEqual([200, 200])
  return { minutes: docxText(minutes.bytes), report: cells, toTrinh: docxText(dossier.bytes) }
}
let papersBefore: Awaited<ReturnType<typeof papers>>

const acting = async (user: ActingUser) => (await createLocalReq({ user }, payload)) as PayloadRequest

/** Whether `unitId` may apply for level 2 today on what the register holds (12 months after a level 1). */
const mayApplyForLevel2 = async (unitId: number) => {
  const prior = await latestRecognition({ req: await acting(world.users.admin), unitId })
  const today = new Date().toISOString().slice(0, 10)
  return checkPrerequisiteOn({ appliedOn: today, level: 2, prior, recognition: { monthsAfterPrerequisite: 12, prerequisiteLevel: 1 } })?.isMet ?? false
}

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'BND' })
  const other = await payload.create({ collection: 'users', data: { authority: world.authorities.districtB.id, email: 'huyenb.bnd@test.vn', name: 'Huyện B', password, roles: ['authority-admin'] } })
  absorbedEditor = { ...(await payload.create({ collection: 'users', data: { email: 'donvi2.bnd@test.vn', name: 'Cán bộ A2', password, roles: ['unit-editor'], unit: world.units.unitA2.id } })), collection: 'users' } as ActingUser
  const emails: Record<Exclude<Role, 'anonymous'>, string> = {
    admin: world.users.admin.email,
    districtAdmin: world.users.districtAdmin.email,
    otherDistrictAdmin: other.email,
    provinceAdmin: world.users.provinceAdmin.email,
    reviewer: world.users.reviewer.email,
    unitEditor: world.users.unitEditor.email,
  }
  for (const role of Object.keys(emails) as Exclude<Role, 'anonymous'>[]) tokens[role] = await rest.login({ email: emails[role], password })

  // last year's round of district A: A2's dossier recognised at level 1, A1's not
  await loadCriteriaSets({ payload })
  const setId = await setIdByCode({ payload, code: 'tt24-2023-huyen-1' })
  const round = await createRound({ payload, setIds: [setId], world })
  roundId = round.id
  const dossier = (unit: number) => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, unit } as never, ...system })
  const recognised = await dossier(world.units.unitA2.id)
  const refused = await dossier(world.units.unitA1.id)
  dossierId = recognised.id
  await payload.db.updateOne({ collection: 'self-assessments', data: { level: 1, outcome: 'met', status: 'recognised', teamLevel: 1, teamOutcome: 'met' }, id: recognised.id })
  await payload.db.updateOne({ collection: 'self-assessments', data: { outcome: 'met', status: 'not-recognised', teamOutcome: 'not-met' }, id: refused.id })
  decisionId = (await payload.create({ collection: 'decisions', data: { number: 'BND-1/QĐ', round: roundId, signedOn: '2024-01-20T12:00:00.000Z' } as never, ...system })).id
  await recognise({ decidedOn: '2024-01-20T12:00:00.000Z', unit: world.units.unitA2.id })
  papersBefore = await papers()
})

afterAll(async () => {
  await closeTestPayload(payload)
})

describe('a unit merged into another, then moved', () => {
  it('the absorbed unit becomes inactive with mergedInto; its recognition is reachable from the survivor; the change is audited', async () => {
    const { unitA1, unitA2 } = world.units
    const response = await post({ body: { carriesPrerequisite: false, into: unitA1.id }, path: `/units/${unitA2.id}/merge`, role: 'districtAdmin' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.message).toContain('Sáp nhập đơn vị')
    const absorbed = await unitOf(unitA2.id)
    expect([absorbed.isActive, absorbed.mergedInto, absorbed.mergedPrerequisite]).toEqual([false, unitA1.id, false])
    const history = await historyOf(unitA1.id)
    expect(history.mergedUnits.map((unit) => unit.id)).toEqual([unitA2.id])
    expect(history.recognitions.map((row) => row.isInherited)).toEqual([true])
    const { docs: audit } = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: 'merge-unit' } }, { docId: { equals: String(unitA2.id) } }] }, ...system })
    expect(audit.map((row) => [row.actor, row.from, row.to])).toEqual([[world.users.districtAdmin.id, unitA2.name, unitA1.name]])
  })

  it('a plain update may not write the merge link, the admin included (written by the merge only)', async () => {
    const response = await rest.call({ body: { mergedInto: world.units.unitB1.id }, method: 'PATCH', path: `/units/${world.units.unitP1.id}`, token: tokens.admin })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('mergedInto')
    expect((await unitOf(world.units.unitP1.id)).mergedInto ?? null).toBeNull()
  })

  it('the survivor moved to another district keeps the history', async () => {
    const { unitA1 } = world.units
    const response = await post({ body: { authority: world.authorities.districtB.id }, path: `/units/${unitA1.id}/move`, role: 'provinceAdmin' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect((await unitOf(unitA1.id)).authority).toBe(world.authorities.districtB.id)
    expect((await historyOf(unitA1.id)).recognitions).toHaveLength(1)
    const { totalDocs } = await payload.count({ collection: 'audit-events', where: { and: [{ action: { equals: 'move-unit' } }, { docId: { equals: String(unitA1.id) } }] } })
    expect(totalDocs).toBe(1)
  })

  it("level 2 rests on the absorbed unit's level 1 only when the merge said so", async () => {
    // A2 was merged into A1 without it
    expect(await mayApplyForLevel2(world.units.unitA1.id)).toBe(false)
    const survivor = await newUnit('S2', world.authorities.districtA.id)
    const absorbed = await newUnit('S3', world.authorities.districtA.id)
    await recognise({ decidedOn: '2024-02-01T12:00:00.000Z', unit: absorbed.id })
    expect(await mayApplyForLevel2(survivor.id)).toBe(false)
    expect((await post({ body: { carriesPrerequisite: true, into: survivor.id }, path: `/units/${absorbed.id}/merge`, role: 'admin' })).status).toBe(200)
    expect(await mayApplyForLevel2(survivor.id)).toBe(true)
  })

  it('an old round’s papers read the same after the merge and the move', async () => {
    expect(await papers()).toEqual(papersBefore)
  })
})

describe('refusals change nothing', () => {
  it('a cycle: the province under its own district', async () => {
    const response = await post({ body: { parent: world.authorities.districtB.id }, path: `/authorities/${world.authorities.province.id}/move`, role: 'admin' })
    expect(response.status).toBe(400)
    expect(response.body.errors[0]).toMatchObject({ path: 'parent' })
    expect(response.body.errors[0].message).toContain('trực thuộc')
    expect((await authorityOf(world.authorities.province.id)).parent ?? null).toBeNull()
  })

  it('a target out of reach: district A’s admin moving its unit to district B', async () => {
    const unit = await newUnit('R1', world.authorities.districtA.id)
    const response = await post({ body: { authority: world.authorities.districtB.id }, path: `/units/${unit.id}/move`, role: 'districtAdmin' })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].path).toBe('authority')
    expect((await unitOf(unit.id)).authority).toBe(world.authorities.districtA.id)
    const merged = await post({ body: { carriesPrerequisite: false, into: world.units.unitB1.id }, path: `/units/${unit.id}/merge`, role: 'districtAdmin' })
    expect(merged.status).toBe(403)
    expect((await unitOf(unit.id)).isActive).toBe(true)
  })

  it.each([
    ['a path id that is no id', '/units/abc/move', { authority: 1 }, 404, 'id'],
    ['a unit that does not exist', '/units/2147483000/move', { authority: 1 }, 404, 'id'],
    ['a target id that is no id', 'unit', { authority: 'x' }, 400, 'authority'],
    ['a target that does not exist', 'unit', { authority: 2147483000 }, 400, 'authority'],
    ['a field the action has not', 'unit', { authority: 1, parent: 2 }, 400, ''],
    ['a merge without the choice of the prerequisite', 'merge', { into: 1 }, 400, 'carriesPrerequisite'],
  ])('%s is refused naming it', async (_, path, body, status, field) => {
    const unit = world.units.unitP1
    const route = path === 'unit' ? `/units/${unit.id}/move` : path === 'merge' ? `/units/${unit.id}/merge` : path
    const before = await unitOf(unit.id)
    const response = await post({ body, path: route, role: 'admin' })
    expect(response.status).toBe(status)
    expect(response.body.errors[0].path).toBe(field)
    expect(response.body.errors[0].message).toMatch(/[ạảãàáâầấậẫẩăằắặẵẳđêềếệễểôồốộỗổơờớợỡởưừứựữửọỏõòóíìịỉĩúùụủũýỳỵỷỹ]/)
    expect(await unitOf(unit.id)).toEqual(before)
  })
})

describe('authorities merged and abolished', () => {
  it('a merge moves units and child authorities to the survivor; the absorbed one is inactive with mergedInto', async () => {
    const absorbed = await newAuthority('M1', world.authorities.districtA.id)
    const survivor = await newAuthority('M2', world.authorities.districtA.id)
    const child = await newAuthority('M1a', absorbed.id)
    const unit = await newUnit('M1u', absorbed.id)
    const response = await post({ body: { into: survivor.id }, path: `/authorities/${absorbed.id}/merge`, role: 'districtAdmin' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.message).toContain(unit.name)
    expect((await unitOf(unit.id)).authority).toBe(survivor.id)
    expect((await authorityOf(child.id)).parent).toBe(survivor.id)
    const stored = await authorityOf(absorbed.id)
    expect([stored.isActive, stored.mergedInto, stored.parent]).toEqual([false, survivor.id, world.authorities.districtA.id])
    // an inactive authority takes nothing more
    const again = await post({ body: { authority: absorbed.id }, path: `/units/${unit.id}/move`, role: 'admin' })
    expect(again.status).toBe(400)
  })

  it('a merge that fails at its audit row leaves nothing moved (one transaction)', async () => {
    const absorbed = await newAuthority('T1', world.authorities.districtA.id)
    const survivor = await newAuthority('T2', world.authorities.districtA.id)
    const unit = await newUnit('T1u', absorbed.id)
    const create = payload.db.create.bind(payload.db)
    vi.spyOn(payload.db, 'create').mockImplementation(((args: Parameters<Payload['db']['create']>[0]) =>
      args.collection === 'audit-events' ? Promise.reject(new Error('audit down')) : create(args)) as Payload['db']['create'])
    try {
      const response = await post({ body: { into: survivor.id }, path: `/authorities/${absorbed.id}/merge`, role: 'admin' })
      expect(response.status).toBeGreaterThanOrEqual(500)
    } finally {
      vi.restoreAllMocks()
    }
    expect((await unitOf(unit.id)).authority).toBe(absorbed.id)
    const stored = await authorityOf(absorbed.id)
    expect([stored.isActive, stored.mergedInto ?? null]).toEqual([true, null])
  })

  it('copy to next year lists the units added, merged and deactivated since, and the accounts left without a unit', async () => {
    const added = await newUnit('N1', world.authorities.districtA.id)
    const closed = await newUnit('N2', world.authorities.districtA.id)
    await payload.db.updateOne({ collection: 'units', data: { createdAt: '2020-01-01T00:00:00.000Z' }, id: closed.id })
    await payload.update({ collection: 'units', data: { isActive: false }, id: closed.id, ...system })
    const response = await post({ body: undefined, path: `/rounds/${roundId}/copy-to-next-year`, role: 'districtAdmin' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { changes } = response.body
    expect(changes.added.map((unit: { id: number }) => unit.id)).toContain(added.id)
    expect(changes.added.map((unit: { id: number }) => unit.id)).not.toContain(closed.id)
    expect(changes.deactivated.map((unit: { id: number }) => unit.id)).toEqual([closed.id])
    expect(changes.merged.find((unit: { id: number }) => unit.id === world.units.unitA2.id)).toMatchObject({ mergedInto: world.units.unitA1.id, mergedIntoName: world.units.unitA1.name })
    expect(changes.accountsWithoutUnit.map((account: { email: string }) => account.email)).toEqual([absorbedEditor.email])
    const read = await rest.call({ method: 'GET', path: `/rounds/${roundId}/changes`, token: tokens.districtAdmin })
    expect(read.body).toEqual(changes)
  })

  it('abolishing district A moves its units and child authorities up to the province; its old round’s papers do not change; its round is not copied again', async () => {
    const { districtA, province } = world.authorities
    const { docs: before } = await payload.find({ collection: 'units', limit: 0, where: { authority: { equals: districtA.id } }, ...system })
    const refused = await post({ body: {}, path: `/authorities/${districtA.id}/abolish`, role: 'districtAdmin' })
    expect(refused.status).toBe(403)
    const response = await post({ body: {}, path: `/authorities/${districtA.id}/abolish`, role: 'provinceAdmin' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { totalDocs: left } = await payload.count({ collection: 'units', where: { authority: { equals: districtA.id } } })
    expect(left).toBe(0)
    for (const unit of before) expect((await unitOf(unit.id)).authority).toBe(province.id)
    expect((await payload.count({ collection: 'authorities', where: { parent: { equals: districtA.id } } })).totalDocs).toBe(0)
    expect((await authorityOf(districtA.id)).isActive).toBe(false)
    const { docs: audit } = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: 'abolish-authority' } }, { docId: { equals: String(districtA.id) } }] }, ...system })
    expect(audit[0]?.comment).toContain(`sang «${province.name}»`)
    expect(await papers()).toEqual(papersBefore)
    expect((await historyOf(world.units.unitA1.id)).recognitions).toHaveLength(1)
    const copy = await post({ body: undefined, path: `/rounds/${roundId}/copy-to-next-year`, role: 'provinceAdmin' })
    expect(copy.status).toBe(409)
    expect(copy.body.errors[0]).toMatchObject({ path: 'authority' })
    expect(copy.body.errors[0].message).toContain('đã giải thể hoặc sáp nhập')
  })
})

describe('who may change the map (REST)', () => {
  type Action = { name: string; run: (role: Role) => Promise<number>; expected: Record<Role, number> }
  const writers = { admin: 200, anonymous: 401, districtAdmin: 200, otherDistrictAdmin: 403, provinceAdmin: 200, reviewer: 403, unitEditor: 403 }
  let district: number
  let commune: number
  let movingUnit: number
  let movingAuthority: number
  let survivorUnit: number
  const perRole = {} as Record<Role, { abolished: number; absorbedAuthority: number; absorbedUnit: number }>

  beforeAll(async () => {
    // district B now (A is abolished above): B's admin is the district admin of this matrix
    district = world.authorities.districtB.id
    commune = (await newAuthority('X0', district)).id
    movingUnit = (await newUnit('X1', district)).id
    movingAuthority = (await newAuthority('X2', district)).id
    survivorUnit = (await newUnit('X3', district)).id
    for (const role of roles) {
      perRole[role] = {
        abolished: (await newAuthority(`XA-${role}`, district)).id,
        absorbedAuthority: (await newAuthority(`XM-${role}`, district)).id,
        absorbedUnit: (await newUnit(`XU-${role}`, district)).id,
      }
    }
  })

  const swap = async (id: number, field: 'authority' | 'parent') => {
    const current = (field === 'authority' ? await unitOf(id) : await authorityOf(id))[field as never] as number
    return current === district ? commune : district
  }
  // the district admin of this matrix is B's; A's admin (its authority abolished) reaches nothing but A
  const matrixWriters = { ...writers, districtAdmin: 403, otherDistrictAdmin: 200 }
  const actions: Action[] = [
    { expected: matrixWriters, name: 'move a unit', run: async (role) => (await post({ body: { authority: await swap(movingUnit, 'authority') }, path: `/units/${movingUnit}/move`, role })).status },
    { expected: matrixWriters, name: 'move an authority', run: async (role) => (await post({ body: { parent: await swap(movingAuthority, 'parent') }, path: `/authorities/${movingAuthority}/move`, role })).status },
    { expected: matrixWriters, name: 'merge a unit', run: async (role) => (await post({ body: { carriesPrerequisite: false, into: survivorUnit }, path: `/units/${perRole[role].absorbedUnit}/merge`, role })).status },
    { expected: matrixWriters, name: 'merge an authority', run: async (role) => (await post({ body: { into: commune }, path: `/authorities/${perRole[role].absorbedAuthority}/merge`, role })).status },
    { expected: matrixWriters, name: 'abolish an authority', run: async (role) => (await post({ body: {}, path: `/authorities/${perRole[role].abolished}/abolish`, role })).status },
    {
      // reading follows the unit's read access: the reviewer's round was district A's, the clerk's unit A1 (now in B)
      expected: { admin: 200, anonymous: 401, districtAdmin: 404, otherDistrictAdmin: 200, provinceAdmin: 200, reviewer: 404, unitEditor: 404 },
      name: 'read a unit’s history',
      run: async (role) => (await rest.call({ method: 'GET', path: `/units/${survivorUnit}/history`, token: tokens[role] })).status,
    },
  ]

  it.each(actions.map((action) => [action.name, action] as const))('%s', async (_, action) => {
    const seen = {} as Record<Role, number>
    for (const role of roles) seen[role] = await action.run(role)
    expect(seen).toEqual(action.expected)
  })

  it('the clerk reads its own unit’s history, with the merged unit’s recognition', async () => {
    const response = await rest.call({ method: 'GET', path: `/units/${world.units.unitA1.id}/history`, token: tokens.unitEditor })
    expect(response.status).toBe(200)
    expect(response.body.recognitions).toHaveLength(1)
  })
})
