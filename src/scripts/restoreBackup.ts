/**
 * Restores a backup folder (backupFormat.ts) into a database and an uploads folder:
 * 1. checks the folder before touching anything: the manifest, its checksum, and the sha256 of
 *    every table file and uploaded file; a backup made by newer code (unknown migrations) or by
 *    older code (missing migrations: restore with that version, then upgrade) is refused;
 * 2. refuses a target that holds data (rows in any table, or files in the uploads folder) unless
 *    `isForce`, which drops the `public` schema and moves the old uploads folder aside;
 * 3. builds the schema with the committed migrations (`applyMigrations`), then, in one
 *    transaction, lifts the foreign keys, empties the tables (the migrations seed the catalogues),
 *    inserts every row as PostgreSQL wrote it, puts the foreign keys back (which checks them all),
 *    sets the sequences, and compares every table's count and fingerprint with the manifest before
 *    committing;
 * 4. copies the files, checking each one's sha256 as written.
 * Works the same on PostgreSQL and on the embedded PGlite (no superuser rights needed).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

import type pg from 'pg'

import {
  BackupError,
  connect,
  copyWithHash,
  databaseFolder,
  describeDatabase,
  isFolderEmpty,
  listColumns,
  listTables,
  manifestChecksum,
  manifestFile,
  manifestSchema,
  prepareSession,
  quoteIdent,
  safeRelativePath,
  sha256OfFile,
  tableFingerprints,
  uploadsFolder,
  type Manifest,
} from './backupFormat'

/** Reads the manifest and checks every checksum in the folder; nothing is written. */
export const verifyBackupFolder = async ({ folder }: { folder: string }): Promise<Manifest> => {
  const root = path.resolve(folder)
  const manifestPath = path.join(root, manifestFile)
  if (!fs.existsSync(manifestPath)) throw new BackupError(`Không tìm thấy ${manifestFile} trong ${root}: đây không phải một bản sao lưu.`)
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
  } catch {
    throw new BackupError(`Tệp ${manifestPath} bị hỏng (không phải JSON hợp lệ).`)
  }
  const result = manifestSchema.safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new BackupError(`Tệp ${manifestPath} không đúng định dạng bản sao lưu (trường ${issue?.path.join('.') || '(gốc)'}: ${issue?.message ?? ''}).`)
  }
  const manifest = result.data
  if (manifestChecksum(manifest) !== manifest.checksum) {
    throw new BackupError(`Mã kiểm tra của ${manifestFile} không khớp với nội dung của nó: bản sao lưu đã bị sửa hoặc hỏng.`)
  }
  for (const table of manifest.tables) {
    const file = path.join(root, databaseFolder, `${table.name}.ndjson`)
    if (!fs.existsSync(file)) throw new BackupError(`Thiếu tệp dữ liệu của bảng ${table.name} (${file}).`)
    if ((await sha256OfFile(file)) !== table.sha256) throw new BackupError(`Tệp dữ liệu của bảng ${table.name} bị hỏng: mã kiểm tra sha256 không khớp (${file}).`)
  }
  for (const entry of manifest.files) {
    const file = path.join(root, uploadsFolder, ...safeRelativePath(entry.path).split('/'))
    if (!fs.existsSync(file)) throw new BackupError(`Thiếu tệp tải lên ${entry.path} trong bản sao lưu.`)
    if ((await sha256OfFile(file)) !== entry.sha256) throw new BackupError(`Tệp tải lên ${entry.path} bị hỏng: mã kiểm tra sha256 không khớp.`)
  }
  return manifest
}

