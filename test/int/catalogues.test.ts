/**
 * Tiers and unit types as data a province edits (issue 11, REGULATIONS §2.1, §5.2.5): who reads and
 * writes the catalogues over REST and GraphQL; a code already taken or still in use; the type × tier
 * rule checked on rounds, self-assessments and the public evaluation endpoint; and a province that
 * adds its own commune tier and unit type and runs a round on them without a developer.
 */
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { answeredDossier, as, createAccount, updateDossier } from './helpers/dossiers'
import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient, type RestResponse } from './helpers/rest'
import { openYear, setIdByCode } from './helpers/rounds'
import { settleSets } from './helpers/settle'
import { createWorld, password, problemsOf, type World } from './helpers/world'

let payload: Payload
let world: World
const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })

const roles = ['admin', 'provinceAdmin', 'districtAdmin', 'reviewer', 'unitEditor'] as const
type Role = (typeof roles)[number]
const tokens = {} as Record<Role, string>
/** the national sets (read only: other files publish corrections to them) and this file's own published copies, which its rounds use */
const sets = {} as Record<'huyen1' | 'tinh1' | 'tt22' | 'ownHuyen1' | 'ownTinh1', number>

beforeAll(async () => {
  payload = await getTestPayload()
  await loadCriteriaSets({ payload })
  world = await createWorld({ payload, tag: 'CAT' })
  for (const role of roles) tokens[role] = await rest.login({ email: world.users[role].email, password })
  sets.huyen1 = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  sets.tinh1 = await setIdByCode({ code: 'tt24-2023-tinh-1', payload })
  sets.tt22 = await setIdByCode({ code: 'tt22-2020', payload })
  const ownCopy = async (id: number, code: string) => {
    const copy = await payload.duplicate({ collection: 'criteria-sets', data: { authority: world.authorities.province.id, code }, id })
    return (await payload.update({ collection: 'criteria-sets', data: { _status: 'published' }, id: copy.id })).id
  }
  sets.ownHuyen1 = await ownCopy(sets.huyen1, 'cat-huyen-1')
  sets.ownTinh1 = await ownCopy(sets.tinh1, 'cat-tinh-1')
  // the rounds here open on the copies: their unknowns are confirmed with test values (a round does not open on an unsettled set)
  await settleSets({ payload, setIds: [sets.ownHuyen1, sets.ownTinh1] })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

type Slug = 'tiers' | 'unit-types'

const call = ({ body, method, path, role }: { body?: unknown; method: 'DELETE' | 'GET' | 'PATCH' | 'POST'; path: string; role?: Role }) =>
  rest.call({ body, method, path, token: role ? tokens[role] : undefined })

/** The field problems of a refused REST write, by path. */
const fieldErrors = (response: RestResponse): Record<string, string> =>
  Object.fromEntries(((response.body?.errors?.[0]?.data?.errors ?? []) as { message: string; path: string }[]).map((error) => [error.path, error.message]))

const stored = async (slug: Slug, id: string) => {
  const { docs } = await payload.find({ collection: slug, depth: 0, limit: 1, where: { id: { equals: id } } })
  return (docs[0] ?? null) as unknown as (Record<string, unknown> & { id: string }) | null
}

const isRefused = (status: number) => status === 401 || status === 403 || status === 404

describe('who reads and writes the catalogues', () => {
  it.each([
    ['tiers', ['huyen', 'tinh']],
    ['unit-types', ['xa', 'thcs', 'thpt', 'khac']],
  ] as const)('%s: everyone reads them in their order, anonymous included (REST and GraphQL)', async (slug, codes) => {
    for (const role of [undefined, ...roles]) {
      const response = await call({ method: 'GET', path: `/${slug}?limit=0&depth=0&sort=order`, role })
      expect(response.status, String(role)).toBe(200)
      const ids = response.body.docs.map((doc: { id: string }) => doc.id)
      expect(ids, String(role)).toEqual(expect.arrayContaining([...codes]))
      expect(ids.indexOf(codes[0]), String(role)).toBeLessThan(ids.indexOf(codes[1]))
    }
    const name = slug === 'tiers' ? 'Tiers' : 'UnitTypes'
    for (const role of [undefined, 'unitEditor'] as const) {
      const response = await graphql({ query: `{ ${name}(limit: 0, sort: "order") { docs { id label } } }`, token: role ? tokens[role] : undefined })
      expect(response.errors, String(role)).toBeUndefined()
      expect(response.data[name].docs.map((doc: { id: string }) => doc.id)).toEqual(expect.arrayContaining([...codes]))
    }
    const thpt = (await call({ method: 'GET', path: '/unit-types/thpt?depth=0' })).body
    expect(thpt).toMatchObject({ id: 'thpt', label: 'Trường THPT', tier: 'tinh' })
  })

  it('the admin writes national rows; an authority-admin creates rows owned by its own authority; nobody else creates', async () => {
    const national = await call({ body: { id: 'cat-quoc-gia', label: 'Cấp thử quốc gia', order: 90 }, method: 'POST', path: '/tiers?depth=0', role: 'admin' })
    expect(national.status).toBe(201)
    expect(national.body.doc).toMatchObject({ authority: null, id: 'cat-quoc-gia' })

    // no owner sent: the creator's own authority (ownAuthorityByDefault)
    const own = await call({ body: { id: 'cat-tinh-rieng', label: 'Loại riêng của tỉnh', order: 900 }, method: 'POST', path: '/unit-types', role: 'provinceAdmin' })
    expect(own.status).toBe(201)
    expect(await stored('unit-types', 'cat-tinh-rieng')).toMatchObject({ authority: world.authorities.province.id, tier: null })

    const outside = await call({ body: { authority: world.authorities.districtB.id, id: 'cat-huyen-b', label: 'Của huyện khác' }, method: 'POST', path: '/tiers', role: 'districtAdmin' })
    expect(isRefused(outside.status)).toBe(true)
    expect(await stored('tiers', 'cat-huyen-b')).toBeNull()

    for (const role of [undefined, 'reviewer', 'unitEditor'] as const) {
      for (const slug of ['tiers', 'unit-types'] as const) {
        const response = await call({ body: { id: `cat-${role ?? 'an-danh'}`, label: 'Không được tạo' }, method: 'POST', path: `/${slug}`, role })
        expect(isRefused(response.status), `${role} ${slug}`).toBe(true)
        expect(await stored(slug, `cat-${role ?? 'an-danh'}`)).toBeNull()
      }
    }

    const viaGraphql = await graphql({ query: 'mutation { createTier(data: { id: "cat-gql-tinh", label: "Cấp qua GraphQL", order: 92 }) { id authority { id } } }', token: tokens.provinceAdmin })
    expect(viaGraphql.errors).toBeUndefined()
    expect(viaGraphql.data.createTier).toEqual({ authority: { id: world.authorities.province.id }, id: 'cat-gql-tinh' })
    for (const role of [undefined, 'reviewer', 'unitEditor'] as const) {
      const refused = await graphql({ query: `mutation { createUnitType(data: { id: "cat-gql-${role ?? 'x'}", label: "Không được" }) { id } }`, token: role ? tokens[role] : undefined })
      expect(refused.errors?.[0]?.extensions?.statusCode, String(role)).toBe(403)
      expect(await stored('unit-types', `cat-gql-${role ?? 'x'}`)).toBeNull()
    }
  })

  it('an authority-admin changes and deletes only its own rows; a national row or another authority’s stays as it was', async () => {
    await payload.create({ collection: 'tiers', data: { authority: world.authorities.province.id, id: 'cat-sua', label: 'Cấp để sửa', order: 91 } })
    const renamed = await call({ body: { label: 'Cấp đã sửa' }, method: 'PATCH', path: '/tiers/cat-sua', role: 'provinceAdmin' })
    expect(renamed.status).toBe(200)
    expect((await stored('tiers', 'cat-sua'))?.label).toBe('Cấp đã sửa')

    const attempts: [Role | undefined, string][] = [
      ['districtAdmin', '/tiers/cat-sua'],
      ['reviewer', '/tiers/cat-sua'],
      ['unitEditor', '/tiers/cat-sua'],
      [undefined, '/tiers/cat-sua'],
      ['provinceAdmin', '/tiers/huyen'],
      ['provinceAdmin', '/unit-types/thpt'],
    ]
    for (const [role, path] of attempts) {
      const [, slug, id] = path.split('/') as [string, Slug, string]
      const before = await stored(slug, id)
      const patched = await call({ body: { label: 'Bị sửa trái phép' }, method: 'PATCH', path, role })
      expect(isRefused(patched.status), `${role} PATCH ${path}`).toBe(true)
      const deleted = await call({ method: 'DELETE', path, role })
      expect(isRefused(deleted.status), `${role} DELETE ${path}`).toBe(true)
      expect(await stored(slug, id), `${role} ${path}`).toEqual(before)
    }
    const viaGraphql = await graphql({ query: 'mutation { updateTier(id: "huyen", data: { label: "Bị sửa" }) { id } }', token: tokens.provinceAdmin })
    expect(viaGraphql.errors?.length).toBeGreaterThan(0)
    expect((await stored('tiers', 'huyen'))?.label).toBe('Cấp huyện')

    const removed = await call({ method: 'DELETE', path: '/tiers/cat-sua', role: 'provinceAdmin' })
    expect(removed.status).toBe(200)
    expect(await stored('tiers', 'cat-sua')).toBeNull()
  })

  it('a row still in use is not deleted, even by the admin: the refusal says what uses it', async () => {
    const tier = await call({ method: 'DELETE', path: '/tiers/huyen', role: 'admin' })
    expect(tier.status).toBe(400)
    expect(fieldErrors(tier).id).toMatch(/^Không xóa được: còn \d+ đơn vị, \d+ loại đơn vị, \d+ bộ tiêu chí/)
    expect((await stored('tiers', 'huyen'))?.label).toBe('Cấp huyện')

    const type = await call({ method: 'DELETE', path: '/unit-types/xa', role: 'admin' })
    expect(type.status).toBe(400)
    expect(fieldErrors(type).id).toMatch(/^Không xóa được: còn \d+ đơn vị/)
    expect(await stored('unit-types', 'xa')).not.toBeNull()

    // a type only an indicator's "Chỉ áp dụng cho" names: deleting it would quietly widen the indicator
    await payload.create({ collection: 'unit-types', data: { id: 'cat-chi-bo', label: 'Loại chỉ bộ tiêu chí dùng' } })
    await payload.create({
      collection: 'criteria-sets',
      data: {
        _status: 'draft',
        authority: world.authorities.province.id,
        code: 'cat-ap-dung',
        criteria: [{ code: 'TC1', indicators: [{ appliesTo: [{ unitType: 'cat-chi-bo' }], code: 'TC1.CT1', evidenceRequired: false, measure: 'boolean', text: 'Chỉ tiêu riêng' }], title: 'Tiêu chí một' }],
        model: 'pass-fail',
        regime: 'tt24-2023',
        title: 'Bộ dùng loại riêng',
      },
      draft: true,
    })
    const used = await call({ method: 'DELETE', path: '/unit-types/cat-chi-bo', role: 'admin' })
    expect(used.status).toBe(400)
    expect(fieldErrors(used).id).toBe('Không xóa được: còn 1 bộ tiêu chí dùng đến bản ghi này.')
    expect(await stored('unit-types', 'cat-chi-bo')).not.toBeNull()
  })

  it.each([
    ['tiers', 'huyen', 'Mã cấp «huyen» đã được dùng cho «Cấp huyện»; hãy chọn mã khác.', 'Cấp huyện'],
    ['unit-types', 'thpt', 'Mã loại đơn vị «thpt» đã được dùng cho «Trường THPT»; hãy chọn mã khác.', 'Trường THPT'],
  ] as const)('%s: a code already taken is refused naming it, and the row holding it is unchanged', async (slug, id, message, label) => {
    for (const role of ['admin', 'provinceAdmin'] as const) {
      const response = await call({ body: { id, label: 'Bản trùng mã' }, method: 'POST', path: `/${slug}`, role })
      expect(response.status, role).toBe(400)
      expect(fieldErrors(response), role).toEqual({ id: message })
    }
    const name = slug === 'tiers' ? 'createTier' : 'createUnitType'
    const viaGraphql = await graphql({ query: `mutation { ${name}(data: { id: "${id}", label: "Bản trùng mã" }) { id } }`, token: tokens.admin })
    expect(viaGraphql.errors?.[0]?.extensions?.data).toMatchObject({ errors: [{ message, path: 'id' }] })
    expect((await stored(slug, id))?.label).toBe(label)
  })

  it('a code of another shape, or a type’s tier that is not in the catalogue, is refused naming the field', async () => {
    const shape = await call({ body: { id: 'Cấp Xã', label: 'Cấp xã' }, method: 'POST', path: '/tiers', role: 'admin' })
    expect(shape.status).toBe(400)
    expect(JSON.stringify(shape.body)).toContain('Cấp Xã')
    expect(await stored('tiers', 'Cấp Xã')).toBeNull()

    const tier = await call({ body: { id: 'cat-lac-cap', label: 'Loại lạc cấp', tier: 'khong-co-cap' }, method: 'POST', path: '/unit-types', role: 'admin' })
    expect(tier.status).toBe(400)
    expect(fieldErrors(tier)).toEqual({ tier: 'Cấp đơn vị «khong-co-cap» không có trong danh mục cấp đơn vị.' })
    expect(await stored('unit-types', 'cat-lac-cap')).toBeNull()
  })

  it('a type is not moved to a tier while units of another tier use it', async () => {
    const response = await call({ body: { tier: 'tinh' }, method: 'PATCH', path: '/unit-types/xa', role: 'admin' })
    expect(response.status).toBe(400)
    expect(fieldErrors(response).tier).toMatch(/^Còn \d+ đơn vị thuộc loại này không phải đơn vị cấp tỉnh; hãy sửa cấp của các đơn vị đó trước/)
    expect((await stored('unit-types', 'xa'))?.tier).toBe('huyen')
  })
})

// ---------------------------------------------------------------------------------------------
// Rounds, self-assessments and the evaluation endpoint follow the tiers

const roundData = ({ authority, setIds, tier, title }: { authority: number; setIds: number[]; tier: string; title: string }) => ({
  authority,
  criteriaSets: setIds,
  status: 'draft' as const,
  team: [{ role: 'truong-doan' as const, user: world.users.reviewer.id }],
  tier,
  title,
  year: openYear(),
})

/** A round created by an authority-admin (always as a draft) and opened by it. */
const openRound = async ({ user, ...args }: Parameters<typeof roundData>[0] & { user: World['users'][keyof World['users']] }) => {
  const draft = await payload.create({ collection: 'rounds', data: roundData(args), ...as(user) })
  return payload.update({ collection: 'rounds', data: { status: 'open' }, id: draft.id, ...as(user) })
}

const setTitle = async (id: number) => (await payload.findByID({ collection: 'criteria-sets', depth: 0, id })).title

describe('a round offers the sets of its own tier', () => {
  it('a district round refuses a provincial set, naming it; nothing is stored', async () => {
    const before = (await payload.count({ collection: 'rounds' })).totalDocs
    const problems = await problemsOf(() =>
      payload.create({ collection: 'rounds', data: roundData({ authority: world.authorities.districtA.id, setIds: [sets.ownHuyen1, sets.ownTinh1], tier: 'huyen', title: 'Đợt CAT lẫn cấp' }), ...as(world.users.districtAdmin) }),
    )
    expect(problems).toEqual([{ message: `Bộ tiêu chí «${await setTitle(sets.ownTinh1)}» dành cho đơn vị cấp tỉnh, không dùng được trong đợt đánh giá đơn vị cấp huyện.`, path: 'criteriaSets' }])
    expect((await payload.count({ collection: 'rounds' })).totalDocs).toBe(before)
  })

  it('a set of no tier (TT 22) serves any round; changing the round’s tier under its sets is refused and nothing changes', async () => {
    const round = await payload.create({ collection: 'rounds', data: roundData({ authority: world.authorities.districtA.id, setIds: [sets.ownHuyen1, sets.tt22], tier: 'huyen', title: 'Đợt CAT huyện' }), ...as(world.users.districtAdmin) })
    const problems = await problemsOf(() => payload.update({ collection: 'rounds', data: { tier: 'tinh' }, id: round.id, ...as(world.users.districtAdmin) }))
    expect(problems).toEqual([{ message: `Bộ tiêu chí «${await setTitle(sets.ownHuyen1)}» dành cho đơn vị cấp huyện, không dùng được trong đợt đánh giá đơn vị cấp tỉnh.`, path: 'criteriaSets' }])
    expect((await payload.findByID({ collection: 'rounds', depth: 0, id: round.id })).tier).toBe('huyen')
  })

  it('the admin’s picker for a round’s sets offers those of the round’s tier and of none', async () => {
    const field = payload.collections.rounds.config.flattenedFields.find((candidate) => candidate.name === 'criteriaSets') as { filterOptions?: (args: { data: unknown }) => Where | boolean }
    // the five national sets as seeded (other files add copies of their own)
    const seededCodes = ['tt22-2020', 'tt24-2023-huyen-1', 'tt24-2023-huyen-2', 'tt24-2023-tinh-1', 'tt24-2023-tinh-2']
    const codesFor = async (tier: string) => {
      const where = field.filterOptions?.({ data: { tier } })
      expect(typeof where).toBe('object')
      const { docs } = await payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, where: { and: [where as Where, { code: { in: seededCodes } }] } })
      return docs.map((doc) => doc.code).sort()
    }
    expect(await codesFor('huyen')).toEqual(['tt22-2020', 'tt24-2023-huyen-1', 'tt24-2023-huyen-2'])
    expect(await codesFor('tinh')).toEqual(['tt22-2020', 'tt24-2023-tinh-1', 'tt24-2023-tinh-2'])
  })
})

