/**
 * The public register of recognitions (công bố công khai, REGULATIONS §2.9 B5): recognitions
 * still valid on `today` (or without a validity period: a TT 22 grade of its evaluation year) and
 * not revoked, filtered by authority, evaluation year and level, searched by unit name. Read without
 * a user, as anyone may: only the rows the deciding authority publishes (`isPublic`, the register's
 * read access) are seen.
 */
import type { Payload, Where } from 'payload'

import { fromIsoDay, toIsoDay } from '@collections/dates'

export type RegisterFilters = { authority?: string; year?: string; level?: string; q?: string }

export type RegisterRow = {
  id: number
  unitName: string
  authorityName: string
  outcomeLabel: string
  decisionNumber: string
  decidedOn: string | null
  validUntil: string | null
  year: number | null
}

const asNumber = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null)

export const queryRegister = async ({ payload, filters, today }: { payload: Payload; filters: RegisterFilters; today: string }) => {
  // a revoked recognition stays in the register's history but is no longer shown as valid
  const where: Where[] = [
    { or: [{ validUntil: { greater_than_equal: fromIsoDay(today) } }, { validUntil: { exists: false } }] },
    { status: { not_equals: 'revoked' } },
  ]
  const authority = asNumber(filters.authority)
  const year = asNumber(filters.year)
  const level = asNumber(filters.level)
  if (authority !== null) where.push({ authority: { equals: authority } })
  if (year !== null) where.push({ year: { equals: year } })
  if (level !== null) where.push({ level: { equals: level } })
  const q = (filters.q ?? '').trim()
  if (q) where.push({ unitName: { like: q } })
  const { docs } = await payload.find({ collection: 'recognitions', depth: 0, limit: 500, overrideAccess: false, sort: 'unitName', where: { and: where } })
  const rows: RegisterRow[] = docs.map((doc) => ({
    authorityName: doc.authorityName ?? '',
    decidedOn: toIsoDay(doc.decidedOn),
    decisionNumber: doc.decisionNumber ?? '',
    id: doc.id,
    outcomeLabel: doc.outcomeLabel ?? '',
    unitName: doc.unitName ?? '',
    validUntil: toIsoDay(doc.validUntil),
    year: doc.year ?? null,
  }))
  // the filters offer what the register holds
  const { docs: all } = await payload.find({ collection: 'recognitions', depth: 0, limit: 0, overrideAccess: false, pagination: false, select: { authority: true, authorityName: true, year: true } })
  const authorities = [...new Map(all.map((doc) => [String(doc.authority), doc.authorityName ?? ''])).entries()].map(([id, name]) => ({ id, name }))
  const years = [...new Set(all.map((doc) => doc.year).filter((value): value is number => typeof value === 'number'))].sort((a, b) => b - a)
  return { authorities, rows, years }
}