/** The backup's migrations must be exactly the code's: the rows fit that schema and no other. */
export const checkMigrations = ({ backup, code }: { backup: string[]; code: string[] }) => {
  const newer = backup.filter((name) => !code.includes(name))
  if (newer.length > 0) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn mã nguồn này (migration chưa có: ${newer.join(', ')}). Hãy cập nhật ứng dụng rồi khôi phục.`,
    )
  }
  const missing = code.filter((name) => !backup.includes(name))
  if (missing.length > 0) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản cũ hơn (thiếu migration: ${missing.join(', ')}). ` +
        'Hãy khôi phục bằng đúng phiên bản đã tạo bản sao lưu, rồi nâng cấp (migration chạy khi khởi động).',
    )
  }
}

/** Tables holding rows; the migration log alone does not make a database non-empty. */
const tablesWithRows = async (client: pg.Client) => {
  const found: string[] = []
  for (const name of await listTables(client)) {
    if (name === 'payload_migrations') continue
    const { rows } = await client.query<{ has: boolean }>(`SELECT EXISTS (SELECT 1 FROM public.${quoteIdent(name)}) AS has`)
    if (rows[0]?.has) found.push(name)
  }
  return found
}

async function* ndjsonBatches(file: string, maxRows = 500, maxChars = 4_000_000): AsyncGenerator<{ lines: string[]; text: string }> {
  let lines: string[] = []
  let chars = 0
  for await (const line of readline.createInterface({ crlfDelay: Infinity, input: fs.createReadStream(file) })) {
    lines.push(line)
    chars += line.length
    if (lines.length >= maxRows || chars >= maxChars) {
      yield { lines, text: `[${lines.join(',')}]` }
      lines = []
      chars = 0
    }
  }
  if (lines.length > 0) yield { lines, text: `[${lines.join(',')}]` }
}

export type RestoreSummary = { files: number; tables: { name: string; rows: number }[] }

