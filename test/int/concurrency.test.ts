/**
 * No lock-up, ever (issue 10): with the product's default pool settings (not the smaller pool the
 * other integration files use), 100 concurrent saves through the REST handlers all finish within
 * a bound, each answered 200 — or at worst a clean 503 in Vietnamese, never a hang — and every
 * acknowledged save is read back from the database: 100 units saving their own answers, then
 * submitting, 100 saves crowding four self-assessments (serialised by their row lock), and 100
 * saves of units, a collection that keeps Payload's document lock (its check takes a second
 * connection per save, which deadlocked a pool of 10 before src/db/pool.ts gated transactions).
 */
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { buildAppConfig } from '@payload-config'
import { poolDefaults } from '@/db/pool'
import type { SelfAssessment } from '@/payload-types'
import { closePayload, initPayload } from '@/runtime'
import { populateDrafts, type Member, type Population } from '@test/e2e/helpers/population'

import { createRestClient, type RestResponse } from './helpers/rest'
import { metAnswers } from './helpers/rounds'
import { password } from './helpers/world'

const isEmbedded = inject('isEmbeddedDatabase')
const crowd = 100
// the four self-assessments that take 25 saves each
const contested = 4
// above the acquire timeout (a wait that long fails cleanly) and far above the 15–35 s 100 saves
// take on two busy cores; a lock-up never ends
const boundMs = 150_000

let payload: Payload
let config: SanitizedConfig
let rest: ReturnType<typeof createRestClient>
let population: Population
let crowdMembers: Member[]
let contestedMembers: Member[]
let rows: NonNullable<SelfAssessment['answers']>

beforeAll(async () => {
  if (isEmbedded) return
  // test/int/setup.ts shrinks the pool for the other files; this one runs on the product's defaults
  for (const name of ['DATABASE_POOL_MAX', 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS']) delete process.env[name]
  config = await buildAppConfig({ databaseUrl: process.env.DATABASE_URL, isEmbedded: false, secret: process.env.PAYLOAD_SECRET })
  payload = await initPayload({ config })
  rest = createRestClient({ config })
  population = await populateDrafts({ count: crowd + contested, isComplete: false, payload, tag: 'CON' })
  crowdMembers = population.members.slice(0, crowd)
  contestedMembers = population.members.slice(crowd)
  rows = (await payload.findByID({ collection: 'self-assessments', depth: 0, id: crowdMembers[0].selfAssessmentId })).answers ?? []
}, 600_000)

afterAll(async () => {
  if (payload) await closePayload({ payload })
})

/** A refusal the client can act on: 503 with a message in Vietnamese (it has Vietnamese letters). */
const isCleanUnavailable = (response: RestResponse) =>
  response.status === 503 && /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỷỹý]/i.test(String(response.body?.errors?.[0]?.message ?? ''))

/**
 * Runs every call at once; fails if any is still running after the bound (a lock-up) or answered
 * anything but 200 or a clean 503. Returns the responses in order and how long the crowd took.
 */
const crowdOf = async (calls: Array<() => Promise<RestResponse>>) => {
  const started = Date.now()
  const responses: Array<RestResponse | undefined> = Array.from({ length: calls.length }, () => undefined)
  const all = Promise.all(calls.map((call, index) => call().then((response) => (responses[index] = response))))
  const isDone = await Promise.race([all.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), boundMs).unref())])
  const unfinished = responses.filter((response) => response === undefined).length
  expect(isDone, `${unfinished} of ${calls.length} requests still running after ${boundMs} ms: a lock-up`).toBe(true)
  const finished = responses as RestResponse[]
  const unclean = finished.filter((response) => response.status !== 200 && !isCleanUnavailable(response))
  expect(unclean.map((response) => `${response.status} ${JSON.stringify(response.body).slice(0, 200)}`)).toEqual([])
  return { ms: Date.now() - started, responses: finished }
}

const explanationOf = (label: string) => `Giải trình ${label}: hồ sơ gốc lưu tại văn phòng.`

/**
 * Every applicable row met, with `label` in each explanation, so a save can be recognised when read
 * back; without the stored rows' ids, which belong to the first unit's document.
 */
const answersFor = (label: string) =>
  metAnswers({ rows }).map(({ id: _id, ...row }) => ({ ...row, explanation: row.isApplicable ? explanationOf(label) : row.explanation }))

const saveAnswers = ({ label, member }: { label: string; member: Member }) => () =>
  rest.call({ body: { answers: answersFor(label) }, method: 'PATCH', path: `/self-assessments/${member.selfAssessmentId}?depth=0`, token: member.token })

