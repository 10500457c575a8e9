/**
 * The bench province, made fast and consistent: the national criteria sets through the product's
 * own seed command; the authorities, rounds, one unit and its complete TT 24 dossier through the
 * REST API as the admin and the unit's editor would; then SQL copies of that unit, its editor and
 * its dossier (main row and answer rows) for the other units (INSERT … SELECT over
 * generate_series), checked afterwards through the API. The copies have no version history.
 * Every bench account shares one password hash, made once with Payload's algorithm; sessions are
 * rows of `users_sessions` with tokens signed as Payload signs them (no login, no hashing per user).
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'

import { SignJWT } from 'jose'
import pg from 'pg'

import { projectRoot } from '../../src/build.mjs'
import { metAnswers as metRows } from '../../test/int/helpers/rounds'
import { settledCriteria } from '../../test/int/helpers/settle'
import type { Client } from './http'

export const benchPassword = 'mat-khau-bench-2026'
export const districtCount = 10
export const criteriaSetCode = 'tt24-2023-huyen-1'

/** Payload 3.90's current password hash (pbkdf2-sha256, 600,000 rounds, 32 bytes), made once. */
export const passwordHash = ({ password }: { password: string }) => {
  const salt = crypto.randomBytes(32).toString('hex')
  const hash = crypto.pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex')
  return { hash: `pbkdf2-sha256-v1:${hash}`, salt }
}

/** A token as Payload signs it (payload/dist/auth/jwt.js): HS256 with Payload's derived secret. */
export const signToken = async ({ secret, user, seconds = 8 * 3600 }: { secret: string; user: { id: number; email: string; sid: string }; seconds?: number }) => {
  const key = new TextEncoder().encode(crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32))
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ collection: 'users', email: user.email, id: user.id, sid: user.sid })
    .setProtectedHeader({ alg: 'HS256', authVersion: 1, typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + seconds)
    .sign(key)
}

/** The product's `npm run seed -- criteria` on the bench database (it migrates first). */
export const seedCriteriaSets = ({ env }: { env: Record<string, string> }) => {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'scripts', 'seed.mjs'), 'criteria'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
  })
  if (result.status !== 0) throw new Error(`seed criteria: ${result.status}\n${result.stdout}\n${result.stderr}`)
}

export type Account = { id: number; email: string; token: string }

export type Dossier = { id: number; unitId: number; editor: Account; district: number }

export type World = {
  admin: Account
  provinceAdmin: Account
  districtAdmins: Account[]
  leads: Account[]
  province: number
  districts: number[]
  importAuthority: number
  rounds: number[]
  setId: number
  dossiers: Dossier[]
  answerRows: number
  resultBytes: number
}

type Row = Record<string, any>

/** Every applicable row answered so that it is met, with an explanation where evidence is asked (the integration tests' own). */
export const metAnswers = (rows: Row[]): Row[] => metRows({ rows: rows as Parameters<typeof metRows>[0]['rows'] }) as Row[]

const columnsOf = async ({ db, table, except }: { db: pg.Client; table: string; except: string[] }) => {
  const { rows } = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [table])
  return rows.map((row) => row.column_name as string).filter((name) => !except.includes(name))
}

const quoted = (names: string[], prefix = '') => names.map((name) => `${prefix}"${name}"`).join(', ')

