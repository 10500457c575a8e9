/**
 * Bad input to units over REST: refused with a Vietnamese message naming each field, and nothing
 * stored or changed.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let token: string
const rest = createRestClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'VAL' })
  token = await rest.login({ email: world.users.districtAdmin.email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const fieldErrors = (body: { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }) =>
  Object.fromEntries((body.errors?.[0]?.data?.errors ?? []).map((error) => [error.path, error.message]))

const validUnit = () => ({
  authority: world.authorities.districtA.id,
  code: `VAL-${Math.random().toString(36).slice(2, 8)}`,
  memberCount: 12,
  name: 'UBND xã Hợp lệ',
  tier: 'huyen',
  unitType: 'xa',
})

describe('creating a unit with bad input', () => {
  it.each([
    ['unitType', { unitType: 'truong-hoc-vu-tru' }, /^Loại đơn vị «truong-hoc-vu-tru» không có trong danh mục loại đơn vị\.$/],
    // not shaped like a code at all: the input guard names it before any lookup
    ['unitType', { unitType: 'Trường Học' }, /«Loại đơn vị».*«Trường Học» không phải mã hợp lệ/],
    ['tier', { tier: 'vu-tru' }, /^Cấp đơn vị «vu-tru» không có trong danh mục cấp đơn vị\.$/],
    ['tier', { tier: 'tinh', unitType: 'thcs' }, /^«Trường THCS» là đơn vị cấp huyện, không thể là đơn vị cấp tỉnh\.$/],
    ['tier', { tier: 'huyen', unitType: 'thpt' }, /^«Trường THPT» là đơn vị cấp tỉnh, không thể là đơn vị cấp huyện\.$/],
    ['name', { name: '   ' }, /Tên đơn vị không được để trống/],
    ['memberCount', { memberCount: -4 }, /Số thành viên phải là số nguyên không âm/],
    ['memberCount', { memberCount: 2.5 }, /Số thành viên phải là số nguyên không âm/],
    ['email', { email: 'khong-phai-email' }, /Địa chỉ thư điện tử "khong-phai-email" không hợp lệ/],
  ])('%s %j is refused with a message naming the field, nothing stored', async (field, override, message) => {
    const before = await payload.count({ collection: 'units' })
    const response = await rest.call({ body: { ...validUnit(), ...override }, method: 'POST', path: '/units', token })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)[field]).toMatch(message)
    expect(await payload.count({ collection: 'units' })).toEqual(before)
  })

  it('all bad fields at once are all named', async () => {
    const response = await rest.call({ body: { ...validUnit(), memberCount: -1, name: '', unitType: 'x' }, method: 'POST', path: '/units', token })
    expect(response.status).toBe(400)
    expect(Object.keys(fieldErrors(response.body)).sort()).toEqual(['memberCount', 'name', 'unitType'])
  })

  it('a valid unit is stored', async () => {
    const data = validUnit()
    const response = await rest.call({ body: data, method: 'POST', path: '/units', token })
    expect(response.status).toBe(201)
    const stored = await payload.find({ collection: 'units', where: { code: { equals: data.code } } })
    expect(stored.docs[0]?.name).toBe('UBND xã Hợp lệ')
  })

  it.each([
    ['thpt', 'tinh'],
    ['co_quan_nha_nuoc', 'huyen'],
    ['co_quan_nha_nuoc', 'tinh'],
  ])('a unit of type %s at tier %s (its own tier, or a type of any tier) is stored', async (unitType, tier) => {
    const data = { ...validUnit(), tier, unitType }
    const response = await rest.call({ body: data, method: 'POST', path: '/units', token })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ tier, unitType })
  })
})

describe('changing a unit’s type or tier keeps REGULATIONS §2.1', () => {
  const tierOf = (body: Parameters<typeof fieldErrors>[0]) => fieldErrors(body).tier

  it.each([
    ['the type alone', { unitType: 'thpt' }, '«Trường THPT» là đơn vị cấp tỉnh, không thể là đơn vị cấp huyện.'],
    ['the tier alone', { tier: 'tinh' }, '«UBND cấp xã» là đơn vị cấp huyện, không thể là đơn vị cấp tỉnh.'],
  ])('%s is refused on tier, and the stored unit keeps its type and tier', async (_what, change, message) => {
    const id = world.units.unitA2.id
    const response = await rest.call({ body: change, method: 'PATCH', path: `/units/${id}`, token })
    expect(response.status).toBe(400)
    expect(tierOf(response.body)).toBe(message)
    const stored = await payload.findByID({ collection: 'units', depth: 0, id })
    expect({ tier: stored.tier, unitType: stored.unitType }).toEqual({ tier: 'huyen', unitType: 'xa' })
  })

  it('type and tier changed together to a matching pair are stored', async () => {
    const created = await payload.create({ collection: 'units', data: { ...validUnit(), name: 'Trường đổi cấp' } })
    const response = await rest.call({ body: { tier: 'tinh', unitType: 'thpt' }, method: 'PATCH', path: `/units/${created.id}`, token })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'units', depth: 0, id: created.id })
    expect({ tier: stored.tier, unitType: stored.unitType }).toEqual({ tier: 'tinh', unitType: 'thpt' })
  })
})

describe('updating a unit with bad input leaves it unchanged', () => {
  it('a negative member count on update is refused and the stored row keeps its values', async () => {
    const id = world.units.unitA1.id
    const response = await rest.call({ body: { memberCount: -7, name: 'Tên khác' }, method: 'PATCH', path: `/units/${id}`, token })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).memberCount).toMatch(/Số thành viên/)
    const stored = await payload.findByID({ collection: 'units', id })
    expect(stored.memberCount).toBe(world.units.unitA1.memberCount)
    expect(stored.name).toBe(world.units.unitA1.name)
  })
})

describe('REST honours the access rules', () => {
  it('anonymous requests cannot list units', async () => {
    const response = await rest.call({ method: 'GET', path: '/units' })
    expect(response.status).toBe(403)
  })

  it('a unit editor lists only its own unit and cannot open another', async () => {
    const editorToken = await rest.login({ email: world.users.unitEditor.email, password })
    const list = await rest.call({ method: 'GET', path: '/units?limit=100&depth=0', token: editorToken })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([world.units.unitA1.id])
    const other = await rest.call({ method: 'GET', path: `/units/${world.units.unitA2.id}`, token: editorToken })
    expect([403, 404]).toContain(other.status)
  })

  it('a unit editor cannot make itself admin over REST', async () => {
    const editor = world.users.unitEditor
    const editorToken = await rest.login({ email: editor.email, password })
    await rest.call({ body: { roles: ['admin'] }, method: 'PATCH', path: `/users/${editor.id}`, token: editorToken })
    const me = await rest.call({ method: 'GET', path: '/users/me', token: editorToken })
    expect(me.body.user.roles).toEqual(['unit-editor'])
    const stored = await payload.findByID({ collection: 'users', id: editor.id })
    expect(stored.roles).toEqual(['unit-editor'])
  })
})

describe('login lockout', () => {
  it('locks an account after five wrong passwords, even for the right password', async () => {
    const email = 'khoa.val@test.vn'
    await payload.create({ collection: 'users', data: { email, name: 'Khóa', password, roles: ['reviewer'], authority: world.authorities.districtA.id } })
    for (let i = 0; i < 5; i += 1) {
      const wrong = await rest.call({ body: { email, password: 'sai-mat-khau' }, method: 'POST', path: '/users/login' })
      expect(wrong.status).toBe(401)
    }
    const right = await rest.call({ body: { email, password }, method: 'POST', path: '/users/login' })
    expect(right.status).not.toBe(200)
    expect(right.body.token).toBeUndefined()
  })
})
