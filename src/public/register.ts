/**
 * The public register of recognitions (công bố công khai, REGULATIONS §2.9 B5): recognitions
 * still valid on `today` (or without a validity period: a TT 22 grade of its evaluation year) and
 * not revoked, filtered by authority, evaluation year and level, searched by unit name. Read without
 * a user, as anyone may: only the rows the deciding authority publishes (`isPublic`, the register's
 * read access) are seen. Of each unit shown, only its type is read besides (the kind of organisation
 * the decision names; units themselves are not public).
 */
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload, type Where } from 'payload'

import { fromIsoDay, toIsoDay } from '@collections/dates'

/** The page's query string: each value a string, or several when a parameter is repeated. */
export type RegisterFilters = { authority?: string | string[]; year?: string | string[]; level?: string | string[]; q?: string | string[]; page?: string | string[] }

export type RegisterRow = {
  id: number
  unitName: string
  /** the unit type's label (xã, trường tiểu học…), empty when unknown */
  unitType: string
  authorityName: string
  outcomeLabel: string
  /** "Mức độ 1", or the grade's label under TT 22 */
  levelLabel: string
  decisionNumber: string
  decidedOn: string | null
  validUntil: string | null
  year: number | null
}

/**
 * Rows on one page of the register; «Trang sau» leads on, the count says how many there are. A
 * country's register holds tens of thousands of rows (issue 16): 500 a page cost a public visitor
 * half a second, most of it reading and rendering rows nobody scrolls to.
 */
export const registerPageSize = 100

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

const asNumber = (value: string | string[] | undefined) => {
  const text = first(value)
  return text && /^\d{1,9}$/.test(text) ? Number(text) : null
}

/** The filters as the query reads them: numbers for the selects, the searched text trimmed, the page from 1. */
export const readFilters = (filters: RegisterFilters) => ({
  authority: asNumber(filters.authority),
  level: asNumber(filters.level),
  page: Math.max(1, asNumber(filters.page) ?? 1),
  q: (first(filters.q) ?? '').trim().slice(0, 200),
  year: asNumber(filters.year),
})

