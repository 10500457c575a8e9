/**
 * The demo province: loads completely, every demo login works, and a second run changes nothing.
 * On a database of its own: other files of the run may have loaded the demo or the national sets.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { demoAuthorities, demoPassword, demoUnits, demoUsers } from '@seed/demo/province'
import { criteriaSetInputs } from '@seed/criteria'
import { loadDemo } from '@/seed/loadDemo'

import { closeTestPayload, getTestPayload } from './helpers/payload'
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
    expect(created).toEqual({ authorities: 3, criteriaSets: 5, rounds: 1, units: 30, users: 5 })
    expect((await payload.count({ collection: 'criteria-sets', where: { code: { in: criteriaSetInputs.map((s) => s.code) } } })).totalDocs).toBe(5)
    expect(await demoCounts()).toEqual({ authorities: 3, units: 30, users: 5 })
    const types = new Set(demoUnits.map((unit) => unit.unitType))
    for (const type of ['xa', 'co_quan_nha_nuoc', 'doanh_nghiep', 'mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt']) expect(types).toContain(type)
  })

  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const before = await payload.find({ collection: 'units', depth: 0, limit: 100, sort: 'code', where: { code: { in: demoUnits.map((u) => u.code) } } })
    expect(await loadDemo({ payload })).toEqual({ authorities: 0, criteriaSets: 0, rounds: 0, units: 0, users: 0 })
    const after = await payload.find({ collection: 'units', depth: 0, limit: 100, sort: 'code', where: { code: { in: demoUnits.map((u) => u.code) } } })
    expect(after.docs.map((d) => [d.code, d.updatedAt])).toEqual(before.docs.map((d) => [d.code, d.updatedAt]))
    expect(await demoCounts()).toEqual({ authorities: 3, units: 30, users: 5 })
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
