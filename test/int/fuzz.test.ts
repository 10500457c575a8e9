/**
 * Property-based hostile input (issue 9, 6b). For every collection and as each of anonymous, a
 * unit editor, a district authority-admin and the admin, fast-check generates hostile REST calls
 * — create, update by id and by `where`, find with random where/sort/limit/page/depth/select,
 * find and delete by random ids — the custom endpoints (evaluate, copy-to-next-year,
 * participation, consolidation, corrections, login) and GraphQL list queries and update mutations. Properties:
 * no answer is ≥ 500 (nor a bulk result hiding an internal error), and a refused write (4xx)
 * leaves what the collection stored, its audit trail included, exactly as it was.
 *
 * Every case runs; distinct failures are collected by signature (status, route, the server's own
 * error and where it was thrown) with their shortest example, and reported together at the end.
 * The seed is fixed (FUZZ_SEED) and printed; FUZZ_SCALE multiplies the run counts. The totals per
 * category are printed at the end of the run. Whatever the fuzz created is removed afterwards,
 * and it never writes to rows it did not create (writes aim at this file's own documents only).
 */
import fc from 'fast-check'
import type { FlattenedField, Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { bodyFor, deepValue, fingerprintQuery, fuzzScale, fuzzSeed, hostileScalar, hostileValue, idFor, queryFor, queryPathsOf, runs, tablesOf, toQueryString, whereFor, type FuzzContext } from './helpers/fuzz'
import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient, type RestResponse } from './helpers/rest'
import { acceptedDossier, as } from './helpers/dossiers'
import { createRound, setIdByCode } from './helpers/rounds'
import { createWorld, password, type World } from './helpers/world'

const slugs = ['users', 'authorities', 'units', 'criteria-sets', 'rounds', 'self-assessments', 'reviews', 'decisions', 'recognitions', 'evidence', 'audit-events'] as const
type Slug = (typeof slugs)[number]
const actors = ['anonymous', 'unitEditor', 'districtAdmin', 'admin'] as const
type Actor = (typeof actors)[number]

const rest = createRestClient({ config })
const graphql = createGraphqlClient({ config })

let payload: Payload
let world: World
let client: pg.Client
const tokens: Partial<Record<Actor, string>> = {}
/** this file's own documents: the only ones a fuzzed write may aim at */
const own: Record<string, number[]> = {}
/** every id that exists, for reads */
const known: Record<string, number[]> = {}
const context: FuzzContext = { ids: known, indicatorCodes: [] }
/** the unit-type catalogue's codes (a unit type is a row of it, not a list in code) */
let unitTypeCodes: string[] = []
const fingerprints = new Map<string, string>()
const maxIdAtStart = new Map<string, number>()

const snake = (slug: string) => slug.replace(/-/g, '_')
const fieldsOf = (slug: string) => payload.collections[slug as Slug].config.flattenedFields as FlattenedField[]

// ---------------------------------------------------------------------------------------------
// Failures, counted by signature, with the shortest example of each

type Failure = { count: number; example: string; kind: string }
const failures = new Map<string, Failure>()
const totals: Record<string, number> = {}
/** answers per category and status class (2xx, 4xx…), to see how far the cases got */
const outcomes: Record<string, Record<string, number>> = {}
const tally = (category: string, status: number) => {
  const bucket = (outcomes[category] ??= {})
  const key = `${Math.floor(status / 100)}xx`
  bucket[key] = (bucket[key] ?? 0) + 1
}
let serverErrors: string[] = []