export const restoreBackup = async ({
  applyMigrations,
  codeMigrations,
  databaseUrl,
  folder,
  isForce = false,
  log = console.log,
  uploadsDir,
}: {
  applyMigrations: () => Promise<void>
  codeMigrations: string[]
  databaseUrl: string
  folder: string
  isForce?: boolean
  log?: (line: string) => void
  uploadsDir: string
}): Promise<RestoreSummary> => {
  const root = path.resolve(folder)
  const manifest = await verifyBackupFolder({ folder: root })
  checkMigrations({ backup: manifest.migrations, code: codeMigrations })
  log(`Bản sao lưu hợp lệ (tạo lúc ${manifest.createdAt} từ ${manifest.source.database}); mã kiểm tra ${manifest.checksum}.`)

  const where = describeDatabase(databaseUrl)
  const client = await connect(databaseUrl)
  try {
    const occupied = await tablesWithRows(client)
    const hasFiles = !isFolderEmpty(uploadsDir)
    if ((occupied.length > 0 || hasFiles) && !isForce) {
      const parts = [
        ...(occupied.length > 0 ? [`cơ sở dữ liệu ${where} đã có dữ liệu (bảng ${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''})`] : []),
        ...(hasFiles ? [`thư mục tải lên ${uploadsDir} đã có tệp`] : []),
      ]
      throw new BackupError(`Đích không rỗng: ${parts.join('; ')}. Thêm --force để thay thế toàn bộ (dữ liệu hiện có sẽ bị xóa).`)
    }
    if (isForce && occupied.length > 0) {
      log(`--force: xóa toàn bộ dữ liệu hiện có trong ${where}.`)
      await client.query('DROP SCHEMA public CASCADE')
      await client.query('CREATE SCHEMA public')
    }
    if (isForce && hasFiles) {
      const aside = `${uploadsDir}.truoc-khoi-phuc-${new Date().toISOString().replace(/[:.]/g, '-')}`
      fs.renameSync(uploadsDir, aside)
      log(`--force: thư mục tải lên cũ được chuyển sang ${aside}.`)
    }

    log('Áp dụng migration…')
    await applyMigrations()
    const applied = (await client.query<{ name: string }>(`SELECT name FROM public.payload_migrations WHERE batch <> -1 ORDER BY name COLLATE "C"`)).rows.map((row) => row.name)
    checkMigrations({ backup: manifest.migrations, code: applied })

    await client.query('BEGIN')
    try {
      await prepareSession(client)
      const targetTables = await listTables(client)
      const backupTables = manifest.tables.map((table) => table.name)
      const unknown = backupTables.filter((name) => !targetTables.includes(name))
      const extra = targetTables.filter((name) => !backupTables.includes(name))
      if (unknown.length > 0 || extra.length > 0) {
        throw new BackupError(`Cấu trúc cơ sở dữ liệu khác bản sao lưu (bảng chỉ có trong bản sao lưu: ${unknown.join(', ') || 'không'}; chỉ có ở đích: ${extra.join(', ') || 'không'}).`)
      }

      const foreignKeys = (
        await client.query<{ definition: string; name: string; table: string }>(
          `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
             FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
        )
      ).rows
      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name.replaceAll('"', '""')}"`)

      // the migrations wrote their own log and seeded rows of their own (the tiers and unit-types
      // catalogues); the backup's rows replace them all, the log's dates and a province's own rows included
      for (const table of manifest.tables) await client.query(`DELETE FROM public.${quoteIdent(table.name)}`)
      for (const table of manifest.tables) {
        const columns = await listColumns(client, table.name)
        if (columns.length !== table.columns.length || table.columns.some((column) => !columns.includes(column))) {
          throw new BackupError(`Cột của bảng ${table.name} khác bản sao lưu (bản sao lưu: ${table.columns.join(', ')}; đích: ${columns.join(', ')}).`)
        }
        const list = table.columns.map(quoteIdent).join(', ')
        const hash = crypto.createHash('sha256')
        for await (const batch of ndjsonBatches(path.join(root, databaseFolder, `${table.name}.ndjson`))) {
          for (const line of batch.lines) hash.update(`${line}\n`)
          await client.query(`INSERT INTO public.${quoteIdent(table.name)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::public.${quoteIdent(table.name)}, $1::jsonb)`, [batch.text])
        }
        if (hash.digest('hex') !== table.sha256) throw new BackupError(`Tệp dữ liệu của bảng ${table.name} đã thay đổi trong lúc khôi phục.`)
      }

      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name.replaceAll('"', '""')}" ${key.definition}`)
      for (const sequence of manifest.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${quoteIdent(sequence.name)}`, sequence.value, sequence.isCalled])
      }

      const restored = await tableFingerprints(client)
      for (const table of manifest.tables) {
        const found = restored.find((entry) => entry.name === table.name)
        if (!found || found.rows !== table.rows || found.sha256 !== table.sha256) {
          throw new BackupError(`Bảng ${table.name} sau khi khôi phục không khớp bản sao lưu (${found?.rows ?? 0}/${table.rows} dòng). Không có gì được ghi.`)
        }
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
  } finally {
    await client.end()
  }

  for (const entry of manifest.files) {
    const relative = safeRelativePath(entry.path).split('/')
    const written = await copyWithHash({ from: path.join(root, uploadsFolder, ...relative), to: path.join(uploadsDir, ...relative) })
    if (written.sha256 !== entry.sha256) throw new BackupError(`Tệp tải lên ${entry.path} chép ra không khớp mã kiểm tra sha256.`)
  }

  const tables = manifest.tables.map((table) => ({ name: table.name, rows: table.rows }))
  log(`Đã khôi phục vào ${where}: ${tables.length} bảng, ${tables.reduce((sum, table) => sum + table.rows, 0)} dòng (số dòng và mã kiểm tra từng bảng đã đối chiếu).`)
  for (const table of tables.filter((entry) => entry.rows > 0)) log(`  ${table.name.padEnd(48)} ${String(table.rows).padStart(8)}`)
  log(`Đã chép ${manifest.files.length} tệp tải lên vào ${uploadsDir} (mã kiểm tra từng tệp đã đối chiếu).`)
  return { files: manifest.files.length, tables }
}
