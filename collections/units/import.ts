/**
 * POST /api/units/import — a province's units and their unit-editor accounts in one request.
 *
 * Why its own endpoint: created one by one through the API, 3 000 units with accounts took 18.8
 * minutes (issue 10), nearly all of it Payload hashing each account's password (pbkdf2, 25 000
 * rounds) and a sign-in per account. Here every row is checked before anything is written
 * (./importRows.ts, then the database: authorities in reach, codes and e-mails not taken), and
 * the rows are written with a few multi-row INSERTs in ONE transaction: all or nothing. No password
 * is hashed: each account is created without one, with an invitation — Payload's own reset-password
 * token with a 14-day expiry — so that /admin/reset/<token> lets its holder choose the password,
 * exactly as after "forgot password". An account without a password cannot sign in.
 *
 * Who: the admin anywhere, an authority-admin into the authorities of its own subtree (the units'
 * create access, collections/units/access.ts). The invitations are sent after the commit, in the
 * background; without SMTP (Payload's console adapter, which logs every message) one summary
 * line is logged instead of one line per account.
 *
 * Idempotent by unit code: a row whose code is stored updates that unit (the caller must reach it),
 * an unchanged row writes nothing, so importing a file twice never duplicates a unit.
 *
 * Body `{ units: [{ name, code?, unitType, tier, authority, memberCount?, learnerCount?, email?,
 * account?: { email, name } }] }`, at most 5 000 rows → 201 (200 when nothing new) `{ created:
 * { units, accounts }, updated, unchanged, units: [{ row, id, code, name, action }] }`; 400 (403
 * when an authority is out of reach) `{ errors: [{ path: 'units.12.unitType', message: 'Dòng 13,
 * «Loại đơn vị»: …' }] }`, nothing written. `?mode=preview` writes nothing and lists each row's
 * action and every problem; `?mode=valid` writes the rows without problems and lists the others.
 */
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import { eq } from '@payloadcms/db-postgres/drizzle'
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { inLentTransaction } from '@/db/serialiseWrites'
import { ancestorIds, type AuthorityNode } from '@criteria/authorityTree'
import { writeAuditEvent } from '@hooks/audit'
import { databaseErrorOf } from '@hooks/errorMessages'

import { hasRole, isAdmin } from '../access/roles'
import { loadAuthorityNodes, userAuthoritySubtree } from '../access/scope'
import { loadCatalogues } from '../catalogues'
import { relationId } from '../access/roles'
import { onSheetLine } from './importSheet'
import { checkAgainstStored, findDuplicates, hasImportRows, importLimits, listProblems, parseImportBody, rowsWithProblems, type ImportProblem, type ImportRow, type StoredAccount } from './importRows'

/** How long an invitation link stays valid. */
export const invitationDays = 14

/** Rows per INSERT: far under PostgreSQL's 65 535 parameters per statement (9 columns a unit). */
const insertChunk = 1_000

/** Values per `in` filter (the input guard's limit on a list, hooks/inputGuards.ts). */
const lookupChunk = 1_000

/** Invitations sent at once to the SMTP server. */
const sendConcurrency = 4

export type Invitation = { email: string; name: string; token: string; unitName: string; expiresAt: Date }

export type Answer = { status: number; body: unknown }

const json = ({ status, body }: Answer) => Response.json(body, { status })

export const refusal = (status: number, message: string, path = ''): Answer => ({ body: { errors: [{ message, path }] }, status })

// ---------------------------------------------------------------------------------------------
// The request body, read with a ceiling (nothing in front of Payload limits a JSON body)

export class BodyTooLarge extends Error {}