describe('a self-assessment’s unit, round and set are of one tier', () => {
  it('a provincial unit does not enter a district round (the round’s authority covers it)', async () => {
    const round = await openRound({ authority: world.authorities.province.id, setIds: [sets.ownHuyen1], tier: 'huyen', title: 'Đợt CAT huyện của tỉnh', user: world.users.provinceAdmin })
    const problems = await problemsOf(() =>
      payload.create({ collection: 'self-assessments', data: { criteriaSet: sets.ownHuyen1, round: round.id, status: 'draft', unit: world.units.unitP1.id }, ...as(world.users.admin) }),
    )
    expect(problems).toEqual([{ message: `Đơn vị «${world.units.unitP1.name}» là đơn vị cấp tỉnh; đợt «Đợt CAT huyện của tỉnh» đánh giá đơn vị cấp huyện.`, path: 'unit' }])
    expect((await payload.count({ collection: 'self-assessments', where: { round: { equals: round.id } } })).totalDocs).toBe(0)
  })

  it('a THPT does not answer a district set, even in a round that (from before the check) still offers one', async () => {
    const thpt = await payload.create({ collection: 'units', data: { authority: world.authorities.province.id, code: 'CAT-THPT', memberCount: 60, name: 'Trường THPT CAT', tier: 'tinh', unitType: 'thpt' } })
    const round = await openRound({ authority: world.authorities.province.id, setIds: [sets.ownTinh1], tier: 'tinh', title: 'Đợt CAT tỉnh', user: world.users.provinceAdmin })
    // a round saved before sets were checked against its tier: written past the hooks
    await payload.db.updateOne({ collection: 'rounds', data: { criteriaSets: [sets.ownTinh1, sets.ownHuyen1] }, id: round.id })
    const create = (setId: number) => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: round.id, status: 'draft', unit: thpt.id }, ...as(world.users.admin) })
    expect(await problemsOf(() => create(sets.ownHuyen1))).toEqual([
      { message: `Bộ tiêu chí «${await setTitle(sets.ownHuyen1)}» dành cho đơn vị cấp huyện; đơn vị «Trường THPT CAT» là đơn vị cấp tỉnh.`, path: 'criteriaSet' },
    ])
    expect((await payload.count({ collection: 'self-assessments', where: { round: { equals: round.id } } })).totalDocs).toBe(0)
    const created = await create(sets.ownTinh1)
    expect(created.criteriaSet).toBe(sets.ownTinh1)
  })
})

