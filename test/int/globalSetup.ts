/**
 * Gives the integration run a fresh, empty database: a new database on the TEST_DATABASE_URL
 * server (dropped at the end), or an embedded PGlite when no PostgreSQL is installed.
 * Test files build the schema from the committed migrations (test/int/helpers/payload.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { TestProject } from 'vitest/node'

import { startEmbeddedDatabase } from '@/db/embedded'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    isEmbeddedDatabase: boolean
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pglite-'))
    const embedded = await startEmbeddedDatabase({ dataDir: dir })
    project.provide('databaseUrl', embedded.url)
    project.provide('isEmbeddedDatabase', true)
    return async () => {
      await embedded.stop()
      fs.rmSync(dir, { force: true, recursive: true })
    }
  }
  const name = `dvht_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  project.provide('databaseUrl', url.toString())
  project.provide('isEmbeddedDatabase', false)
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.end()
  }
}