/** The request's body, at most `importLimits.bodyBytes` (else BodyTooLarge). */
export const readBytes = async (req: PayloadRequest): Promise<Buffer> => {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > importLimits.bodyBytes) throw new BodyTooLarge()
  const stream = (req as unknown as { body?: ReadableStream<Uint8Array> | null }).body
  if (!stream || typeof stream.getReader !== 'function') return Buffer.from(req.arrayBuffer ? await req.arrayBuffer() : new ArrayBuffer(0))
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > importLimits.bodyBytes) {
      await reader.cancel()
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

export const tooLargeMessage = `Tệp nhập quá lớn (tối đa ${importLimits.bodyBytes / 1024 / 1024} MB); hãy chia thành nhiều lần.`

const readBody = async (req: PayloadRequest): Promise<{ parsed: unknown } | Answer> => {
  let text: string
  try {
    text = (await readBytes(req)).toString('utf8')
  } catch (error) {
    if (error instanceof BodyTooLarge) return refusal(413, tooLargeMessage)
    throw error
  }
  try {
    return { parsed: text.trim() === '' ? undefined : JSON.parse(text) }
  } catch {
    return refusal(400, 'Nội dung gửi lên không phải JSON hợp lệ.')
  }
}

// ---------------------------------------------------------------------------------------------
// What only the database knows

const inChunks = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

const findIn = async <T>({ req, collection, field, values, select }: { req: PayloadRequest; collection: 'units' | 'users'; field: 'code' | 'email' | 'id'; values: (number | string)[]; select: Record<string, true> }) => {
  const found: T[] = []
  for (const chunk of inChunks([...new Set(values)], lookupChunk)) {
    const { docs } = await req.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select, where: { [field]: { in: chunk } } })
    found.push(...(docs as unknown as T[]))
  }
  return found
}

/** The values a row writes to its unit, as stored: what a re-import compares to see whether anything changed. */
const unitValues = (row: ImportRow) => ({
  authority: row.authority,
  email: row.email,
  learnerCount: row.learnerCount,
  memberCount: row.memberCount,
  name: row.name,
  tier: row.tier,
  unitType: row.unitType,
})

type UnitValues = ReturnType<typeof unitValues>

/** A stored unit with the code of a row: its id, authority and the values a row compares. */
type StoredUnitRow = UnitValues & { id: number; code: string }

const storedUnitsOf = async ({ req, rows }: { req: PayloadRequest; rows: ImportRow[] }): Promise<Map<string, StoredUnitRow>> => {
  const codes = rows.flatMap((row) => (row.code === null ? [] : [row.code]))
  const docs = await findIn<Record<string, unknown>>({
    collection: 'units',
    field: 'code',
    req,
    select: { authority: true, code: true, email: true, learnerCount: true, memberCount: true, name: true, tier: true, unitType: true },
    values: codes,
  })
  return new Map(
    docs.map((doc) => [
      String(doc.code),
      {
        authority: Number(relationId(doc.authority)),
        code: String(doc.code),
        email: (doc.email as string | null) ?? null,
        id: Number(doc.id),
        learnerCount: (doc.learnerCount as number | null) ?? null,
        memberCount: Number(doc.memberCount ?? 0),
        name: String(doc.name),
        tier: String(relationId(doc.tier)),
        unitType: String(relationId(doc.unitType)),
      },
    ]),
  )
}

/** Stored accounts with an e-mail of the file: their unit and authority (an editor's: its unit's). */
const storedAccountsOf = async ({ req, rows }: { req: PayloadRequest; rows: ImportRow[] }): Promise<Map<string, StoredAccount>> => {
  const emails = rows.flatMap((row) => (row.account ? [row.account.email] : []))
  const users = await findIn<{ email: string; unit?: unknown; authority?: unknown }>({ collection: 'users', field: 'email', req, select: { authority: true, email: true, unit: true }, values: emails })
  const unitIds = users.flatMap((user) => (relationId(user.unit) === null ? [] : [relationId(user.unit)!]))
  const units = await findIn<{ id: number; authority?: unknown }>({ collection: 'units', field: 'id', req, select: { authority: true }, values: unitIds })
  const unitAuthority = new Map(units.map((unit) => [String(unit.id), relationId(unit.authority)]))
  return new Map(
    users.map((user) => {
      const unit = relationId(user.unit)
      const authority = relationId(user.authority) ?? (unit === null ? null : (unitAuthority.get(String(unit)) ?? null))
      return [user.email, { authority: authority === null ? null : Number(authority), unit: unit === null ? null : Number(unit) }]
    }),
  )
}

type Stored = { units: Map<string, StoredUnitRow>; accounts: Map<string, StoredAccount> }

const checkStored = async ({ req, rows, nodes }: { req: PayloadRequest; rows: ImportRow[]; nodes: AuthorityNode[] }): Promise<{ problems: ImportProblem[]; stored: Stored }> => {
  const reach = isAdmin(req.user) ? null : new Set((await userAuthoritySubtree({ req })).map(String))
  const stored = { accounts: await storedAccountsOf({ req, rows }), units: await storedUnitsOf({ req, rows }) }
  const problems = checkAgainstStored({ authorities: new Set(nodes.map((node) => String(node.id))), reach, rows, storedAccounts: stored.accounts, storedUnits: stored.units })
  return { problems, stored }
}

