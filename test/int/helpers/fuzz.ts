/**
 * Hostile input for the fuzz suite (test/int/fuzz.test.ts): fast-check arbitraries built from a
 * collection's real fields (plausible values mixed with wrong types, nulls, huge numbers,
 * NaN-ish and NUL strings, prototype keys, very long strings, deep nesting, lists where objects
 * belong), `where`/`sort`/`limit`/… query strings encoded as Payload's clients encode them (qs),
 * ids, and a cheap fingerprint of what a collection has stored (count + md5 of its rows and of
 * the rows of its arrays, relationships and versions) to prove that a refused write stored nothing.
 */
import fc from 'fast-check'
import type { FlattenedField } from 'payload'
import type pg from 'pg'
import * as qs from 'qs-esm'

export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_260_911)
/**
 * FUZZ_SCALE=10 runs ten times as many cases (locally). The default, 0.5 (1,920 requests), fits CI's
 * 30-minute budget; FUZZ_SCALE=1 is the 3,840 requests CI ran until the suite outgrew it.
 */
export const fuzzScale = Number(process.env.FUZZ_SCALE ?? 0.5)
export const runs = (base: number) => Math.max(1, Math.round(base * fuzzScale))

const nest = ({ depth, kind }: { depth: number; kind: 'array' | 'object' }) => {
  let value: unknown = 'x'
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value }
  return value
}

/** Nesting past every sane bound, built in a loop (fast-check's recursion would not go this deep). */
export const deepValue = fc.record({ depth: fc.constantFrom(33, 200, 3000), kind: fc.constantFrom<'array' | 'object'>('array', 'object') }).map(nest)

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -1, 1.5, -0.5, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e308, -1e308, 9_007_199_254_740_993,
    '', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', '1e400', '0x1F', ' 12 ', '12abc', '-0', 'null', 'undefined', 'true', 'false', '[]', '{}',
    '\u0000', 'a\u0000b', "' OR 1=1 --", '"; DROP TABLE units; --', '%', '_', '\\', '%25', 'a,b', 'a|b',
    '99999-01-01', '2026-13-45', '0000-00-00', '2026-02-30', '1970-01-01T00:00:00Z', '2026-06-01', '-271821-04-19',
    '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '🙂', '\ud800', 'x'.repeat(10_000), 'ế'.repeat(3_000),
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
)

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'id', '_status', 'a.b', '$where', 'where', 'x'.repeat(300))

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value

export type FuzzContext = {
  /** ids per collection slug that the fuzz may point relationships at */
  ids: Record<string, number[]>
  /** indicator codes of the seeded criteria sets */
  indicatorCodes: string[]
}

const optionValues = (field: FlattenedField): string[] =>
  'options' in field && Array.isArray(field.options) ? field.options.map((option) => (typeof option === 'string' ? option : String(option.value))) : []

const plausibleFor = ({ field, context, depth }: { field: FlattenedField; context: FuzzContext; depth: number }): fc.Arbitrary<unknown> => {
  const many = (one: fc.Arbitrary<unknown>) => ('hasMany' in field && field.hasMany ? fc.array(one, { maxLength: 3 }) : one)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return many(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...context.indicatorCodes.slice(0, 20), 'TC1', 'TC1.CT1', 'Hồ sơ gốc lưu tại văn phòng.')))
    case 'email':
      return fc.constantFrom('fuzz@test.vn', 'not-an-email', 'FUZZ@TEST.VN', 'a@b')
    case 'number':
      return many(fc.oneof(fc.integer({ max: 200, min: -5 }), fc.double({ max: 1e6, min: -1e6, noNaN: true })))
    case 'checkbox':
      return fc.boolean()
    case 'select':
    case 'radio': {
      const options = optionValues(field)
      return many(options.length > 0 ? fc.constantFrom(...options) : fc.string())
    }
    case 'date':
      return fc.constantFrom('2026-01-15', '2027-02-15T00:00:00.000Z', '2025-12-31T17:00:00.000Z')
    case 'relationship':
    case 'upload': {
      const target = typeof field.relationTo === 'string' ? context.ids[field.relationTo] : undefined
      return many(target && target.length > 0 ? fc.constantFrom(...target) : fc.integer({ max: 50, min: 1 }))
    }
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(rowFor({ context, depth: depth + 1, fields: field.flattenedFields }), { maxLength: 3 })
    case 'group':
    case 'tab':
      return depth > 3 ? fc.constant({}) : rowFor({ context, depth: depth + 1, fields: field.flattenedFields })
    case 'json':
      return hostileValue
    default:
      return hostileScalar
  }
}

