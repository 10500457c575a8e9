/**
 * What the bench runs against: a throwaway PostgreSQL cluster (src/db/pgCluster.ts) with
 * pg_stat_statements loaded, so that a request's SQL statements can be counted, and the production
 * server (`node dist/main.mjs`, as the Dockerfile runs it) in its own process group, either on that
 * cluster with the bench's baseline collection (BENCH_BASELINE=true) or on the embedded default.
 */
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { buildAdmin, buildServer, ensureBuild, projectRoot } from '../../src/build.mjs'
import { findPgBinDir, startPgCluster, type PgCluster } from '../../src/db/pgCluster'
import { freePort } from '../../src/db/freePort'

const benchSources = [path.join(projectRoot, 'bench', 'bareCollection.ts'), path.join(projectRoot, 'bench', 'migrations')]

const newest = (entry: string): number =>
  !fs.existsSync(entry) ? 0 : fs.statSync(entry).isDirectory() ? Math.max(...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))), 0) : fs.statSync(entry).mtimeMs

/**
 * The production bundle, built when missing or stale; also rebuilt when the bench's own baseline
 * collection changed since, which src/build.mjs does not watch.
 */
export const ensureBenchBuild = () => {
  const status = ensureBuild({ reason: '[bench] Cần bản dựng production' })
  if (status !== 0) throw new Error(`bản dựng thất bại (mã ${status})`)
  const builtAt = Math.min(...['.next/BUILD_ID', 'dist/main.mjs'].map((file) => fs.statSync(path.join(projectRoot, file)).mtimeMs))
  if (Math.max(...benchSources.map(newest)) > builtAt) {
    console.log('[bench] bench/bareCollection.ts mới hơn bản dựng: dựng lại')
    if (buildAdmin() !== 0 || buildServer() !== 0) throw new Error('bản dựng thất bại')
  }
}

const asPostgres = (command: string, args: string[]) => {
  const isRoot = process.getuid?.() === 0
  const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  execFileSync(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
}

export type BenchCluster = PgCluster & { hasStatements: boolean }

/**
 * A throwaway cluster; restarted once with pg_stat_statements (and any other `libraries`, e.g.
 * auto_explain) preloaded when the extension is installed.
 */
export const startBenchCluster = async ({ libraries = ['pg_stat_statements'] }: { libraries?: string[] } = {}): Promise<BenchCluster> => {
  const binDir = findPgBinDir()
  if (!binDir) throw new Error('[bench] cần PostgreSQL (initdb, pg_ctl): apt-get install postgresql')
  const cluster = await startPgCluster({ binDir })
  let hasStatements = false
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_stat_statements'`)
  if (rows[0].n > 0) {
    await client.query(`ALTER SYSTEM SET shared_preload_libraries = ${libraries.map((name) => `'${name}'`).join(', ')}`)
    await client.end()
    // with its own log file: without -l the server would keep pg_ctl's stdout pipe open forever
    asPostgres(path.join(binDir, 'pg_ctl'), ['-D', cluster.dataDir, '-l', path.join(path.dirname(cluster.dataDir), 'server.log'), '-w', '-t', '30', 'restart'])
    hasStatements = true
  } else await client.end()
  return { ...cluster, hasStatements }
}

export const createDatabase = async ({ serverUrl, name }: { serverUrl: string; name: string }) => {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export type RunningServer = { pid: number; url: string; stop: () => Promise<void>; output: () => string }

/** `node <entry>` in production mode, own process group, until /healthz answers 200. */
export const startServer = async ({
  env,
  entry = 'dist/main.mjs',
  onSpawn,
  timeoutMs = 300_000,
}: {
  env: Record<string, string>
  entry?: string
  /** called with the pid as soon as the process exists (to sample its memory from the first moment) */
  onSpawn?: (pid: number) => void
  timeoutMs?: number
}): Promise<RunningServer> => {
  const port = await freePort()
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', PORT: String(port), ...env }
  for (const name of ['DATABASE_POOL_MAX', 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS', 'DATABASE_EMBEDDED', 'TEST_DATABASE_URL']) if (!(name in env)) delete fullEnv[name]
  if (!env.DATABASE_URL) delete fullEnv.DATABASE_URL
  // BENCH_NODE_ARGS: flags for the server's Node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` with WEB_CONCURRENCY=1
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, path.join(projectRoot, entry)], { cwd: projectRoot, detached: true, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const pid = child.pid
  if (pid === undefined) throw new Error(`không khởi chạy được ${entry}`)
  onSpawn?.(pid)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal)
    } catch {
      // already gone
    }
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    kill('SIGKILL')
    await exited
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`máy chủ dừng sớm (${child.exitCode ?? child.signalCode}):\n${log}`)
    const response = await fetch(`${url}/healthz`).catch(() => null)
    if (response?.status === 200) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`máy chủ không sẵn sàng sau ${timeoutMs} ms:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { output: () => log, pid, stop, url }
}

export const strongSecret = () => crypto.randomBytes(32).toString('hex')

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
