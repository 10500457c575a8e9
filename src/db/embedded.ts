/**
 * The embedded default database: PGlite persisted in a data folder, served to Payload's ordinary
 * Postgres adapter over the wire protocol by a child process (src/db/embeddedProcess.ts) that is
 * started and stopped with the app.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findProjectRoot } from '../projectRoot'
import type { EmbeddedMessage } from './embeddedProcess'

export type EmbeddedDatabase = { dataDir: string; port: number; stop: () => Promise<void>; url: string }

/**
 * The child's entry: beside the bundle when running from dist/ (plain Node), else the TypeScript
 * source through tsx (tests, scripts run from source).
 */
const childEntry = () => {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.mjs')) return { execArgv: [], file: path.join(findProjectRoot(import.meta.url), 'dist', 'db', 'embeddedProcess.mjs') }
  return { execArgv: ['--import', 'tsx'], file: path.join(path.dirname(here), 'embeddedProcess.ts') }
}

export const startEmbeddedDatabase = ({ dataDir, timeoutMs = 60_000 }: { dataDir: string; timeoutMs?: number }): Promise<EmbeddedDatabase> =>
  new Promise((resolve, reject) => {
    const entry = childEntry()
    const child = fork(entry.file, [dataDir], { execArgv: entry.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    // whatever way the app ends (process.exit included), the database closes with it
    const stopWithApp = () => child.kill('SIGTERM')
    process.once('exit', stopWithApp)
    child.once('exit', () => process.off('exit', stopWithApp))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Cơ sở dữ liệu nhúng không khởi động sau ${timeoutMs} ms (${dataDir}).`))
    }, timeoutMs)
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      reject(new Error(`Cơ sở dữ liệu nhúng dừng khi khởi động (mã ${code}); thư mục ${dataDir} có thể đang được một tiến trình khác dùng.`))
    }
    child.once('exit', onExit)
    child.on('message', (message: EmbeddedMessage) => {
      if (message.type === 'error') return // the exit that follows rejects, with the folder named
      clearTimeout(timer)
      child.off('exit', onExit)
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
        await exited
      }
      resolve({ dataDir, port: message.port, stop, url: `postgres://postgres:postgres@127.0.0.1:${message.port}/postgres` })
    })
  })

/** The folder the embedded database lives in, below DATA_DIR. */
export const embeddedDataDir = (dataDir: string) => path.join(dataDir, 'pglite')
