/**
 * `npm run backup` / `npm run restore` round trips: the demo province, a small world, a signed-in
 * session and an uploaded evidence file on PostgreSQL, backed up and restored into a fresh
 * database and a fresh uploads folder, compared table by table (row counts by plain SQL, a sha256
 * of every row, sequences) and file by file; the refusals (non-empty target without --force,
 * corrupted or tampered backups, backups of another code version, paths leaving the folder); and
 * the embedded PGlite path through the commands themselves, refused while its database is open,
 * and an embedded backup restored into PostgreSQL.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startEmbeddedDatabase } from '@/db/embedded'
import { migrations } from '@/migrations'
import { closePayload, initPayload, prepareRuntime } from '@/runtime'
import { backupCommand } from '@/scripts/backupCommand'
import { createBackup } from '@/scripts/backupCreate'
import { BackupError, listFiles, listTables, manifestChecksum, prepareSession, quoteIdent, sha256OfFile, tableFingerprints, type Manifest } from '@/scripts/backupFormat'
import { restoreCommand } from '@/scripts/restoreCommand'
import { restoreBackup, verifyBackupFolder } from '@/scripts/restoreBackup'
import { loadDemo } from '@/seed/loadDemo'

import { buildAppConfig } from '../../payload.config'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createFreshDatabase } from './helpers/testDatabase'
import { createWorld, password } from './helpers/world'

const secret = 'test-secret-do-not-use-in-production'
const codeMigrations = migrations.map((migration) => migration.name)
const serverUrl = process.env.TEST_DATABASE_URL
const cleanups: (() => Promise<void> | void)[] = []
const silent = () => {}

let payload: Payload
let sourceUrl: string
let sourceUploads: string
let backupDir: string

const tempDir = (label: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dvht-${label}-`))
  cleanups.push(() => fs.rmSync(dir, { force: true, recursive: true }))
  return dir
}

/** A new, empty database on the test server (or PGlite where the runner fell back to it), dropped afterwards. */
const freshDatabase = async (label: string) => {
  const database = await createFreshDatabase({ label, serverUrl })
  cleanups.unshift(database.drop)
  return database
}

let instances = 0
/**
 * Payload on another database. Each instance gets its own cache key (a destroyed one stays in
 * getPayload's cache under its key), and no type generation: outside production every init
 * spawns `payload generate:types` in the background, which starved the embedded starts here.
 */
const payloadOn = async ({ isEmbedded, url }: { isEmbedded: boolean; url: string | undefined }) => {
  instances += 1
  const config = await buildAppConfig({ databaseUrl: url, isEmbedded, secret })
  config.typescript.autoGenerate = false
  return initPayload({ config, key: `backup-test-${instances}` })
}

/** Builds the schema with the committed migrations, as `npm run restore` does. */
const migrator = ({ isEmbedded, url }: { isEmbedded: boolean; url: string }) => async () => {
  const migrated = await payloadOn({ isEmbedded, url })
  await closePayload({ payload: migrated })
}

/** Per table: rows counted by plain SQL and the sha256 of its sorted rows; every sequence and constraint. */
const snapshot = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
    await prepareSession(client)
    const counts: Record<string, number> = {}
    for (const table of await listTables(client)) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quoteIdent(table)}`)).rows[0]?.n)
    }
    const fingerprints = Object.fromEntries((await tableFingerprints(client)).map((table) => [table.name, table.sha256]))
    const sequences = (await client.query<{ name: string; value: string }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows
    const constraints = (await client.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`)).rows.map((row) => row.name)
    await client.query('COMMIT')
    return { constraints, counts, fingerprints, sequences }
  } finally {
    await client.end()
  }
}

const filesWithHashes = async (root: string) =>
  Object.fromEntries(await Promise.all(listFiles(root).map(async (file) => [file, await sha256OfFile(path.join(root, file))] as const)))

/** A minimal well-formed PDF (as in evidence.test.ts). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n%\n' +
    'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n',
  'latin1',
)

/** A copy of the backup with `change` applied to it, for the refusal cases. */
const tampered = (change: (dir: string) => void) => {
  const dir = path.join(tempDir('tampered'), 'backup')
  fs.cpSync(backupDir, dir, { recursive: true })
  change(dir)
  return dir
}

