/**
 * The units import from a spreadsheet on real PostgreSQL, over REST: the template (Vietnamese
 * headers, the caller's codes on a second sheet, read back with exceljs); a generated 3 000-row
 * XLSX file previewed, imported, and imported again without any change; a CSV with every kind of
 * row error refused with the sheet's line numbers and nothing written (read back), previewed, and
 * imported for its valid rows only on explicit choice; a failure mid-write leaves the database as
 * before; who may import.
 */
import ExcelJS from 'exceljs'
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import { importSheet } from '@collections/units/importFile'
import { sheetColumns } from '@collections/units/importSheet'
import { fileTasksQueue } from '@/documents/fileTasks'
import { workbookBytes } from '@/spreadsheet/write'

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
  world = await createWorld({ payload, tag: 'IMF' })
  for (const role of Object.keys(world.users) as Role[]) tokens[role] = await rest.login({ email: world.users[role].email, password })
})
afterAll(async () => {
  await closeTestPayload(payload)
})
afterEach(() => {
  vi.restoreAllMocks()
})

const headers = sheetColumns.map((column) => column.header)

const counts = async () => ({
  audit: (await payload.count({ collection: 'audit-events', where: { action: { equals: 'import-units' } } })).totalDocs,
  units: (await payload.count({ collection: 'units' })).totalDocs,
  users: (await payload.count({ collection: 'users' })).totalDocs,
})

const xlsx = (rows: (string | number | null)[][]) => workbookBytes({ sheets: [{ columns: headers.map((header) => ({ header })), name: 'Đơn vị', rows }] })

const csv = (rows: (string | number | null)[][], delimiter = ',') =>
  new TextEncoder().encode(`\uFEFF${[headers, ...rows].map((line) => line.map((cell) => (cell === null ? '' : String(cell))).join(delimiter)).join('\r\n')}\r\n`)

const send = ({ bytes, mode, role }: { bytes: Uint8Array; mode: 'all' | 'preview' | 'valid'; role: Role }) => rest.sendBytes({ bytes, path: `/units/import-file?mode=${mode}`, token: tokens[role] })

/** name, code, unitType, tier, authority code, members, learners, contact e-mail, account e-mail, account name */
const line = (serial: number | string, overrides: Partial<Record<(typeof sheetColumns)[number]['field'], string | number | null>> = {}) => {
  const values: Record<string, string | number | null> = {
    'account.email': `gv${serial}.imf@truong.edu.vn`,
    'account.name': `Cán bộ ${serial}`,
    authority: world.authorities.districtA.code as string,
    code: `IMF-${serial}`,
    email: null,
    learnerCount: 300,
    memberCount: 20,
    name: `Trường THCS số ${serial}`,
    tier: 'huyen',
    unitType: 'thcs',
    ...overrides,
  }
  return sheetColumns.map((column) => values[column.field])
}

describe('the template', () => {
  it('has the Vietnamese headers, and on «Danh mục mã» the unit types, tiers and the authorities the caller reaches', async () => {
    const read = async (role: Role) => {
      const response = await rest.download({ path: '/units/import-template', token: tokens[role] })
      expect(response.status).toBe(200)
      expect(response.type).toMatch(/spreadsheetml/)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(response.bytes) as unknown as ArrayBuffer)
      return workbook
    }
    const workbook = await read('provinceAdmin')
    const [units, codes] = workbook.worksheets
    expect(units.name).toBe('Đơn vị')
    expect((units.getRow(1).values as unknown[]).slice(1)).toEqual(sheetColumns.map((column) => (column.isRequired ? `${column.header} *` : column.header)))
    expect(codes.name).toBe('Danh mục mã')
    const column = (sheet: ExcelJS.Worksheet, letter: string) => sheet.getColumn(letter).values.slice(2).filter((value) => value !== null && value !== undefined)
    expect(column(codes, 'A')).toEqual(expect.arrayContaining(['thcs', 'thpt', 'xa']))
    expect(column(codes, 'B')).toEqual(expect.arrayContaining(['Trường THCS']))
    expect(column(codes, 'E')).toEqual(expect.arrayContaining(['huyen', 'tinh']))
    expect(column(codes, 'H')).toEqual(expect.arrayContaining([world.authorities.province.code, world.authorities.districtA.code, world.authorities.districtB.code]))
    const district = (await read('districtAdmin')).worksheets[1]
    expect(column(district, 'H')).toEqual([world.authorities.districtA.code])
  })

  it.each([
    ['unitEditor', 403],
    ['reviewer', 403],
  ] as const)('%s may not download it (%i)', async (role, status) => {
    expect((await rest.download({ path: '/units/import-template', token: tokens[role] })).status).toBe(status)
  })
})

