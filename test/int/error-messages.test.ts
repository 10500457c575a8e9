/**
 * Messages people can read (issue 9, part 5), through the real REST and GraphQL route handlers:
 * Payload's generic texts become Vietnamese sentences naming the field by its label and each row
 * by its code (from the request or the stored document), our own messages are kept, paths stay
 * for machines; bad input that still reaches the database answers 4xx without SQL; a saturated
 * database answers 503 with Retry-After. Nothing is stored from a refused request.
 */
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import { serverErrorMessage, unavailableMessage } from '@hooks/errorMessages'

import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let adminToken: string
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })
const get = REST_GET(config)

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'ERM' })
  adminToken = await rest.login({ email: world.users.admin.email, password })
})
afterEach(() => {
  vi.restoreAllMocks()
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const firstMessage = (body: { errors?: { message?: string }[] }) => body.errors?.[0]?.message ?? ''
const fieldErrors = (body: { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }) => body.errors?.[0]?.data?.errors ?? []
const setsCoded = async (code: string) => (await payload.find({ collection: 'criteria-sets', depth: 0, draft: true, where: { code: { equals: code } } })).totalDocs
const unitsCoded = async (code: string) => (await payload.find({ collection: 'units', depth: 0, where: { code: { equals: code } } })).totalDocs

const indicator = (code: string, extra: Record<string, unknown> = {}) => ({ code, evidenceRequired: false, measure: 'boolean', text: `Chỉ tiêu ${code}`, ...extra })
const criteriaSet = (code: string, indicators: Record<string, unknown>[]) => ({
  authority: world.authorities.province.id,
  code,
  criteria: [{ code: 'TC1', indicators, title: 'Tiêu chí một' }],
  model: 'pass-fail',
  regime: 'tt24-2023',
  title: `Bộ ${code}`,
})

describe('field errors name the field by its label and each row by its code', () => {
  it('places a refused value under its criterion, indicator and row (codes from the request)', async () => {
    const body = criteriaSet('ERM-SET-1', [indicator('TC1.CT1'), indicator('TC1.CT2'), indicator('TC1.CT3', { appliesTo: [{ unitType: 'xa' }, { unitType: 'zzz' }] })])
    const response = await rest.call({ body, method: 'POST', path: '/criteria-sets', token: adminToken })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].name).toBe('ValidationError')
    const [problem] = fieldErrors(response.body)
    expect(problem?.path).toBe('criteria.0.indicators.2.appliesTo.1.unitType')
    // a unit type is a row of the catalogue: an unknown code is refused on its row, in the catalogue's words
    expect(problem?.message).toBe('Tiêu chí TC1 › Chỉ tiêu TC1.CT3 › Chỉ áp dụng cho loại đơn vị (dòng 2): Loại đơn vị «zzz» không có trong danh mục loại đơn vị.')
    expect(firstMessage(response.body)).toBe('Chưa lưu được, cần sửa trường: Tiêu chí TC1 › Chỉ tiêu TC1.CT3 › Chỉ áp dụng cho loại đơn vị (dòng 2) › Loại đơn vị')
    expect(await setsCoded('ERM-SET-1')).toBe(0)
  })

  it('refuses a set of a tier the catalogue lacks on its tier, before the database sees it', async () => {
    const response = await rest.call({ body: { ...criteriaSet('ERM-SET-4', [indicator('TC1.CT1')]), tier: 'zzz' }, method: 'POST', path: '/criteria-sets', token: adminToken })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].name).toBe('ValidationError')
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: 'Cấp đơn vị «zzz» không có trong danh mục cấp đơn vị.', path: 'tier' })])
    expect(await setsCoded('ERM-SET-4')).toBe(0)
  })

  it("rewrites Payload's own 'required' inside a row into a sentence naming field and row", async () => {
    const body = criteriaSet('ERM-SET-2', [indicator('TC1.CT1'), indicator('TC1.CT2', { text: '' })])
    const response = await rest.call({ body, method: 'POST', path: '/criteria-sets', token: adminToken })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toContainEqual(expect.objectContaining({ message: 'Tiêu chí TC1 › Chỉ tiêu TC1.CT2: «Nội dung (nguyên văn văn bản)» là bắt buộc.', path: 'criteria.0.indicators.1.text' }))
    expect(JSON.stringify(response.body)).not.toMatch(/Field sau|Trường này là bắt buộc|This field is required/)
    expect(await setsCoded('ERM-SET-2')).toBe(0)
  })

  it('takes row codes from the stored document when the request did not carry the rows', async () => {
    const draft = await payload.create({
      collection: 'criteria-sets',
      data: criteriaSet('ERM-SET-3', [indicator('TC1.CT1'), indicator('TC1.CT2', { measure: 'ratio', threshold: 'nhiều lắm' })]) as never,
      draft: true,
    })
    const response = await rest.call({ body: { _status: 'published' }, method: 'PATCH', path: `/criteria-sets/${draft.id}`, token: adminToken })
    expect(response.status).toBe(400)
    const problem = fieldErrors(response.body).find((error) => error.path === 'criteria.0.indicators.1.threshold')
    expect(problem?.message).toMatch(/TC1\.CT2/)
    expect(problem?.message).not.toMatch(/criteria\.0\.indicators/)
    expect(firstMessage(response.body)).toContain('Tiêu chí TC1 › Chỉ tiêu TC1.CT2 › Ngưỡng đạt')
    const stored = await payload.findByID({ collection: 'criteria-sets', depth: 0, draft: true, id: draft.id })
    expect(stored._status).toBe('draft')
  })

  it('keeps the messages our own hooks wrote, without a second prefix', async () => {
    const response = await rest.call({ body: { authority: world.authorities.districtA.id, code: 'ERM-U9', name: '  ', tier: 'huyen', unitType: 'xa' }, method: 'POST', path: '/units', token: adminToken })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: 'Tên đơn vị không được để trống.', path: 'name' })])
    expect(await unitsCoded('ERM-U9')).toBe(0)
  })

  it("rewrites Payload's 'Lỗi - Giá trị không được trùng lặp.' naming the field and the value", async () => {
    const response = await rest.call({ body: { authority: world.authorities.districtA.id, code: 'ERM-A1', name: 'Trùng mã', tier: 'huyen', unitType: 'xa' }, method: 'POST', path: '/units', token: adminToken })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: '«Mã đơn vị» «ERM-A1» đã được dùng cho một bản ghi khác; hãy chọn giá trị khác.', path: 'code' })])
    expect(firstMessage(response.body)).toBe('Chưa lưu được, cần sửa trường: Mã đơn vị')
    expect(await unitsCoded('ERM-A1')).toBe(1)
  })

  it('answers GraphQL in Vietnamese too: a reference to nothing that reached the database is a 400 naming the field', async () => {
    const response = await graphql({ query: 'mutation { createUnit(data: { code: "ERM-G1", name: "G", tier: "huyen", unitType: "xa", authority: 999999, memberCount: 5 }) { id } }', token: adminToken })
    const [error] = response.errors ?? []
    expect(error?.extensions?.statusCode, JSON.stringify(response.errors)).toBe(400)
    expect(error?.message).toBe('«Cấp quản lý»: không có bản ghi mã 999999 để tham chiếu tới.')
    expect(JSON.stringify(response.errors)).not.toMatch(/foreign key|constraint|insert|authority_id/)
    expect(await unitsCoded('ERM-G1')).toBe(0)
  })

  it('answers GraphQL validation errors with the sentences and keeps their paths', async () => {
    const response = await graphql({ query: 'mutation { createUnit(data: { code: "ERM-G2", name: "  ", tier: "huyen", unitType: "xa", authority: ' + world.authorities.districtA.id + ', memberCount: 5 }) { id } }', token: adminToken })
    const [error] = response.errors ?? []
    expect(error?.extensions?.statusCode, JSON.stringify(response.errors)).toBe(400)
    expect(error?.message).toBe('Chưa lưu được, cần sửa trường: Tên đơn vị')
    expect((error?.extensions?.data as { errors: { message: string; path: string }[] }).errors).toEqual([expect.objectContaining({ message: 'Tên đơn vị không được để trống.', path: 'name' })])
    expect(await unitsCoded('ERM-G2')).toBe(0)
  })
})