/** What the import does with a checked row: a new unit, an update of the unit with its code, or nothing. */
export type RowAction = 'create' | 'update' | 'unchanged'

const isSame = ({ row, stored }: { row: ImportRow; stored: StoredUnitRow }) => {
  const values = unitValues(row)
  return (Object.keys(values) as (keyof UnitValues)[]).every((key) => values[key] === stored[key])
}

/** A row's action; an account to create for a stored unit counts as an update. */
const actionOf = ({ row, stored }: { row: ImportRow; stored: Stored }): RowAction => {
  const unit = row.code === null ? undefined : stored.units.get(row.code)
  if (!unit) return 'create'
  const needsAccount = row.account !== null && !stored.accounts.has(row.account.email)
  return needsAccount || !isSame({ row, stored: unit }) ? 'update' : 'unchanged'
}

/** The nearest authority above (or at) every row's: the audit row's, so that each admin above it reads it. */
const commonAuthority = ({ nodes, ids }: { nodes: AuthorityNode[]; ids: number[] }): number | null => {
  const distinct = [...new Set(ids.map(String))]
  const chains = distinct.map((id) => ancestorIds({ id, nodes }).map(String))
  const shared = chains[0]?.find((id) => chains.every((chain) => chain.includes(id)))
  return shared === undefined ? null : Number(shared)
}

// ---------------------------------------------------------------------------------------------
// Writing, in one transaction

type Drizzle = {
  update: (table: unknown) => { set: (values: Record<string, unknown>) => { where: (condition: unknown) => PromiseLike<unknown> } }
  insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => { returning: (fields: Record<string, unknown>) => Promise<{ id: number }[]> } & PromiseLike<unknown> }
  execute: (query: ReturnType<typeof sql>) => Promise<unknown>
  transaction: <T>(work: (tx: Drizzle) => Promise<T>) => Promise<T>
}
type Table = Record<string, unknown> & { id: unknown }
type Adapter = { drizzle: Drizzle; sessions: Record<string, { db: Drizzle; resolve: () => Promise<void>; reject: () => Promise<void> } | undefined>; tables: Record<string, Table> }

/**
 * Runs `work` in one transaction with `req` inside it, so Payload's own calls made with `req`
 * (the audit row) join it. On PostgreSQL that is Payload's transaction (through the pool's gate,
 * src/db/pool.ts). The embedded PGlite runs Payload without transactions (payload.config.ts): there
 * one of our own is opened and lent to Payload for its duration, so the import stays all or nothing.
 */
export const inTransaction = async <T>({ req, work }: { req: PayloadRequest; work: (db: Drizzle) => Promise<T> }): Promise<T> => {
  const adapter = req.payload.db as unknown as Adapter
  const isOwner = await initTransaction(req)
  const id = await req.transactionID
  const session = id === undefined || id === null ? undefined : adapter.sessions[String(id)]?.db
  if (session) {
    try {
      const result = await work(session)
      if (isOwner) await commitTransaction(req)
      return result
    } catch (error) {
      if (isOwner) await killTransaction(req)
      throw error
    }
  }
  return inLentTransaction({
    db: adapter,
    prefix: 'import',
    work: async ({ key, tx }) => {
      req.transactionID = key
      try {
        return await work(tx)
      } finally {
        delete req.transactionID
      }
    },
  })
}

const insertReturningIds = async ({ db, table, rows }: { db: Drizzle; table: Table; rows: Record<string, unknown>[] }) => {
  const ids: number[] = []
  for (const chunk of inChunks(rows, insertChunk)) {
    const inserted = await db.insert(table).values(chunk).returning({ id: table.id })
    ids.push(...inserted.map((row) => row.id))
  }
  return ids
}