describe('a 3 000-row XLSX file', () => {
  it('is previewed (nothing written), imported in one go, and a second import changes nothing', async () => {
    const rows = Array.from({ length: 3_000 }, (_unused, serial) => line(`big${serial}`, { authority: serial % 2 === 0 ? (world.authorities.districtA.code as string) : (world.authorities.districtB.code as string) }))
    const bytes = await xlsx(rows)
    const before = await counts()
    const preview = await send({ bytes, mode: 'preview', role: 'provinceAdmin' })
    expect(preview.status).toBe(200)
    expect(preview.body.errors).toEqual([])
    expect(preview.body.rows).toHaveLength(3_000)
    expect(preview.body.rows[0]).toEqual({ action: 'create', code: 'IMF-big0', name: 'Trường THCS số big0', row: 2 })
    expect(await counts()).toEqual(before)

    const imported = await send({ bytes, mode: 'all', role: 'provinceAdmin' })
    expect(imported.status).toBe(201)
    expect(imported.body.created).toEqual({ accounts: 3_000, units: 3_000 })
    expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units + 3_000, users: before.users + 3_000 })
    const sample = await payload.find({ collection: 'units', depth: 0, where: { code: { equals: 'IMF-big1' } } })
    expect(sample.docs.map((unit) => [unit.name, unit.authority, unit.unitType, unit.tier, unit.memberCount, unit.learnerCount])).toEqual([
      ['Trường THCS số big1', world.authorities.districtB.id, 'thcs', 'huyen', 20, 300],
    ])

    const after = await counts()
    const again = await send({ bytes, mode: 'all', role: 'provinceAdmin' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: { accounts: 0, units: 0 }, unchanged: 3_000, updated: 0 })
    expect(await counts()).toEqual(after)
  }, 40_000)
})

describe('a file with every kind of row error', () => {
  const mixed = () => [
    line('ok1'),
    line('e1', { unitType: 'truong-vu-tru' }),
    line('e2', { tier: 'xa-phuong' }),
    line('e3', { name: '' }),
    line('ok1', { 'account.email': 'khac.ok1@truong.edu.vn', name: 'Trùng mã' }),
    line('e5', { authority: 'KHONG-CO' }),
    line('e6', { email: 'khong-phai-email' }),
    line('e7', { 'account.email': 'a..b@truong.vn' }),
    line('e8', { 'account.email': world.users.unitEditor.email, authority: world.authorities.districtB.code as string }),
    [null, null, null, null, null, null, null, null, null, null],
    line('ok2', { code: '0012' }),
  ]

  it('is refused whole with each problem on the sheet’s line, and nothing is written (read back)', async () => {
    const before = await counts()
    const response = await send({ bytes: csv(mixed(), ';'), mode: 'all', role: 'provinceAdmin' })
    expect(response.status).toBe(400)
    const messages = response.body.errors.map((error: { message: string }) => error.message)
    expect(messages).toEqual([
      expect.stringMatching(/^Dòng 3, «Loại đơn vị»: «truong-vu-tru» không có trong danh mục/),
      expect.stringMatching(/^Dòng 4, «Cấp đơn vị»: «xa-phuong» không có trong danh mục/),
      'Dòng 5, «Tên đơn vị»: không được để trống.',
      'Dòng 6, «Mã đơn vị»: mã «IMF-ok1» trùng với dòng 2.',
      'Dòng 7, «Cấp quản lý»: không có cấp quản lý mã «KHONG-CO» trong phạm vi quản lý của bạn (xem trang «Danh mục mã» của tệp mẫu).',
      'Dòng 8, «Thư điện tử liên hệ»: «khong-phai-email» không phải địa chỉ thư điện tử hợp lệ.',
      'Dòng 9, «Tài khoản › Email»: «a..b@truong.vn» không phải địa chỉ thư điện tử hợp lệ.',
      `Dòng 10, «Tài khoản › Email»: đã có tài khoản dùng «${world.users.unitEditor.email}» thuộc một cấp quản lý khác.`,
    ])
    expect(await counts()).toEqual(before)
    expect((await payload.count({ collection: 'units', where: { code: { in: ['IMF-ok1', '0012'] } } })).totalDocs).toBe(0)
  })

  it('the preview lists the problems and the rows that would be imported, and writes nothing', async () => {
    const before = await counts()
    const response = await send({ bytes: csv(mixed()), mode: 'preview', role: 'provinceAdmin' })
    expect(response.status).toBe(200)
    expect(response.body.errors).toHaveLength(8)
    expect(response.body.rows.map((row: { row: number; code: string }) => [row.row, row.code])).toEqual([
      [2, 'IMF-ok1'],
      [12, '0012'],
    ])
    expect(await counts()).toEqual(before)
  })

  it('on explicit choice only the valid rows are imported (a CSV code «0012» stays text)', async () => {
    const before = await counts()
    const response = await send({ bytes: csv(mixed()), mode: 'valid', role: 'provinceAdmin' })
    expect(response.status).toBe(201)
    expect(response.body.created).toEqual({ accounts: 2, units: 2 })
    expect(response.body.skipped).toHaveLength(8)
    expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units + 2, users: before.users + 2 })
    const stored = await payload.find({ collection: 'units', depth: 0, sort: 'code', where: { code: { in: ['IMF-ok1', '0012', 'IMF-e5', 'IMF-e8'] } } })
    expect(stored.docs.map((unit) => unit.code)).toEqual(['0012', 'IMF-ok1'])
  })
})