const rewriteManifest = (dir: string, edit: (manifest: Manifest) => Manifest, { isResigned }: { isResigned: boolean }) => {
  const file = path.join(dir, 'manifest.json')
  const manifest = edit(JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest)
  if (isResigned) manifest.checksum = manifestChecksum(manifest)
  fs.writeFileSync(file, JSON.stringify(manifest))
}

const refusal = async (call: () => Promise<unknown>) => {
  try {
    await call()
  } catch (error) {
    if (error instanceof BackupError) return error.message
    throw error
  }
  throw new Error('expected a BackupError')
}

beforeAll(async () => {
  payload = await getTestPayload()
  sourceUrl = process.env.DATABASE_URL ?? ''
  sourceUploads = process.env.UPLOADS_DIR ?? ''
  await loadDemo({ payload })
  const world = await createWorld({ payload, tag: 'BKP' })
  // a province's own catalogue row beside the ones the migrations seed: a restore replaces the seeded rows with the backup's
  await payload.create({ collection: 'tiers', data: { authority: world.authorities.province.id, id: 'bkp-thon', label: 'Cấp thôn BKP', order: 90 } })
  await payload.create({
    collection: 'evidence',
    data: { title: 'Biên bản họp xét công nhận', unit: world.units.unitA1.id },
    file: { data: pdf, mimetype: 'application/pdf', name: 'bien-ban-hop.pdf', size: pdf.length },
  })
  await createRestClient({ config: payload.config }).login({ email: world.users.unitEditor.email, password }) // a session row
  backupDir = path.join(tempDir('backup'), 'sao-luu')
})

afterAll(async () => {
  await closeTestPayload(payload)
  for (const cleanup of cleanups) await cleanup()
})

describe('backup and restore on PostgreSQL', () => {
  it('restores into a fresh database and uploads folder with the same rows, sequences and files', async () => {
    const lines: string[] = []
    const before = await snapshot(sourceUrl)
    const summary = await createBackup({ databaseUrl: sourceUrl, folder: backupDir, log: (line) => lines.push(line), mode: 'external', uploadsDir: sourceUploads })
    expect(summary.files).toBeGreaterThanOrEqual(1)
    expect(summary.manifest.migrations).toEqual(codeMigrations)
    expect(Object.fromEntries(summary.manifest.tables.map((table) => [table.name, table.rows]))).toEqual(before.counts)
    expect(before.counts.units).toBeGreaterThanOrEqual(34) // the demo's 30 and the world's 4
    expect(before.counts.evidence).toBeGreaterThanOrEqual(1)
    expect(before.counts.users_sessions).toBeGreaterThanOrEqual(1)
    expect(lines.join('\n')).toContain('Đã sao lưu vào')
    expect(fs.statSync(backupDir).mode & 0o077).toBe(0) // password hashes inside: owner only

    const target = await freshDatabase('roundtrip')
    const targetUploads = tempDir('uploads-restored')
    const restored = await restoreBackup({ applyMigrations: migrator(target), codeMigrations, databaseUrl: target.url, folder: backupDir, log: silent, uploadsDir: targetUploads })
    expect(restored.files).toBe(summary.files)

    const after = await snapshot(target.url)
    expect(after.counts.tiers).toBeGreaterThanOrEqual(3)
    expect(after.counts).toEqual(before.counts)
    expect(after.fingerprints).toEqual(before.fingerprints)
    expect(after.sequences).toEqual(before.sequences)
    expect(after.constraints).toEqual(before.constraints) // the foreign keys lifted for the load are back
    expect(await filesWithHashes(targetUploads)).toEqual(await filesWithHashes(sourceUploads))
    expect(listFiles(targetUploads)).toContain('evidence/bien-ban-hop.pdf')

    // the restored database works for the app: an account signs in with its old password
    const restoredPayload = await payloadOn(target)
    try {
      const signedIn = await restoredPayload.login({ collection: 'users', data: { email: 'admin.bkp@test.vn', password } })
      expect(signedIn.token).toBeTruthy()
      expect((await restoredPayload.count({ collection: 'units' })).totalDocs).toBe(before.counts.units)
      const created = await restoredPayload.create({ collection: 'authorities', data: { code: 'BKP-NEW', name: 'Sau khôi phục', tierLabel: 'Tỉnh' } })
      expect(created.id).toBeGreaterThan(before.counts.authorities ?? 0) // the sequence continues after the restored ids
    } finally {
      await closePayload({ payload: restoredPayload })
    }

    // a second restore into it is refused and changes nothing; --force replaces everything
    const changed = await snapshot(target.url)
    const message = await refusal(() => restoreBackup({ applyMigrations: migrator(target), codeMigrations, databaseUrl: target.url, folder: backupDir, log: silent, uploadsDir: targetUploads }))
    expect(message).toContain('Đích không rỗng')
    expect(message).toContain('--force')
    expect(message).toContain(`thư mục tải lên ${targetUploads} đã có tệp`)
    expect(await snapshot(target.url)).toEqual(changed)

    await restoreBackup({ applyMigrations: migrator(target), codeMigrations, databaseUrl: target.url, folder: backupDir, isForce: true, log: silent, uploadsDir: targetUploads })
    const forced = await snapshot(target.url)
    expect(forced.fingerprints).toEqual(before.fingerprints) // BKP-NEW is gone
    expect(forced.sequences).toEqual(before.sequences)
    expect(await filesWithHashes(targetUploads)).toEqual(await filesWithHashes(sourceUploads))
    expect(fs.readdirSync(path.dirname(targetUploads)).some((name) => name.startsWith(`${path.basename(targetUploads)}.truoc-khoi-phuc-`))).toBe(true)
  })

  it('refuses to write a backup into a folder that already holds something', async () => {
    expect(await refusal(() => createBackup({ databaseUrl: sourceUrl, folder: backupDir, log: silent, mode: 'external', uploadsDir: sourceUploads }))).toContain('đã có dữ liệu')
  })
})

