/**
 * The embedded default under concurrent saves of one dossier (issue 10). PGlite runs without
 * transactions (payload.config.ts), so two saves of a self-assessment used to interleave Payload's
 * "delete the answer rows, insert the answer rows" and fail with a duplicate key ("Giá trị không
 * được trùng lặp") 40–80 % of the time, or leave the rows of two saves mixed. This file boots its
 * own PGlite (as the product's default does, whatever database the rest of the run uses), fires
 * 20 saves of one demo dossier at once through the REST handlers, and checks that every save is
 * answered 200 and the stored dossier is exactly one of the saves: one row per indicator. The
 * mutex that serialises the writes (src/db/serialiseWrites.ts) is checked on its own first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createWriteMutex } from '@/db/serialiseWrites'
import type { SelfAssessment } from '@/payload-types'
import { closePayload, initPayload, loadDemoIfWanted, prepareRuntime, type Runtime } from '@/runtime'
import { demoPassword } from '@seed/demo/province'

import { buildAppConfig } from '../../payload.config'
import { createRestClient, type RestResponse } from './helpers/rest'

type Rows = NonNullable<SelfAssessment['answers']>

const saves = 20
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-embedded-crowd-'))

let runtime: Runtime
let payload: Payload
let rest: ReturnType<typeof createRestClient>
let token: string
let dossierId: number
let rows: Rows

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, NODE_ENV: 'test' }
  runtime = await prepareRuntime({ env })
  const config: Promise<SanitizedConfig> = buildAppConfig({ databaseUrl: env.DATABASE_URL, isEmbedded: env.DATABASE_EMBEDDED === 'true', secret: env.PAYLOAD_SECRET })
  // under Payload's default cache key, which the REST handlers below look the instance up by
  payload = await initPayload({ config: await config })
  await loadDemoIfWanted({ mode: runtime.mode, payload })
  rest = createRestClient({ config })
  // the clerk of UBND xã Trường Hà starts the demo round's level-1 self-assessment
  token = await rest.login({ email: 'donvi@demo.vn', password: demoPassword })
  const round = (await rest.call({ method: 'GET', path: '/rounds?depth=0&limit=1', token })).body.docs[0]
  const set = (await rest.call({ method: 'GET', path: '/criteria-sets?depth=0&where[code][equals]=tt24-2023-huyen-1', token })).body.docs[0]
  const created = await rest.call({ body: { criteriaSet: set.id, round: round.id }, method: 'POST', path: '/self-assessments?depth=0', token })
  expect(created.status).toBe(201)
  dossierId = created.body.doc.id
  rows = created.body.doc.answers
}, 300_000)

afterAll(async () => {
  if (payload) await closePayload({ payload })
  await runtime?.stopDatabase()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const explanationOf = (save: number) => `Lần lưu ${save}: hồ sơ gốc lưu tại UBND xã.`

/**
 * Save `save`'s answers: every applicable row answered, its explanation naming the save, yes/no
 * and ratios differing between saves. Even saves keep the stored rows' ids, as the admin's form
 * sends them (colliding ids gave the duplicate key); odd saves send none, as a script may (colliding
 * inserts then doubled the rows).
 */
const answersOf = (save: number): Rows =>
  rows.map(({ id, ...row }) => {
    const kept = save % 2 === 0 ? { id } : {}
    if (!row.isApplicable) return { ...row, ...kept }
    const value = {
      boolean: { yesNo: save % 3 === 0 ? ('no' as const) : ('yes' as const) },
      rank: { rank: (row.scale as { code: string }[] | null)?.at(-1)?.code ?? null },
      ratio: { denominator: 40, numerator: 20 + save },
    }[row.measure ?? ''] ?? {}
    return { ...row, ...kept, ...value, explanation: explanationOf(save) }
  })

/** What a save decides about a row, for comparing what is stored with what was sent. */
const essence = (row: Rows[number]) => ({
  explanation: row.explanation ?? null,
  indicator: row.indicator,
  numerator: row.numerator ?? null,
  rank: row.rank ?? null,
  yesNo: row.yesNo ?? null,
})

describe('the write mutex of the embedded default', () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

  it('runs tasks one at a time, in the order they came, and reads are never held by it', async () => {
    const mutex = createWriteMutex()
    const events: string[] = []
    const task = (name: string) => () => (events.push(`${name}+`), pause().then(() => (events.push(`${name}-`), name)))
    const results = await Promise.all(['a', 'b', 'c'].map((name) => mutex.run(task(name))))
    expect(results).toEqual(['a', 'b', 'c'])
    expect(events).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
    expect(mutex.stats()).toEqual({ isHeld: false, waiting: 0 })
  })

  it('lets the holder write again inside its own write (the adapter’s upsert calls its updateOne) without waiting for itself', async () => {
    const mutex = createWriteMutex()
    const nested = mutex.run(async () => {
      await pause()
      return mutex.run(async () => (await pause(), 'inner'))
    })
    const outcome = await Promise.race([nested, new Promise((resolve) => setTimeout(() => resolve('hung'), 2_000))])
    expect(outcome).toBe('inner')
  })

  it('is released when a write fails, and the next write runs', async () => {
    const mutex = createWriteMutex()
    const failing = mutex.run(async () => {
      await pause()
      throw new Error('duplicate key')
    })
    const next = mutex.run(async () => 'next')
    await expect(failing).rejects.toThrow('duplicate key')
    await expect(next).resolves.toBe('next')
    expect(mutex.stats()).toEqual({ isHeld: false, waiting: 0 })
  })
})

describe('embedded PGlite: concurrent saves of one dossier', () => {
  it(`${saves} saves of one self-assessment at once: all answered 200, the stored dossier is one of them, one row per indicator`, async () => {
    expect(runtime.mode).toBe('embedded')
    // the product's configuration for the embedded default, writes serialised
    expect((payload.db as unknown as { writeMutex?: unknown }).writeMutex).toBeDefined()
    const started = Date.now()
    const responses: RestResponse[] = await Promise.all(
      Array.from({ length: saves }, (_, save) => rest.call({ body: { answers: answersOf(save) }, method: 'PATCH', path: `/self-assessments/${dossierId}?depth=0`, token })),
    )
    console.log(`[embedded] ${saves} lần lưu cùng một hồ sơ cùng lúc: ${Date.now() - started} ms`)
    const refused = responses.flatMap((response, save) => (response.status === 200 ? [] : [`lần ${save}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`]))
    expect(refused).toEqual([])

    const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: dossierId })
    const indicators = (stored.answers ?? []).map((row) => row.indicator)
    expect(indicators).toEqual(rows.map((row) => row.indicator))
    expect(new Set(indicators).size).toBe(rows.length)
    const labels = new Set(stored.answers?.filter((row) => row.isApplicable).map((row) => row.explanation))
    expect(labels.size).toBe(1)
    const winner = Array.from({ length: saves }, (_, save) => save).find((save) => labels.has(explanationOf(save)))
    expect(winner, `stored explanation ${[...labels][0]} is none of the saves'`).toBeDefined()
    expect(stored.answers?.map(essence)).toEqual(answersOf(winner as number).map(essence))
  }, 300_000)
})
