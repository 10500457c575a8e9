/**
 * POST /api/units/import on real PostgreSQL, over REST: units and their invited unit-editor
 * accounts are created with the collections' own values and relations; an invited account has no
 * password — it cannot sign in until it sets one with the invitation's token, then it can; any bad
 * row (shape, value, duplicate in the file or in the database, authority out of reach) is named by
 * row and field and nothing at all is written (read back); a failure inside the write rolls
 * everything back; the role × outcome matrix; the invitations are mailed after the commit, or
 * summed up in one log line without SMTP.
 */
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import { importUnits, invitationDays } from '@collections/units/import'
import { importLabels, importLimits } from '@collections/units/importRows'
import { labelOf as fieldLabel } from '@hooks/inputGuards'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
const rest = createRestClient({ config })
type Role = keyof World['users']
const tokens = {} as Record<Role, string>

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'IMP' })
  for (const role of Object.keys(world.users) as Role[]) tokens[role] = await rest.login({ email: world.users[role].email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})
afterEach(() => {
  vi.restoreAllMocks()
})

let serial = 0
/** A valid row with a code and an account unique to the run. */
const row = (overrides: Record<string, unknown> = {}) => {
  serial += 1
  return {
    account: { email: `canbo${serial}.imp@truong.edu.vn`, name: `Cán bộ ${serial}` },
    authority: world.authorities.districtA.id,
    code: `IMP-U${serial}`,
    name: `Trường ${serial}`,
    tier: 'huyen',
    unitType: 'thcs',
    ...overrides,
  }
}

const post = ({ body, role }: { body: unknown; role?: Role }) => rest.call({ body, method: 'POST', path: '/units/import', token: role ? tokens[role] : undefined })

const counts = async () => ({
  audit: (await payload.count({ collection: 'audit-events', where: { action: { equals: 'import-units' } } })).totalDocs,
  units: (await payload.count({ collection: 'units' })).totalDocs,
  users: (await payload.count({ collection: 'users' })).totalDocs,
})

const storedUser = (email: string) => payload.db.findOne<{ id: number } & Record<string, unknown>>({ collection: 'users', where: { email: { equals: email } } })

