/**
 * Writes a backup folder (format in backupFormat.ts) from a running PostgreSQL — the real one or
 * the embedded database's own process — and an uploads folder. The rows are read in one
 * read-only, repeatable-read transaction, so the tables agree with each other even while the app
 * runs on PostgreSQL; the files are copied afterwards, so every file a backed-up row names is
 * there (files added meanwhile are harmless extras). The folder holds password hashes: it is
 * created readable by its owner only.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type pg from 'pg'

import {
  BackupError,
  connect,
  backupFormat,
  backupFormatVersion,
  copyWithHash,
  databaseFolder,
  describeDatabase,
  isFolderEmpty,
  listColumns,
  listFiles,
  listSequences,
  listTables,
  manifestChecksum,
  manifestFile,
  prepareSession,
  tableLines,
  uploadsFolder,
  type Manifest,
} from './backupFormat'

export type BackupSummary = { bytes: number; files: number; folder: string; manifest: Manifest }

export const createBackup = async ({
  databaseUrl,
  folder,
  log = console.log,
  mode,
  uploadsDir,
}: {
  databaseUrl: string
  folder: string
  log?: (line: string) => void
  mode: 'embedded' | 'external'
  uploadsDir: string
}): Promise<BackupSummary> => {
  const target = path.resolve(folder)
  if (!isFolderEmpty(target)) throw new BackupError(`Thư mục ${target} đã có dữ liệu; hãy chọn một thư mục mới hoặc rỗng cho bản sao lưu.`)
  const client = await connect(databaseUrl)
  const existed = fs.existsSync(target)
  try {
    fs.mkdirSync(path.join(target, databaseFolder), { mode: 0o700, recursive: true })
    fs.chmodSync(target, 0o700)
    return await writeBackup({ client, databaseUrl, log, mode, target, uploadsDir })
  } catch (error) {
    // a half-written backup must not pass for one, nor block the next attempt
    if (existed) for (const entry of fs.readdirSync(target)) fs.rmSync(path.join(target, entry), { force: true, recursive: true })
    else fs.rmSync(target, { force: true, recursive: true })
    throw error
  } finally {
    await client.end()
  }
}

const writeBackup = async ({
  client,
  databaseUrl,
  log,
  mode,
  target,
  uploadsDir,
}: {
  client: pg.Client
  databaseUrl: string
  log: (line: string) => void
  mode: 'embedded' | 'external'
  target: string
  uploadsDir: string
}): Promise<BackupSummary> => {
  const tables: Manifest['tables'] = []
  let migrations: string[] = []
  let sequences: Manifest['sequences'] = []
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await prepareSession(client)
    const names = await listTables(client)
    if (!names.includes('payload_migrations')) {
      throw new BackupError(`Cơ sở dữ liệu ${describeDatabase(databaseUrl)} chưa có bảng nào của ứng dụng (chưa chạy migration); không có gì để sao lưu.`)
    }
    migrations = (await client.query<{ name: string }>(`SELECT name FROM public.payload_migrations WHERE batch <> -1 ORDER BY name COLLATE "C"`)).rows.map((row) => row.name)
    for (const name of names) {
      const columns = await listColumns(client, name)
      const hash = crypto.createHash('sha256')
      const output = await fs.promises.open(path.join(target, databaseFolder, `${name}.ndjson`), 'wx', 0o600)
      let rows = 0
      try {
        for await (const lines of tableLines(client, name)) {
          const chunk = lines.map((line) => `${line}\n`).join('')
          hash.update(chunk)
          await output.write(chunk)
          rows += lines.length
        }
      } finally {
        await output.close()
      }
      tables.push({ columns, name, rows, sha256: hash.digest('hex') })
    }
    sequences = await listSequences(client)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }

  const files: Manifest['files'] = []
  for (const relative of listFiles(uploadsDir)) {
    const from = path.join(uploadsDir, ...relative.split('/'))
    // read once, hashed as written: a file the app changes meanwhile is still described truly
    const { bytes, sha256 } = await copyWithHash({ from, mode: 0o600, to: path.join(target, uploadsFolder, ...relative.split('/')) })
    files.push({ bytes, path: relative, sha256 })
  }

  const vouched = { files, format: backupFormat, migrations, sequences, tables, version: backupFormatVersion } as const
  const manifest: Manifest = {
    ...vouched,
    checksum: manifestChecksum(vouched),
    createdAt: new Date().toISOString(),
    source: { database: describeDatabase(databaseUrl), mode },
  }
  fs.writeFileSync(path.join(target, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })

  const bytes = files.reduce((sum, file) => sum + file.bytes, 0)
  const totalRows = tables.reduce((sum, table) => sum + table.rows, 0)
  log(`Đã sao lưu vào ${target}:`)
  log(`  ${tables.length} bảng, ${totalRows} dòng; ${files.length} tệp tải lên (${bytes} byte); ${migrations.length} migration.`)
  for (const table of tables.filter((entry) => entry.rows > 0)) log(`  ${table.name.padEnd(48)} ${String(table.rows).padStart(8)}`)
  log(`  Mã kiểm tra: ${manifest.checksum}`)
  return { bytes, files: files.length, folder: target, manifest }
}
