/**
 * The XLSX exports on real PostgreSQL, over REST, read back with exceljs: units with the list's
 * filters and search box, in Vietnamese; a round's self-assessments with each indicator's value
 * and status; the reviews' verdicts; the register's columns. Access is the user's own: a district
 * admin or a unit's clerk gets only what it may read, whatever filter it sends; anonymous: 401.
 */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { acceptedDossier, reviewDossier } from './helpers/dossiers'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
let roundId: number
const rest = createRestClient({ config })
type Role = keyof World['users']
const tokens = {} as Record<Role, string>

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'EXP' })
  await loadCriteriaSets({ payload })
  const setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const round = await createRound({ payload, setIds: [setId], title: 'Đợt EXP', world })
  roundId = round.id
  const dossier = await acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor: world.users.unitEditor, payload, roundId, setId })
  await reviewDossier({ payload, reviewer: world.users.reviewer, rows: () => ({ comment: 'Có minh chứng', verdict: 'met' }), sa: dossier })
  for (const role of Object.keys(world.users) as Role[]) tokens[role] = await rest.login({ email: world.users[role].email, password })
}, 60_000)
afterAll(async () => {
  await closeTestPayload(payload)
})

/** The sheets of an export, each as its header and its lines of values. */
const exported = async ({ path, role }: { path: string; role?: Role }) => {
  const response = await rest.download({ path, token: role ? tokens[role] : undefined })
  if (response.status !== 200) return { sheets: {} as Record<string, { header: unknown[]; lines: unknown[][] }>, status: response.status }
  expect(response.type).toMatch(/spreadsheetml/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(response.bytes) as unknown as ArrayBuffer)
  const sheets: Record<string, { header: unknown[]; lines: unknown[][] }> = {}
  for (const sheet of workbook.worksheets) {
    const lines: unknown[][] = []
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1)))
    sheets[sheet.name] = { header: lines[0] ?? [], lines: lines.slice(1) }
  }
  return { sheets, status: response.status }
}

/** `where` as the admin's list writes it in its URL (qs brackets). */
const listQuery = (field: string, operator: string, value: string | number) => `where[${field}][${operator}]=${encodeURIComponent(String(value))}`

describe('units', () => {
  it('with the list’s filter: the units of district A, in Vietnamese', async () => {
    const { sheets, status } = await exported({ path: `/units/export?${listQuery('authority', 'equals', world.authorities.districtA.id)}&sort=code`, role: 'provinceAdmin' })
    expect(status).toBe(200)
    const sheet = sheets['Đơn vị']
    expect(sheet.header).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Cấp đơn vị', 'Cấp quản lý', 'Số thành viên', 'Số người học', 'Thư điện tử liên hệ', 'Đang hoạt động'])
    expect(sheet.lines.map((line) => [line[0], line[1], line[4], line[8]])).toEqual([
      [world.units.unitA1.code, world.units.unitA1.name, world.authorities.districtA.name, 'Có'],
      [world.units.unitA2.code, world.units.unitA2.name, world.authorities.districtA.name, 'Có'],
    ])
    expect(sheet.lines[0][3]).toEqual(expect.stringMatching(/huyện/i))
  })

  it('the search box counts as a filter', async () => {
    const { sheets } = await exported({ path: `/units/export?search=${encodeURIComponent(world.units.unitB1.code as string)}`, role: 'provinceAdmin' })
    expect(sheets['Đơn vị'].lines.map((line) => line[0])).toEqual([world.units.unitB1.code])
  })

  it.each([
    ['provinceAdmin', ['A1', 'A2', 'B1', 'P1']],
    ['districtAdmin', ['A1', 'A2']],
    ['unitEditor', ['A1']],
  ] as const)('%s exports only the units it may read, whatever it filters', async (role, codes) => {
    const all = await exported({ path: `/units/export?${listQuery('code', 'like', 'EXP-')}&sort=code`, role })
    expect(all.sheets['Đơn vị'].lines.map((line) => line[0])).toEqual(codes.map((code) => `EXP-${code}`))
    const other = await exported({ path: `/units/export?${listQuery('authority', 'equals', world.authorities.districtB.id)}`, role })
    expect(other.sheets['Đơn vị'].lines.filter((line) => String(line[0]).startsWith('EXP-')).length).toBe(role === 'provinceAdmin' ? 1 : 0)
  })

  it('anonymous: 401, no file', async () => {
    expect((await exported({ path: '/units/export' })).status).toBe(401)
  })

  it('a hand-made query (unknown field, unknown operator, unknown sort) is refused as a 4xx, never a 500', async () => {
    const role = Object.keys(tokens)[0] as Role
    for (const path of ['/units/export?where[khongCo][equals]=1', '/units/export?where[name][phepLa]=1', '/units/export?sort=khongCo', '/units/export?where=abc']) {
      const { status } = await exported({ path, role })
      expect({ path, status: status < 500 }).toEqual({ path, status: true })
    }
  })
})

