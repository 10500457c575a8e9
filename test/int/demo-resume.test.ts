/**
 * A demo load cut short (the start watchdog restarting a slow first start, seen on a loaded CI
 * machine) left some demo users and not others; the restart saw users, skipped the demo, and served
 * a demo whose logins failed. The next start now finishes the load the marker says was begun.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoSeedingMarker, loadDemoIfWanted } from '@/runtime'
import { demoUsers } from '@seed/demo/province'

import { closeTestPayload, getTestPayload } from './helpers/payload'
import { useOwnDatabase, type FreshDatabase } from './helpers/testDatabase'

let payload: Payload
// a database of its own: the demo's counts and the 'no users yet' start need one no other file writes to
let database: FreshDatabase
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-resume-'))
const demoEmails = demoUsers.map((user) => user.email)
const usersNamed = async () =>
  (await payload.find({ collection: 'users', depth: 0, limit: 0, pagination: false, where: { email: { in: demoEmails } } })).docs.map((user) => user.email).sort()

beforeAll(async () => {
  database = await useOwnDatabase({ label: 'demoresume' })
  payload = await getTestPayload()
})
afterAll(async () => {
  await closeTestPayload(payload)
  await database?.drop()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

describe('a demo load cut short is finished at the next start', () => {
  it('with users already there and no marker, the embedded default loads nothing', async () => {
    await payload.create({ collection: 'users', data: { email: 'ke-toan@xa.vn', name: 'Kế toán', password: 'mat-khau-dai-du-12', roles: ['admin'] } })
    expect(await loadDemoIfWanted({ dataDir, env: {}, mode: 'embedded', payload })).toBeNull()
    expect(await usersNamed()).toEqual([])
  })

  it('with the marker a load left behind, it loads again, completes the demo, and removes the marker', async () => {
    fs.writeFileSync(demoSeedingMarker(dataDir), 'bị ngắt\n')
    const summary = await loadDemoIfWanted({ dataDir, env: {}, mode: 'embedded', payload })
    expect(summary?.users).toBe(demoUsers.length)
    expect(await usersNamed()).toEqual([...demoEmails].sort())
    expect(fs.existsSync(demoSeedingMarker(dataDir))).toBe(false)
  })

  it('a later start finds nothing to finish; SEED_DEMO=false wins over a marker', async () => {
    expect(await loadDemoIfWanted({ dataDir, env: {}, mode: 'embedded', payload })).toBeNull()
    fs.writeFileSync(demoSeedingMarker(dataDir), 'bị ngắt\n')
    expect(await loadDemoIfWanted({ dataDir, env: { SEED_DEMO: 'false' }, mode: 'embedded', payload })).toBeNull()
  })
})
