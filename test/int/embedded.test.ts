/**
 * The embedded default end to end: no DATABASE_URL → PGlite under DATA_DIR served over the
 * Postgres protocol, migrated, demo data loaded once, logins work, and everything is still there
 * after a restart from the same folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { closePayload, initPayload, loadDemoIfWanted, prepareRuntime } from '@/runtime'
import { demoPassword } from '@seed/demo/province'

import { buildAppConfig } from '../../payload.config'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-embedded-'))
afterAll(() => fs.rmSync(dataDir, { force: true, recursive: true }))

const boot = async ({ key }: { key: string }) => {
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, NODE_ENV: 'test' }
  const runtime = await prepareRuntime({ env })
  const config = buildAppConfig({ databaseUrl: env.DATABASE_URL, isEmbedded: env.DATABASE_EMBEDDED === 'true', secret: env.PAYLOAD_SECRET })
  const payload = await initPayload({ config: await config, key })
  const seeded = await loadDemoIfWanted({ mode: runtime.mode, payload })
  return { env, payload, runtime, seeded }
}

describe('embedded PGlite default', () => {
  it('starts empty, migrates, loads the demo once and keeps it across a restart', async () => {
    const first = await boot({ key: 'embedded-first' })
    expect(first.runtime.mode).toBe('embedded')
    expect(first.env.DATABASE_URL).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/)
    // five national sets and the demo province’s own confirmed copies of the two district sets; Hà Quảng's
    // two earlier years (two closed rounds, their decisions, five register rows) and the open round
    expect(first.seeded).toEqual({ authorities: 3, criteriaSets: 7, decisions: 2, recognitions: 5, rounds: 3, units: 30, users: 5 })
    const login = await first.payload.login({ collection: 'users', data: { email: 'donvi@demo.vn', password: demoPassword } })
    expect(login.token).toBeTruthy()
    const secret = first.env.PAYLOAD_SECRET
    await closePayload({ payload: first.payload })
    await first.runtime.stopDatabase()

    const second = await boot({ key: 'embedded-second' })
    expect(second.seeded).toBeNull()
    expect(second.env.PAYLOAD_SECRET).toBe(secret)
    expect((await second.payload.count({ collection: 'units' })).totalDocs).toBe(30)
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true)
    await closePayload({ payload: second.payload })
    await second.runtime.stopDatabase()
  }, 180_000) // two starts and a demo load with two earlier years, on an embedded database (60 s was exceeded on a loaded 2-core run)
})