const writeRows = async ({ req, rows, nodes, stored }: { req: PayloadRequest; rows: ImportRow[]; nodes: AuthorityNode[]; stored: Stored }) => {
  const { tables } = req.payload.db as unknown as Adapter
  const expiresAt = new Date(Date.now() + invitationDays * 24 * 60 * 60 * 1000)
  const actions = rows.map((row) => actionOf({ row, stored }))
  const created = rows.filter((_row, position) => actions[position] === 'create')
  return inTransaction({
    req,
    work: async (db) => {
      const createdIds = await insertReturningIds({ db, rows: created.map((row) => ({ ...unitValues(row), code: row.code, isActive: true })), table: tables.units })
      const now = new Date().toISOString()
      const unitIds: number[] = []
      let next = 0
      for (const [position, row] of rows.entries()) {
        if (actions[position] === 'create') {
          unitIds.push(createdIds[next])
          next += 1
          continue
        }
        const unit = stored.units.get(row.code!)!
        unitIds.push(unit.id)
        if (!isSame({ row, stored: unit })) await db.update(tables.units).set({ ...unitValues(row), updatedAt: now }).where(eq(tables.units.id as never, unit.id))
      }
      const withAccounts = rows.map((row, position) => ({ row, unitId: unitIds[position] })).filter((item) => item.row.account !== null && !stored.accounts.has(item.row.account.email))
      const invitations: Invitation[] = withAccounts.map(({ row }) => ({
        email: row.account!.email,
        expiresAt,
        name: row.account!.name,
        // as Payload's forgot-password makes it (auth/operations/forgotPassword.js)
        token: crypto.randomBytes(20).toString('hex'),
        unitName: row.name,
      }))
      const userIds = await insertReturningIds({
        db,
        // no salt and no hash: nobody signs in before choosing a password with the invitation
        rows: withAccounts.map(({ unitId }, position) => ({
          email: invitations[position].email,
          loginAttempts: 0,
          name: invitations[position].name,
          resetPasswordExpiration: expiresAt.toISOString(),
          resetPasswordToken: invitations[position].token,
          unit: unitId,
        })),
        table: tables.users,
      })
      for (const chunk of inChunks(userIds, insertChunk)) {
        // the `roles` select's rows, as Payload stores a hasMany select (order from 1)
        await db.insert(tables.users_roles).values(chunk.map((parent) => ({ order: 1, parent, value: 'unit-editor' })))
      }
      const updated = actions.filter((action) => action === 'update').length
      const changed = rows.filter((_row, position) => actions[position] !== 'unchanged')
      if (changed.length > 0) {
        const authority = commonAuthority({ ids: changed.map((row) => row.authority), nodes })
        const ids = changed.map((row) => unitIds[rows.indexOf(row)])
        await writeAuditEvent({
          event: {
            action: 'import-units',
            authority,
            collection: 'units',
            comment: `Nhập ${created.length.toLocaleString('vi-VN')} đơn vị mới, cập nhật ${updated.toLocaleString('vi-VN')} đơn vị theo mã và tạo ${userIds.length.toLocaleString('vi-VN')} tài khoản cán bộ đơn vị (mời đặt mật khẩu, hạn ${invitationDays} ngày); mã id đơn vị ${Math.min(...ids)}–${Math.max(...ids)}.`,
            docId: String(ids[0]),
            to: `${created.length} đơn vị mới, ${updated} cập nhật, ${userIds.length} tài khoản`,
          },
          req,
        })
      }
      return { actions, invitations, unitIds }
    },
  })
}

// ---------------------------------------------------------------------------------------------
// Invitations

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const vietnameseDate = (date: Date) => date.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' })

/** The server's address for links: `serverURL` when configured, else the address the request came to. */
export const serverOrigin = ({ req }: { req: PayloadRequest }): string => {
  const configured = req.payload.config.serverURL
  if (configured) return configured.replace(/\/$/, '')
  try {
    return new URL(req.url ?? '').origin
  } catch {
    return ''
  }
}

/** The page where an invited account chooses its password: Payload's reset page. */
export const invitationLink = ({ origin, payload, token }: { origin: string; payload: Payload; token: string }) =>
  `${origin}${payload.config.routes.admin}${payload.config.admin.routes.reset}/${token}`

