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
 * Body `{ units: [{ name, code?, unitType, tier, authority, memberCount?, learnerCount?, email?,
 * account?: { email, name } }] }`, at most 5 000 rows → 201 `{ created: { units, accounts },
 * units: [{ row, id, code, name }] }`; 400 (403 when an authority is out of reach) `{ errors:
 * [{ path: 'units.12.unitType', message: 'Dòng 13, «Loại đơn vị»: …' }] }`, nothing written.
 */
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { ancestorIds, type AuthorityNode } from '@criteria/authorityTree'
import { writeAuditEvent } from '@hooks/audit'
import { databaseErrorOf } from '@hooks/errorMessages'

import { hasRole, isAdmin } from '../access/roles'
import { loadAuthorityNodes, userAuthoritySubtree } from '../access/scope'
import { loadCatalogues } from '../catalogues'
import { checkAgainstStored, findDuplicates, hasImportRows, importLimits, listProblems, parseImportBody, type ImportProblem, type ImportRow } from './importRows'

/** How long an invitation link stays valid. */
export const invitationDays = 14

/** Rows per INSERT: far under PostgreSQL's 65 535 parameters per statement (9 columns a unit). */
const insertChunk = 1_000

/** Values per `in` filter (the input guard's limit on a list, hooks/inputGuards.ts). */
const lookupChunk = 1_000

/** Invitations sent at once to the SMTP server. */
const sendConcurrency = 4

export type ImportedUnit = { row: number; id: number; code: string | null; name: string }

export type ImportResult = { created: { units: number; accounts: number }; units: ImportedUnit[] }

export type Invitation = { email: string; name: string; token: string; unitName: string; expiresAt: Date }

type Answer = { status: number; body: unknown }

const json = ({ status, body }: Answer) => Response.json(body, { status })

const refusal = (status: number, message: string, path = ''): Answer => ({ body: { errors: [{ message, path }] }, status })

// ---------------------------------------------------------------------------------------------
// The request body, read with a ceiling (nothing in front of Payload limits a JSON body)

class BodyTooLarge extends Error {}

const readText = async (req: PayloadRequest): Promise<string> => {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > importLimits.bodyBytes) throw new BodyTooLarge()
  const stream = (req as unknown as { body?: ReadableStream<Uint8Array> | null }).body
  if (!stream || typeof stream.getReader !== 'function') return req.text ? req.text() : ''
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
  return Buffer.concat(chunks).toString('utf8')
}

const readBody = async (req: PayloadRequest): Promise<{ parsed: unknown } | Answer> => {
  let text: string
  try {
    text = await readText(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) return refusal(413, `Tệp nhập quá lớn (tối đa ${importLimits.bodyBytes / 1024 / 1024} MB); hãy chia thành nhiều lần.`)
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

const takenValues = async ({ req, collection, field, values }: { req: PayloadRequest; collection: 'units' | 'users'; field: 'code' | 'email'; values: string[] }) => {
  const taken = new Set<string>()
  for (const chunk of inChunks([...new Set(values)], lookupChunk)) {
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { [field]: true },
      where: { [field]: { in: chunk } },
    })
    for (const doc of docs) taken.add(String((doc as unknown as Record<string, unknown>)[field]))
  }
  return taken
}

