/**
 * A small administrative world per test file, with codes unique to the file:
 * province P ⟶ districts A and B; units A1, A2 (in A), B1 (in B), P1 (provincial);
 * one account per role. Accounts are returned as Local API users.
 */
import type { Payload } from 'payload'

import type { Authority, Unit, User } from '@/payload-types'

export type ActingUser = User & { collection: 'users' }

export const password = 'mat-khau-thu-nghiem'

export type World = Awaited<ReturnType<typeof createWorld>>

export const createWorld = async ({ payload, tag }: { payload: Payload; tag: string }) => {
  const authority = (data: { code: string; name: string; parent?: number }) =>
    payload.create({ collection: 'authorities', data: { ...data, tierLabel: data.parent ? 'Huyện' : 'Tỉnh' } })
  const province = await authority({ code: `${tag}-P`, name: `Tỉnh ${tag}` })
  const districtA = await authority({ code: `${tag}-A`, name: `Huyện A ${tag}`, parent: province.id })
  const districtB = await authority({ code: `${tag}-B`, name: `Huyện B ${tag}`, parent: province.id })

  // a commune (xa) is a district-level unit (REGULATIONS §2.1); the provincial unit is a department
  const unit = (data: { authority: Authority; code: string; name: string; tier?: 'huyen' | 'tinh' }) =>
    payload.create({
      collection: 'units',
      data: { authority: data.authority.id, code: data.code, memberCount: 20, name: data.name, tier: data.tier ?? 'huyen', unitType: data.tier === 'tinh' ? 'co_quan_nha_nuoc' : 'xa' },
    })
  const unitA1 = await unit({ authority: districtA, code: `${tag}-A1`, name: `UBND xã A1 ${tag}` })
  const unitA2 = await unit({ authority: districtA, code: `${tag}-A2`, name: `UBND xã A2 ${tag}` })
  const unitB1 = await unit({ authority: districtB, code: `${tag}-B1`, name: `UBND xã B1 ${tag}` })
  const unitP1 = await unit({ authority: province, code: `${tag}-P1`, name: `Sở ${tag}`, tier: 'tinh' })

  const account = async (data: { authority?: number; email: string; role: User['roles'][number]; unit?: number }) => {
    const created = await payload.create({
      collection: 'users',
      data: { authority: data.authority, email: data.email, name: data.email, password, roles: [data.role], unit: data.unit },
    })
    return { ...created, collection: 'users' } as ActingUser
  }
  const lower = tag.toLowerCase()
  const users = {
    admin: await account({ email: `admin.${lower}@test.vn`, role: 'admin' }),
    districtAdmin: await account({ authority: districtA.id, email: `huyen.${lower}@test.vn`, role: 'authority-admin' }),
    provinceAdmin: await account({ authority: province.id, email: `tinh.${lower}@test.vn`, role: 'authority-admin' }),
    reviewer: await account({ authority: districtA.id, email: `reviewer.${lower}@test.vn`, role: 'reviewer' }),
    unitEditor: await account({ email: `donvi.${lower}@test.vn`, role: 'unit-editor', unit: unitA1.id }),
  }
  return { authorities: { districtA, districtB, province }, units: { unitA1, unitA2, unitB1, unitP1 } as Record<string, Unit>, users }
}

export type Outcome = 'ok' | 'forbidden' | 'not-found' | 'invalid'

/** Runs a Local API call and names how it ended, so matrices read as data. */
export const attempt = async (call: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await call()
    return 'ok'
  } catch (error) {
    const name = (error as { name?: string }).name
    if (name === 'Forbidden') return 'forbidden'
    if (name === 'NotFound') return 'not-found'
    if (name === 'ValidationError') return 'invalid'
    throw error
  }
}

export type Problem = { path: string; message: string }

/** The field problems of the ValidationError a call must throw; any other outcome fails the test. */
export const problemsOf = async (call: () => Promise<unknown>): Promise<Problem[]> => {
  try {
    await call()
  } catch (error) {
    const data = (error as { data?: { errors?: Problem[] } }).data
    if ((error as { name?: string }).name !== 'ValidationError' || !data) throw error
    return data.errors ?? []
  }
  throw new Error('expected a ValidationError')
}

/** The field paths a refused call names. */
export const pathsOf = async (call: () => Promise<unknown>) => (await problemsOf(call)).map((problem) => problem.path)

/** The messages of a refused call, joined. */
export const messagesOf = async (call: () => Promise<unknown>) => (await problemsOf(call)).map((problem) => problem.message).join(' | ')
