/**
 * Role × operation matrices for authorities, units and users, through the Local API acting as
 * each user (overrideAccess: false), as the server enforces them for REST and the admin alike.
 */
import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import type { User } from '@/payload-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { authoritySubtree, userAuthoritySubtree } from '@collections/access/scope'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { attempt, createWorld, type ActingUser, type World } from './helpers/world'

let payload: Payload
let world: World

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'ACC' })
  // the reviewer reads what its assigned rounds cover: here district A's round
  await payload.create({
    collection: 'rounds',
    data: { authority: world.authorities.districtA.id, status: 'draft', team: [{ role: 'thanh-vien', user: world.users.reviewer.id }], tier: 'huyen', title: 'Đợt ACC', year: 2026 },
  })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

type RoleName = keyof World['users'] | 'anonymous'
const roles: RoleName[] = ['admin', 'provinceAdmin', 'districtAdmin', 'reviewer', 'unitEditor', 'anonymous']
const actor = (role: RoleName): ActingUser | undefined => (role === 'anonymous' ? undefined : world.users[role])

/** Codes of the rows a role sees in a list, restricted to this file's world. */
const visibleCodes = async ({ collection, role }: { collection: 'authorities' | 'units'; role: RoleName }) => {
  const result = await payload.find({
    collection,
    depth: 0,
    limit: 100,
    overrideAccess: false,
    user: actor(role),
    where: { code: { like: 'ACC-' } },
  })
  return result.docs.map((doc) => doc.code).sort()
}

describe('authorities: who sees and changes the tree', () => {
  const expectedRead: Record<RoleName, string[] | 'forbidden'> = {
    admin: ['ACC-A', 'ACC-B', 'ACC-P'],
    anonymous: 'forbidden',
    districtAdmin: ['ACC-A'],
    provinceAdmin: ['ACC-A', 'ACC-B', 'ACC-P'],
    reviewer: ['ACC-A'],
    unitEditor: ['ACC-A'],
  }
  it.each(roles)('%s reads exactly its scope', async (role) => {
    const expected = expectedRead[role]
    if (expected === 'forbidden') {
      expect(await attempt(() => visibleCodes({ collection: 'authorities', role }))).toBe('forbidden')
    } else {
      expect(await visibleCodes({ collection: 'authorities', role })).toEqual(expected)
    }
  })

  const expectedCreateUnderA: Record<RoleName, string> = {
    admin: 'ok', anonymous: 'forbidden', districtAdmin: 'ok', provinceAdmin: 'ok', reviewer: 'forbidden', unitEditor: 'forbidden',
  }
  it.each(roles)('%s creating a commune authority under district A', async (role) => {
    const outcome = await attempt(() =>
      payload.create({
        collection: 'authorities',
        data: { code: `ACC-A-X-${role}`, name: `Xã mới ${role}`, parent: world.authorities.districtA.id },
        overrideAccess: false,
        user: actor(role),
      }),
    )
    expect(outcome).toBe(expectedCreateUnderA[role])
  })

  it('scoping reads the tree in the request’s transaction: a commune added there counts, before the commit and for no one else', async () => {
    const req = await createLocalReq({ user: { ...world.users.districtAdmin, collection: 'users' } as never }, payload)
    await initTransaction(req)
    try {
      const commune = await payload.create({ collection: 'authorities', data: { code: 'ACC-A-TX', name: 'Xã trong giao dịch ACC', parent: world.authorities.districtA.id }, req })
      expect(await authoritySubtree({ authorityId: world.authorities.districtA.id, req })).toContain(commune.id)
      expect(await userAuthoritySubtree({ req })).toContain(commune.id)
      // outside the transaction the commune does not exist yet
      const outside = await createLocalReq({ user: { ...world.users.districtAdmin, collection: 'users' } as never }, payload)
      expect(await userAuthoritySubtree({ req: outside })).not.toContain(commune.id)
    } finally {
      await killTransaction(req)
    }
    expect((await payload.find({ collection: 'authorities', where: { code: { equals: 'ACC-A-TX' } } })).totalDocs).toBe(0)
  })

  it('a district admin cannot create under the neighbouring district nor update it', async () => {
    const user = world.users.districtAdmin
    expect(
      await attempt(() =>
        payload.create({
          collection: 'authorities',
          data: { code: 'ACC-B-X', name: 'Xã lạ', parent: world.authorities.districtB.id },
          overrideAccess: false,
          user,
        }),
      ),
    ).toBe('forbidden')
    expect(
      await attempt(() =>
        payload.update({ collection: 'authorities', data: { name: 'Đổi tên' }, id: world.authorities.districtB.id, overrideAccess: false, user }),
      ),
    ).not.toBe('ok')
    const stored = await payload.findByID({ collection: 'authorities', id: world.authorities.districtB.id })
    expect(stored.name).toBe(world.authorities.districtB.name)
  })

  it('a district admin cannot move its own district or delete it', async () => {
    const user = world.users.districtAdmin
    const moved = await attempt(() =>
      payload.update({ collection: 'authorities', data: { parent: null }, id: world.authorities.districtA.id, overrideAccess: false, user }),
    )
    expect(moved).toBe('invalid')
    expect(
      await attempt(() => payload.delete({ collection: 'authorities', id: world.authorities.districtA.id, overrideAccess: false, user })),
    ).not.toBe('ok')
    const stored = await payload.findByID({ collection: 'authorities', depth: 0, id: world.authorities.districtA.id })
    expect(stored.parent).toBe(world.authorities.province.id)
  })

  it('nobody, not even an admin, can make the tree a cycle', async () => {
    const outcome = await attempt(() =>
      payload.update({
        collection: 'authorities',
        data: { parent: world.authorities.districtA.id },
        id: world.authorities.province.id,
        overrideAccess: false,
        user: world.users.admin,
      }),
    )
    expect(outcome).toBe('invalid')
  })
})

