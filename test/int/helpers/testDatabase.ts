/**
 * Which database the integration tests run on, and fresh databases for the tests that need one
 * of their own. PostgreSQL (TEST_DATABASE_URL, a server URL) always; the embedded PGlite only when
 * `npm test` (test/run.ts) found no PostgreSQL and says so (TEST_EMBEDDED_DATABASE=true), never on
 * CI; vitest run without the project's runner is refused rather than silently falling back.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedDatabase } from '@/db/embedded'

type Environment = Readonly<Record<string, string | undefined>>

export type DatabaseChoice = { kind: 'postgres'; serverUrl: string } | { kind: 'embedded' } | { kind: 'refused'; message: string }

/** CI as the usual services set it (`CI=true`, `CI=1`); `CI=false` or `0` is not CI. */
export const isCi = (env: Environment) => Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0'

export const ciNeedsPostgresMessage =
  "[test] CI chỉ chạy kiểm thử tích hợp trên PostgreSQL thật, không trên PGlite: cài gói 'postgresql' (initdb, pg_ctl) " +
  'hoặc đặt TEST_DATABASE_URL (URL máy chủ PostgreSQL), rồi chạy `npm test`.'

export const useRunnerMessage =
  '[test] Kiểm thử tích hợp cần cơ sở dữ liệu do `npm test` chuẩn bị (test/run.ts): chạy `npm test -- --project int [tệp …]` ' +
  'thay vì gọi vitest trực tiếp, hoặc đặt TEST_DATABASE_URL (URL máy chủ PostgreSQL).'

/** The database the integration project may use with this environment, or why it must not run. */
export const chooseTestDatabase = ({ env }: { env: Environment }): DatabaseChoice => {
  if (env.TEST_DATABASE_URL) return { kind: 'postgres', serverUrl: env.TEST_DATABASE_URL }
  if (isCi(env)) return { kind: 'refused', message: ciNeedsPostgresMessage }
  if (env.TEST_EMBEDDED_DATABASE === 'true') return { kind: 'embedded' }
  return { kind: 'refused', message: useRunnerMessage }
}

export type FreshDatabase = { drop: () => Promise<void>; isEmbedded: boolean; url: string }

const safeLabel = (label: string) => label.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 20)

/**
 * A new, empty database: on the PostgreSQL server `serverUrl` (dropped by `drop`), or an embedded
 * PGlite in a temporary folder when there is no server (the runner's explicit fallback).
 */
export const createFreshDatabase = async ({ label, serverUrl }: { label: string; serverUrl: string | undefined }): Promise<FreshDatabase> => {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dvht-pglite-${safeLabel(label)}-`))
    const embedded = await startEmbeddedDatabase({ dataDir: dir })
    return {
      drop: async () => {
        await embedded.stop()
        fs.rmSync(dir, { force: true, recursive: true })
      },
      isEmbedded: true,
      url: embedded.url,
    }
  }
  const name = `dvht_${safeLabel(label)}_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
    isEmbedded: false,
    url: url.toString(),
  }
}

/**
 * Points this test file's Payload at a new, empty database of its own, for tests that need one
 * whatever other files of the run have stored (call before getTestPayload; drop it after closing).
 * Test files run in their own worker, so the run's shared database is untouched for the others.
 */
export const useOwnDatabase = async ({ label }: { label: string }): Promise<FreshDatabase> => {
  const database = await createFreshDatabase({ label, serverUrl: process.env.TEST_DATABASE_URL })
  process.env.DATABASE_URL = database.url
  return database
}
