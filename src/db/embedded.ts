/**
 * The embedded default database: PGlite persisted in a data folder, served to Payload's ordinary
 * Postgres adapter over the wire protocol by a child process (src/db/embeddedProcess.ts) that is
 * started and stopped with the app.
 *
 * A new folder is first initialised by a short-lived process of its own (the same entry with
 * `--initdb`), before the database process starts. PGlite's initdb runs a second PostgreSQL and an
 * initdb module in WebAssembly, copies their memory, and keeps it: done in the database process it
 * left that process at 850–890 MiB for its whole life (against about 300 MiB when it opens an
 * existing folder), and the app's first start peaked at 1,040 MiB, above the 1 GB the product
 * must fit in (issue 10). In a process that ends, the memory goes back to the system before the
 * database process and then Next and Payload load.
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findProjectRoot } from '../projectRoot'
import type { EmbeddedMessage } from './embeddedProcess'

/** The database process's argument that makes it only initialise its folder, then end. */
export const initdbFlag = '--initdb'

/** `pid` is the database process's, for watching its memory. */
export type EmbeddedDatabase = { dataDir: string; pid: number | undefined; port: number; stop: () => Promise<void>; url: string }

/**
 * The child's entry: beside the bundle when running from dist/ (plain Node), else the TypeScript
 * source through tsx (tests, scripts run from source).
 */
const childEntry = () => {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.mjs')) return { execArgv: [], file: path.join(findProjectRoot(import.meta.url), 'dist', 'db', 'embeddedProcess.mjs') }
  return { execArgv: ['--import', 'tsx'], file: path.join(path.dirname(here), 'embeddedProcess.ts') }
}

/** A folder PostgreSQL has initialised holds PG_VERSION. */
const isInitialised = (dataDir: string) => fs.existsSync(path.join(dataDir, 'PG_VERSION'))

/** Initialises a new folder in a process of its own, which ends when done (see the top of this file). */
const initialise = ({ dataDir, timeoutMs }: { dataDir: string; timeoutMs: number }) =>
  new Promise<void>((resolve, reject) => {
    const entry = childEntry()
    const child = fork(entry.file, [dataDir, initdbFlag], { execArgv: entry.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const stopWithApp = () => child.kill('SIGKILL')
    process.once('exit', stopWithApp)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    let reason = ''
    child.on('message', (message: EmbeddedMessage) => {
      if (message.type === 'error') reason = `: ${message.message}`
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('exit', stopWithApp)
      if (code === 0 && isInitialised(dataDir)) return resolve()
      reject(new Error(`Không khởi tạo được cơ sở dữ liệu nhúng trong ${dataDir} (mã ${code ?? signal})${reason}.`))
    })
  })

const startServer = ({ dataDir, timeoutMs }: { dataDir: string; timeoutMs: number }): Promise<EmbeddedDatabase> =>
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
      resolve({ dataDir, pid: child.pid, port: message.port, stop, url: `postgres://postgres:postgres@127.0.0.1:${message.port}/postgres` })
    })
  })

export const startEmbeddedDatabase = async ({ dataDir, timeoutMs = 60_000 }: { dataDir: string; timeoutMs?: number }): Promise<EmbeddedDatabase> => {
  if (!isInitialised(dataDir)) await initialise({ dataDir, timeoutMs })
  return startServer({ dataDir, timeoutMs })
}

/** The folder the embedded database lives in, below DATA_DIR. */
export const embeddedDataDir = (dataDir: string) => path.join(dataDir, 'pglite')