describe.skipIf(isEmbedded)('100 concurrent saves on PostgreSQL with the default pool settings', () => {
  it(`runs on the defaults: a pool of ${poolDefaults.max}, ${poolDefaults.max - 2} transactions at most, a ${poolDefaults.acquireTimeoutMs / 1000} s acquire timeout`, () => {
    const db = payload.db as unknown as { poolOptions: Record<string, unknown>; transactionGate: { stats: () => { size: number } } }
    expect(db.poolOptions).toMatchObject({ connectionTimeoutMillis: poolDefaults.acquireTimeoutMs, max: poolDefaults.max })
    expect(db.transactionGate.stats().size).toBe(poolDefaults.max - 2)
  })

  it('100 units save their own answers at once: all answered, every save read back', async () => {
    const { ms, responses } = await crowdOf(crowdMembers.map((member) => saveAnswers({ label: `đơn vị ${member.unitId}`, member })))
    console.log(`[concurrency] ${crowd} lần lưu hồ sơ cùng lúc: ${ms} ms`)
    // the defaults are chosen so that this load needs no refusal at all
    expect(responses.map((response) => response.status)).toEqual(crowdMembers.map(() => 200))
    for (const member of crowdMembers) {
      const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: member.selfAssessmentId })
      expect(stored).toMatchObject({ isComplete: true, missingCount: 0, outcome: 'met', status: 'draft' })
      expect(stored.answers?.length).toBe(rows.length)
      expect(stored.answers?.filter((row) => row.isApplicable).every((row) => row.explanation === explanationOf(`đơn vị ${member.unitId}`))).toBe(true)
    }
  }, 300_000)

  it('100 units submit at once: each stored as submitted once, with its submitter and one audit row', async () => {
    const { ms, responses } = await crowdOf(
      crowdMembers.map((member) => () => rest.call({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${member.selfAssessmentId}?depth=0`, token: member.token })),
    )
    console.log(`[concurrency] ${crowd} lần nộp hồ sơ cùng lúc: ${ms} ms`)
    expect(responses.map((response) => response.status)).toEqual(crowdMembers.map(() => 200))
    const { docs: audits } = await payload.find({
      collection: 'audit-events',
      depth: 0,
      limit: 0,
      pagination: false,
      where: { and: [{ action: { equals: 'submit' } }, { round: { equals: population.roundId } }] },
    })
    for (const member of crowdMembers) {
      const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: member.selfAssessmentId })
      expect(stored).toMatchObject({ isComplete: true, status: 'submitted', submittedBy: member.editorId })
      expect(Number.isNaN(Date.parse(stored.submittedAt ?? ''))).toBe(false)
      expect(audits.filter((audit) => audit.docId === String(member.selfAssessmentId)).map((audit) => [audit.from, audit.to, audit.actor])).toEqual([['draft', 'submitted', member.editorId]])
    }
  }, 300_000)

  it('100 saves crowding four self-assessments run one after another: each save is a version, rows never mixed', async () => {
    const saves = contestedMembers.flatMap((member) => Array.from({ length: crowd / contested }, (_, index) => ({ label: `lần ${index + 1} của hồ sơ ${member.selfAssessmentId}`, member })))
    const { ms, responses } = await crowdOf(saves.map(saveAnswers))
    console.log(`[concurrency] ${crowd} lần lưu dồn vào ${contested} hồ sơ: ${ms} ms`)
    expect(responses.map((response) => response.status)).toEqual(saves.map(() => 200))
    for (const member of contestedMembers) {
      const stored = await payload.findByID({ collection: 'self-assessments', depth: 0, id: member.selfAssessmentId })
      // one save's rows, whole: a save that interleaved with another would leave duplicates or a mix
      expect(stored.answers?.length).toBe(rows.length)
      const explanations = new Set(stored.answers?.filter((row) => row.isApplicable).map((row) => row.explanation))
      expect(explanations.size).toBe(1)
      // every acknowledged save of this document is one stored version, the last one is the document
      const { docs: versions } = await payload.findVersions({ collection: 'self-assessments', depth: 0, limit: 0, pagination: false, sort: 'createdAt', where: { parent: { equals: member.selfAssessmentId } } })
      const saved = versions.map((version) => version.version.answers?.find((row) => row.isApplicable)?.explanation).filter((text) => text?.includes(`của hồ sơ ${member.selfAssessmentId}`))
      expect(saved.toSorted()).toEqual(saves.filter((save) => save.member === member).map((save) => explanationOf(save.label)).toSorted())
      expect(saved.at(-1)).toBe([...explanations][0])
    }
  }, 300_000)

  it('100 saves of units, which keep Payload’s document lock, all finish and are read back', async () => {
    const adminToken = await rest.login({ email: population.world.users.admin.email, password })
    const { ms, responses } = await crowdOf(
      crowdMembers.map((member, index) => () => rest.call({ body: { memberCount: 100 + index }, method: 'PATCH', path: `/units/${member.unitId}?depth=0`, token: adminToken })),
    )
    console.log(`[concurrency] ${crowd} lần lưu đơn vị (có khoá tài liệu của Payload) cùng lúc: ${ms} ms`)
    expect(responses.map((response) => response.status)).toEqual(crowdMembers.map(() => 200))
    const { docs } = await payload.find({ collection: 'units', depth: 0, limit: 0, pagination: false, where: { id: { in: crowdMembers.map((member) => member.unitId) } } })
    expect(crowdMembers.map((member) => docs.find((doc) => doc.id === member.unitId)?.memberCount)).toEqual(crowdMembers.map((_, index) => 100 + index))
  }, 300_000)
})