export const buildWorld = async ({
  client,
  databaseUrl,
  secret,
  units,
  log,
}: {
  client: Client
  databaseUrl: string
  secret: string
  units: number
  log: (line: string) => void
}): Promise<World> => {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { hash, salt } = passwordHash({ password: benchPassword })

    /** Accounts straight into the tables, each with a session and its token. */
    const insertAccounts = async ({ rows, role }: { rows: { email: string; name: string; authority?: number | null; unit?: number | null }[]; role: string }): Promise<Account[]> => {
      if (rows.length === 0) return []
      const { rows: created } = await db.query(
        `INSERT INTO users (name, email, authority_id, unit_id, salt, hash, login_attempts)
         SELECT r.name, r.email, r.authority, r.unit, $2, $3, 0 FROM json_to_recordset($1::json) AS r(name text, email text, authority int, unit int)
         RETURNING id, email`,
        [JSON.stringify(rows), salt, hash],
      )
      const ids = created.map((row) => row.id as number)
      await db.query(`INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, $2::enum_users_roles FROM unnest($1::int[]) AS id`, [ids, role])
      const { rows: sessions } = await db.query(
        `INSERT INTO users_sessions (_order, _parent_id, id, created_at, expires_at)
         SELECT 1, id, gen_random_uuid()::text, now(), now() + interval '8 hours' FROM unnest($1::int[]) AS id RETURNING _parent_id AS id, id AS sid`,
        [ids],
      )
      const sidOf = new Map(sessions.map((row) => [row.id as number, row.sid as string]))
      return Promise.all(created.map(async (row) => ({ email: row.email, id: row.id, token: await signToken({ secret, user: { email: row.email, id: row.id, sid: sidOf.get(row.id) ?? '' } }) })))
    }

    const [adminRow] = await insertAccounts({ role: 'admin', rows: [{ email: 'admin@bench.vn', name: 'Quản trị bench' }] })
    // the admin signs in for real once: the shared hash and the server's sign-in work
    const admin: Account = { ...adminRow, token: await client.login({ email: adminRow.email, password: benchPassword }) }
    const post = <T = any>(path: string, body: unknown, token = admin.token) => client.json<{ doc: T }>({ body, expect: 201, method: 'POST', path, token }).then((reply) => reply.doc)

    const province = (await post<{ id: number }>('/api/authorities', { code: 'BENCH-P', name: 'Tỉnh Bench', tierLabel: 'Tỉnh' })).id
    const districts: number[] = []
    for (let index = 1; index <= districtCount; index += 1) {
      districts.push((await post<{ id: number }>('/api/authorities', { code: `BENCH-D${index}`, name: `Huyện Bench ${index}`, parent: province, tierLabel: 'Huyện' })).id)
    }
    const importAuthority = (await post<{ id: number }>('/api/authorities', { code: 'BENCH-IMPORT', name: 'Huyện Nhập khẩu', tierLabel: 'Huyện' })).id
    const [provinceAdmin] = await insertAccounts({ role: 'authority-admin', rows: [{ authority: province, email: 'tinh@bench.vn', name: 'Quản trị tỉnh' }] })
    const districtAdmins = await insertAccounts({ role: 'authority-admin', rows: districts.map((id, index) => ({ authority: id, email: `huyen${index + 1}@bench.vn`, name: `Quản trị huyện ${index + 1}` })) })
    const leads = await insertAccounts({ role: 'reviewer', rows: districts.map((id, index) => ({ authority: id, email: `truongdoan${index + 1}@bench.vn`, name: `Trưởng đoàn ${index + 1}` })) })

    const sets = await client.json<{ docs: { id: number }[] }>({ path: `/api/criteria-sets?where[code][equals]=${criteriaSetCode}&depth=0`, token: admin.token })
    const setId = sets.docs[0]?.id
    if (!setId) throw new Error(`bộ tiêu chí ${criteriaSetCode} chưa được nạp`)
    // a round opens only on a set whose unknowns are fixed: the bench's own document confirms them
    // with test values (not the law), as a province does with its guide
    const document = await post<{ id: number }>('/api/legal-documents', { issuedOn: '2025-01-03T00:00:00.000Z', kind: 'xac-nhan-nguong', number: 'BENCH 01/HD (dữ liệu đo hiệu năng)', title: 'Ngưỡng dùng để đo hiệu năng, không phải quy định' })
    const stored = await client.json<{ criteria: Parameters<typeof settledCriteria>[0]['criteria'] }>({ path: `/api/criteria-sets/${setId}?depth=0&draft=false`, token: admin.token })
    await client.json({ body: { _status: 'published', criteria: settledCriteria({ criteria: stored.criteria, document: document.id }) }, method: 'PATCH', path: `/api/criteria-sets/${setId}?depth=0`, token: admin.token })
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()))
    const rounds: number[] = []
    for (const [index, district] of districts.entries()) {
      const round = await post<{ id: number }>('/api/rounds', {
        authority: district,
        criteriaSets: [setId],
        // no dossier checklist: the crunch measures answers and transitions, not attachments
        dossier: [],
        team: [{ role: 'truong-doan', user: leads[index].id }],
        tier: 'huyen',
        title: `Đánh giá Đơn vị học tập năm ${year} — huyện Bench ${index + 1}`,
        year,
      })
      // a round is made in preparation, then opened, as the authority does
      await client.json({ body: { status: 'open' }, method: 'PATCH', path: `/api/rounds/${round.id}?depth=0`, token: admin.token })
      rounds.push(round.id)
    }
    log(`[bench] ${districtCount} huyện, ${rounds.length} đợt đánh giá (TT 24, ${criteriaSetCode})`)

    // one unit, its editor and its complete dossier the way the product makes them
    const template = await post<{ id: number; name: string }>('/api/units', { authority: districts[0], code: 'BENCH-U1', memberCount: 20, name: 'UBND xã Bench 1', tier: 'huyen', unitType: 'xa' })
    await db.query(
      `INSERT INTO units (name, code, unit_type_id, tier_id, authority_id, member_count, learner_count, email, is_active)
       SELECT 'UBND xã Bench ' || g, 'BENCH-U' || g, t.unit_type_id, t.tier_id, ($2::int[])[1 + (g - 1) % ${districtCount}], t.member_count, t.learner_count, t.email, t.is_active
       FROM units t, generate_series(2, $3::int) AS g WHERE t.id = $1`,
      [template.id, districts, units],
    )
    const { rows: unitRows } = await db.query(`SELECT id, code, authority_id FROM units WHERE code LIKE 'BENCH-U%' ORDER BY id`)
    const editors = await insertAccounts({
      role: 'unit-editor',
      rows: unitRows.map((unit) => ({ email: `${String(unit.code).toLowerCase()}@bench.vn`, name: `Cán bộ ${unit.code}`, unit: unit.id })),
    })
    log(`[bench] ${unitRows.length} đơn vị, ${editors.length} tài khoản cán bộ đơn vị (phiên đăng nhập tạo sẵn)`)

    const editorOfUnit = new Map(unitRows.map((unit, index) => [unit.id as number, editors[index]]))
    const templateEditor = editorOfUnit.get(template.id) as Account
    const draft = await post<{ id: number; answers: Row[] }>('/api/self-assessments?depth=0', { criteriaSet: setId, round: rounds[0], unit: template.id }, templateEditor.token)
    const answered = await client.json<{ doc: Row }>({ body: { answers: metAnswers(draft.answers) }, method: 'PATCH', path: `/api/self-assessments/${draft.id}?depth=0`, token: templateEditor.token })
    if (answered.doc.isComplete !== true) throw new Error(`hồ sơ mẫu chưa đủ: ${JSON.stringify(answered.doc).slice(0, 500)}`)

    // the other dossiers: copies of the template's row and answer rows
    const saColumns = await columnsOf({ db, except: ['id', 'unit_id', 'round_id', 'authority_id', 'title', 'created_at', 'updated_at'], table: 'self_assessments' })
    await db.query(
      `INSERT INTO self_assessments (${quoted(saColumns)}, unit_id, round_id, authority_id, title)
       SELECT ${quoted(saColumns, 't.')}, u.id, ($3::int[])[array_position($2::int[], u.authority_id)], u.authority_id, replace(t.title, $4, u.name)
       FROM self_assessments t JOIN units u ON u.code LIKE 'BENCH-U%' AND u.id <> $5 WHERE t.id = $1`,
      [draft.id, districts, rounds, template.name, template.id],
    )
    const answerColumns = await columnsOf({ db, except: ['_order', '_parent_id', 'id'], table: 'sa_answers' })
    await db.query(
      `INSERT INTO sa_answers (_order, _parent_id, id, ${quoted(answerColumns)})
       SELECT a._order, s.id, substr(md5(s.id || ':' || a._order || ':' || a.id), 1, 24), ${quoted(answerColumns, 'a.')}
       FROM sa_answers a JOIN self_assessments s ON s.id <> $1 AND s.unit_id IN (SELECT id FROM units WHERE code LIKE 'BENCH-U%') WHERE a._parent_id = $1`,
      [draft.id],
    )
    const relColumns = await columnsOf({ db, except: ['id', 'parent_id'], table: 'self_assessments_rels' })
    await db.query(
      `INSERT INTO self_assessments_rels (parent_id, ${quoted(relColumns)})
       SELECT s.id, ${quoted(relColumns, 'r.')} FROM self_assessments_rels r JOIN self_assessments s ON s.id <> $1 AND s.unit_id IN (SELECT id FROM units WHERE code LIKE 'BENCH-U%') WHERE r.parent_id = $1`,
      [draft.id],
    )
    await db.query('ANALYZE')
    const { rows: dossierRows } = await db.query(
      `SELECT s.id, s.unit_id, u.authority_id FROM self_assessments s JOIN units u ON u.id = s.unit_id WHERE u.code LIKE 'BENCH-U%' ORDER BY s.id`,
    )
    const dossiers = dossierRows.map((row) => ({ district: districts.indexOf(row.authority_id), editor: editorOfUnit.get(row.unit_id) as Account, id: row.id, unitId: row.unit_id }))

    // the app sees them all, as the province's authority-admin
    const seen = await client.json<{ totalDocs: number }>({ path: '/api/self-assessments/count', token: provinceAdmin.token })
    if (seen.totalDocs !== units) throw new Error(`quản trị tỉnh thấy ${seen.totalDocs} hồ sơ, cần ${units}`)
    const last = dossiers.at(-1) as Dossier
    const check = await client.json<Row>({ path: `/api/self-assessments/${last.id}?depth=0`, token: last.editor.token })
    if (check.isComplete !== true || check.status !== 'draft') throw new Error('bản sao hồ sơ không đọc được như hồ sơ mẫu')
    log(`[bench] ${dossiers.length} hồ sơ nháp đầy đủ (${answered.doc.answers.length} dòng chỉ tiêu, result ${JSON.stringify(answered.doc.result).length} B); quản trị tỉnh thấy ${seen.totalDocs}`)
    return {
      admin,
      answerRows: answered.doc.answers.length,
      districtAdmins,
      districts,
      dossiers,
      importAuthority,
      leads,
      province,
      provinceAdmin,
      resultBytes: JSON.stringify(answered.doc.result).length,
      rounds,
      setId,
    }
  } finally {
    await db.end()
  }
}
