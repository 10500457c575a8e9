/**
 * The embedded database's own process: PGlite (PostgreSQL in WebAssembly) persisted in the folder
 * given as argument, served over the Postgres wire protocol on a loopback port. Started by
 * `startEmbeddedDatabase`, which it tells its port over IPC; it stops when told (SIGTERM) or when
 * the app that started it goes away, so it never outlives the app.
 *
 * PGlite runs queries on its thread; in a process of its own it cannot stall the web server's
 * event loop, and the app's module loading no longer hung beside it (seen in production starts).
 *
 * With `--initdb` it only initialises a new folder and exits (src/db/embedded.ts runs that step
 * first, see there why). That step starts PostgreSQL with 16 MB of shared buffers instead of
 * 128 MB, which takes about 120 MiB off its peak; the server below sets its own on the command
 * line, so the value initdb writes into the folder's postgresql.conf never applies to it.
 */
import fs from 'node:fs'

import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

import { initdbFlag } from './embedded'
import { keepTurnsWhole, type SocketQueue } from './wireTurns'
import { freePort } from './freePort'

export type EmbeddedMessage = { port: number; type: 'ready' } | { message: string; type: 'error' }

const send = (message: EmbeddedMessage) => process.send?.(message)

/** PostgreSQL settings on the command line: they override the folder's postgresql.conf. */
const startParams = ({ sharedBuffers }: { sharedBuffers: string }) => [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`]

/** Initialises the folder (PGlite's initdb) with small shared buffers, and ends the process. */
const initialise = async (dataDir: string) => {
  const db = await PGlite.create({ dataDir, initDbStartParams: ['--set', 'shared_buffers=16MB'], startParams: startParams({ sharedBuffers: '16MB' }) })
  await db.close()
  process.exit(0)
}

const main = async () => {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('thiếu thư mục dữ liệu')
  fs.mkdirSync(dataDir, { recursive: true })
  if (process.argv[3] === initdbFlag) return initialise(dataDir)
  // PGlite's default, whatever the initialisation step wrote into postgresql.conf; pg_trgm for the
  // register's name search index (migration national_speed), as PostgreSQL ships it
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm }, startParams: startParams({ sharedBuffers: '128MB' }) })
  const port = await freePort()
  // Payload's pool opens several connections; PGlite serialises their queries itself.
  const server = new PGLiteSocketServer({ db, debug: process.env.PGLITE_DEBUG === 'true', host: '127.0.0.1', maxConnections: 32, port })
  // each connection's query whole, and its transaction alone (./wireTurns.ts)
  keepTurnsWhole((server as unknown as { queryQueue: SocketQueue }).queryQueue)
  await server.start()
  let isStopping = false
  const stop = async () => {
    if (isStopping) return
    isStopping = true
    await server.stop()
    await db.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
  process.on('disconnect', () => void stop())
  send({ port, type: 'ready' })
}

main().catch((error: unknown) => {
  send({ message: error instanceof Error ? error.message : String(error), type: 'error' })
  process.exit(1)
})
