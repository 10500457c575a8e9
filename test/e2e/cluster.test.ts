/**
 * The production server (`node dist/main.mjs`) with WEB_CONCURRENCY=2 on PostgreSQL (src/cluster.ts):
 * the primary migrates the fresh database once and forks two workers that both answer on the one
 * port; a worker SIGKILLed leaves /healthz answering 200 and is replaced by a new one that serves
 * too; SIGTERM to the primary alone ends every process with exit code 0. Which process answered is
 * read from /proc (bytes each worker wrote), not from a response header: pids stay private.
 * Workers that exit on their own (a preloaded fixture) are replaced up to the limit, and a stuck
 * start (75) or a configuration error (78) is not retried by the primary. A configuration error the
 * primary can see stops it with 78 before it touches the database or forks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../src/build.mjs'
import { freePort } from '@/db/freePort'

import { createTestDatabase, makeDataDir, strongSecret, type TestDatabase } from './helpers/postgresServer'

const serverUrl = process.env.TEST_DATABASE_URL

if (!serverUrl) console.warn('[e2e] BỎ QUA kiểm thử nhiều tiến trình: cần PostgreSQL (TEST_DATABASE_URL).')

const serverEnv = ({ databaseUrl, dataDir, port, secret }: { databaseUrl: string; dataDir: string; port: number; secret: string }): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: secret,
    PORT: String(port),
    SEED_DEMO: 'false',
    WEB_CONCURRENCY: '2',
  }
  // the product's own pool defaults, whatever the test run set for itself
  for (const name of ['DATABASE_POOL_MAX', 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS', 'DATABASE_EMBEDDED']) delete env[name]
  return env
}

/** The pids of a process's children (`ps --ppid`), oldest first. */
const childrenOf = (pid: number) =>
  spawnSync('ps', ['--ppid', String(pid), '-o', 'pid=', '--sort=start_time'], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => child > 0)

/** Bytes a process has written through system calls (its answers on sockets among them). */
const bytesWritten = (pid: number) => Number(/^wchar: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? Number.NaN)

const residentMb = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024

/** A GET on a new connection each time (no keep-alive), since the primary hands out connections, not requests. */
const getFresh = (url: string) =>
  new Promise<{ bytes: number; status: number }>((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Connection: 'close' } }, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve({ bytes, status: response.statusCode ?? 0 }))
      })
      .on('error', reject)
  })

const waitFor = async ({ check, timeoutMs, what }: { check: () => boolean; timeoutMs: number; what: () => string }) => {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`hết ${timeoutMs} ms chờ: ${what()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** `count` pages of the admin's login, each on its own connection; every worker must write a share of the bytes. */
const servedByEach = async ({ count, url, workers }: { count: number; url: string; workers: number[] }) => {
  const before = workers.map(bytesWritten)
  let total = 0
  for (let i = 0; i < count; i += 1) {
    const { bytes, status } = await getFresh(`${url}/admin/login`)
    expect(status).toBe(200)
    total += bytes
  }
  return { shares: workers.map((pid, i) => (bytesWritten(pid) - before[i]) / total), total }
}

let database: TestDatabase
let dataDir: string
let server: ChildProcess | null = null
let log = ''
let url = ''

const output = () => log

afterAll(async () => {
  if (server?.pid && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL')
  await database?.drop()
  if (dataDir) fs.rmSync(dataDir, { force: true, recursive: true })
})

describe.skipIf(!serverUrl)('WEB_CONCURRENCY=2 on PostgreSQL', () => {
  let primary = 0
  let exited: Promise<number | null>

  beforeAll(async () => {
    database = await createTestDatabase({ prefix: 'dvht_cluster', serverUrl: serverUrl as string })
    dataDir = makeDataDir()
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    // its own process group, so that afterAll can end whatever is left of the tree
    server = spawn(process.execPath, ['dist/main.mjs'], {
      cwd: projectRoot,
      detached: true,
      env: serverEnv({ dataDir, databaseUrl: database.url, port, secret: strongSecret() }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    const child = server
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    primary = child.pid ?? 0
    await waitFor({ check: () => output().includes('Tiến trình phục vụ: 2') || child.exitCode !== null, timeoutMs: 170_000, what: output })
    expect(child.exitCode, output()).toBeNull()
  }, 180_000)

  it('migrates once, forks two workers that both answer on the one port, and prints the URL once', async () => {
    const workers = childrenOf(primary)
    expect(workers, output()).toHaveLength(2)
    expect(output().match(/đang chạy: http:\/\/localhost:\d+\/admin/g)).toHaveLength(1)
    expect(output()).toContain('Tiến trình phục vụ: 2 (WEB_CONCURRENCY), 20 kết nối mỗi tiến trình')
    expect(output().match(/Đã áp dụng \d+ migration/g), output()).toHaveLength(1)
    expect((await getFresh(`${url}/healthz`)).status).toBe(200)

    const { shares, total } = await servedByEach({ count: 30, url, workers })
    console.log(`[cluster] 30 trang đăng nhập (${Math.round(total / 1024)} kB): ${shares.map((share) => `${Math.round(share * 100)} %`).join(' / ')} số byte do mỗi tiến trình ghi`)
    for (const share of shares) expect(share).toBeGreaterThan(0.25)

    const rss = [primary, ...workers].map(residentMb)
    const sum = rss.reduce((a, b) => a + b, 0)
    console.log(`[cluster] RSS lúc nghỉ: tiến trình chính ${rss[0].toFixed(0)} MB, hai tiến trình phục vụ ${rss.slice(1).map((mb) => mb.toFixed(0)).join(' + ')} MB, tổng ${sum.toFixed(0)} MB`)
    expect(sum).toBeLessThan(1024)
  }, 120_000)

  it('a worker SIGKILLed: /healthz keeps answering 200, and a replacement appears and serves', async () => {
    const [victim, survivor] = childrenOf(primary)
    process.kill(victim, 'SIGKILL')
    await waitFor({ check: () => output().includes('dừng bất thường (tín hiệu SIGKILL)'), timeoutMs: 10_000, what: output })
    for (let i = 0; i < 10; i += 1) expect((await getFresh(`${url}/healthz`)).status).toBe(200)

    await waitFor({ check: () => output().includes('Tiến trình phục vụ mới (2/2)'), timeoutMs: 120_000, what: output })
    const workers = childrenOf(primary)
    expect(workers).toHaveLength(2)
    expect(workers).toContain(survivor)
    expect(workers).not.toContain(victim)
    const { shares } = await servedByEach({ count: 20, url, workers })
    for (const share of shares) expect(share).toBeGreaterThan(0.25)
    expect(output().match(/đang chạy:/g)).toHaveLength(1)
  }, 150_000)

  it('SIGTERM to the primary alone closes both workers and ends with exit code 0', async () => {
    const workers = childrenOf(primary)
    expect(workers).toHaveLength(2)
    process.kill(primary, 'SIGTERM')
    expect(await exited, output()).toBe(0)
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`)).toBe(false)
    expect(output()).not.toMatch(/buộc dừng|dừng bất thường \(mã/)
  }, 60_000)
})