describe('restore refuses a backup it cannot trust, before touching the target', () => {
  // an address nothing listens on: reaching the database would fail with another error
  const unreachable = 'postgres://nobody@127.0.0.1:1/none'
  const attempt = (folder: string) =>
    refusal(() =>
      restoreBackup({
        applyMigrations: () => Promise.reject(new Error('must not migrate')),
        codeMigrations,
        databaseUrl: unreachable,
        folder,
        log: silent,
        uploadsDir: tempDir('never'),
      }),
    )

  it('a changed byte in a table file', async () => {
    const dir = tampered((root) => {
      const file = path.join(root, 'database', 'units.ndjson')
      const bytes = fs.readFileSync(file)
      bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41
      fs.writeFileSync(file, bytes)
    })
    expect(await attempt(dir)).toContain('Tệp dữ liệu của bảng units bị hỏng: mã kiểm tra sha256 không khớp')
  })

  it('a changed uploaded file, or a missing one', async () => {
    expect(await attempt(tampered((root) => fs.appendFileSync(path.join(root, 'uploads', 'evidence', 'bien-ban-hop.pdf'), 'x')))).toContain(
      'Tệp tải lên evidence/bien-ban-hop.pdf bị hỏng',
    )
    expect(await attempt(tampered((root) => fs.rmSync(path.join(root, 'uploads', 'evidence', 'bien-ban-hop.pdf'))))).toContain('Thiếu tệp tải lên evidence/bien-ban-hop.pdf')
  })

  it('a manifest edited without its checksum, or not a backup at all', async () => {
    const edited = tampered((root) => rewriteManifest(root, (manifest) => ({ ...manifest, tables: manifest.tables.map((table) => (table.name === 'units' ? { ...table, rows: table.rows + 1 } : table)) }), { isResigned: false }))
    expect(await attempt(edited)).toContain('Mã kiểm tra của manifest.json không khớp')
    expect(await attempt(tempDir('empty'))).toContain('đây không phải một bản sao lưu')
    expect(await attempt(tampered((root) => fs.writeFileSync(path.join(root, 'manifest.json'), '{"format":')))).toContain('không phải JSON hợp lệ')
  })

  it('a backup of newer code (unknown migrations) or older code (missing ones)', async () => {
    const newer = tampered((root) => rewriteManifest(root, (manifest) => ({ ...manifest, migrations: [...manifest.migrations, '29991231_000000_future'] }), { isResigned: true }))
    expect(await attempt(newer)).toContain('phiên bản mới hơn mã nguồn này (migration chưa có: 29991231_000000_future)')
    const older = tampered((root) => rewriteManifest(root, (manifest) => ({ ...manifest, migrations: manifest.migrations.slice(0, -1) }), { isResigned: true }))
    expect(await attempt(older)).toContain(`phiên bản cũ hơn (thiếu migration: ${codeMigrations.at(-1)})`)
  })

  it('a file path that leaves the uploads folder, even with a matching checksum', async () => {
    const escaping = tampered((root) => {
      const sha256 = crypto.createHash('sha256').update('x').digest('hex')
      rewriteManifest(root, (manifest) => ({ ...manifest, files: [...manifest.files, { bytes: 1, path: '../../escape.txt', sha256 }] }), { isResigned: true })
    })
    expect(await attempt(escaping)).toContain('Đường dẫn tệp không hợp lệ trong bản sao lưu: «../../escape.txt»')
  })
})