describe('a valid import', () => {
  it('creates the units and their unit-editor accounts with the collections’ values, and one audit row', async () => {
    const before = await counts()
    const rows = [
      row({ email: 'lienhe@truong.edu.vn', learnerCount: 540, memberCount: 38 }),
      row({ account: { email: '  Hieu.Truong@Truong.EDU.vn ', name: ' Nguyễn Văn Hiệu ' }, authority: world.authorities.districtB.id, tier: 'tinh', unitType: 'thpt' }),
      row({ account: null, code: undefined, name: '  UBND xã Không Mã  ', unitType: 'xa' }),
    ]
    const response = await post({ body: { units: rows }, role: 'provinceAdmin' })
    expect(response.status).toBe(201)
    expect(response.body.created).toEqual({ accounts: 2, units: 3 })
    expect(response.body.units.map((unit: { row: number; code: string | null; name: string }) => [unit.row, unit.code, unit.name])).toEqual([
      [1, rows[0].code, rows[0].name],
      [2, rows[1].code, rows[1].name],
      [3, null, 'UBND xã Không Mã'],
    ])

    const ids = response.body.units.map((unit: { id: number }) => unit.id)
    const [first, second, third] = await Promise.all(ids.map((id: number) => payload.findByID({ collection: 'units', depth: 0, id })))
    expect(first).toMatchObject({ authority: world.authorities.districtA.id, code: rows[0].code, email: 'lienhe@truong.edu.vn', isActive: true, learnerCount: 540, memberCount: 38, tier: 'huyen', unitType: 'thcs' })
    expect(second).toMatchObject({ authority: world.authorities.districtB.id, learnerCount: null, memberCount: 0, tier: 'tinh', unitType: 'thpt' })
    expect(third).toMatchObject({ code: null, email: null, name: 'UBND xã Không Mã', unitType: 'xa' })

    const account = await storedUser('hieu.truong@truong.edu.vn')
    expect(account).toMatchObject({ authority: null, hash: null, name: 'Nguyễn Văn Hiệu', roles: ['unit-editor'], salt: null, unit: ids[1] })
    const expires = new Date(String(account?.resetPasswordExpiration)).getTime()
    expect(Math.abs(expires - (Date.now() + invitationDays * 86_400_000))).toBeLessThan(60_000)
    expect(String(account?.resetPasswordToken)).toMatch(/^[0-9a-f]{40}$/)
    const firstAccount = await storedUser(String(rows[0].account && (rows[0].account as { email: string }).email))
    expect(firstAccount).toMatchObject({ roles: ['unit-editor'], unit: ids[0] })
    expect(firstAccount?.resetPasswordToken).not.toBe(account?.resetPasswordToken)

    expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units + 3, users: before.users + 2 })
    const audit = await payload.find({ collection: 'audit-events', depth: 0, sort: '-id', where: { action: { equals: 'import-units' } } })
    // district A and B's nearest common authority, so the province's admin reads it
    expect(audit.docs[0]).toMatchObject({ actor: world.users.provinceAdmin.id, authority: world.authorities.province.id, collection: 'units', to: '3 đơn vị mới, 0 cập nhật, 2 tài khoản' })
    expect(audit.docs[0].comment).toMatch(/Nhập 3 đơn vị mới, cập nhật 0 đơn vị theo mã và tạo 2 tài khoản/)
  })

  it('an invited account cannot sign in until it sets its password with the invitation’s token; then it can', async () => {
    const invited = row()
    const email = (invited.account as { email: string }).email
    expect((await post({ body: { units: [invited] }, role: 'districtAdmin' })).status).toBe(201)

    const before = await rest.call({ body: { email, password: 'bat-ky-mat-khau' }, method: 'POST', path: '/users/login' })
    expect(before.status).toBe(401)
    expect(before.body.token).toBeUndefined()
    const empty = await rest.call({ body: { email, password: '' }, method: 'POST', path: '/users/login' })
    expect(empty.status).toBeGreaterThanOrEqual(400)
    expect(empty.status).toBeLessThan(500)

    const wrongToken = await rest.call({ body: { password: 'mat-khau-moi-123', token: 'f'.repeat(40) }, method: 'POST', path: '/users/reset-password' })
    expect(wrongToken.status).toBe(403)

    const token = String((await storedUser(email))?.resetPasswordToken)
    const reset = await rest.call({ body: { password: 'mat-khau-moi-123', token }, method: 'POST', path: '/users/reset-password' })
    expect(reset.status).toBe(200)
    expect(reset.body.token).toEqual(expect.any(String))

    const sessionToken = await rest.login({ email, password: 'mat-khau-moi-123' })
    const me = await rest.call({ method: 'GET', path: '/users/me', token: sessionToken })
    expect(me.body.user).toMatchObject({ email, roles: ['unit-editor'] })
    const units = await rest.call({ method: 'GET', path: '/units?depth=0', token: sessionToken })
    expect(units.body.docs.map((unit: { code: string }) => unit.code)).toEqual([invited.code])
    // the token is spent
    const again = await rest.call({ body: { password: 'mat-khau-khac-456', token }, method: 'POST', path: '/users/reset-password' })
    expect(again.status).toBe(403)
  })
})

