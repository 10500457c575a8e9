/**
 * Prepares the process before Payload loads: picks the database (DATABASE_URL, or the embedded
 * PGlite default under DATA_DIR), makes sure a secret exists, then initialises Payload, applies
 * the committed migrations and, on the embedded default, loads the demo data once.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Migration, type Payload, type SanitizedConfig } from 'payload'

import { benchExtras } from '../bench/bareCollection'

import { embeddedDataDir, startEmbeddedDatabase } from './db/embedded'
import { migrations } from './migrations'
import { weakSecretReason } from './security/secret'
import { ConfigurationError } from './security/settings'
import { loadDemo, type SeedSummary } from './seed/loadDemo'

export type DatabaseMode = 'embedded' | 'external'

export type Runtime = { dataDir: string; mode: DatabaseMode; stopDatabase: () => Promise<void> }

const readOrCreateSecret = (dataDir: string) => {
  const file = path.join(dataDir, 'secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = crypto.randomBytes(32).toString('hex')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export const prepareRuntime = async ({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): Promise<Runtime> => {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data')
  let mode: DatabaseMode = 'external'
  let stopDatabase = async () => {}
  if (!env.DATABASE_URL) {
    const setAside = setAsideCutShortDemo({ dataDir, env })
    if (setAside) console.warn(`Lần khởi động đầu đã dừng giữa chừng khi đang nạp dữ liệu demo: cơ sở dữ liệu dở dang được cất sang ${setAside}; dữ liệu demo được nạp lại từ đầu.`)
    const embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir(dataDir) })
    env.DATABASE_URL = embedded.url
    env.DATABASE_EMBEDDED = 'true'
    env.DATABASE_POOL_MAX ??= '4'
    mode = 'embedded'
    stopDatabase = embedded.stop
  }
  // production on an external database must bring its own strong secret; elsewhere one is generated
  if (mode === 'external' && env.NODE_ENV === 'production') {
    const reason = weakSecretReason(env.PAYLOAD_SECRET)
    if (reason) throw new ConfigurationError(reason)
  }
  if (!env.PAYLOAD_SECRET) env.PAYLOAD_SECRET = readOrCreateSecret(dataDir)
  return { dataDir, mode, stopDatabase }
}

/**
 * Payload with the schema migrated. The app's config is imported only now, after the environment
 * is set; a test may pass its own config and cache key.
 */
/** `cron`: run the jobs queue's schedule in this process (the server does, scripts and tests do not). */
export const initPayload = async ({ config, cron = false, key }: { config?: SanitizedConfig; cron?: boolean; key?: string } = {}): Promise<Payload> => {
  const payload = await getPayload({ config: config ?? (await import('../payload.config')).default, cron, key })
  // an idle connection dropped by the server must not crash the process; /healthz reports it
  databasePool({ payload })?.on('error', (error) => payload.logger.error({ err: error }, 'PostgreSQL: kết nối bị ngắt'))
  // generated migrations type their arguments precisely; Payload's list type takes `unknown`.
  // A bench build (BENCH_BASELINE=true) appends its baseline's table (bench/bareCollection.ts)
  await payload.db.migrate({ migrations: [...(migrations as unknown as Migration[]), ...benchExtras().migrations] })
  return payload
}

type Pool = {
  end: () => Promise<void>
  on: (event: 'error', listener: (error: Error) => void) => unknown
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

/** Payload's node-postgres pool (the adapter's `pool`), when it has one. */
export const databasePool = ({ payload }: { payload: Payload }): Pool | undefined => (payload.db as unknown as { pool?: Pool }).pool

/**
 * Destroys Payload and closes its connection pool, which Payload's destroy leaves open.
 * The Postgres adapter keeps one client checked out for its whole life (connect.ts), so
 * `pool.end()` never settles: idle clients close at once, and we wait for that only briefly.
 */
export const closePayload = async ({ payload }: { payload: Payload }) => {
  const pool = databasePool({ payload })
  await payload.destroy()
  if (pool) await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 200))])
}

/** Demo data goes into the embedded default when it has no users, or anywhere when asked explicitly. */
export const shouldLoadDemo = async ({ env = process.env, mode, payload }: { env?: Readonly<Record<string, string | undefined>>; mode: DatabaseMode; payload: Payload }) => {
  if (env.SEED_DEMO === 'false') return false
  if (env.SEED_DEMO === 'true') return true
  if (mode !== 'embedded') return false
  const { totalDocs } = await payload.count({ collection: 'users' })
  return totalDocs === 0
}

/** While the demo is being loaded this file exists in the data folder; a start that finds it finishes the load. */
export const demoSeedingMarker = (dataDir: string) => path.join(dataDir, 'demo-seeding')

/**
 * A demo load cut short on the embedded default (Ctrl-C or a crash during the first start) leaves
 * its marker and a half-loaded database behind. Loading again on top of it does not work: the
 * earlier years' rounds are skipped as soon as they exist, so a round cut before its decision
 * leaves the next year's level-2 proposals without their level-1 recognition, and the start fails
 * every time. Nobody can have used that database (the server opens its port only after the demo),
 * so its folder is set aside — renamed, not deleted — and the start begins afresh. Returns the new
 * folder's path, or null when there is nothing to set aside.
 */
export const setAsideCutShortDemo = ({ dataDir, env = process.env, now = new Date() }: { dataDir: string; env?: Readonly<Record<string, string | undefined>>; now?: Date }) => {
  const database = embeddedDataDir(dataDir)
  if (env.DATABASE_URL || env.SEED_DEMO === 'false' || !fs.existsSync(demoSeedingMarker(dataDir)) || !fs.existsSync(database)) return null
  const target = `${database}-demo-do-dang-${now.toISOString().replace(/[:.]/g, '-')}`
  fs.renameSync(database, target)
  return target
}

/**
 * Loads the demo when wanted. A load cut short leaves the marker behind: on the embedded default the
 * next start sets the half-loaded database aside first (setAsideCutShortDemo) and loads afresh; on
 * PostgreSQL (SEED_DEMO=true) it loads again on top, creating only what is missing.
 */
export const loadDemoIfWanted = async ({ dataDir, env = process.env, mode, payload }: { dataDir?: string; env?: Readonly<Record<string, string | undefined>>; mode: DatabaseMode; payload: Payload }): Promise<SeedSummary | null> => {
  const marker = dataDir ? demoSeedingMarker(dataDir) : null
  const wasCutShort = marker !== null && fs.existsSync(marker) && env.SEED_DEMO !== 'false'
  if (!wasCutShort && !(await shouldLoadDemo({ env, mode, payload }))) return null
  if (marker) fs.writeFileSync(marker, `${new Date().toISOString()}\n`)
  const summary = await loadDemo({ payload })
  if (marker) fs.rmSync(marker, { force: true })
  return summary
}