describe('writing', () => {
  it('a failure mid-batch (the audit row, written last) leaves the database as before', async () => {
    const before = await counts()
    const req = (await createLocalReq({ user: { ...world.users.provinceAdmin, collection: 'users' } }, payload)) as PayloadRequest
    const create = payload.db.create.bind(payload.db)
    vi.spyOn(payload.db, 'create').mockImplementation(((args: Parameters<Payload['db']['create']>[0]) =>
      args.collection === 'audit-events' ? Promise.reject(new Error('audit down')) : create(args)) as Payload['db']['create'])
    const bytes = await xlsx([line('rb1'), line('rb2'), line('rb3')])
    await expect(importSheet({ bytes, mode: 'all', req })).rejects.toThrow('audit down')
    vi.restoreAllMocks()
    expect(await counts()).toEqual(before)
    expect((await payload.count({ collection: 'units', where: { code: { like: 'IMF-rb' } } })).totalDocs).toBe(0)
  })

  it('a district admin’s file naming another district’s code is refused as unknown to it; nothing written', async () => {
    const before = await counts()
    const response = await send({ bytes: await xlsx([line('d1', { authority: world.authorities.districtB.code as string })]), mode: 'all', role: 'districtAdmin' })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/^Dòng 2, «Cấp quản lý»: không có cấp quản lý mã/)
    expect(await counts()).toEqual(before)
  })

  it('a file without the required columns, or not a spreadsheet, is refused in Vietnamese', async () => {
    const noColumns = await workbookBytes({ sheets: [{ columns: [{ header: 'Tên' }], name: 'x', rows: [['A']] }] })
    const missing = await send({ bytes: noColumns, mode: 'preview', role: 'admin' })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toMatch(/^Tệp thiếu cột «Tên đơn vị», «Mã loại đơn vị», «Mã cấp đơn vị», «Mã cấp quản lý»/)
    const broken = await send({ bytes: new Uint8Array([0x50, 0x4b, 1, 2, 3]), mode: 'preview', role: 'admin' })
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].message).toMatch(/^Không đọc được tệp/)
  })

  it.each([
    ['unitEditor', 403],
    ['reviewer', 403],
  ] as const)('%s may not import (%i), nothing written', async (role, status) => {
    const before = await counts()
    expect((await send({ bytes: await xlsx([line('r1')]), mode: 'all', role })).status).toBe(status)
    expect(await counts()).toEqual(before)
  })
})