/** The query string of another page of the same filters (the page parameter left out for the first). */
export const pageHref = ({ filters, page }: { filters: RegisterFilters; page: number }) => {
  const { authority, level, q, year } = readFilters(filters)
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (authority !== null) params.set('authority', String(authority))
  if (year !== null) params.set('year', String(year))
  if (level !== null) params.set('level', String(level))
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/cong-nhan?${query}` : '/cong-nhan'
}

/** The filters in words, for the printed list's heading: empty when the whole register is shown. */
export const describeFilters = ({ filters, authorities }: { filters: RegisterFilters; authorities: readonly { id: string; name: string }[] }): string[] => {
  const { authority, level, q, year } = readFilters(filters)
  const parts: string[] = []
  if (authority !== null) parts.push(`Cơ quan công nhận: ${authorities.find((entry) => entry.id === String(authority))?.name ?? `mã ${authority}`}`)
  if (year !== null) parts.push(`Năm đánh giá: ${year}`)
  if (level !== null) parts.push(`Mức độ ${level}`)
  if (q) parts.push(`Tên đơn vị có «${q}»`)
  return parts
}

/** Each shown unit's type label, read for those units only. */
const unitTypesOf = async ({ payload, unitIds }: { payload: Payload; unitIds: number[] }) => {
  if (unitIds.length === 0) return new Map<string, string>()
  const [{ docs: units }, { docs: types }] = await Promise.all([
    payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, select: { unitType: true }, where: { id: { in: unitIds } } }),
    payload.find({ collection: 'unit-types', depth: 0, limit: 0, overrideAccess: false, pagination: false, select: { label: true } }),
  ])
  const labels = new Map(types.map((type) => [String(type.id), type.label]))
  return new Map(units.map((unit) => [String(unit.id), labels.get(String(unit.unitType)) ?? '']))
}

export const queryRegister = async ({ payload, filters, today }: { payload: Payload; filters: RegisterFilters; today: string }) => {
  // a revoked recognition stays in the register's history but is no longer shown as valid
  const where: Where[] = [
    { or: [{ validUntil: { greater_than_equal: fromIsoDay(today) } }, { validUntil: { exists: false } }] },
    { status: { not_equals: 'revoked' } },
  ]
  const { authority, level, page: asked, q, year } = readFilters(filters)
  if (authority !== null) where.push({ authority: { equals: authority } })
  if (year !== null) where.push({ year: { equals: year } })
  if (level !== null) where.push({ level: { equals: level } })
  if (q) where.push({ unitName: { like: q } })
  const pageOf = (page: number) => payload.find({ collection: 'recognitions', depth: 0, limit: registerPageSize, overrideAccess: false, page, sort: ['unitName', '-decidedOn', 'id'], where: { and: where } })
  let found = await pageOf(asked)
  // a page past the end (an old link, a shorter list since) shows the last one
  if (found.docs.length === 0 && found.totalPages > 0 && asked > found.totalPages) found = await pageOf(found.totalPages)
  const unitTypes = await unitTypesOf({ payload, unitIds: [...new Set(found.docs.map((doc) => (typeof doc.unit === 'object' ? doc.unit.id : doc.unit)))] })
  const rows: RegisterRow[] = found.docs.map((doc) => ({
    authorityName: doc.authorityName ?? '',
    decidedOn: toIsoDay(doc.decidedOn),
    decisionNumber: doc.decisionNumber ?? '',
    id: doc.id,
    levelLabel: typeof doc.level === 'number' ? `Mức độ ${doc.level}` : (doc.outcomeLabel ?? ''),
    outcomeLabel: doc.outcomeLabel ?? '',
    unitName: doc.unitName ?? '',
    unitType: unitTypes.get(String(typeof doc.unit === 'object' ? doc.unit.id : doc.unit)) ?? '',
    validUntil: toIsoDay(doc.validUntil),
    year: doc.year ?? null,
  }))
  const { authorities, years } = await registerChoices({ payload })
  const page = found.page ?? 1
  return { authorities, offset: (page - 1) * registerPageSize, page, pages: Math.max(1, found.totalPages), rows, total: found.totalDocs, years }
}

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/** The anonymous reader's read access to the register (collections/recognitions): the published rows. */
const publishedOnly = JSON.stringify({ isPublic: { equals: true } })

/**
 * What the filters offer: the deciding authorities (each named as on its latest decision, the most
 * recently deciding first) and the evaluation years the register holds, among the rows its reader
 * — anyone, without a user — may read. Asked of PostgreSQL's indexes rather than by reading the
 * whole register into the page: the country's register holds tens of thousands of rows (issue 16),
 * and even a DISTINCT over them took 250 ms under load. The register's read access is applied as
 * it answers: everything (`true`) or the published rows (`{ isPublic: { equals: true } }`); any
 * other answer is read through Payload.
 */
export const registerChoices = async ({ payload }: { payload: Payload }): Promise<{ authorities: { id: string; name: string }[]; years: number[] }> => {
  const req = await createLocalReq({}, payload)
  const access = await payload.collections.recognitions.config.access.read({ req })
  if (access === false) return { authorities: [], years: [] }
  if (access !== true && JSON.stringify(access) !== publishedOnly) {
    const { docs: all } = await payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: false, pagination: false, select: { authority: true, authorityName: true, decidedOn: true, year: true }, sort: '-decidedOn' })
    const names = new Map<string, string>()
    for (const doc of all) if (!names.has(String(doc.authority))) names.set(String(doc.authority), doc.authorityName ?? '')
    const years = [...new Set(all.map((doc) => doc.year).filter((value): value is number => typeof value === 'number'))].sort((a, b) => b - a)
    return { authorities: [...names].map(([id, name]) => ({ id, name })), years }
  }
  const isAll = access === true
  const drizzle = (payload.db as unknown as { drizzle: Executor }).drizzle
  // per authority, its latest readable decision through the (authority, decided_on) index; the
  // years by skipping from one to the next on the year index: a few hundred index probes, not a
  // pass over the whole register
  const authorities = await drizzle.execute(sql`
      select a.id as authority_id, latest.authority_name as name, latest.decided_on
      from authorities a
      cross join lateral (
        select r.authority_name, r.decided_on from recognitions r
        where r.authority_id = a.id and (${isAll}::boolean or r.is_public = true)
        order by r.decided_on desc limit 1
      ) latest`)
  const years = await drizzle.execute(sql`
      with recursive found(year) as (
        (select year from recognitions where year is not null and (${isAll}::boolean or is_public = true) order by year desc limit 1)
        union all
        select (select r.year from recognitions r where r.year < found.year and (${isAll}::boolean or r.is_public = true) order by r.year desc limit 1)
        from found where found.year is not null
      )
      select year from found where year is not null`)
  return {
    // the most recently deciding first
    authorities: [...authorities.rows]
      .sort((a, b) => new Date(String(b.decided_on)).getTime() - new Date(String(a.decided_on)).getTime() || Number(a.authority_id) - Number(b.authority_id))
      .map((row) => ({ id: String(row.authority_id), name: typeof row.name === 'string' ? row.name : '' })),
    years: years.rows.map((row) => Number(row.year)),
  }
}