describe('a round’s self-assessments', () => {
  it('one line per dossier and one per indicator, with the unit’s value and the indicator’s status', async () => {
    const { sheets } = await exported({ path: `/self-assessments/export?${listQuery('round', 'equals', roundId)}`, role: 'districtAdmin' })
    expect(sheets['Hồ sơ'].header).toEqual(['Đợt đánh giá', 'Đơn vị', 'Trạng thái hồ sơ', 'Nộp ngày', 'Số chỉ tiêu đạt', 'Số chỉ tiêu không đạt'])
    expect(sheets['Hồ sơ'].lines).toHaveLength(1)
    expect(sheets['Hồ sơ'].lines[0].slice(0, 2)).toEqual(['Đợt EXP', world.units.unitA1.name])
    expect(sheets['Hồ sơ'].lines[0][2]).toEqual(expect.any(String))
    const indicators = sheets['Chỉ tiêu']
    expect(indicators.header).toEqual(['Đợt đánh giá', 'Đơn vị', 'Tiêu chí', 'Chỉ tiêu', 'Nội dung chỉ tiêu', 'Đơn vị tự đánh giá', 'Kết quả chỉ tiêu', 'Giải trình'])
    expect(indicators.lines.length).toBeGreaterThan(5)
    const stored = await payload.find({ collection: 'self-assessments', depth: 0, where: { round: { equals: roundId } } })
    const answers = stored.docs[0].answers ?? []
    expect(indicators.lines.map((line) => line[3])).toEqual(answers.map((answer) => answer.indicator))
    expect(new Set(indicators.lines.map((line) => line[6]))).toEqual(new Set(['Đạt', ...(answers.some((answer) => answer.status === 'not-applicable') ? ['Không áp dụng'] : [])]))
    expect(indicators.lines.every((line) => line[5] !== undefined && line[5] !== null)).toBe(true)
  })

  it('the province exports the district’s dossier; another unit’s clerk exports none', async () => {
    const other = await exported({ path: `/self-assessments/export?${listQuery('round', 'equals', roundId)}`, role: 'provinceAdmin' })
    expect(other.sheets['Hồ sơ'].lines).toHaveLength(1)
    const editor = await payload.create({ collection: 'users', data: { email: 'donvi-b.exp@test.vn', name: 'B', password, roles: ['unit-editor'], unit: world.units.unitB1.id } })
    const token = await rest.login({ email: editor.email, password })
    const response = await rest.download({ path: `/self-assessments/export?${listQuery('round', 'equals', roundId)}`, token })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(response.bytes) as unknown as ArrayBuffer)
    expect(workbook.getWorksheet('Hồ sơ')?.rowCount).toBe(1)
  })
})

describe('reviews and the register', () => {
  it('the reviews’ verdicts, one line per indicator', async () => {
    const { sheets } = await exported({ path: `/reviews/export?${listQuery('round', 'equals', roundId)}`, role: 'districtAdmin' })
    const sheet = sheets['Kết luận']
    expect(sheet.header.slice(0, 3)).toEqual(['Đợt đánh giá', 'Đơn vị', 'Thành viên đoàn'])
    expect(sheet.lines.length).toBeGreaterThan(5)
    expect(new Set(sheet.lines.map((line) => [line[0], line[1], line[6], line[8], line[9]].join('|')))).toEqual(new Set([`Đợt EXP|${world.units.unitA1.name}|Đạt|Có minh chứng|Đề nghị công nhận`]))
    expect((await exported({ path: `/reviews/export?${listQuery('round', 'equals', roundId)}`, role: 'unitEditor' })).sheets['Kết luận'].lines).toHaveLength(0)
  })

  it('the register’s columns', async () => {
    const { sheets, status } = await exported({ path: '/recognitions/export', role: 'provinceAdmin' })
    expect(status).toBe(200)
    expect(sheets['Sổ công nhận'].header.slice(0, 3)).toEqual(['Năm đánh giá', 'Tên đơn vị', 'Cơ quan công nhận'])
    expect((await exported({ path: '/recognitions/export' })).status).toBe(401)
  })
})