describe('a large file, imported in the background (file-tasks, job import-units)', () => {
  const queue = ({ bytes, mode, role }: { bytes: Uint8Array; mode: string; role: Role }) => rest.sendBytes({ bytes, path: `/units/import-file/jobs?mode=${mode}`, token: tokens[role] })
  const runFiles = () => payload.jobs.run({ queue: fileTasksQueue })

  it('stores the sheet, imports it as the account that asked with its stages written on the row, and ends with the import’s own answer', async () => {
    const rows = Array.from({ length: 1_200 }, (_unused, serial) => line(`bg${serial}`))
    const bytes = await xlsx(rows)
    const before = await counts()
    const queued = await queue({ bytes, mode: 'all', role: 'districtAdmin' })
    expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    expect(queued.body.doc).toMatchObject({ format: 'xlsx', kind: 'unit-import', status: 'queued', title: 'Nhập danh sách đơn vị — 1.200 dòng (cả tệp)' })
    // nothing is written before the job runs
    expect(await counts()).toEqual(before)
    const stages: unknown[] = []
    const update = payload.update.bind(payload)
    vi.spyOn(payload, 'update').mockImplementation(((args: Parameters<Payload['update']>[0]) => {
      if (args.collection === 'file-tasks') stages.push((args.data as { stage?: string }).stage)
      return update(args as never)
    }) as never)
    await runFiles()
    expect(stages).toEqual(['Đang đọc tệp', 'Đang kiểm tra và ghi các dòng', 'Xong'])
    const task = await payload.findByID({ collection: 'file-tasks', depth: 0, id: queued.body.doc.id })
    expect(task).toMatchObject({ progress: 100, status: 'done' })
    expect(task.result).toMatchObject({ created: { accounts: 1_200, units: 1_200 } })
    expect(await counts()).toEqual({ audit: before.audit + 1, units: before.units + 1_200, users: before.users + 1_200 })
    // the district's own import, under its own name in the audit trail
    const audit = (await payload.find({ collection: 'audit-events', depth: 0, limit: 1, sort: '-createdAt', where: { action: { equals: 'import-units' } } })).docs[0]
    expect(audit.actor).toBe(world.users.districtAdmin.id)
    // the province office does not see the district's task
    expect((await rest.call({ method: 'GET', path: `/file-tasks/${task.id}`, token: tokens.provinceAdmin })).status).toBe(404)
  }, 60_000)

  it('a file the import refuses ends failed, naming the problem, with nothing written; a row out of the caller’s reach counts as one', async () => {
    const bytes = await xlsx([line('bgx1'), line('bgx2', { authority: world.authorities.districtB.code as string })])
    const before = await counts()
    const queued = await queue({ bytes, mode: 'all', role: 'districtAdmin' })
    expect(queued.status).toBe(202)
    await runFiles()
    const task = await payload.findByID({ collection: 'file-tasks', depth: 0, id: queued.body.doc.id })
    expect(task.status).toBe('failed')
    expect(task.error).toMatch(/^Chưa nhập gì: .*Dòng 3/)
    expect(await counts()).toEqual(before)
  }, 60_000)

  it('refuses at the door what the direct import refuses: a clerk, no file, an unreadable file, a mode it does not know', async () => {
    const before = (await payload.count({ collection: 'file-tasks' })).totalDocs
    const bytes = await xlsx([line('bgy1')])
    expect((await queue({ bytes, mode: 'all', role: 'unitEditor' })).status).toBe(403)
    const noMode = await queue({ bytes, mode: 'preview', role: 'districtAdmin' })
    expect(noMode.status).toBe(400)
    expect(noMode.body.errors[0]).toMatchObject({ path: 'mode' })
    const empty = await queue({ bytes: new Uint8Array(), mode: 'all', role: 'districtAdmin' })
    expect(empty.body.errors[0]).toMatchObject({ message: 'Chưa chọn tệp để nhập.', path: 'file' })
    const garbage = await queue({ bytes: new Uint8Array([0, 1, 2, 3, 255]), mode: 'all', role: 'districtAdmin' })
    expect(garbage.status).toBe(400)
    expect(garbage.body.errors[0].path).toBe('file')
    expect((await payload.count({ collection: 'file-tasks' })).totalDocs).toBe(before)
  })
})