describe('a bad file writes nothing', () => {
  it('one bad row among good ones: 400 naming it, and no unit, account or audit row is stored', async () => {
    const before = await counts()
    const rows = [row(), row(), row({ unitType: 'truong-vu-tru' }), row()]
    const response = await post({ body: { units: rows }, role: 'admin' })
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([{ message: expect.stringMatching(/^Dòng 3, «Loại đơn vị»: «truong-vu-tru» không có trong danh mục/), path: 'units.2.unitType' }])
    expect(await counts()).toEqual(before)
    expect((await payload.find({ collection: 'units', where: { code: { equals: rows[0].code } } })).totalDocs).toBe(0)
  })

  it('a failure inside the write rolls back the rows already inserted', async () => {
    const before = await counts()
    const req = (await createLocalReq({ user: { ...world.users.admin, collection: 'users' } }, payload)) as PayloadRequest
    // the audit row is the last write (hooks/audit.ts writes it through the adapter)
    const create = payload.db.create.bind(payload.db)
    vi.spyOn(payload.db, 'create').mockImplementation(((args: Parameters<Payload['db']['create']>[0]) =>
      args.collection === 'audit-events' ? Promise.reject(new Error('audit down')) : create(args)) as Payload['db']['create'])
    await expect(importUnits({ body: { units: [row(), row()] }, onInvitations: () => {}, req })).rejects.toThrow('audit down')
    vi.restoreAllMocks()
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['name', { name: '   ' }, 'Tên đơn vị', /không được để trống/],
    ['name', { name: 42 }, 'Tên đơn vị', /phải là chuỗi ký tự/],
    ['name', { name: 'Trường\u0000' }, 'Tên đơn vị', /NUL/],
    ['code', { code: ['A'] }, 'Mã đơn vị', /phải là chuỗi ký tự/],
    ['unitType', { unitType: undefined }, 'Loại đơn vị', /là bắt buộc/],
    // the catalogue's codes (other files add tiers and types of their own)
    ['tier', { tier: 'xa' }, 'Cấp đơn vị', /«xa» không có trong danh mục \((?=[^)]*\bhuyen\b)(?=[^)]*\btinh\b)[^)]*\)\.$/],
    ['unitType', { unitType: 'truong-vu-tru' }, 'Loại đơn vị', /«truong-vu-tru» không có trong danh mục \(xa, co_quan_dang, .*, thpt, .*khac[,)]/],
    // REGULATIONS §2.1: a THPT is a provincial-level unit, a THCS a district-level one
    ['tier', { tier: 'huyen', unitType: 'thpt' }, 'Cấp đơn vị', /^Dòng 5, «Cấp đơn vị»: «Trường THPT» là đơn vị cấp tỉnh, không thể là đơn vị cấp huyện\.$/],
    ['tier', { tier: 'tinh', unitType: 'thcs' }, 'Cấp đơn vị', /^Dòng 5, «Cấp đơn vị»: «Trường THCS» là đơn vị cấp huyện, không thể là đơn vị cấp tỉnh\.$/],
    ['authority', { authority: 'huyen-a' }, 'Cấp quản lý', /phải là mã id của một cấp quản lý/],
    ['authority', { authority: 2_147_483_648 }, 'Cấp quản lý', /phải là mã id/],
    ['memberCount', { memberCount: -3 }, 'Số thành viên', /số nguyên không âm/],
    ['memberCount', { memberCount: 10_000_001 }, 'Số thành viên', /không thể lớn hơn 10\.000\.000/],
    ['learnerCount', { learnerCount: 1.5 }, 'Số người học', /số nguyên không âm/],
    ['email', { email: 'khong-phai-email' }, 'Thư điện tử liên hệ', /không phải địa chỉ thư điện tử hợp lệ/],
    ['account', { account: 'gv@truong.vn' }, 'Tài khoản', /phải là một đối tượng \{ email, name \}/],
    ['account.email', { account: { email: 'a..b@truong.vn', name: 'A' } }, 'Tài khoản › Email', /không phải địa chỉ thư điện tử hợp lệ/],
    ['account.name', { account: { email: 'ten.trong@truong.vn', name: '' } }, 'Tài khoản › Họ và tên', /không được để trống/],
  ])('%s %j: named by row and field, nothing stored', async (field, override, label, message) => {
    const before = await counts()
    const response = await post({ body: { units: [row(), row(), row(), row(), row(override)] }, role: 'admin' })
    expect(response.status).toBe(400)
    expect(response.body.errors).toHaveLength(1)
    expect(response.body.errors[0].path).toBe(`units.4.${field}`)
    expect(response.body.errors[0].message.startsWith(`Dòng 5, «${label}»: `)).toBe(true)
    expect(response.body.errors[0].message).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('a unit type the province added to the catalogue imports like TT 24’s, at the tier it belongs to', async () => {
    await payload.create({ collection: 'unit-types', data: { id: 'imp-trung-tam', label: 'Trung tâm học tập cộng đồng IMP', order: 500, tier: 'huyen' } })
    const wrongTier = await post({ body: { units: [row({ tier: 'tinh', unitType: 'imp-trung-tam' })] }, role: 'admin' })
    expect(wrongTier.status).toBe(400)
    expect(wrongTier.body.errors).toEqual([{ message: 'Dòng 1, «Cấp đơn vị»: «Trung tâm học tập cộng đồng IMP» là đơn vị cấp huyện, không thể là đơn vị cấp tỉnh.', path: 'units.0.tier' }])
    const unknown = await post({ body: { units: [row({ unitType: 'imp-khong-co' })] }, role: 'admin' })
    expect(unknown.body.errors[0].message).toMatch(/«imp-khong-co» không có trong danh mục \((?=[^)]*\bthpt\b)[^)]*\bimp-trung-tam\b[^)]*\)\.$/)
    const imported = await post({ body: { units: [row({ unitType: 'imp-trung-tam' })] }, role: 'admin' })
    expect(imported.status).toBe(201)
    expect(await payload.findByID({ collection: 'units', depth: 0, id: imported.body.units[0].id })).toMatchObject({ tier: 'huyen', unitType: 'imp-trung-tam' })
  })

  it('lists every problem of every row at once, in the file’s order', async () => {
    const response = await post({
      body: { units: [row({ memberCount: 'nhiều', name: '' }), row(), row({ colour: 'đỏ', unitType: 'x' }), 'một dòng chữ'] },
      role: 'admin',
    })
    expect(response.status).toBe(400)
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['units.0.name', 'units.0.memberCount', 'units.2.colour', 'units.2.unitType', 'units.3'])
    expect(response.body.errors[2].message).toBe('Dòng 3: không có trường «colour» trong mẫu nhập (các trường: name, code, unitType, tier, authority, memberCount, learnerCount, email, account).')
    expect(response.body.errors[4].message).toMatch(/^Dòng 4 phải là một đối tượng/)
  })

  it(`caps the list at ${importLimits.errors} problems and counts the rest`, async () => {
    const response = await post({ body: { units: Array.from({ length: 120 }, () => row({ unitType: 'x' })) }, role: 'admin' })
    expect(response.status).toBe(400)
    expect(response.body.errors).toHaveLength(importLimits.errors + 1)
    expect(response.body.errors.at(-1)).toEqual({ message: 'Còn 20 lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi gửi lại.', path: 'units' })
  })

  it.each([
    ['not JSON', { rawBody: '{"units": [' }, 400, /không phải JSON hợp lệ/],
    ['no units', { body: { donVi: [] } }, 400, /Không có trường «donVi»/],
    ['units not a list', { body: { units: { name: 'A' } } }, 400, /«units» phải là danh sách đơn vị/],
    ['an empty list', { body: { units: [] } }, 400, /đang trống/],
    ['too many rows', { body: { units: Array.from({ length: importLimits.rows + 1 }, () => ({})) } }, 400, /tối đa 5\.000 đơn vị; tệp có 5\.001 dòng/],
    ['too many bytes', { rawBody: JSON.stringify({ units: [{ name: 'x'.repeat(importLimits.bodyBytes) }] }) }, 413, /quá lớn \(tối đa 10 MB\)/],
  ])('%s is refused as a whole', async (_, request, status, message) => {
    const before = await counts()
    const response = await rest.call({ ...request, method: 'POST', path: '/units/import', token: tokens.admin })
    expect(response.status).toBe(status)
    expect(response.body.errors[0].message).toMatch(message)
    expect(await counts()).toEqual(before)
  })
})

