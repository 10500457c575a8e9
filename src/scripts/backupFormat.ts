/**
 * The backup format shared by `npm run backup` and `npm run restore`, and the database reads both
 * make. A backup is a folder:
 *
 *   manifest.json            what is inside, with counts and checksums (below)
 *   database/<table>.ndjson  every row of every table of the `public` schema, one JSON per line
 *   uploads/…                the uploaded files, as they lay under UPLOADS_DIR
 *
 * Rows are written by PostgreSQL itself (`to_jsonb(row)::text`, session in UTC) and read back by
 * it (`jsonb_populate_recordset`), so every type round-trips exactly with no pg_dump on the
 * machine, on PostgreSQL and on the embedded PGlite alike. Each table's lines are sorted by their
 * text, so a table's sha256 is a fingerprint of its content that a restored database must
 * reproduce exactly.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { z } from 'zod'

export const backupFormat = 'don-vi-hoc-tap-backup'
export const backupFormatVersion = 1
export const manifestFile = 'manifest.json'
export const databaseFolder = 'database'
export const uploadsFolder = 'uploads'

/** A refusal or failure the user can act on; its message is shown as it is (Vietnamese). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

const sha256Pattern = /^[0-9a-f]{64}$/
const identifier = /^[a-z_][a-z0-9_]*$/

export const manifestSchema = z.object({
  checksum: z.string().regex(sha256Pattern),
  createdAt: z.string(),
  files: z.array(z.object({ bytes: z.number().int().nonnegative(), path: z.string().min(1), sha256: z.string().regex(sha256Pattern) })),
  format: z.literal(backupFormat),
  migrations: z.array(z.string()),
  sequences: z.array(z.object({ isCalled: z.boolean(), name: z.string().regex(identifier), value: z.string().regex(/^-?\d+$/) })),
  source: z.object({ database: z.string(), mode: z.enum(['embedded', 'external']) }),
  tables: z.array(z.object({ columns: z.array(z.string().regex(identifier)).min(1), name: z.string().regex(identifier), rows: z.number().int().nonnegative(), sha256: z.string().regex(sha256Pattern) })),
  version: z.literal(backupFormatVersion),
})

export type Manifest = z.infer<typeof manifestSchema>
export type TableEntry = Manifest['tables'][number]
export type FileEntry = Manifest['files'][number]

/** The checksum over everything the manifest vouches for: tables, sequences, files, migrations. */
export const manifestChecksum = (manifest: Omit<Manifest, 'checksum' | 'createdAt' | 'source'>) =>
  crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        manifest.migrations,
        manifest.tables.map((table) => [table.name, table.columns, table.rows, table.sha256]),
        manifest.sequences.map((sequence) => [sequence.name, sequence.value, sequence.isCalled]),
        manifest.files.map((file) => [file.path, file.bytes, file.sha256]),
      ]),
    )
    .digest('hex')

export const quoteIdent = (name: string) => {
  if (!identifier.test(name)) throw new BackupError(`Tên bảng hoặc cột không hợp lệ trong bản sao lưu: «${name}».`)
  return `"${name}"`
}

/** A relative path inside the backup or the uploads folder, never one that climbs out of it. */
export const safeRelativePath = (relative: string) => {
  const normalised = path.posix.normalize(relative.replaceAll('\\', '/'))
  if (path.posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../') || normalised === '.' || normalised.includes('\0')) {
    throw new BackupError(`Đường dẫn tệp không hợp lệ trong bản sao lưu: «${relative}».`)
  }
  return normalised
}

/** Same text and ordering rules for the dump and for checking a restored database. */
export const prepareSession = async (client: pg.Client | pg.PoolClient) => {
  await client.query(`SET TIME ZONE 'UTC'`)
  await client.query(`SET intervalstyle = 'postgres'`)
  await client.query(`SET extra_float_digits = 1`)
}

export const listTables = async (client: pg.Client) => {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE "C"`,
  )
  return rows.map((row) => row.name)
}

export const listColumns = async (client: pg.Client, table: string) => {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [`public.${quoteIdent(table)}`],
  )
  return rows.map((row) => row.name)
}

export const listSequences = async (client: pg.Client) => {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`,
  )
  const sequences: Manifest['sequences'] = []
  for (const { name } of rows) {
    const state = await client.query<{ is_called: boolean; last_value: string }>(`SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`)
    const first = state.rows[0]
    if (first) sequences.push({ isCalled: first.is_called, name, value: first.last_value })
  }
  return sequences
}

/**
 * Every row of `table` as PostgreSQL's JSON text, sorted, fetched through a cursor in batches;
 * must run inside a transaction.
 */
export async function* tableLines(client: pg.Client, table: string, batchSize = 500): AsyncGenerator<string[]> {
  const cursor = `dvht_${table}`.slice(0, 60)
  await client.query(
    `DECLARE ${quoteIdent(cursor)} NO SCROLL CURSOR FOR SELECT line FROM (SELECT to_jsonb(r.*)::text AS line FROM public.${quoteIdent(table)} r) s ORDER BY line COLLATE "C"`,
  )
  try {
    for (;;) {
      const { rows } = await client.query<{ line: string }>(`FETCH ${batchSize} FROM ${quoteIdent(cursor)}`)
      if (rows.length === 0) return
      yield rows.map((row) => row.line)
    }
  } finally {
    await client.query(`CLOSE ${quoteIdent(cursor)}`)
  }
}

/** Row count and sha256 of each table as the backup writes it (inside a transaction). */
export const tableFingerprints = async (client: pg.Client) => {
  const result: { name: string; rows: number; sha256: string }[] = []
  for (const name of await listTables(client)) {
    const hash = crypto.createHash('sha256')
    let rows = 0
    for await (const lines of tableLines(client, name)) {
      for (const line of lines) hash.update(`${line}\n`)
      rows += lines.length
    }
    result.push({ name, rows, sha256: hash.digest('hex') })
  }
  return result
}

export const sha256OfFile = async (file: string) => {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every regular file below `root`, as sorted POSIX paths relative to it (symbolic links skipped). */
export const listFiles = (root: string): string[] => {
  if (!fs.existsSync(root)) return []
  const found: string[] = []
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative)
      else if (entry.isFile()) found.push(relative)
    }
  }
  walk(root, '')
  return found.sort()
}

/** Copies a file, creating folders, and returns the size and sha256 of what was written. */
export const copyWithHash = async ({ from, mode, to }: { from: string; mode?: number; to: string }) => {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  const hash = crypto.createHash('sha256')
  const output = await fs.promises.open(to, 'wx', mode)
  let bytes = 0
  try {
    for await (const chunk of fs.createReadStream(from)) {
      hash.update(chunk as Buffer)
      await output.write(chunk as Buffer)
      bytes += (chunk as Buffer).length
    }
  } finally {
    await output.close()
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** The database a URL names, without its password: for the manifest and messages. */
export const describeDatabase = (url: string) => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

/** A connected client, or a BackupError naming the database (never its password). */
export const connect = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupError(`Không kết nối được cơ sở dữ liệu ${describeDatabase(url)}: ${error instanceof Error ? error.message : String(error)}.`)
  }
  return client
}

export const isFolderEmpty = (folder: string) => !fs.existsSync(folder) || fs.readdirSync(folder).length === 0