describe('units: each role sees and changes only its own', () => {
  const expectedRead: Record<RoleName, string[] | 'forbidden'> = {
    admin: ['ACC-A1', 'ACC-A2', 'ACC-B1', 'ACC-P1'],
    anonymous: 'forbidden',
    districtAdmin: ['ACC-A1', 'ACC-A2'],
    provinceAdmin: ['ACC-A1', 'ACC-A2', 'ACC-B1', 'ACC-P1'],
    reviewer: ['ACC-A1', 'ACC-A2'],
    unitEditor: ['ACC-A1'],
  }
  it.each(roles)('%s reads exactly its scope', async (role) => {
    const expected = expectedRead[role]
    if (expected === 'forbidden') {
      expect(await attempt(() => visibleCodes({ collection: 'units', role }))).toBe('forbidden')
    } else {
      expect(await visibleCodes({ collection: 'units', role })).toEqual(expected)
    }
  })

  const expectedUpdateA2: Record<RoleName, string> = {
    admin: 'ok', anonymous: 'forbidden', districtAdmin: 'ok', provinceAdmin: 'ok', reviewer: 'forbidden', unitEditor: 'forbidden',
  }
  it.each(roles)('%s updating unit A2', async (role) => {
    const outcome = await attempt(() =>
      payload.update({ collection: 'units', data: { memberCount: 21 }, id: world.units.unitA2.id, overrideAccess: false, user: actor(role) }),
    )
    expect(outcome === 'not-found' ? 'forbidden' : outcome).toBe(expectedUpdateA2[role])
  })

  it('a unit editor cannot read another unit by id', async () => {
    const outcome = await attempt(() =>
      payload.findByID({ collection: 'units', id: world.units.unitA2.id, overrideAccess: false, user: world.users.unitEditor }),
    )
    expect(['forbidden', 'not-found']).toContain(outcome)
  })

  it('a district admin cannot create a unit in, or move a unit to, the neighbouring district', async () => {
    const user = world.users.districtAdmin
    const created = await attempt(() =>
      payload.create({
        collection: 'units',
        data: { authority: world.authorities.districtB.id, code: 'ACC-B9', memberCount: 3, name: 'Lạ', tier: 'huyen', unitType: 'xa' },
        overrideAccess: false,
        user,
      }),
    )
    expect(created).toBe('forbidden')
    const moved = await attempt(() =>
      payload.update({ collection: 'units', data: { authority: world.authorities.districtB.id }, id: world.units.unitA1.id, overrideAccess: false, user }),
    )
    expect(moved).toBe('invalid')
    const stored = await payload.findByID({ collection: 'units', depth: 0, id: world.units.unitA1.id })
    expect(stored.authority).toBe(world.authorities.districtA.id)
  })

  it('deleting: the province admin may delete in its subtree, the reviewer may not', async () => {
    const spare = await payload.create({
      collection: 'units',
      data: { authority: world.authorities.districtB.id, code: 'ACC-B-DEL', memberCount: 1, name: 'Xóa', tier: 'huyen', unitType: 'xa' },
    })
    expect(await attempt(() => payload.delete({ collection: 'units', id: spare.id, overrideAccess: false, user: world.users.reviewer }))).not.toBe('ok')
    expect(await attempt(() => payload.delete({ collection: 'units', id: spare.id, overrideAccess: false, user: world.users.districtAdmin }))).not.toBe('ok')
    expect(await attempt(() => payload.delete({ collection: 'units', id: spare.id, overrideAccess: false, user: world.users.provinceAdmin }))).toBe('ok')
  })
})

