/**
 * The units import from a spreadsheet, for the «Nhập từ Excel» screen on the units list:
 *
 * - `GET /api/units/import-template`: the XLSX template — the columns with Vietnamese headers on
 *   the first sheet, and on «Danh mục mã» the codes the caller may use: unit types, tiers, and the
 *   authorities it reaches (the admin: all).
 * - `POST /api/units/import-file?mode=preview|all|valid`: the file's bytes as the body (XLSX or
 *   CSV, told apart by content). The rows go through the JSON import's own checks and writing
 *   (./import.ts), with the sheet's line numbers in every message; `preview` writes nothing.
 *
 * Who: as the JSON import (the admin, an authority-admin into its subtree).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { readTable, UnreadableSheet } from '@/spreadsheet/read'
import { workbookBytes, xlsxResponse } from '@/spreadsheet/write'

import { hasRole, isAdmin } from '../access/roles'
import { userAuthoritySubtree } from '../access/scope'
import { loadCatalogues } from '../catalogues'
import { BodyTooLarge, importUnits, readBytes, refusal, tooLargeMessage, type Answer, type ImportMode } from './import'
import { sheetColumns, unitsFromSheet } from './importSheet'

const json = ({ status, body }: Answer) => Response.json(body, { status })

export const canImport = (req: PayloadRequest): Answer | null => {
  if (!req.user) return refusal(401, 'Cần đăng nhập.')
  if (!isAdmin(req.user) && !hasRole({ role: 'authority-admin', user: req.user })) {
    return refusal(403, 'Chỉ quản trị hệ thống hoặc quản trị cấp quản lý mới được nhập danh sách đơn vị.')
  }
  return null
}

type AuthorityRow = { id: number; code: string | null; name: string }

/** The authorities the caller may import into, in the tree's order of names. */
const authoritiesInReach = async ({ req }: { req: PayloadRequest }): Promise<AuthorityRow[]> => {
  const reach = isAdmin(req.user) ? null : await userAuthoritySubtree({ req })
  const { docs } = await req.payload.find({
    collection: 'authorities',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { code: true, name: true },
    sort: 'name',
    ...(reach === null ? {} : { where: { id: { in: reach.length === 0 ? [-1] : reach } } }),
  })
  return docs.map((doc) => ({ code: (doc.code as string | null | undefined) ?? null, id: Number(doc.id), name: String(doc.name) }))
}

export const catalogueSheetName = 'Danh mục mã'

