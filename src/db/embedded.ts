/**
 * The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a
 * data folder and served over the PostgreSQL wire protocol on a loopback port, so Payload's
 * ordinary Postgres adapter talks to it. Started and stopped with the app.
 */
import fs from 'node:fs'
import path from 'node:path'

import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

import { freePort } from './freePort'

export type EmbeddedDatabase = { dataDir: string; port: number; stop: () => Promise<void>; url: string }

export const startEmbeddedDatabase = async ({ dataDir }: { dataDir: string }): Promise<EmbeddedDatabase> => {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir })
  const port = await freePort()
  // Payload's pool opens several connections; PGlite serialises their queries itself.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', maxConnections: 32, port })
  await server.start()
  let isStopped = false
  const stop = async () => {
    if (isStopped) return
    isStopped = true
    await server.stop()
    await db.close()
  }
  return { dataDir, port, stop, url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` }
}

/** The folder the embedded database lives in, below DATA_DIR. */
export const embeddedDataDir = (dataDir: string) => path.join(dataDir, 'pglite')