const projectFrame = (stack: string | undefined) =>
  stack
    ?.split('\n')
    .find((line) => /\/(collections|hooks|criteria|src)\//.test(line) && !line.includes('node_modules'))
    ?.trim()
    .replace(/^at /, '')
    .replace(/\(?file:\/\/|\/work\/[^/]+\//g, '')
    .replace(/:\d+\)?$/, '')

const describeServerError = (value: unknown): string => {
  const error = value as { cause?: { message?: string }; message?: string; name?: string; stack?: string }
  const message = (error?.cause?.message ?? error?.message ?? String(value)).split('\n')[0]!.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 160)
  return `${error?.name ?? 'Error'}: ${message}${projectFrame(error?.stack) ? ` @ ${projectFrame(error?.stack)}` : ''}`
}

const short = (value: unknown) => {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = '<không in được>'
  }
  return text.length > 400 ? `${text.slice(0, 400)}…(${text.length} ký tự)` : text
}

const record = ({ kind, signature, example }: { kind: string; signature: string; example: string }) => {
  const existing = failures.get(signature)
  if (!existing) failures.set(signature, { count: 1, example, kind })
  else {
    existing.count += 1
    if (example.length < existing.example.length) existing.example = example
  }
}

const isRefused = (response: RestResponse) => response.status >= 400 && !(Array.isArray(response.body?.docs) && response.body.docs.length > 0)

const fingerprintOf = async (slug: string) => {
  const { rows } = await client.query<{ fingerprint: string }>(fingerprints.get(slug)!)
  return rows[0]!.fingerprint
}

/** Sends one REST call and checks both properties; never throws, so that every case runs. */
const check = async ({ category, actor, method, path, body, slug, isWrite }: { category: string; actor: Actor; method: 'DELETE' | 'GET' | 'PATCH' | 'POST'; path: string; body?: unknown; slug: string; isWrite: boolean }) => {
  totals[category] = (totals[category] ?? 0) + 1
  const before = isWrite ? await fingerprintOf(slug) : undefined
  serverErrors = []
  let response: RestResponse
  try {
    response = await rest.call({ body, method, path, token: tokens[actor] })
  } catch (error) {
    response = { body: null, status: 599 }
    serverErrors.push(`thrown out of the route handler: ${describeServerError(error)}`)
  }
  tally(category, response.status)
  const example = `${actor} ${method} /api${path}${body === undefined ? '' : ` ${short(body)}`} → ${response.status}`
  const bare = path.split('?')[0]!
  const route = `${method} ${bare.replace(/^(\/[^/]+)\/(?!count$)[^/]+/, '$1/:id')}${path.includes('?') ? '?…' : ''}`
  const hidden = Array.isArray(response.body?.errors)
    ? response.body.errors.filter((error: { message?: string }) => /Something went wrong|Máy chủ gặp lỗi ngoài dự kiến/.test(error?.message ?? ''))
    : []
  if (response.status >= 500 || (response.status < 500 && hidden.length > 0 && response.body?.docs)) {
    record({ example, kind: '5xx', signature: `${response.status >= 500 ? response.status : 'bulk-hidden-500'} ${route} :: ${serverErrors[0] ?? short(response.body).slice(0, 120)}` })
  }
  if (isWrite && before !== undefined && isRefused(response)) {
    const after = await fingerprintOf(slug)
    if (after !== before) record({ example, kind: 'stored', signature: `stored-on-refusal ${route} ${response.status}` })
  }
  return response
}

// ---------------------------------------------------------------------------------------------
// World, own documents, fingerprints

const tryCreate = async (label: string, create: () => Promise<{ id: number }>) => {
  try {
    const doc = await create()
    return doc.id
  } catch (error) {
    console.warn(`[fuzz] không tạo được ${label}: ${(error as Error).message}`)
    return undefined
  }
}

const tinyPng = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))