describe.skipIf(!serverUrl)('workers that die on their own with WEB_CONCURRENCY=2', () => {
  const fixture = path.join(projectRoot, 'test', 'e2e', 'fixtures', 'workerExit.cjs')
  it.each([
    [3, 1, 'a crash is replaced 5 times within a minute, and the 6th stops everything with 1', 5],
    [75, 75, 'a stuck start (75) before any worker served ends the primary with 75 for `npm start` to retry', 0],
    [78, 78, 'a configuration error (78) stops everything with 78, never respawned', 0],
  ])('exit code %i → primary exits %i: %s', async (workerCode, primaryCode, _title, replacements) => {
    const fresh = await createTestDatabase({ prefix: 'dvht_cluster_exit', serverUrl: serverUrl as string })
    const folder = makeDataDir()
    try {
      const env = {
        ...serverEnv({ dataDir: folder, databaseUrl: fresh.url, port: await freePort(), secret: strongSecret() }),
        NODE_OPTIONS: `--require ${fixture}`,
        TEST_WORKER_EXIT_CODE: String(workerCode),
      }
      const started = spawnSync(process.execPath, ['dist/main.mjs'], { cwd: projectRoot, encoding: 'utf8', env, timeout: 100_000 })
      const log = `${started.stdout}${started.stderr}`
      expect(started.status, log).toBe(primaryCode)
      expect(log.match(/khởi động tiến trình thay thế/g) ?? [], log).toHaveLength(replacements)
      if (workerCode === 3) expect(log).toContain('(mã 3) lần thứ 6 trong 60 giây: dừng máy chủ.')
      expect(log).not.toContain('đang chạy:')
    } finally {
      await fresh.drop()
      fs.rmSync(folder, { force: true, recursive: true })
    }
  }, 120_000)
})

describe.skipIf(!serverUrl)('a configuration error with WEB_CONCURRENCY=2', () => {
  it.each([
    ['WEB_CONCURRENCY', 'hai', 'Biến môi trường WEB_CONCURRENCY="hai" không hợp lệ'],
    ['PAYLOAD_SECRET', 'changeme', 'PAYLOAD_SECRET'],
    ['DATABASE_POOL_MAX', 'mười', 'DATABASE_POOL_MAX phải là số nguyên'],
    ['RATE_LIMIT_LOGIN_MAX', '-1', 'RATE_LIMIT_LOGIN_MAX'],
  ])('%s=%j stops the primary with 78 before it migrates or forks', async (name, value, message) => {
    const fresh = await createTestDatabase({ prefix: 'dvht_cluster_conf', serverUrl: serverUrl as string })
    const folder = makeDataDir()
    try {
      const env = { ...serverEnv({ dataDir: folder, databaseUrl: fresh.url, port: await freePort(), secret: strongSecret() }), [name]: value }
      const started = spawnSync(process.execPath, ['dist/main.mjs'], { cwd: projectRoot, encoding: 'utf8', env, timeout: 60_000 })
      expect(started.status, started.stderr).toBe(78)
      expect(started.stderr).toContain('Không khởi động: ')
      expect(started.stderr).toContain(message)
      // nothing reached the database: not even the migrations table
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)
      await client.end()
      expect(rows[0].n).toBe(0)
    } finally {
      await fresh.drop()
      fs.rmSync(folder, { force: true, recursive: true })
    }
  }, 90_000)
})