export const invitationMessage = ({ invitation, link }: { invitation: Invitation; link: string }) => {
  const until = vietnameseDate(invitation.expiresAt)
  const text = [
    `Kính gửi ${invitation.name},`,
    '',
    `Tài khoản cán bộ đơn vị «${invitation.unitName}» trên hệ thống đánh giá Đơn vị học tập đã được tạo cho địa chỉ ${invitation.email}.`,
    `Để bắt đầu sử dụng, hãy đặt mật khẩu tại: ${link}`,
    '',
    `Liên kết có hiệu lực đến ngày ${until}. Sau ngày này, hãy chọn «Quên mật khẩu» ở trang đăng nhập để nhận liên kết mới.`,
  ].join('\n')
  const html = [
    `<p>Kính gửi ${escapeHtml(invitation.name)},</p>`,
    `<p>Tài khoản cán bộ đơn vị «${escapeHtml(invitation.unitName)}» trên hệ thống đánh giá Đơn vị học tập đã được tạo cho địa chỉ ${escapeHtml(invitation.email)}.</p>`,
    `<p>Để bắt đầu sử dụng, hãy đặt mật khẩu tại: <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p>Liên kết có hiệu lực đến ngày ${until}. Sau ngày này, hãy chọn «Quên mật khẩu» ở trang đăng nhập để nhận liên kết mới.</p>`,
  ].join('\n')
  return { html, subject: 'Mời kích hoạt tài khoản Đơn vị học tập', text, to: invitation.email }
}

/**
 * Sends the invitations, a few at a time, and logs one line at the end. Without SMTP Payload's
 * console adapter would log one line per message: one line says how many were not sent instead.
 * The links stay valid for `invitationDays`; an account whose mail is lost asks "forgot password".
 */
export const sendInvitations = async ({ payload, invitations, origin }: { payload: Payload; invitations: readonly Invitation[]; origin: string }) => {
  if (invitations.length === 0) return { failed: 0, sent: 0 }
  if ((payload.email as { name?: string } | undefined)?.name === 'console') {
    payload.logger.info(`Nhập đơn vị: ${invitations.length} thư mời đặt mật khẩu chưa gửi vì chưa cấu hình SMTP (SMTP_HOST); các tài khoản dùng «Quên mật khẩu» để đặt mật khẩu.`)
    return { failed: 0, sent: 0 }
  }
  let sent = 0
  let failed = 0
  let firstError: unknown
  const queue = [...invitations]
  const worker = async () => {
    for (let invitation = queue.shift(); invitation; invitation = queue.shift()) {
      try {
        await payload.sendEmail(invitationMessage({ invitation, link: invitationLink({ origin, payload, token: invitation.token }) }))
        sent += 1
      } catch (error) {
        failed += 1
        firstError ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(sendConcurrency, invitations.length) }, worker))
  if (failed > 0) payload.logger.error({ err: firstError }, `Nhập đơn vị: gửi được ${sent}/${invitations.length} thư mời, ${failed} thư lỗi (lỗi đầu tiên kèm theo).`)
  else payload.logger.info(`Nhập đơn vị: đã gửi ${sent} thư mời đặt mật khẩu.`)
  return { failed, sent }
}

// ---------------------------------------------------------------------------------------------
// The import

/**
 * How an import treats the problems it finds: `all` (the default) writes nothing when any row has
 * one; `valid` writes the rows without problems and lists the others (the clerk's explicit
 * choice); `preview` writes nothing and says, row by row, what importing would do.
 */
export type ImportMode = 'all' | 'preview' | 'valid'

export type ImportedUnit = { row: number; id: number; code: string | null; name: string; action: RowAction }

export type ImportResult = { created: { units: number; accounts: number }; updated: number; unchanged: number; units: ImportedUnit[]; skipped: ImportProblem[] }

export type ImportPreview = { rows: { row: number; code: string | null; name: string; action: RowAction }[]; errors: ImportProblem[]; rowCount: number }

const withoutFlag = ({ isOutOfReach: _flag, ...problem }: ImportProblem): ImportProblem => problem

/**
 * Checks and writes an import for the signed-in `req.user`; the answer to send. Also what a
 * script or benchmark calls in-process (the endpoint only reads the body and answers).
 * Idempotent by unit code: a row whose code is stored updates that unit (when in reach), and a
 * second import of the same file changes nothing. `onInvitations` receives the invitations once
 * committed (default: sent in the background).
 */