beforeAll(async () => {
  payload = await getTestPayload()
  client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  // every table with a serial id, and how far it went before this file: cleanup removes the rest
  const { rows } = await client.query<{ table_name: string }>(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'integer'`)
  for (const { table_name: table } of rows) {
    const max = await client.query<{ max: number | null }>(`select max(id) as max from "${table}"`)
    maxIdAtStart.set(table, max.rows[0]?.max ?? 0)
  }

  await loadCriteriaSets({ payload })
  world = await createWorld({ payload, tag: 'FUZ' })
  const setId = await setIdByCode({ code: 'tt24-2023-huyen-1', payload })
  const set = await payload.findByID({ collection: 'criteria-sets', depth: 0, id: setId })
  context.indicatorCodes = (set.criteria ?? []).flatMap((criterion) => (criterion.indicators ?? []).map((indicator) => indicator.code))
  unitTypeCodes = (await payload.find({ collection: 'unit-types', depth: 0, limit: 0, pagination: false })).docs.map((type) => type.id)

  const overrides = { overrideAccess: true } as const
  const ids = (...values: (number | undefined)[]) => values.filter((id): id is number => typeof id === 'number')
  own.authorities = ids(await tryCreate('authority', () => payload.create({ collection: 'authorities', data: { code: 'FUZ-X1', name: 'Xã FUZ', parent: world.authorities.districtA.id, tierLabel: 'Xã' }, ...overrides })))
  own.units = ids(
    await tryCreate('unit', () => payload.create({ collection: 'units', data: { authority: world.authorities.districtA.id, code: 'FUZ-U1', memberCount: 10, name: 'Đơn vị FUZ 1', tier: 'huyen', unitType: 'xa' }, ...overrides })),
    await tryCreate('unit', () => payload.create({ collection: 'units', data: { authority: world.authorities.districtA.id, code: 'FUZ-U2', memberCount: 10, name: 'Đơn vị FUZ 2', tier: 'huyen', unitType: 'thcs' }, ...overrides })),
  )
  own.users = ids(await tryCreate('user', () => payload.create({ collection: 'users', data: { email: 'fodder.fuz@test.vn', name: 'Fodder', password, roles: ['unit-editor'], unit: own.units?.[0] ?? world.units.unitA2!.id }, ...overrides })))
  const openRound = await tryCreate('open round', () => createRound({ payload, setIds: [setId], title: 'Đợt FUZ', world }))
  const draftRound = await tryCreate('draft round', () => createRound({ payload, setIds: [setId], status: 'draft', title: 'Đợt FUZ nháp', world }))
  own.rounds = ids(openRound, draftRound)
  own['criteria-sets'] = ids(
    await tryCreate('criteria set', () =>
      payload.create({
        collection: 'criteria-sets',
        data: { authority: world.authorities.province.id, code: 'FUZ-SET', criteria: [{ code: 'TC1', indicators: [{ code: 'TC1.CT1', measure: 'boolean', text: 'Chỉ tiêu thử' }], title: 'Tiêu chí thử' }], model: 'pass-fail', regime: 'tt24-2023', title: 'Bộ FUZ' },
        draft: true,
        ...overrides,
      }),
    ),
  )
  const saA1 = openRound
    ? await tryCreate('self-assessment', () => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: openRound, unit: world.units.unitA1!.id } as never, overrideAccess: false, user: world.users.unitEditor }))
    : undefined
  const saA2 = openRound ? await tryCreate('self-assessment', () => payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: openRound, unit: world.units.unitA2!.id } as never, ...overrides })) : undefined
  own['self-assessments'] = ids(saA1, saA2)
  own.evidence = ids(
    await tryCreate('evidence', () =>
      payload.create({ collection: 'evidence', data: { title: 'Minh chứng FUZ', unit: world.units.unitA1!.id }, file: { data: Buffer.from(tinyPng), mimetype: 'image/png', name: 'fuz.png', size: tinyPng.length }, ...overrides }),
    ),
  )
  // a review needs a dossier in review: unit A1's, in a round of its own, taken through the workflow
  // by the world's accounts (the draft above stays a draft for the unit editor's fuzzing)
  const reviewRound = await tryCreate('review round', () => createRound({ payload, setIds: [setId], title: 'Đợt FUZ thẩm định', world }))
  const inReview = reviewRound
    ? await tryCreate('self-assessment in review', () => acceptedDossier({ authorityAdmin: world.users.districtAdmin, editor: world.users.unitEditor, payload, roundId: reviewRound, setId }))
    : undefined
  if (reviewRound) own.rounds.push(reviewRound)
  if (inReview) own['self-assessments'].push(inReview)
  own.reviews = ids(inReview ? await tryCreate('review', () => payload.create({ collection: 'reviews', data: { selfAssessment: inReview }, ...as(world.users.reviewer) })) : undefined)
  own.decisions = ids(openRound ? await tryCreate('decision', () => payload.create({ collection: 'decisions', data: { number: 'FUZ/QĐ', round: openRound } as never, ...overrides })) : undefined)
  // the register is written only by issuing a decision; this row is put in directly, for the fuzz to aim at
  own.recognitions = ids(
    own.decisions[0]
      ? await tryCreate('recognition', () =>
          payload.create({
            collection: 'recognitions',
            data: { authority: world.authorities.districtA.id, decidedOn: '2025-12-01', decision: own.decisions![0]!, level: 1, regime: 'tt24-2023', unit: world.units.unitA2!.id, validFrom: '2025-12-01', validUntil: '2028-12-31', year: 2025 },
            ...overrides,
          }),
        )
      : undefined,
  )
  for (const slug of slugs) {
    const { docs } = await payload.find({ collection: slug, depth: 0, limit: 0, pagination: false, select: {}, ...overrides })
    known[slug] = docs.map((doc) => doc.id as number)
    if (slug === 'audit-events') own[slug] = known[slug].filter((id) => id > (maxIdAtStart.get('audit_events') ?? 0))
    own[slug] ??= []
  }
  // the world's own accounts, authorities and units stay out of reach of writes: the actors must keep working
  tokens.admin = await rest.login({ email: world.users.admin.email, password })
  tokens.districtAdmin = await rest.login({ email: world.users.districtAdmin.email, password })
  tokens.unitEditor = await rest.login({ email: world.users.unitEditor.email, password })
  const audit = await tablesOf({ client, table: 'audit_events' })
  for (const slug of slugs) fingerprints.set(slug, fingerprintQuery([...new Set([...(await tablesOf({ client, table: snake(slug) })), ...audit])]))

  // the server's own error for a 5xx, instead of thousands of log lines
  const logger = payload.logger as unknown as Record<string, (...args: unknown[]) => void>
  const quiet = () => {}
  logger.error = (entry: unknown) => {
    serverErrors.push(describeServerError((entry as { err?: unknown })?.err ?? entry))
  }
  logger.info = quiet
  logger.warn = quiet
}, 300_000)

afterAll(async () => {
  if (client) {
    // remove what this file created; rows that others still reference go in a later pass, and
    // arrays, relationships and versions go with their document (ON DELETE CASCADE)
    let pending = [...maxIdAtStart.entries()].filter(([table]) => table !== 'payload_migrations')
    for (let pass = 0; pass < 6 && pending.length > 0; pass += 1) {
      const failed: typeof pending = []
      for (const [table, max] of pending) {
        await client.query(`delete from "${table}" where id > $1`, [max]).catch(() => failed.push([table, max]))
      }
      pending = failed
    }
    if (pending.length > 0) console.warn(`[fuzz] không dọn được: ${pending.map(([table]) => table).join(', ')}`)
    await client.end()
  }
  await closeTestPayload(payload)
}, 120_000)

// ---------------------------------------------------------------------------------------------
// The properties

const startedAt = Date.now()
const assertOptions = (numRuns: number) => ({ endOnFailure: true, numRuns: runs(numRuns), seed: fuzzSeed })
const slugAndActor = fc.tuple(fc.constantFrom(...slugs), fc.constantFrom(...actors))
const pathsOf = (slug: string) => queryPathsOf({ fields: fieldsOf(slug) })
/** bulk writes aim at this file's own documents only, whatever else the filter says */
const ownOnly = (slug: string, where: unknown) => ({ and: [{ id: { in: own[slug]!.length > 0 ? own[slug] : [-1] } }, where] })

describe('hostile input: no 5xx, nothing stored from a refused write', () => {
  it('REST create (POST) with field-shaped and hostile bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), bodyFor({ context, fields: fieldsOf(slug) }))),
        async ([slug, actor, body]) => {
          await check({ actor, body, category: 'create', isWrite: true, method: 'POST', path: `/${slug}`, slug })
          return true
        },
      ),
      assertOptions(520),
    )
  }, 600_000)

  it('REST update by id (PATCH /:id)', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), idFor({ known: own[slug]! }), bodyFor({ context, fields: fieldsOf(slug) }))),
        async ([slug, actor, id, body]) => {
          await check({ actor, body, category: 'update by id', isWrite: true, method: 'PATCH', path: `/${slug}/${id}`, slug })
          return true
        },
      ),
      assertOptions(520),
    )
  }, 600_000)

  it('REST update by where (PATCH ?where=…), aimed at own documents', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), queryFor({ paths: pathsOf(slug) }), bodyFor({ context, fields: fieldsOf(slug) }))),
        async ([slug, actor, query, body]) => {
          const path = `/${slug}${toQueryString({ ...query, where: ownOnly(slug, query.where ?? {}) })}`
          await check({ actor, body, category: 'update by where', isWrite: true, method: 'PATCH', path, slug })
          return true
        },
      ),
      assertOptions(300),
    )
  }, 600_000)

  it('REST find with random where, sort, limit, page, depth, select, populate', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), queryFor({ paths: pathsOf(slug) }), fc.boolean())),
        async ([slug, actor, query, isCount]) => {
          await check({ actor, category: 'find', isWrite: false, method: 'GET', path: `/${slug}${isCount ? '/count' : ''}${toQueryString(query)}`, slug })
          return true
        },
      ),
      assertOptions(1000),
    )
  }, 600_000)

  it('REST find by id with random ids and query parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), idFor({ known: known[slug]! }), fc.option(queryFor({ paths: pathsOf(slug) }), { freq: 2 }))),
        async ([slug, actor, id, query]) => {
          await check({ actor, category: 'find by id', isWrite: false, method: 'GET', path: `/${slug}/${id}${query ? toQueryString({ depth: query.depth, select: query.select }) : ''}`, slug })
          return true
        },
      ),
      assertOptions(500),
    )
  }, 600_000)

  it('custom endpoints: evaluate, copy-to-next-year, participation, consolidation, corrections', async () => {
    const answerValue = fc.oneof(fc.boolean(), fc.record({ denominator: hostileScalar, numerator: hostileScalar }, { requiredKeys: [] }), fc.integer({ max: 100, min: -5 }), hostileValue)
    const evaluateBody = fc.oneof(
      { arbitrary: fc.record({ answers: fc.oneof(fc.dictionary(fc.constantFrom(...context.indicatorCodes, 'nope'), answerValue, { maxKeys: 6 }), hostileValue), asOf: fc.oneof(fc.constantFrom('2026-03-01', '2026-13-45'), hostileScalar), prior: fc.oneof(fc.record({ decidedOn: fc.constantFrom('2024-01-15', 'abc'), level: fc.oneof(fc.constantFrom(1, 2), hostileScalar) }), hostileValue), unitType: fc.oneof(fc.constantFrom(...unitTypeCodes, 'loai-khong-co'), hostileScalar) }, { requiredKeys: [] }), weight: 6 },
      { arbitrary: hostileValue, weight: 1 },
      { arbitrary: deepValue, weight: 1 },
    )
    const request = fc.oneof(
      fc.tuple(fc.constant('evaluate' as const), idFor({ known: known['criteria-sets']! }), evaluateBody, fc.constantFrom('', '?draft=true', '?draft=abc')),
      fc.tuple(fc.constant('copy' as const), idFor({ known: own.rounds! }), fc.option(hostileValue), fc.constant('')),
      fc.tuple(fc.constant('participation' as const), idFor({ known: known.rounds! }), fc.constant(undefined), fc.constant('')),
      fc.tuple(fc.constant('consolidation' as const), idFor({ known: known['self-assessments']! }), fc.constant(undefined), fc.constant('')),
      fc.tuple(
        fc.constant('correct' as const),
        idFor({ known: own['self-assessments']! }),
        fc.oneof(
          { arbitrary: fc.record({ changes: fc.oneof(fc.record({ teamLevel: fc.oneof(fc.constantFrom(1, 2, 3), hostileScalar), teamOutcome: fc.oneof(fc.constantFrom('met', 'not-met', 'incomplete'), hostileScalar), teamPoints: hostileScalar }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 }), hostileValue), reason: fc.oneof(fc.constant('Sai sót khi tổng hợp kết luận của đoàn.'), hostileScalar) }, { requiredKeys: [] }), weight: 4 },
          { arbitrary: hostileValue, weight: 1 },
          { arbitrary: deepValue, weight: 1 },
        ),
        fc.constant(''),
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actors), request, async (actor, [kind, id, body, suffix]) => {
        if (kind === 'evaluate') await check({ actor, body, category: 'custom endpoints', isWrite: false, method: 'POST', path: `/criteria-sets/${id}/evaluate${suffix}`, slug: 'criteria-sets' })
        if (kind === 'copy') await check({ actor, body: body ?? undefined, category: 'custom endpoints', isWrite: true, method: 'POST', path: `/rounds/${id}/copy-to-next-year`, slug: 'rounds' })
        if (kind === 'participation') await check({ actor, category: 'custom endpoints', isWrite: false, method: 'GET', path: `/rounds/${id}/participation`, slug: 'rounds' })
        if (kind === 'consolidation') await check({ actor, category: 'custom endpoints', isWrite: false, method: 'GET', path: `/self-assessments/${id}/consolidation`, slug: 'self-assessments' })
        if (kind === 'correct') await check({ actor, body, category: 'custom endpoints', isWrite: true, method: 'POST', path: `/self-assessments/${id}/corrections`, slug: 'self-assessments' })
        return true
      }),
      assertOptions(300),
    )
  }, 600_000)

  it('login with hostile bodies (never the actors’ own accounts)', async () => {
    const body = fc.oneof(
      { arbitrary: fc.record({ email: fc.oneof(fc.constantFrom('fodder.fuz@test.vn', 'nobody@test.vn', 'FODDER.FUZ@TEST.VN'), hostileValue), password: fc.oneof(fc.constantFrom(password, 'sai-mat-khau'), hostileValue) }, { requiredKeys: [] }), weight: 5 },
      { arbitrary: hostileValue, weight: 1 },
      { arbitrary: deepValue, weight: 1 },
    )
    await fc.assert(
      fc.asyncProperty(body, async (data) => {
        await check({ actor: 'anonymous', body: data, category: 'login', isWrite: false, method: 'POST', path: '/users/login', slug: 'users' })
        return true
      }),
      assertOptions(100),
    )
  }, 600_000)

  it('GraphQL list queries and update mutations with random arguments', async () => {
    type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
    type InputType = { enumValues: { name: string }[] | null; inputFields: { name: string; type: TypeRef }[] | null; kind: string; name: string }
    const schema = await graphql({
      query: '{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } types { name kind enumValues { name } inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
      token: tokens.admin,
    })
    expect(schema.errors).toBeUndefined()
    const types = new Map<string, InputType>((schema.data.__schema.types as InputType[]).map((type) => [type.name, type]))
    const named = (type: TypeRef | null): string | null => (type ? (type.name ?? named(type.ofType)) : null)
    const isList = (type: TypeRef | null): boolean => (type ? type.kind === 'LIST' || isList(type.ofType) : false)
    const valueOf = (type: TypeRef, depth: number): fc.Arbitrary<unknown> => {
      const name = named(type)
      const input = name ? types.get(name) : undefined
      const one: fc.Arbitrary<unknown> =
        name === 'Int' ? fc.oneof(fc.integer({ max: 2_147_483_647, min: -2_147_483_648 }), fc.constantFrom(0, -1, 1, 2)) :
        name === 'Float' ? fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()) :
        name === 'Boolean' ? fc.boolean() :
        name === 'String' || name === 'EmailAddress' ? fc.oneof(hostileScalar.filter((value) => typeof value === 'string'), fc.constantFrom('1', 'huyen', 'xa', 'admin')) :
        name === 'DateTime' ? fc.constantFrom('2026-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '2026-01-01') :
        name === 'JSON' || name === 'JSONObject' ? hostileValue :
        input?.kind === 'ENUM' ? fc.constantFrom(...(input.enumValues ?? []).map((value) => value.name)) :
        input?.kind === 'INPUT_OBJECT' && depth < 3 ? inputObject(input, depth + 1) :
        fc.constant(null)
      return isList(type) ? fc.array(one, { maxLength: 3 }) : one
    }
    const inputObject = (input: InputType, depth: number): fc.Arbitrary<unknown> => {
      const fields = (input.inputFields ?? []).filter((field) => depth < 3 || !['AND', 'OR'].includes(field.name))
      if (fields.length === 0) return fc.constant({})
      return fc
        .subarray(fields, { maxLength: Math.min(3, fields.length), minLength: 1 })
        .chain((chosen) => fc.tuple(...chosen.map((field) => valueOf(field.type, depth).map((value) => [field.name, value] as const))))
        .map((entries) => Object.fromEntries(entries))
    }
    type Field = { args: { name: string; type: TypeRef }[]; name: string }
    const queries = (schema.data.__schema.queryType.fields as Field[]).filter((field) => field.args.some((arg) => arg.name === 'where') && field.args.some((arg) => arg.name === 'limit'))
    const mutations = (schema.data.__schema.mutationType.fields as Field[]).filter((field) => field.name.startsWith('update') && field.args.some((arg) => arg.name === 'data') && field.args.some((arg) => arg.name === 'id'))
    const signature = (field: Field) => field.args.map((arg) => `$${arg.name}: ${printType(arg.type)}`).join(', ')
    const printType = (type: TypeRef): string => (type.kind === 'NON_NULL' ? `${printType(type.ofType!)}!` : type.kind === 'LIST' ? `[${printType(type.ofType!)}]` : type.name!)
    const singular = (slug: string) => slug.replace(/-/g, '').replace(/ies$/, 'y').replace(/s$/, '')
    const slugOf = (name: string) => {
      const bare = name.replace(/^update/, '').toLowerCase()
      return slugs.find((slug) => [singular(slug), slug.replace(/-/g, '')].some((form) => bare === form || bare === `${form}s` || bare === `${form}es`)) ?? 'users'
    }
    const listCase = fc.constantFrom(...queries).chain((field) =>
      fc.tuple(fc.constant(field), fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, arg.name === 'where' ? fc.oneof({ arbitrary: valueOf(arg.type, 0), weight: 4 }, { arbitrary: whereFor({ paths: ['name', 'code', 'id', 'status', 'title'] }), weight: 1 }) : fc.oneof({ arbitrary: valueOf(arg.type, 0), weight: 4 }, { arbitrary: hostileScalar, weight: 1 })])), { requiredKeys: [] })),
    )
    const mutationCase = fc.constantFrom(...mutations).chain((field) =>
      fc.tuple(
        fc.constant(field),
        fc.record({
          data: fc.oneof({ arbitrary: valueOf(field.args.find((arg) => arg.name === 'data')!.type, 0), weight: 4 }, { arbitrary: hostileValue, weight: 1 }),
          id: fc.oneof({ arbitrary: fc.constantFrom(...Object.values(own).flat(), -1, 0, 2_147_483_647), weight: 4 }, { arbitrary: hostileScalar, weight: 1 }),
        }),
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actors), fc.oneof(listCase.map((value) => ['query', ...value] as const), mutationCase.map((value) => ['mutation', ...value] as const)), async (actor, [kind, field, variables]) => {
        totals.graphql = (totals.graphql ?? 0) + 1
        const slug = slugOf(field.name)
        const selection = kind === 'query' ? '{ totalDocs docs { id } }' : '{ id }'
        const query = `${kind} Q(${signature(field)}) { ${field.name}(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')}) ${selection} }`
        const before = kind === 'mutation' ? await fingerprintOf(slug) : undefined
        serverErrors = []
        let status: number
        let errors: { extensions?: { statusCode?: number }; message: string }[] = []
        let data: unknown = null
        try {
          const response = await graphql({ query, token: tokens[actor], variables })
          status = response.status
          errors = response.errors ?? []
          data = response.data?.[field.name] ?? null
        } catch (error) {
          status = 599
          serverErrors.push(`thrown out of the GraphQL handler: ${describeServerError(error)}`)
        }
        tally('graphql', errors.length > 0 ? Math.max(400, ...errors.map((error) => error.extensions?.statusCode ?? 400)) : status)
        const example = `${actor} GraphQL ${query} variables=${short(variables)} → ${status} ${short(errors.map((error) => error.message)).slice(0, 200)}`
        const internal = errors.find((error) => (error.extensions?.statusCode ?? 0) >= 500)
        if (status >= 500 || internal) record({ example, kind: '5xx', signature: `${internal?.extensions?.statusCode ?? status} GraphQL ${kind} ${field.name} :: ${serverErrors[0] ?? internal?.message ?? ''}` })
        if (before !== undefined && data === null) {
          const after = await fingerprintOf(slug)
          if (after !== before) record({ example, kind: 'stored', signature: `stored-on-refusal GraphQL ${field.name}` })
        }
        return true
      }),
      assertOptions(400),
    )
  }, 600_000)

  it('REST delete by id and by where (own documents only)', async () => {
    await fc.assert(
      fc.asyncProperty(
        slugAndActor.chain(([slug, actor]) => fc.tuple(fc.constant(slug), fc.constant(actor), fc.oneof(idFor({ known: own[slug]! }).map((id) => `/${id}`), queryFor({ paths: pathsOf(slug) }).map((query) => toQueryString({ ...query, where: ownOnly(slug, query.where ?? {}) }))))),
        async ([slug, actor, suffix]) => {
          await check({ actor, category: 'delete', isWrite: true, method: 'DELETE', path: `/${slug}${suffix}`, slug })
          return true
        },
      ),
      assertOptions(200),
    )
  }, 600_000)

  it('reports every distinct failure (none expected)', () => {
    const total = Object.values(totals).reduce((sum, count) => sum + count, 0)
    const seconds = Math.round((Date.now() - startedAt) / 1000)
    console.log(
      `[fuzz] seed ${fuzzSeed}, FUZZ_SCALE ${fuzzScale}: ${total} requests in ${seconds} s — ${Object.entries(totals)
        .map(([category, count]) => `${category} ${count} (${Object.entries(outcomes[category] ?? {}).sort().map(([key, n]) => `${key} ${n}`).join(', ')})`)
        .join(', ')}`,
    )
    const report = [...failures.entries()].map(([signature, failure]) => `• ${signature}\n    ${failure.count}× — e.g. ${failure.example}`).join('\n')
    if (failures.size > 0) console.log(`[fuzz] ${failures.size} distinct failures (seed ${fuzzSeed}; rerun with FUZZ_SEED=${fuzzSeed}):\n${report}`)
    expect(report).toBe('')
  })
})