describe('POST /api/criteria-sets/{id}/evaluate takes the catalogue’s unit types', () => {
  const evaluate = (setId: number, unitType: unknown) => rest.call({ body: { answers: {}, unitType }, method: 'POST', path: `/criteria-sets/${setId}/evaluate` })

  it('an unknown unit type answers 400 naming it', async () => {
    const response = await evaluate(sets.huyen1, 'truong-vu-tru')
    expect(response).toEqual({ body: { errors: [{ message: 'Loại đơn vị «truong-vu-tru» không có trong danh mục loại đơn vị.', path: 'unitType' }] }, status: 400 })
  })

  it.each([
    ['thpt', 'huyen1', '«Trường THPT» là đơn vị cấp tỉnh; bộ tiêu chí «%s» dành cho đơn vị cấp huyện.'],
    ['thcs', 'tinh1', '«Trường THCS» là đơn vị cấp huyện; bộ tiêu chí «%s» dành cho đơn vị cấp tỉnh.'],
  ] as const)('a %s against the %s set answers 400 naming both tiers', async (unitType, set, message) => {
    const response = await evaluate(sets[set], unitType)
    expect(response).toEqual({ body: { errors: [{ message: message.replace('%s', await setTitle(sets[set])), path: 'unitType' }] }, status: 400 })
  })

  it.each([
    ['thpt', 'tinh1'],
    ['co_quan_nha_nuoc', 'huyen1'],
    ['co_quan_nha_nuoc', 'tinh1'],
    ['thpt', 'tt22'],
    ['xa', 'tt22'],
  ] as const)('a %s against the %s set is evaluated', async (unitType, set) => {
    const response = await evaluate(sets[set], unitType)
    expect(response.status).toBe(200)
    expect(response.body.isComplete).toBe(false)
  })
})