describe('the embedded database through the commands', () => {
  it('refuses while the database is open, then backs it up and restores it into PostgreSQL and into a fresh data folder', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const dataDir = tempDir('embedded-source')
      const uploads = path.join(dataDir, 'uploads')
      const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, NODE_ENV: 'test' }
      const runtime = await prepareRuntime({ env })
      const source = await payloadOn({ isEmbedded: true, url: env.DATABASE_URL })
      await createWorld({ payload: source, tag: 'BKE' })
      await closePayload({ payload: source })
      fs.mkdirSync(path.join(uploads, 'evidence', 'nam-2026'), { recursive: true })
      fs.writeFileSync(path.join(uploads, 'evidence', 'ke-hoach.pdf'), pdf)
      fs.writeFileSync(path.join(uploads, 'evidence', 'nam-2026', 'anh.png'), crypto.randomBytes(2048))

      const folder = path.join(tempDir('embedded-backup'), 'sao-luu')
      expect(await backupCommand({ args: [folder], env: { DATA_DIR: dataDir } })).toBe(1)
      expect(errors.mock.calls.flat().join('\n')).toMatch(/Không sao lưu: Cơ sở dữ liệu nhúng tại .* đang được tiến trình \d+ sử dụng \(máy chủ đang chạy\?\)/)
      expect(fs.existsSync(folder)).toBe(false)

      await runtime.stopDatabase()
      expect(await backupCommand({ args: [folder], env: { DATA_DIR: dataDir } })).toBe(0)
      const manifest = await verifyBackupFolder({ folder })
      expect(manifest.source.mode).toBe('embedded')
      expect(manifest.files.map((file) => file.path)).toEqual(['evidence/ke-hoach.pdf', 'evidence/nam-2026/anh.png'])
      expect(manifest.tables.find((table) => table.name === 'units')?.rows).toBe(4)

      // the same backup moves to PostgreSQL: trying the product first, then deploying it for real
      const postgres = await freshDatabase('from_embedded')
      await restoreBackup({ applyMigrations: migrator(postgres), codeMigrations, databaseUrl: postgres.url, folder, log: silent, uploadsDir: tempDir('uploads-from-embedded') })
      const moved = await snapshot(postgres.url)
      for (const table of manifest.tables) expect([moved.counts[table.name], moved.fingerprints[table.name]], table.name).toEqual([table.rows, table.sha256])

      const restoredDir = tempDir('embedded-restored')
      expect(await restoreCommand({ args: [folder], env: { DATA_DIR: restoredDir, NODE_ENV: 'test' } })).toBe(0)
      expect(logs.mock.calls.flat().join('\n')).toContain('Đã khôi phục vào')
      expect(await filesWithHashes(path.join(restoredDir, 'uploads'))).toEqual(await filesWithHashes(uploads))

      const check = await startEmbeddedDatabase({ dataDir: path.join(restoredDir, 'pglite') })
      try {
        const restored = await snapshot(check.url)
        for (const table of manifest.tables) {
          expect(restored.counts[table.name], table.name).toBe(table.rows)
          expect(restored.fingerprints[table.name], table.name).toBe(table.sha256)
        }
      } finally {
        await check.stop()
      }
    } finally {
      errors.mockRestore()
      logs.mockRestore()
    }
  }, 240_000)
})