export const importUnits = async ({
  req,
  body,
  mode = 'all',
  sheet,
  onInvitations = (invitations) => void sendInvitations({ invitations, origin: serverOrigin({ req }), payload: req.payload }).catch((error: unknown) => req.payload.logger.error({ err: error }, 'Nhập đơn vị: lỗi khi gửi thư mời.')),
}: {
  req: PayloadRequest
  body: unknown
  mode?: ImportMode
  /** from a spreadsheet: each row's line in the sheet, and the problems the sheet itself had (./importSheet.ts) */
  sheet?: { lines: readonly number[]; problems: readonly ImportProblem[] }
  onInvitations?: (invitations: Invitation[]) => void
}): Promise<Answer> => {
  const { user } = req
  if (!user) return refusal(401, 'Cần đăng nhập.')
  if (!isAdmin(user) && !hasRole({ role: 'authority-admin', user })) {
    return refusal(403, 'Chỉ quản trị hệ thống hoặc quản trị cấp quản lý mới được nhập danh sách đơn vị.')
  }
  // the catalogues once per import: a province's own tiers and types count like TT 24's
  const catalogues = hasImportRows(body) ? await loadCatalogues({ req }) : { tiers: new Map(), unitTypes: new Map() }
  const parsed = parseImportBody({ body, catalogues })
  const nodes = parsed.rows.length > 0 ? await loadAuthorityNodes({ req }) : []
  const checked = parsed.rows.length > 0 ? await checkStored({ nodes, req, rows: parsed.rows }) : { problems: [], stored: { accounts: new Map(), units: new Map() } }
  const lineOf = (index: number) => sheet?.lines[index] ?? index + 1
  // a sheet's own problem (an unknown authority code) says more than the row check's on the same cell
  const sheetPaths = new Set(sheet?.problems.map((problem) => problem.path))
  const problems = [...(sheet?.problems ?? []), ...[...parsed.problems, ...findDuplicates({ lineOf, rows: parsed.rows }), ...checked.problems].filter((problem) => !sheetPaths.has(problem.path))].map((problem) =>
    sheet ? onSheetLine({ lines: sheet.lines, problem }) : problem,
  )
  const isBodyRefused = problems.some((problem) => !/^units\.\d+/.test(problem.path))
  const failing = rowsWithProblems({ problems })
  const rows = parsed.rows.filter((row) => !failing.has(row.index))
  if (mode === 'preview') {
    const preview: ImportPreview = {
      errors: listProblems({ problems }).map(withoutFlag),
      rowCount: Array.isArray((body as { units?: unknown } | null)?.units) ? (body as { units: unknown[] }).units.length : 0,
      rows: rows.map((row) => ({ action: actionOf({ row, stored: checked.stored }), code: row.code, name: row.name, row: lineOf(row.index) })),
    }
    return { body: preview, status: 200 }
  }
  if (problems.length > 0 && (mode === 'all' || isBodyRefused || rows.length === 0)) {
    return { body: { errors: listProblems({ problems }).map(({ message, path }) => ({ message, path })) }, status: problems.some((problem) => problem.isOutOfReach) ? 403 : 400 }
  }
  let written: Awaited<ReturnType<typeof writeRows>>
  try {
    written = await writeRows({ nodes, req, rows, stored: checked.stored })
  } catch (error) {
    // a code or an e-mail taken by another request between the check and the write
    if (databaseErrorOf(error)?.code === '23505') {
      return refusal(409, 'Một mã đơn vị hoặc email tài khoản trong tệp vừa được thao tác khác sử dụng; chưa lưu gì. Hãy gửi lại để xem dòng trùng.', 'units')
    }
    throw error
  }
  onInvitations(written.invitations)
  const count = (action: RowAction) => written.actions.filter((item) => item === action).length
  const result: ImportResult = {
    created: { accounts: written.invitations.length, units: count('create') },
    skipped: listProblems({ problems }).map(withoutFlag),
    unchanged: count('unchanged'),
    units: rows.map((row, position) => ({ action: written.actions[position], code: row.code, id: written.unitIds[position], name: row.name, row: lineOf(row.index) })),
    updated: count('update'),
  }
  return { body: result, status: count('create') > 0 ? 201 : 200 }
}

export const importEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return json(refusal(401, 'Cần đăng nhập.'))
    const read = await readBody(req)
    if ('status' in read) return json(read)
    const mode = req.searchParams?.get('mode')
    return json(await importUnits({ body: read.parsed, mode: mode === 'preview' || mode === 'valid' ? mode : 'all', req }))
  },
  method: 'post',
  path: '/import',
}