const checkStored = async ({ req, rows, nodes }: { req: PayloadRequest; rows: ImportRow[]; nodes: AuthorityNode[] }): Promise<ImportProblem[]> => {
  const reach = isAdmin(req.user) ? null : new Set((await userAuthoritySubtree({ req })).map(String))
  const codes = rows.flatMap((row) => (row.code === null ? [] : [row.code]))
  const emails = rows.flatMap((row) => (row.account ? [row.account.email] : []))
  return checkAgainstStored({
    authorities: new Set(nodes.map((node) => String(node.id))),
    reach,
    rows,
    takenCodes: await takenValues({ collection: 'units', field: 'code', req, values: codes }),
    takenEmails: await takenValues({ collection: 'users', field: 'email', req, values: emails }),
  })
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
const inTransaction = async <T>({ req, work }: { req: PayloadRequest; work: (db: Drizzle) => Promise<T> }): Promise<T> => {
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
  return adapter.drizzle.transaction(async (tx) => {
    const key = `import-${crypto.randomUUID()}`
    adapter.sessions[key] = { db: tx, reject: async () => {}, resolve: async () => {} }
    req.transactionID = key
    try {
      return await work(tx)
    } finally {
      delete adapter.sessions[key]
      delete req.transactionID
    }
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

const writeRows = async ({ req, rows, nodes }: { req: PayloadRequest; rows: ImportRow[]; nodes: AuthorityNode[] }) => {
  const { tables } = req.payload.db as unknown as Adapter
  const expiresAt = new Date(Date.now() + invitationDays * 24 * 60 * 60 * 1000)
  return inTransaction({
    req,
    work: async (db) => {
      const unitIds = await insertReturningIds({
        db,
        rows: rows.map((row) => ({
          authority: row.authority,
          code: row.code,
          email: row.email,
          isActive: true,
          learnerCount: row.learnerCount,
          memberCount: row.memberCount,
          name: row.name,
          tier: row.tier,
          unitType: row.unitType,
        })),
        table: tables.units,
      })
      const withAccounts = rows.map((row, position) => ({ row, unitId: unitIds[position] })).filter((item) => item.row.account !== null)
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
      const authority = commonAuthority({ ids: rows.map((row) => row.authority), nodes })
      await writeAuditEvent({
        event: {
          action: 'import-units',
          authority,
          collection: 'units',
          comment: `Nhập ${rows.length.toLocaleString('vi-VN')} đơn vị và ${userIds.length.toLocaleString('vi-VN')} tài khoản cán bộ đơn vị (mời đặt mật khẩu, hạn ${invitationDays} ngày); mã id đơn vị ${Math.min(...unitIds)}–${Math.max(...unitIds)}.`,
          docId: String(unitIds[0]),
          to: `${rows.length} đơn vị, ${userIds.length} tài khoản`,
        },
        req,
      })
      return { invitations, unitIds }
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
 * Checks and writes an import for the signed-in `req.user`; the answer to send. Also what a
 * script or benchmark calls in-process (the endpoint only reads the body and answers).
 * `onInvitations` receives the invitations once committed (default: sent in the background).
 */
export const importUnits = async ({
  req,
  body,
  onInvitations = (invitations) => void sendInvitations({ invitations, origin: serverOrigin({ req }), payload: req.payload }).catch((error: unknown) => req.payload.logger.error({ err: error }, 'Nhập đơn vị: lỗi khi gửi thư mời.')),
}: {
  req: PayloadRequest
  body: unknown
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
  const problems = [...parsed.problems, ...findDuplicates({ rows: parsed.rows }), ...(parsed.rows.length > 0 ? await checkStored({ nodes, req, rows: parsed.rows }) : [])]
  if (problems.length > 0) {
    return { body: { errors: listProblems({ problems }).map(({ message, path }) => ({ message, path })) }, status: problems.some((problem) => problem.isOutOfReach) ? 403 : 400 }
  }
  const { rows } = parsed
  let written: Awaited<ReturnType<typeof writeRows>>
  try {
    written = await writeRows({ nodes, req, rows })
  } catch (error) {
    // a code or an e-mail taken by another request between the check and the write
    if (databaseErrorOf(error)?.code === '23505') {
      return refusal(409, 'Một mã đơn vị hoặc email tài khoản trong tệp vừa được thao tác khác sử dụng; chưa lưu gì. Hãy gửi lại để xem dòng trùng.', 'units')
    }
    throw error
  }
  onInvitations(written.invitations)
  const result: ImportResult = {
    created: { accounts: written.invitations.length, units: rows.length },
    units: rows.map((row, position) => ({ code: row.code, id: written.unitIds[position], name: row.name, row: row.index + 1 })),
  }
  return { body: result, status: 201 }
}

export const importEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return json(refusal(401, 'Cần đăng nhập.'))
    const read = await readBody(req)
    if ('status' in read) return json(read)
    return json(await importUnits({ body: read.parsed, req }))
  },
  method: 'post',
  path: '/import',
}
