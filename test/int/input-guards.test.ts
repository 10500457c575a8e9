/**
 * Input shape before logic (issue 9, part 4), through the real REST and GraphQL route handlers:
 * malformed ids answer 404, malformed filters and query parameters 400 naming the field or the
 * parameter, malformed documents 400 naming the field before any hook runs — never 500 — and
 * nothing is stored from a refused write (read back from the database).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let tokens: { admin: string; districtAdmin: string; unitEditor: string }
let roundId: number
let selfAssessmentId: number
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  await loadCriteriaSets({ payload })
  world = await createWorld({ payload, tag: 'IGD' })
  const setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  roundId = (await createRound({ payload, setIds: [setId], title: 'Đợt IGD', world })).id
  selfAssessmentId = (await payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, unit: world.units.unitA1!.id } as never, overrideAccess: false, user: world.users.unitEditor })).id
  tokens = {
    admin: await rest.login({ email: world.users.admin.email, password }),
    districtAdmin: await rest.login({ email: world.users.districtAdmin.email, password }),
    unitEditor: await rest.login({ email: world.users.unitEditor.email, password }),
  }
})
afterAll(async () => {
  await closeTestPayload(payload)
})

const units = async () => (await payload.find({ collection: 'units', depth: 0, limit: 0, pagination: false, where: { code: { like: 'IGD-' } } })).docs
const firstMessage = (body: { errors?: { message?: string }[] }) => body.errors?.[0]?.message ?? ''
const fieldErrors = (body: { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }) => body.errors?.[0]?.data?.errors ?? []

describe('ids that are not PostgreSQL serials answer 404, as ids that do not exist', () => {
  it.each(['abc', '99999999999', '2147483648', '1.5', '0', '-1', '12abc', '1e3', '%00'])('GET /api/rounds/%s', async (id) => {
    const response = await rest.call({ method: 'GET', path: `/rounds/${id}`, token: tokens.admin })
    expect(response.status).toBe(404)
    expect(firstMessage(response.body)).toMatch(/^Không tìm thấy đợt đánh giá có mã «.+», hoặc bạn không có quyền xem\.$/)
  })

  it('answers the public register anonymously the same way', async () => {
    const response = await rest.call({ method: 'GET', path: '/recognitions/abc' })
    expect(response.status).toBe(404)
    expect(firstMessage(response.body)).toMatch(/^Không tìm thấy/)
  })

  it('refuses PATCH and DELETE on such ids with 404 and changes nothing', async () => {
    const before = await units()
    for (const method of ['PATCH', 'DELETE'] as const) {
      for (const id of ['abc', '99999999999', '1.5', `${world.units.unitA1!.id}abc`]) {
        const response = await rest.call({ body: method === 'PATCH' ? { name: 'Đổi tên' } : undefined, method, path: `/units/${id}`, token: tokens.admin })
        expect(response.status).toBe(404)
      }
    }
    expect(await units()).toEqual(before)
  })

  it('answers the custom endpoints with 404 too', async () => {
    for (const [method, path] of [['GET', '/rounds/abc/participation'], ['POST', '/rounds/99999999999/copy-to-next-year'], ['GET', '/self-assessments/1.5/consolidation'], ['POST', '/criteria-sets/abc/evaluate']] as const) {
      const response = await rest.call({ body: method === 'POST' ? {} : undefined, method, path, token: tokens.admin })
      expect(response.status).toBe(404)
    }
  })

  it('answers GraphQL with NotFound for an id no serial has', async () => {
    const response = await graphql({ query: `{ Round(id: -1) { id } }`, token: tokens.admin })
    expect(response.errors?.[0]?.extensions?.statusCode).toBe(404)
    expect(response.errors?.[0]?.message).toMatch(/^Không tìm thấy/)
  })
})

describe('filters: values checked against the field type, 400 naming the field', () => {
  it.each([
    ['where[authority][equals]=abc', '«Cấp quản lý»: giá trị lọc «abc» không phải mã bản ghi (số nguyên).'],
    ['where[authority][equals]=99999999999', '«Cấp quản lý»: giá trị lọc «99999999999» không phải mã bản ghi (số nguyên).'],
    ['where[id][in]=1,abc', '«Mã (id)»: giá trị lọc «abc» không phải mã bản ghi (số nguyên).'],
    ['where[tier][equals][x]=1', '«Cấp đơn vị»: giá trị lọc phải là một giá trị đơn, không phải đối tượng (đã gửi «{x}»).'],
    ['where[tier][in]=huyen,a%00b', '«Cấp đơn vị»: giá trị lọc chứa ký tự NUL (\\u0000).'],
    ['where[tier][like]=hu', 'Không dùng được toán tử «like» để lọc «Cấp đơn vị» (trường chọn từ danh mục, so sánh nguyên mã); dùng equals, not_equals, in, not_in hoặc exists.'],
    ['where[unitType][contains]=th', 'Không dùng được toán tử «contains» để lọc «Loại đơn vị» (trường chọn từ danh mục, so sánh nguyên mã); dùng equals, not_equals, in, not_in hoặc exists.'],
    ['where[memberCount][equals]=abc', '«Số thành viên»: giá trị lọc «abc» không phải là số.'],
    ['where[isActive][equals]=maybe', '«Đang hoạt động» chỉ lọc được theo true hoặc false (đã gửi «maybe»).'],
    ['where[createdAt][greater_than]=99999-01-01', '«Ngày tạo»: «99999-01-01» không phải ngày hợp lệ (năm từ 1 đến 9999).'],
    ['where[name][equals]=a%00b', '«Tên đơn vị»: giá trị lọc chứa ký tự NUL (\\u0000).'],
    ['where[authority.parent][equals]=x', '«Cấp quản lý › Cấp trên»: giá trị lọc «x» không phải mã bản ghi (số nguyên).'],
  ])('GET /api/units?%s', async (query, message) => {
    const response = await rest.call({ method: 'GET', path: `/units?${query}`, token: tokens.admin })
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe(message)
  })

  it('compares a tier or a unit type as its whole code: a code no catalogue row has matches nothing', async () => {
    const codes = async (query: string) => {
      const response = await rest.call({ method: 'GET', path: `/units?where[code][like]=IGD-&${query}&depth=0&limit=100`, token: tokens.admin })
      expect(response.status).toBe(200)
      return (response.body.docs as { code: string }[]).map((doc) => doc.code).sort()
    }
    const byTier = (tier: string) => units().then((docs) => docs.filter((doc) => doc.tier === tier).map((doc) => doc.code).sort())
    const [district, province] = [await byTier('huyen'), await byTier('tinh')]
    expect([district.length > 0, province.length > 0]).toEqual([true, true])
    expect(await codes('where[tier][equals]=huyen')).toEqual(district)
    expect(await codes('where[tier][in]=tinh,zzz')).toEqual(province)
    expect(await codes('where[tier][equals]=zzz')).toEqual([])
    // codes are lower case: an upper-case spelling is another code, not the district tier
    expect(await codes('where[tier][equals]=HUYEN')).toEqual([])
  })

  it('keeps refusing unknown fields and operators with 400, now in Vietnamese', async () => {
    const response = await rest.call({ method: 'GET', path: '/units?where[nope][equals]=1', token: tokens.admin })
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe('Không lọc hoặc sắp xếp được theo «nope»: trường không tồn tại hoặc bạn không có quyền xem trường này.')
    expect(response.body.errors[0].data).toEqual([{ path: 'nope' }])
  })

  it('refuses a filter that is not JSON, or nested past the bound', async () => {
    const broken = await rest.call({ method: 'GET', path: '/units?where={bad', token: tokens.admin })
    expect(broken.status).toBe(400)
    expect(firstMessage(broken.body)).toBe('Nội dung hoặc tham số gửi lên không phải JSON hợp lệ.')
    let deep: unknown = { name: { equals: 'x' } }
    for (let level = 0; level < 1500; level += 1) deep = { or: [deep] }
    const nested = await rest.call({ method: 'GET', path: `/units?where=${encodeURIComponent(JSON.stringify(deep))}`, token: tokens.admin })
    expect(nested.status).toBe(400)
    expect(firstMessage(nested.body)).toBe('Điều kiện lọc lồng nhau quá sâu (quá 32 tầng).')
  })

  it('refuses bulk writes with a bad filter and changes nothing', async () => {
    const before = await units()
    const patched = await rest.call({ body: { name: 'Đổi hết' }, method: 'PATCH', path: '/units?where[tier][like]=hu', token: tokens.admin })
    const deleted = await rest.call({ method: 'DELETE', path: '/units?where[memberCount][equals]=abc', token: tokens.admin })
    expect([patched.status, deleted.status]).toEqual([400, 400])
    expect(firstMessage(patched.body)).toMatch(/^Không dùng được toán tử «like» để lọc «Cấp đơn vị»/)
    expect(firstMessage(deleted.body)).toBe('«Số thành viên»: giá trị lọc «abc» không phải là số.')
    expect(await units()).toEqual(before)
  })

  it('checks GraphQL filters the same way', async () => {
    const response = await graphql({ query: '{ SelfAssessments(where: { result: { equals: "x" } }) { totalDocs } }', token: tokens.admin })
    expect(response.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(response.errors?.[0]?.message).toBe('«Kết quả (máy tính)» chỉ lọc được theo một khoá bên trong (ví dụ result.outcome) hoặc bằng «exists».')
  })

  it('checks filters on the collections Payload adds itself (preferences) too, over GraphQL and REST', async () => {
    for (const where of ['{ createdAt: { like: "0001-01-01T00:00:00.000Z" } }', '{ value: { within: { a: 1 } } }']) {
      const response = await graphql({ query: `{ PayloadPreferences(where: ${where}) { totalDocs } }`, token: tokens.unitEditor })
      expect(response.errors?.[0]?.extensions?.statusCode, where).toBe(400)
    }
    const overRest = await rest.call({ method: 'GET', path: `/payload-preferences?where[createdAt][like]=0001-01-01T00:00:00.000Z`, token: tokens.unitEditor })
    expect(overRest.status).toBe(400)
  })
})

describe('query parameters: 400 naming the parameter', () => {
  it.each([
    ['limit=abc', 'Tham số «limit» phải là số nguyên từ 0 đến 2147483647 (đã gửi «abc»).'],
    ['limit=1.5', 'Tham số «limit» phải là số nguyên từ 0 đến 2147483647 (đã gửi «1.5»).'],
    ['page=-1', 'Tham số «page» phải là số nguyên từ 1 đến 2147483647 (đã gửi «-1»).'],
    ['page=1e400', 'Tham số «page» phải là số nguyên từ 1 đến 2147483647 (đã gửi «Infinity»).'],
    ['depth=abc', 'Tham số «depth» phải là số nguyên từ 0 đến 100 (đã gửi «abc»).'],
    ['sort=name;drop', 'Tham số «sort» phải là tên trường (thêm dấu - phía trước để xếp giảm dần), cách nhau bởi dấu phẩy (đã gửi «["name;drop"]»).'],
  ])('GET /api/units?%s', async (query, message) => {
    const response = await rest.call({ method: 'GET', path: `/units?${query}`, token: tokens.admin })
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe(message)
  })

  it('still serves what the admin sends', async () => {
    const response = await rest.call({ method: 'GET', path: '/units?depth=0&limit=10&page=1&sort=-createdAt&where[code][like]=IGD-', token: tokens.admin })
    expect(response.status).toBe(200)
    expect(response.body.docs).toHaveLength(4)
  })
})

describe('documents: wrong JSON types refused before any hook, naming the field; nothing stored', () => {
  const roundData = { tier: 'huyen', title: 'Đợt bị từ chối', year: 2030 }
  const roundsTitled = async (title: string) => (await payload.find({ collection: 'rounds', depth: 0, limit: 0, pagination: false, where: { title: { equals: title } } })).totalDocs

  it.each([
    [{ plan: 'abc' }, 'plan', '«Kế hoạch cụ thể» phải là một danh sách dòng, đã gửi «abc».'],
    [{ plan: [{ due: '99999-01-01', task: 'Việc' }] }, 'plan.0.due', 'Kế hoạch cụ thể (dòng 1): «Ngày / đến ngày»: «99999-01-01» không phải ngày hợp lệ (năm từ 1 đến 9999).'],
    [{ team: [{ role: 'thanh-vien', user: 99_999_999_999 }] }, 'team.0.user', 'Đoàn đánh giá (dòng 1): «Thành viên»: «99999999999» không phải mã bản ghi hợp lệ (số nguyên từ 1 đến 2147483647).'],
    [{ year: 'hai nghìn' }, 'year', '«Năm đánh giá» phải là số, đã gửi «hai nghìn».'],
    [{ title: 'Đợt\u0000' }, 'title', '«Tên đợt đánh giá» chứa ký tự NUL (\\u0000), không lưu hay tìm được.'],
  ])('POST /api/rounds with %j', async (extra, path, message) => {
    const response = await rest.call({ body: { ...roundData, authority: world.authorities.districtA.id, ...extra }, method: 'POST', path: '/rounds', token: tokens.admin })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message, path })])
    expect(await roundsTitled('Đợt bị từ chối')).toBe(0)
  })

  it('refuses a body that is not an object', async () => {
    for (const body of [[1, 2], 'abc', 5]) {
      const response = await rest.call({ body, method: 'POST', path: '/units', token: tokens.admin })
      expect(response.status).toBe(400)
      expect(firstMessage(response.body)).toMatch(/^Nội dung gửi lên phải là một đối tượng JSON \{ tên trường: giá trị \}, đã gửi /)
    }
  })

  it('refuses prototype keys and NUL characters anywhere', async () => {
    const body = JSON.parse(`{"code":"IGD-Z","name":"x","authority":${world.authorities.districtA.id},"tier":"huyen","unitType":"xa","__proto__":{"roles":["admin"]}}`)
    const response = await rest.call({ body, method: 'POST', path: '/units', token: tokens.admin })
    expect(response.status).toBe(400)
    expect(firstMessage(response.body)).toBe('Tên trường «__proto__» không được phép.')
    expect((await units()).map((unit) => unit.code)).not.toContain('IGD-Z')
  })

  describe("a unit's answers sent in the wrong shape never reach the self-assessment hooks", () => {
    const answersOf = async () => (await payload.findByID({ collection: 'self-assessments', depth: 0, id: selfAssessmentId })).answers

    it.each([['một chuỗi'], [5], [{ a: 1 }]])('answers = %j → 400, answers unchanged', async (answers) => {
      const before = await answersOf()
      const response = await rest.call({ body: { answers }, method: 'PATCH', path: `/self-assessments/${selfAssessmentId}`, token: tokens.unitEditor })
      expect(response.status).toBe(400)
      expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^«Tự đánh giá theo chỉ tiêu» phải là một danh sách dòng/), path: 'answers' })])
      expect(await answersOf()).toEqual(before)
    })

    it('an explanation nested thousands of levels deep → 400 naming «Giải trình», answers unchanged', async () => {
      const before = await answersOf()
      let explanation: unknown = 'x'
      for (let level = 0; level < 2500; level += 1) explanation = { a: explanation }
      const rows = (before ?? []).map((row, index) => (index === 0 ? { ...row, explanation } : row))
      const response = await rest.call({ body: { answers: rows }, method: 'PATCH', path: `/self-assessments/${selfAssessmentId}`, token: tokens.unitEditor })
      expect(response.status).toBe(400)
      const [problem] = fieldErrors(response.body)
      expect(problem?.path).toBe('answers.0.explanation')
      expect(problem?.message).toMatch(/«Giải trình» lồng nhau quá sâu \(quá 32 tầng\)\.$/)
      expect(await answersOf()).toEqual(before)
    })
  })

  it('refuses a login whose email or password is not text (Payload reads them as empty), in Vietnamese', async () => {
    const response = await rest.call({ body: { email: 5, password: { a: 1 } }, method: 'POST', path: '/users/login' })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ message: '«Email» là bắt buộc.', path: 'email' })])
    expect(firstMessage(response.body)).toBe('Chưa đăng nhập được, cần sửa trường: Email')
  })
})