describe("Payload's other generic answers, in Vietnamese", () => {
  it('Not Found names what was not found', async () => {
    const response = await rest.call({ method: 'GET', path: '/units/999999', token: adminToken })
    expect(response.status).toBe(404)
    expect(firstMessage(response.body)).toBe('Không tìm thấy đơn vị có mã «999999», hoặc bạn không có quyền xem.')
  })

  it('Forbidden says what may not be done', async () => {
    const response = await rest.call({ body: { code: 'ERM-X', name: 'x' }, method: 'POST', path: '/units' })
    expect(response.status).toBe(403)
    expect(firstMessage(response.body)).toBe('Bạn không có quyền thực hiện thao tác này với «Đơn vị».')
    expect(await unitsCoded('ERM-X')).toBe(0)
  })

  it('a wrong password says so', async () => {
    await payload.create({ collection: 'users', data: { email: 'sai.erm@test.vn', name: 'Sai', password, roles: ['reviewer'] } as never })
    const response = await rest.call({ body: { email: 'sai.erm@test.vn', password: 'khong-dung' }, method: 'POST', path: '/users/login' })
    expect(response.status).toBe(401)
    expect(firstMessage(response.body)).toBe('Email hoặc mật khẩu không đúng.')
  })
})

describe('the database: bad input → 4xx without SQL, saturation → 503 with Retry-After', () => {
  const dbError = (message: string, fields: Record<string, string>) => Object.assign(new Error(`Failed query: select "units"."id" from "units"`), { cause: Object.assign(new Error(message), fields) })
  const getRaw = async (path: string) => {
    const url = new URL(`http://localhost/api${path}`)
    const response = await get(new Request(url, { headers: { Authorization: `JWT ${adminToken}` } }), { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
    return { body: await response.json(), retryAfter: response.headers.get('Retry-After'), status: response.status }
  }

  /** The next read of a unit fails with `error` (the account lookup of the JWT strategy still works). */
  const failNextUnitRead = (error: Error) => {
    const findOne = payload.db.findOne.bind(payload.db)
    let isPending = true
    vi.spyOn(payload.db, 'findOne').mockImplementation(async (args) => {
      if (isPending && args.collection === 'units') {
        isPending = false
        throw error
      }
      return findOne(args)
    })
  }

  it('"too many clients" → 503, Retry-After, a Vietnamese message', async () => {
    failNextUnitRead(dbError('sorry, too many clients already', { code: '53300' }))
    const response = await getRaw(`/units/${world.units.unitA1!.id}`)
    expect(response).toMatchObject({ retryAfter: '5', status: 503 })
    expect(firstMessage(response.body)).toBe(unavailableMessage)
  })

  it('a pool that cannot hand out a connection in time → 503', async () => {
    vi.spyOn(payload.db, 'find').mockRejectedValueOnce(new Error('timeout exceeded when trying to connect (5000 ms, 8 giao dịch đang mở)'))
    const response = await getRaw('/units?limit=1')
    expect(response).toMatchObject({ retryAfter: '5', status: 503 })
  })

  it('a value of the wrong type that reached the database → 400, no SQL in the answer', async () => {
    vi.spyOn(payload.db, 'find').mockRejectedValueOnce(dbError('invalid input syntax for type integer: "NaN"', { code: '22P02' }))
    const response = await getRaw('/units?limit=1')
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe('Giá trị «NaN» không đúng kiểu dữ liệu của trường (ví dụ chữ ở chỗ cần số, hoặc một lựa chọn không có trong danh sách).')
    expect(JSON.stringify(response.body)).not.toMatch(/select|integer|units"/i)
  })

  it('a duplicate the database refused → 409 naming the field, nothing stored', async () => {
    vi.spyOn(payload.db, 'create').mockRejectedValueOnce(
      Object.assign(new Error('Failed query: insert into "units" …'), { cause: Object.assign(new Error('duplicate key value violates unique constraint "units_code_idx"'), { code: '23505', detail: 'Key (code)=(ERM-D1) already exists.', table: 'units' }) }),
    )
    const response = await rest.call({ body: { authority: world.authorities.districtA.id, code: 'ERM-D1', name: 'Trùng', tier: 'huyen', unitType: 'xa' }, method: 'POST', path: '/units', token: adminToken })
    expect(response.status).toBe(409)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: 'Đã có Đơn vị khác với cùng «Mã đơn vị» (ERM-D1); mỗi giá trị chỉ dùng được một lần.', path: 'code' })])
    expect(JSON.stringify(response.body)).not.toMatch(/constraint|insert|units_code_idx/)
    expect(await unitsCoded('ERM-D1')).toBe(0)
  })

  it('anything else stays a 500, in Vietnamese and without details', async () => {
    failNextUnitRead(new TypeError("Cannot read properties of undefined (reading 'map')"))
    const response = await getRaw(`/units/${world.units.unitA1!.id}`)
    expect(response.status).toBe(500)
    expect(response.body).toEqual({ errors: [{ message: serverErrorMessage }] })
  })
})
