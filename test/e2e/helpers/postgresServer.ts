/**
 * The production server bundle (`node dist/main.mjs`, as the Dockerfile runs it) on PostgreSQL: a
 * fresh database on the run's TEST_DATABASE_URL server, and a server process the test may start,
 * SIGKILL and start again on that same database. The process is spawned in its own process group,
 * so a kill reaches the real server and anything it started, not a wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { projectRoot } from '../../../src/build.mjs'
import { freePort } from '@/db/freePort'

export type TestDatabase = { drop: () => Promise<void>; url: string }

/** A new, empty database on the PostgreSQL server at `serverUrl`; `drop` removes it. */
export const createTestDatabase = async ({ serverUrl, prefix }: { serverUrl: string; prefix: string }): Promise<TestDatabase> => {
  const name = `${prefix}_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const drop = async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.end()
  }
  return { drop, url: url.toString() }
}

/** A secret as an operator would make one (`openssl rand -hex 32`). */
export const strongSecret = () => crypto.randomBytes(32).toString('hex')

export type PostgresServer = {
  /** SIGKILL to the server's process group; resolves once the process is gone */
  kill: () => Promise<void>
  output: () => string
  pid: number
  /** SIGTERM (a clean stop), SIGKILL after 10 s */
  stop: () => Promise<void>
  url: string
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

/**
 * Starts `node dist/main.mjs` in production mode on `databaseUrl` with `secret`, demo data off, on
 * a free port (or `port`), and waits until /healthz answers 200.
 */
export const startPostgresServer = async ({
  dataDir,
  databaseUrl,
  env: extraEnv = {},
  port,
  secret,
  timeoutMs = 120_000,
}: {
  dataDir: string
  databaseUrl: string
  /** more settings for this server (S3 storage, jobs …) */
  env?: Record<string, string>
  port?: number
  secret: string
  timeoutMs?: number
}): Promise<PostgresServer> => {
  const listenPort = port ?? (await freePort())
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: secret,
    PORT: String(listenPort),
    SEED_DEMO: 'false',
  }
  // the product's own pool defaults, whatever the test run set for itself
  for (const name of ['DATABASE_POOL_MAX', 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS', 'DATABASE_EMBEDDED']) delete env[name]
  Object.assign(env, extraEnv)
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.mjs')], { cwd: projectRoot, detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const pid = child.pid
  if (pid === undefined) throw new Error('không khởi chạy được node dist/main.mjs')
  const exited = exitOf(child)
  const url = `http://127.0.0.1:${listenPort}`
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-pid, 'SIGKILL')
    await exited
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`máy chủ dừng sớm (mã ${child.exitCode ?? child.signalCode}):\n${log}`)
    const response = await fetch(`${url}/healthz`).catch(() => null)
    if (response?.status === 200) break
    if (Date.now() > deadline) {
      await kill()
      throw new Error(`máy chủ không sẵn sàng sau ${timeoutMs} ms:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(-pid, 'SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    await kill()
  }
  return { kill, output: () => log, pid, stop, url }
}

/** A throwaway DATA_DIR (uploads) for the server; removed by the caller. */
export const makeDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-crash-'))