describe('users: accounts and roles', () => {
  const emailsSeenBy = async (role: RoleName) => {
    const result = await payload.find({ collection: 'users', depth: 0, limit: 100, overrideAccess: false, user: actor(role), where: { email: { like: '.acc@' } } })
    return result.docs.map((doc) => doc.email.split('.')[0]).sort()
  }
  const expectedRead: Record<RoleName, string[] | 'forbidden'> = {
    admin: ['admin', 'donvi', 'huyen', 'reviewer', 'tinh'],
    anonymous: 'forbidden',
    districtAdmin: ['donvi', 'huyen', 'reviewer'],
    provinceAdmin: ['donvi', 'huyen', 'reviewer', 'tinh'],
    reviewer: ['reviewer'],
    unitEditor: ['donvi'],
  }
  it.each(roles)('%s reads exactly its scope of accounts', async (role) => {
    const expected = expectedRead[role]
    if (expected === 'forbidden') expect(await attempt(() => emailsSeenBy(role))).toBe('forbidden')
    else expect(await emailsSeenBy(role)).toEqual(expected)
  })

  it.each(['unitEditor', 'reviewer', 'districtAdmin'] as const)('%s cannot raise its own role to admin', async (role) => {
    const user = world.users[role]
    await attempt(() => payload.update({ collection: 'users', data: { roles: ['admin'] }, id: user.id, overrideAccess: false, user }))
    const stored = await payload.findByID({ collection: 'users', id: user.id })
    expect(stored.roles).toEqual(user.roles)
  })

  it('a unit editor cannot attach itself to another unit, but can change its own name', async () => {
    const user = world.users.unitEditor
    await attempt(() => payload.update({ collection: 'users', data: { unit: world.units.unitB1.id }, id: user.id, overrideAccess: false, user }))
    expect(await attempt(() => payload.update({ collection: 'users', data: { name: 'Tên mới' }, id: user.id, overrideAccess: false, user }))).toBe('ok')
    const stored = await payload.findByID({ collection: 'users', depth: 0, id: user.id })
    expect(stored.unit).toBe(world.units.unitA1.id)
    expect(stored.name).toBe('Tên mới')
  })

  it('a district admin creates unit editors for its own units only, and never admins', async () => {
    const user = world.users.districtAdmin
    const create = (data: Partial<Pick<User, 'authority' | 'roles' | 'unit'>>) =>
      attempt(() =>
        payload.create({
          collection: 'users',
          data: { email: `moi.${Object.values(data).join('-')}@test.vn`, name: 'Mới', password: 'mat-khau-moi', roles: [], ...data },
          overrideAccess: false,
          user,
        }),
      )
    expect(await create({ roles: ['unit-editor'], unit: world.units.unitA2.id })).toBe('ok')
    expect(await create({ roles: ['unit-editor'], unit: world.units.unitB1.id })).toBe('invalid')
    expect(await create({ authority: world.authorities.districtA.id, roles: ['admin'] })).toBe('invalid')
    expect(await create({ authority: world.authorities.province.id, roles: ['authority-admin'] })).toBe('invalid')
    expect(await create({ roles: ['unit-editor'] })).toBe('invalid')
  })

  it('a reviewer or unit editor cannot create accounts', async () => {
    for (const role of ['reviewer', 'unitEditor', 'anonymous'] as const) {
      const outcome = await attempt(() =>
        payload.create({
          collection: 'users',
          data: { email: `x.${role}@test.vn`, name: 'X', password: 'mat-khau-x', roles: ['unit-editor'], unit: world.units.unitA1.id },
          overrideAccess: false,
          user: actor(role),
        }),
      )
      expect(outcome).toBe('forbidden')
    }
  })

  it('a district admin cannot delete the province admin or itself', async () => {
    const user = world.users.districtAdmin
    for (const target of [world.users.provinceAdmin, user]) {
      expect(await attempt(() => payload.delete({ collection: 'users', id: target.id, overrideAccess: false, user }))).not.toBe('ok')
    }
    expect(await payload.count({ collection: 'users', where: { id: { in: [world.users.provinceAdmin.id, user.id] } } })).toEqual({ totalDocs: 2 })
  })
})

describe('a reviewer reads only what its assigned rounds cover', () => {
  it('without a round, no authority and no unit; on a district round, that district', async () => {
    const created = await payload.create({
      collection: 'users',
      data: { authority: world.authorities.province.id, email: 'reviewer-free.acc@test.vn', name: 'Reviewer without round', password: 'mat-khau-thu-nghiem', roles: ['reviewer'] },
    })
    const free = { ...created, collection: 'users' } as ActingUser
    const codes = async (collection: 'authorities' | 'units') =>
      (await payload.find({ collection, depth: 0, overrideAccess: false, user: free, where: { code: { like: 'ACC-' } } })).docs.map((doc) => doc.code).sort()
    expect(await codes('authorities')).toEqual([])
    expect(await codes('units')).toEqual([])
    await payload.create({
      collection: 'rounds',
      data: { authority: world.authorities.districtB.id, status: 'draft', team: [{ role: 'thanh-vien', user: free.id }], tier: 'huyen', title: 'Đợt ACC B', year: 2026 },
    })
    expect(await codes('authorities')).toEqual(['ACC-B'])
    expect(await codes('units')).toEqual(['ACC-B1'])
  })
})