describe('a province adds its own commune tier and unit type, and runs a round on them', () => {
  it('tier «Cấp xã», a type in it, a unit, a set and a round of that tier, and the unit’s self-assessment', async () => {
    const admin = 'provinceAdmin' as const
    const tier = await call({ body: { evaluatedBy: 'UBND cấp xã (Bắc Sơn, seed 002)', id: 'xa-hoc-tap', label: 'Cấp xã', order: 30 }, method: 'POST', path: '/tiers?depth=0', role: admin })
    expect(tier.status).toBe(201)
    expect(tier.body.doc).toMatchObject({ authority: world.authorities.province.id, id: 'xa-hoc-tap', label: 'Cấp xã' })
    const type = await call({ body: { id: 'thon-to-dan-pho', label: 'Thôn, tổ dân phố', tier: 'xa-hoc-tap' }, method: 'POST', path: '/unit-types?depth=0', role: admin })
    expect(type.status).toBe(201)
    expect(type.body.doc).toMatchObject({ authority: world.authorities.province.id, tier: 'xa-hoc-tap' })

    const unitBody = { authority: world.authorities.districtA.id, code: 'CAT-THON', memberCount: 30, name: 'Thôn Nà Lầu', tier: 'xa-hoc-tap', unitType: 'thon-to-dan-pho' }
    const wrongTier = await call({ body: { ...unitBody, tier: 'huyen' }, method: 'POST', path: '/units', role: admin })
    expect(wrongTier.status).toBe(400)
    expect(fieldErrors(wrongTier)).toEqual({ tier: '«Thôn, tổ dân phố» là đơn vị cấp xã, không thể là đơn vị cấp huyện.' })
    const unit = await call({ body: unitBody, method: 'POST', path: '/units', role: admin })
    expect(unit.status).toBe(201)

    const set = await call({
      body: {
        _status: 'published',
        authority: world.authorities.province.id,
        code: 'cat-xa-hoc-tap-1',
        criteria: [
          {
            code: 'TC1',
            indicators: [
              { code: 'TC1.CT1', evidenceRequired: false, isVerified: true, measure: 'boolean', source: 'KH thử nghiệm của tỉnh CAT', text: 'Thôn có kế hoạch học tập hằng năm' },
              { appliesTo: [{ unitType: 'thon-to-dan-pho' }], code: 'TC1.CT2', evidenceRequired: false, isVerified: true, measure: 'boolean', source: 'KH thử nghiệm của tỉnh CAT', text: 'Thôn có tủ sách cộng đồng' },
            ],
            title: 'Điều kiện học tập',
          },
        ],
        level: 1,
        model: 'pass-fail',
        regime: 'tt24-2023',
        tier: 'xa-hoc-tap',
        title: 'Đơn vị học tập cấp xã CAT, mức độ 1',
      },
      method: 'POST',
      path: '/criteria-sets',
      role: admin,
    })
    expect(set.status, JSON.stringify(set.body)).toBe(201)
    const setId = set.body.doc.id as number

    const evaluated = await rest.call({ body: { answers: { 'TC1.CT1': true, 'TC1.CT2': true }, unitType: 'thon-to-dan-pho' }, method: 'POST', path: `/criteria-sets/${setId}/evaluate` })
    expect(evaluated.status).toBe(200)
    expect(evaluated.body.outcome.isMet).toBe(true)
    expect((await rest.call({ body: { answers: {}, unitType: 'thpt' }, method: 'POST', path: `/criteria-sets/${setId}/evaluate` })).status).toBe(400)

    // no dossier checklist: this round is about the tier, and its unit submits answers without attachments
    const roundBody = { ...roundData({ authority: world.authorities.province.id, setIds: [setId], tier: 'xa-hoc-tap', title: 'Đánh giá Đơn vị học tập cấp xã CAT' }), deadlines: { submission: { day: 31, kind: 'by', month: 1, yearOffset: '1' } }, dossier: [] }
    const mixed = await call({ body: { ...roundBody, criteriaSets: [setId, sets.ownHuyen1] }, method: 'POST', path: '/rounds', role: admin })
    expect(mixed.status).toBe(400)
    expect(fieldErrors(mixed).criteriaSets).toBe(`Bộ tiêu chí «${await setTitle(sets.ownHuyen1)}» dành cho đơn vị cấp huyện, không dùng được trong đợt đánh giá đơn vị cấp xã.`)
    const round = await call({ body: roundBody, method: 'POST', path: '/rounds', role: admin })
    expect(round.status, JSON.stringify(round.body)).toBe(201)
    const roundId = round.body.doc.id as number
    const opened = await call({ body: { status: 'open' }, method: 'PATCH', path: `/rounds/${roundId}`, role: admin })
    expect(opened.status, JSON.stringify(opened.body)).toBe(200)

    // a district unit is not a commune-level one
    expect(await problemsOf(() => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, status: 'draft', unit: world.units.unitA1.id }, ...as(world.users.admin) }))).toEqual([
      { message: `Đơn vị «${world.units.unitA1.name}» là đơn vị cấp huyện; đợt «Đánh giá Đơn vị học tập cấp xã CAT» đánh giá đơn vị cấp xã.`, path: 'unit' },
    ])

    const editor = await createAccount({ email: 'thon.cat@test.vn', payload, role: 'unit-editor', unit: unit.body.doc.id })
    const answered = await answeredDossier({ editor, payload, roundId, setId })
    expect(answered.answers?.map((row) => [row.indicator, row.isApplicable])).toEqual([
      ['TC1.CT1', true],
      ['TC1.CT2', true],
    ])
    expect(answered.outcome).toBe('met')
    const submitted = await updateDossier({ data: { status: 'submitted' }, id: answered.id, payload, user: editor })
    expect(submitted).toMatchObject({ outcome: 'met', status: 'submitted' })
  })
})