/** An object built from some of the fields (each key optional) with plausible values only. */
const rowFor = ({ fields, context, depth }: { fields: readonly FlattenedField[]; context: FuzzContext; depth: number }): fc.Arbitrary<Record<string, unknown>> => {
  const named = fields.filter((field): field is FlattenedField & { name: string } => 'name' in field && field.type !== 'join')
  return fc.record(Object.fromEntries(named.map((field) => [field.name, plausibleFor({ context, depth, field })])), { requiredKeys: [] })
}

const isRow = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** One value of a plausible document spoiled: a key (at the top or in a row) set to something hostile, or a garbage key added. */
const spoil = ({ row, fields }: { row: Record<string, unknown>; fields: readonly FlattenedField[] }) =>
  fc.tuple(fc.nat(), fc.oneof({ arbitrary: hostileValue, weight: 6 }, { arbitrary: deepValue, weight: 1 }), fc.option(hostileKey, { freq: 6 })).map(([pick, bad, garbageKey]) => {
    const spoilt: Record<string, unknown> = Object.assign(Object.create(null), row)
    if (garbageKey !== null) {
      spoilt[garbageKey] = bad
      return spoilt
    }
    const names = fields.filter((field) => 'name' in field).map((field) => (field as { name: string }).name)
    const key = names[pick % Math.max(1, names.length)] ?? 'x'
    const current = spoilt[key]
    if (Array.isArray(current) && isRow(current[0]) && pick % 2 === 0) {
      const rowKeys = Object.keys(current[0])
      const rowKey = rowKeys[pick % Math.max(1, rowKeys.length)] ?? 'x'
      spoilt[key] = [{ ...current[0], [rowKey]: bad }, ...current.slice(1)]
    } else spoilt[key] = bad
    return spoilt
  })

/** A request body for create or update: plausible (to reach the hooks), one value spoilt, or not a document at all. */
export const bodyFor = ({ fields, context }: { fields: readonly FlattenedField[]; context: FuzzContext }): fc.Arbitrary<unknown> => {
  const clean = rowFor({ context, depth: 0, fields })
  return fc.oneof(
    { arbitrary: clean, weight: 5 },
    { arbitrary: clean.chain((row) => spoil({ fields, row })), weight: 5 },
    { arbitrary: hostileValue, weight: 1 },
    { arbitrary: deepValue, weight: 1 },
  )
}

/** The paths a filter may name: fields at any depth, through relationships one hop, inside JSON, and unknown ones. */
export const queryPathsOf = ({ fields }: { fields: readonly FlattenedField[] }): string[] => {
  const paths = ['id', 'createdAt', 'nope', 'a__b', 'version.title', 'parent', '_status']
  const stack: { fields: readonly FlattenedField[]; prefix: string; depth: number }[] = [{ depth: 0, fields, prefix: '' }]
  while (stack.length > 0) {
    const { fields: current, prefix, depth } = stack.pop()!
    for (const field of current) {
      if (!('name' in field) || field.type === 'join') continue
      const path = `${prefix}${field.name}`
      paths.push(path)
      if ((field.type === 'relationship' || field.type === 'upload') && depth === 0) paths.push(`${path}.name`, `${path}.code`, `${path}.id`, `${path}.authority`)
      if (field.type === 'json') paths.push(`${path}.outcome`, `${path}.a.b`, `${path}.0`)
      if ('flattenedFields' in field && depth < 3) stack.push({ depth: depth + 1, fields: field.flattenedFields as FlattenedField[], prefix: `${path}.` })
    }
  }
  return paths
}

const operators = ['equals', 'equals', 'equals', 'not_equals', 'in', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'like', 'not_like', 'contains', 'near', 'within', 'intersects', 'bogus']

const filterValue = fc.oneof(
  { arbitrary: hostileScalar, weight: 3 },
  { arbitrary: fc.array(hostileScalar, { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>('1', '2', 1, 'true', 'false', true, 'huyen', 'xa', 'draft', 'open', 'admin', '2026-01-01', '1,2,3', 'a,b', 'UBND', 'FUZ'), weight: 6 },
  { arbitrary: hostileValue, weight: 1 },
)

export const whereFor = ({ paths }: { paths: string[] }): fc.Arbitrary<unknown> =>
  fc.letrec<{ where: unknown }>((tie) => ({
    where: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...operators), filterValue).map(([path, operator, value]) => ({ [path]: { [operator]: value } })),
      fc.record({ and: fc.array(tie('where'), { maxLength: 3 }) }),
      fc.record({ or: fc.array(tie('where'), { maxLength: 3 }) }),
      fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => ({ [path]: value })),
      hostileValue,
    ),
  })).where