const templateBytes = async ({ req }: { req: PayloadRequest }) => {
  const [catalogues, authorities] = await Promise.all([loadCatalogues({ req }), authoritiesInReach({ req })])
  const unitTypes = [...catalogues.unitTypes.values()]
  const tiers = [...catalogues.tiers.values()]
  const height = Math.max(unitTypes.length, tiers.length, authorities.length)
  const rows = Array.from({ length: height }, (_unused, line) => {
    const unitType = unitTypes[line]
    const tier = tiers[line]
    const authority = authorities[line]
    return [
      unitType?.id ?? null,
      unitType?.label ?? null,
      unitType?.tier ? (catalogues.tiers.get(unitType.tier)?.label ?? unitType.tier) : unitType ? 'mọi cấp' : null,
      null,
      tier?.id ?? null,
      tier?.label ?? null,
      null,
      authority ? (authority.code ?? String(authority.id)) : null,
      authority?.name ?? null,
    ]
  })
  const notes: Partial<Record<(typeof sheetColumns)[number]['field'], string>> = {
    'account.email': 'Để trống nếu đơn vị chưa cần tài khoản. Tài khoản được gửi thư mời tự đặt mật khẩu, không ghi mật khẩu vào tệp.',
    authority: `Mã ở cột H của trang «${catalogueSheetName}» (cấp quản lý chưa có mã: ghi số id).`,
    code: 'Mã đơn vị dùng để nhận biết đơn vị khi nhập lại: dòng có mã đã có sẽ cập nhật đơn vị đó, không tạo bản trùng.',
    tier: `Mã ở cột E của trang «${catalogueSheetName}».`,
    unitType: `Mã ở cột A của trang «${catalogueSheetName}».`,
  }
  const source = (column: string, count: number) => `'${catalogueSheetName}'!$${column}$2:$${column}$${Math.max(2, count + 1)}`
  const letter = (field: string) => String.fromCharCode(65 + sheetColumns.findIndex((column) => column.field === field))
  return workbookBytes({
    sheets: [
      {
        columns: sheetColumns.map((column) => ({ header: column.isRequired ? `${column.header} *` : column.header, note: notes[column.field], width: column.width })),
        lists: [
          { range: `${letter('unitType')}2:${letter('unitType')}5001`, source: source('A', unitTypes.length) },
          { range: `${letter('tier')}2:${letter('tier')}5001`, source: source('E', tiers.length) },
          { range: `${letter('authority')}2:${letter('authority')}5001`, source: source('H', authorities.length) },
        ],
        name: 'Đơn vị',
        rows: [],
      },
      {
        columns: [
          { header: 'Mã loại đơn vị', width: 16 },
          { header: 'Loại đơn vị', width: 40 },
          { header: 'Thuộc cấp', width: 14 },
          { header: '', width: 3 },
          { header: 'Mã cấp đơn vị', width: 14 },
          { header: 'Cấp đơn vị', width: 16 },
          { header: '', width: 3 },
          { header: 'Mã cấp quản lý', width: 18 },
          { header: 'Cấp quản lý', width: 40 },
        ],
        name: catalogueSheetName,
        rows,
      },
    ],
  })
}

export const importTemplateEndpoint: Endpoint = {
  handler: async (req) => {
    const refused = canImport(req)
    if (refused) return json(refused)
    return xlsxResponse({ bytes: await templateBytes({ req }), filename: 'mau-nhap-don-vi.xlsx' })
  },
  method: 'get',
  path: '/import-template',
}

/** Reads, checks and (unless previewing) imports an uploaded sheet for `req.user`; the answer to send. */
export const importSheet = async ({ req, bytes, mode }: { req: PayloadRequest; bytes: Uint8Array; mode: ImportMode }): Promise<Answer> => {
  const refused = canImport(req)
  if (refused) return refused
  if (bytes.byteLength === 0) return refusal(400, 'Chưa chọn tệp để nhập.', 'file')
  let table: Awaited<ReturnType<typeof readTable>>
  try {
    table = await readTable({ bytes })
  } catch (error) {
    if (error instanceof UnreadableSheet) return refusal(400, 'Không đọc được tệp: hãy gửi tệp Excel (.xlsx) hoặc CSV (UTF-8) theo tệp mẫu.', 'file')
    throw error
  }
  const authorities = await authoritiesInReach({ req })
  const codes = new Map(authorities.flatMap((authority) => (authority.code ? [[authority.code, authority.id] as const] : [])))
  const sheet = unitsFromSheet({ authorityCodes: codes, header: table.header, rows: table.rows })
  const fileProblems = sheet.problems.filter((problem) => problem.path === 'file')
  if (fileProblems.length > 0) return { body: { errors: fileProblems.map(({ message, path }) => ({ message, path })) }, status: 400 }
  return importUnits({ body: { units: sheet.units }, mode, req, sheet })
}

export const importFileEndpoint: Endpoint = {
  handler: async (req) => {
    const refused = canImport(req)
    if (refused) return json(refused)
    let bytes: Buffer
    try {
      bytes = await readBytes(req)
    } catch (error) {
      if (error instanceof BodyTooLarge) return json(refusal(413, tooLargeMessage, 'file'))
      throw error
    }
    const mode = req.searchParams?.get('mode')
    return json(await importSheet({ bytes, mode: mode === 'all' || mode === 'valid' ? mode : 'preview', req }))
  },
  method: 'post',
  path: '/import-file',
}
