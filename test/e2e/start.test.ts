/**
 * README's first command as a process: `npm start` (src/start.mjs) with stdin closed, as in a
 * container or CI, serves /healthz on the embedded default and, on SIGTERM, stops the server and
 * the embedded database with it.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { freePort } from '@/db/freePort'

import { projectRoot } from '../../src/build.mjs'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-start-'))
afterAll(() => fs.rmSync(dataDir, { force: true, recursive: true }))

const processesUsing = (needle: string) => {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
  return out.split('\n').filter((line) => line.includes(needle)).length
}

describe('npm start', () => {
  it('serves /healthz with stdin closed, and SIGTERM stops the server and the embedded database', async () => {
    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', PORT: String(port), STARTUP_TIMEOUT_MS: '45000' }
    delete env.DATABASE_URL
    delete env.PAYLOAD_SECRET
    const child = spawn(process.execPath, ['src/start.mjs'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    let status = 0
    for (let i = 0; i < 480 && status !== 200; i += 1) {
      status = (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status ?? 0
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(status, log).toBe(200)
    if (log.includes('không khởi động được')) console.warn(`[e2e] lần khởi động đầu bị treo và đã được thử lại:\n${log}`)
    expect(log).toContain(`đang chạy: http://localhost:${port}/admin`)
    expect(log).toContain('donvi@demo.vn')
    expect(processesUsing(dataDir)).toBe(1) // the embedded database's process, named by its folder

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(processesUsing(dataDir)).toBe(0)
  }, 180_000)
})