/** Query parameters for a list (or a bulk write): where, sort, limit, page, depth, select, populate, draft… */
export const queryFor = ({ paths }: { paths: string[] }): fc.Arbitrary<Record<string, unknown>> => {
  const mostly = (plain: fc.Arbitrary<unknown>, odd: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: odd, weight: 1 })
  return fc.record(
    {
      depth: mostly(fc.constantFrom<unknown>(0, 1, 2), fc.oneof(fc.constantFrom<unknown>(10, 11, 9999, -1, 1.5, 'abc', ''), hostileScalar)),
      draft: fc.constantFrom<unknown>('true', 'false', 'abc', ''),
      limit: mostly(fc.constantFrom<unknown>(0, 1, 10, 100), fc.oneof(fc.constantFrom<unknown>(-5, 1.5, 'abc', '1e400', 2_147_483_648), hostileScalar)),
      page: mostly(fc.constantFrom<unknown>(1, 2), fc.oneof(fc.constantFrom<unknown>(0, -1, 1.5, 'abc', '1e400', 99_999_999_999), hostileScalar)),
      pagination: fc.constantFrom<unknown>('false', 'true', 'abc'),
      populate: fc.dictionary(fc.constantFrom('units', 'authorities', 'users', 'rounds', 'nope'), fc.oneof(fc.constant(true), fc.dictionary(fc.constantFrom(...paths.slice(0, 20)), fc.constantFrom<unknown>(true, 'abc', {})))),
      select: mostly(fc.dictionary(fc.constantFrom(...paths), fc.constant(true), { maxKeys: 3 }), fc.oneof(fc.dictionary(fc.constantFrom(...paths), fc.constantFrom<unknown>(false, 'abc', { x: true })), hostileScalar)),
      sort: mostly(fc.oneof(fc.constantFrom(...paths), fc.constantFrom(...paths).map((path) => `-${path}`)), fc.oneof(fc.array(fc.constantFrom(...paths), { maxLength: 3 }).map((parts) => parts.join(',')), hostileScalar)),
      where: whereFor({ paths }),
    },
    { requiredKeys: [] },
  )
}

/** Encoded as Payload's clients encode queries (qs, brackets). */
export const toQueryString = (query: Record<string, unknown>) => {
  try {
    return qs.stringify(query, { addQueryPrefix: true })
  } catch {
    return '?where=%7Bbad'
  }
}

/** An id for a path: one of `known`, or one that is not a serial at all, or one no row has. */
export const idFor = ({ known }: { known: number[] }): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: known.length > 0 ? fc.constantFrom(...known).map(String) : fc.constant('1000000'), weight: 4 },
    { arbitrary: fc.constantFrom('abc', '0', '-1', '1.5', '99999999999', '2147483648', '1e3', '12abc', '%20 1', '%00', 'null', 'undefined', 'Infinity', '0x10', '٣', '1%2F2', '-0', '00001'), weight: 3 },
    { arbitrary: fc.integer({ max: 2_147_483_647, min: 1_000_000 }).map(String), weight: 1 },
  )

// ---------------------------------------------------------------------------------------------
// What a collection has stored

/** The tables a collection's rows live in: its own, those that cascade from it (arrays, relationships) and its versions. */
export const tablesOf = async ({ client, table }: { client: pg.Client; table: string }): Promise<string[]> => {
  const { rows } = await client.query<{ name: string }>(
    `with recursive owned(oid) as (
       select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = any($1::text[])
       union
       select con.conrelid from pg_constraint con join owned on con.confrelid = owned.oid where con.contype = 'f' and con.confdeltype = 'c'
     )
     select distinct relname as name from pg_class where oid in (select oid from owned) order by 1`,
    [[table, `_${table}_v`]],
  )
  return rows.map((row) => row.name)
}

/** One query that answers a fingerprint of the tables: their row counts and the md5 of their rows. */
export const fingerprintQuery = (tables: string[]) =>
  `select md5(string_agg(part, '|' order by part)) as fingerprint from (${tables
    .map((table) => `select '${table}:' || count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as part from "${table}" x`)
    .join(' union all ')}) parts`