describe('duplicates', () => {
  it('the same code or account e-mail twice in the file (e-mails in any case) names the later row and the first', async () => {
    const first = row({ account: { email: 'trung.lap@truong.edu.vn', name: 'A' } })
    const response = await post({ body: { units: [first, row(), row({ account: { email: 'Trung.Lap@Truong.edu.VN', name: 'B' }, code: first.code })] }, role: 'admin' })
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([
      { message: `Dòng 3, «Mã đơn vị»: mã «${first.code}» trùng với dòng 1.`, path: 'units.2.code' },
      { message: 'Dòng 3, «Tài khoản › Email»: «trung.lap@truong.edu.vn» trùng với tài khoản ở dòng 1.', path: 'units.2.account.email' },
    ])
  })

  it('a code stored outside the caller’s reach, or an e-mail of an account of another unit, is refused, and the file is not half-imported', async () => {
    const before = await counts()
    const rows = [
      row(),
      row({ code: world.units.unitB1.code }),
      row({ account: { email: world.users.reviewer.email.toUpperCase(), name: 'C' }, authority: world.authorities.districtA.id }),
      row({ account: { email: world.users.unitEditor.email, name: 'D' }, authority: world.authorities.districtB.id }),
    ]
    const response = await post({ body: { units: rows }, role: 'districtAdmin' })
    expect(response.status).toBe(403)
    expect(response.body.errors).toEqual([
      { message: `Dòng 2, «Mã đơn vị»: mã «${world.units.unitB1.code}» đã được một đơn vị ngoài phạm vi quản lý của bạn dùng.`, path: 'units.1.code' },
      { message: `Dòng 3, «Tài khoản › Email»: đã có tài khoản dùng «${world.users.reviewer.email}».`, path: 'units.2.account.email' },
      { message: `Dòng 4, «Cấp quản lý»: cấp quản lý id ${world.authorities.districtB.id} không thuộc phạm vi quản lý của bạn.`, path: 'units.3.authority' },
      { message: `Dòng 4, «Tài khoản › Email»: đã có tài khoản dùng «${world.users.unitEditor.email}» thuộc một cấp quản lý khác.`, path: 'units.3.account.email' },
    ])
    expect(await counts()).toEqual(before)
  })

  it('importing the same file twice: the second time every row is unchanged, nothing is written and no unit is duplicated', async () => {
    const rows = [row(), row()]
    expect((await post({ body: { units: rows }, role: 'admin' })).status).toBe(201)
    const before = await counts()
    const again = await post({ body: { units: rows }, role: 'admin' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: { accounts: 0, units: 0 }, unchanged: 2, updated: 0 })
    expect(await counts()).toEqual(before)
    expect((await payload.count({ collection: 'units', where: { code: { in: rows.map((item) => item.code) } } })).totalDocs).toBe(2)
  })

  it('a stored code updates its unit (values read back) and adds the account it lacks; one audit row', async () => {
    const first = row({ account: null, memberCount: 10 })
    expect((await post({ body: { units: [first] }, role: 'provinceAdmin' })).status).toBe(201)
    const before = await counts()
    const changed = { ...first, account: { email: `moi.${first.code.toLowerCase()}@truong.edu.vn`, name: 'Cán bộ mới' }, authority: world.authorities.districtB.id, memberCount: 25, name: `${first.name} (đổi tên)` }
    const response = await post({ body: { units: [changed] }, role: 'provinceAdmin' })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ created: { accounts: 1, units: 0 }, unchanged: 0, updated: 1 })
    expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units, users: before.users + 1 })
    const stored = await payload.find({ collection: 'units', depth: 0, where: { code: { equals: first.code } } })
    expect(stored.docs.map((unit) => [unit.name, unit.memberCount, unit.authority])).toEqual([[changed.name, 25, world.authorities.districtB.id]])
    expect((await storedUser(changed.account.email))?.unit).toBe(stored.docs[0].id)
  })

  it('a district admin cannot move a unit of its district out of it by re-importing its code', async () => {
    const response = await post({ body: { units: [row({ authority: world.authorities.districtB.id, code: world.units.unitA1.code })] }, role: 'districtAdmin' })
    expect(response.status).toBe(403)
    const stored = await payload.findByID({ collection: 'units', depth: 0, id: world.units.unitA1.id })
    expect(stored.authority).toBe(world.authorities.districtA.id)
  })
})

