/**
 * The embedded default end to end: no DATABASE_URL → PGlite under DATA_DIR served over the
 * Postgres protocol, migrated, demo data loaded once, logins work, and everything is still there
 * after a restart from the same folder; a first start stopped half way through the demo is set
 * aside and the demo loaded afresh.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { closePayload, demoSeedingMarker, initPayload, loadDemoIfWanted, prepareRuntime } from '@/runtime'
import { demoPassword } from '@seed/demo/province'

import { buildAppConfig } from '../../payload.config'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-embedded-'))
afterAll(() => fs.rmSync(dataDir, { force: true, recursive: true }))

/** `withMarker`: as the server does, with the data folder's marker of a demo load under way */
const boot = async ({ key, withMarker = false }: { key: string; withMarker?: boolean }) => {
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, NODE_ENV: 'test' }
  const runtime = await prepareRuntime({ env })
  const config = buildAppConfig({ databaseUrl: env.DATABASE_URL, isEmbedded: env.DATABASE_EMBEDDED === 'true', secret: env.PAYLOAD_SECRET })
  const payload = await initPayload({ config: await config, key })
  const seeded = await loadDemoIfWanted({ dataDir: withMarker ? runtime.dataDir : undefined, mode: runtime.mode, payload })
  return { env, payload, runtime, seeded }
}

describe('embedded PGlite default', () => {
  it('starts empty, migrates, loads the demo once, keeps it across a restart, and starts afresh after a demo load cut short', async () => {
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

    // a first start stopped half way through the demo: the earliest past round is still being
    // reviewed, its decision and recognitions not yet made, and the demo's marker is left behind
    const { sql } = await import('@payloadcms/db-postgres')
    const db = (second.payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<{ rows: { id: number }[] }> } }).drizzle
    const { rows } = await db.execute(sql`select id from rounds where status = 'closed' order by year asc limit 1`)
    const roundId = rows[0]!.id
    await db.execute(sql`delete from recognitions where decision_id in (select id from decisions where round_id = ${roundId})`)
    await db.execute(sql`delete from decisions where round_id = ${roundId}`)
    await db.execute(sql`update rounds set status = 'reviewing' where id = ${roundId}`)
    fs.writeFileSync(demoSeedingMarker(dataDir), 'cut short\n')
    await closePayload({ payload: second.payload })
    await second.runtime.stopDatabase()

    // the next start sets the half-loaded database aside (kept, renamed) and loads the whole demo afresh
    // (loaded on top, the half-made round was skipped as existing: nothing created, its decision missing)
    const third = await boot({ key: 'embedded-third', withMarker: true })
    expect(third.seeded).toEqual(first.seeded)
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('pglite-demo-do-dang-'))).toHaveLength(1)
    expect(fs.existsSync(demoSeedingMarker(dataDir))).toBe(false)
    expect((await third.payload.count({ collection: 'recognitions', overrideAccess: true })).totalDocs).toBe(first.seeded?.recognitions)
    expect((await third.payload.count({ collection: 'rounds', overrideAccess: true, where: { status: { equals: 'reviewing' } } })).totalDocs).toBe(0)
    await closePayload({ payload: third.payload })
    await third.runtime.stopDatabase()
  }, 240_000) // two starts and a demo load with two earlier years, on an embedded database (60 s was exceeded on a loaded 2-core run)
})