describe('who may import (role × outcome)', () => {
  type Target = 'districtA' | 'districtB' | 'province'
  const matrix: [Role | 'anonymous', Target, number][] = [
    ['admin', 'districtA', 201],
    ['admin', 'province', 201],
    ['provinceAdmin', 'province', 201],
    ['provinceAdmin', 'districtB', 201],
    ['districtAdmin', 'districtA', 201],
    ['districtAdmin', 'districtB', 403],
    ['districtAdmin', 'province', 403],
    ['reviewer', 'districtA', 403],
    ['unitEditor', 'districtA', 403],
    ['anonymous', 'districtA', 401],
  ]
  it.each(matrix)('%s into %s → %i', async (role, target, status) => {
    const before = await counts()
    const rows = [row({ authority: world.authorities[target].id }), row({ authority: world.authorities[target].id })]
    const response = await post({ body: { units: rows }, role: role === 'anonymous' ? undefined : role })
    expect(response.status).toBe(status)
    if (status === 201) {
      expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units + 2, users: before.users + 2 })
      const stored = await payload.find({ collection: 'units', depth: 0, where: { code: { in: rows.map((item) => item.code) } } })
      expect(stored.docs.map((unit) => unit.authority)).toEqual([world.authorities[target].id, world.authorities[target].id])
    } else {
      expect(response.body.errors[0].message).toEqual(expect.any(String))
      expect(await counts()).toEqual(before)
    }
  })

  it('an authority-admin is told the same for an authority outside its subtree and one that does not exist; the admin is told it does not exist', async () => {
    const rows = [row({ authority: world.authorities.districtB.id }), row({ authority: 999_999 })]
    const district = await post({ body: { units: rows }, role: 'districtAdmin' })
    expect(district.status).toBe(403)
    expect(district.body.errors).toEqual([
      { message: `Dòng 1, «Cấp quản lý»: cấp quản lý id ${world.authorities.districtB.id} không thuộc phạm vi quản lý của bạn.`, path: 'units.0.authority' },
      { message: 'Dòng 2, «Cấp quản lý»: cấp quản lý id 999999 không thuộc phạm vi quản lý của bạn.', path: 'units.1.authority' },
    ])
    const admin = await post({ body: { units: [row({ authority: 999_999 })] }, role: 'admin' })
    expect(admin.status).toBe(400)
    expect(admin.body.errors).toEqual([{ message: 'Dòng 1, «Cấp quản lý»: không có cấp quản lý id 999999.', path: 'units.0.authority' }])
  })

  it('a refused role learns nothing about the rows: the 403 comes before any check', async () => {
    const response = await post({ body: { units: [row({ unitType: 'x' })] }, role: 'unitEditor' })
    expect(response.status).toBe(403)
    expect(response.body.errors).toEqual([{ message: 'Chỉ quản trị hệ thống hoặc quản trị cấp quản lý mới được nhập danh sách đơn vị.', path: '' }])
  })
})

describe('invitations', () => {
  it('are mailed after the commit, in Vietnamese, each with its own reset link', async () => {
    const sent: { to: string; subject: string; html: string; text: string }[] = []
    const email = payload.email
    payload.email = { ...email, name: 'test-smtp' } as typeof email
    try {
      vi.spyOn(payload, 'sendEmail').mockImplementation(async (message) => {
        sent.push(message as (typeof sent)[number])
      })
      const rows = [row(), row(), row({ account: null }), row()]
      const response = await post({ body: { units: rows }, role: 'admin' })
      expect(response.status).toBe(201)
      await vi.waitFor(() => expect(sent).toHaveLength(3))
      const addresses = rows.flatMap((item) => (item.account ? [(item.account as { email: string }).email] : []))
      expect(sent.map((message) => message.to).sort()).toEqual(addresses.sort())
      for (const message of sent) {
        const token = (await storedUser(message.to))?.resetPasswordToken
        expect(message.subject).toBe('Mời kích hoạt tài khoản Đơn vị học tập')
        expect(message.text).toContain(`http://localhost/admin/reset/${token}`)
        expect(message.html).toContain(`href="http://localhost/admin/reset/${token}"`)
        expect(message.text).toMatch(/Liên kết có hiệu lực đến ngày \d{2}\/\d{2}\/\d{4}/)
      }
    } finally {
      payload.email = email
    }
  })

  it('without SMTP: no message is handed to the console adapter, one summary line is logged', async () => {
    expect((payload.email as { name?: string }).name).toBe('console')
    const sendEmail = vi.spyOn(payload, 'sendEmail')
    const info = vi.spyOn(payload.logger, 'info')
    const response = await post({ body: { units: Array.from({ length: 30 }, () => row()) }, role: 'admin' })
    expect(response.status).toBe(201)
    await vi.waitFor(() => expect(info.mock.calls.some(([line]) => String(line).includes('30 thư mời'))).toBe(true))
    expect(sendEmail).not.toHaveBeenCalled()
    expect(info.mock.calls.filter(([line]) => String(line).includes('thư mời'))).toHaveLength(1)
  })
})

describe('the labels', () => {
  it('are the collections’ own', () => {
    const units = payload.collections.units.config.flattenedFields
    const users = payload.collections.users.config.flattenedFields
    // the config's labels are functions of the admin language (collections/labels.ts)
    const labelOf = (fields: typeof units, name: string) => fieldLabel({ field: fields.find((field) => 'name' in field && field.name === name) as { label?: unknown; name?: string } })
    for (const name of ['name', 'code', 'unitType', 'tier', 'authority', 'memberCount', 'learnerCount', 'email'] as const) expect(importLabels[name]).toBe(labelOf(units, name))
    expect(importLabels['account.name']).toBe(`${importLabels.account} › ${labelOf(users, 'name')}`)
  })
})
