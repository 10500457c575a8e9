/**
 * Lookups in the `tiers` and `unit-types` catalogues and the rule that ties them (REGULATIONS §2.1):
 * a unit type that belongs to a tier (a THPT is a provincial-level unit) is evaluated at that tier
 * only. Units, the units import, rounds, self-assessments and the public evaluation endpoint all ask
 * here, so a province's own tier or type is checked exactly like TT 24's, and every refusal names
 * the catalogue's own labels.
 */
import type { CollectionBeforeChangeHook, PayloadRequest, Validate } from 'payload'
import { ValidationError } from 'payload'

import { isCatalogueCode } from './catalogueCode'

import { shownCode, tierPhrase, typeTierMessage, unknownTierMessage, type TierRow, type UnitTypeRow } from './catalogueMessages'

export { shownCode, tierPhrase, unknownTierMessage, unknownUnitTypeMessage, type TierRow, type UnitTypeRow } from './catalogueMessages'

/** Rows found during one request: a unit's save asks for its type twice (type, then tier). */
const found = new WeakMap<PayloadRequest, Map<string, TierRow | UnitTypeRow>>()

const lookup = async <T extends TierRow | UnitTypeRow>({ req, collection, code }: { req: PayloadRequest; collection: 'tiers' | 'unit-types'; code: unknown }): Promise<T | null> => {
  if (!isCatalogueCode(code)) return null
  const key = `${collection}:${code}`
  const cache = found.get(req) ?? new Map<string, TierRow | UnitTypeRow>()
  found.set(req, cache)
  const cached = cache.get(key)
  if (cached) return cached as T
  const { docs } = await req.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, req, where: { id: { equals: code } } })
  const doc = docs[0] as { id: string; label: string; tier?: unknown } | undefined
  if (!doc) return null
  const row = (collection === 'tiers' ? { id: doc.id, label: doc.label } : { id: doc.id, label: doc.label, tier: codeOf(doc.tier) }) as T
  cache.set(key, row)
  return row
}

const codeOf = (value: unknown): string | null => {
  if (typeof value === 'string' && value !== '') return value
  if (value && typeof value === 'object' && 'id' in value && typeof (value as { id: unknown }).id === 'string') return (value as { id: string }).id
  return null
}

export const findTier = ({ req, code }: { req: PayloadRequest; code: unknown }) => lookup<TierRow>({ code, collection: 'tiers', req })

export const findUnitType = ({ req, code }: { req: PayloadRequest; code: unknown }) => lookup<UnitTypeRow>({ code, collection: 'unit-types', req })

/** Both catalogues whole, in their order: what an import of thousands of rows checks against. */
export const loadCatalogues = async ({ req }: { req: PayloadRequest }) => {
  const read = (collection: 'tiers' | 'unit-types') =>
    req.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req, sort: ['order', 'id'] })
  const [tiers, unitTypes] = await Promise.all([read('tiers'), read('unit-types')])
  return {
    tiers: new Map(tiers.docs.map((doc) => [String(doc.id), { id: String(doc.id), label: String(doc.label) } satisfies TierRow])),
    unitTypes: new Map(unitTypes.docs.map((doc) => [String(doc.id), { id: String(doc.id), label: String(doc.label), tier: codeOf((doc as { tier?: unknown }).tier) } satisfies UnitTypeRow])),
  }
}

export type Catalogues = Awaited<ReturnType<typeof loadCatalogues>>

/** Null when a unit of `unitType` may be evaluated at `tier`; otherwise the refusal naming both labels. */
export const unitTypeTierProblem = async ({ req, unitType, tier }: { req: PayloadRequest; unitType: UnitTypeRow; tier: string }): Promise<string | null> => {
  if (unitType.tier === null || unitType.tier === tier) return null
  const rows = await Promise.all([findTier({ code: unitType.tier, req }), findTier({ code: tier, req })])
  return typeTierMessage({ tier, tierOf: (code) => rows.find((row) => row?.id === code) ?? null, unitType })
}

/**
 * A catalogue row's code is its primary key: a code already taken is refused on `id`, naming the
 * code and the row that holds it, instead of the database's duplicate-key refusal.
 */
export const refuseTakenCode =
  ({ collection, codeLabel }: { collection: 'tiers' | 'unit-types'; codeLabel: string }): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create' || !isCatalogueCode(data?.id)) return data
    const { docs } = await req.payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, pagination: false, req, select: { label: true }, where: { id: { equals: data.id } } })
    const holder = docs[0] as { label?: string } | undefined
    if (!holder) return data
    throw new ValidationError(
      { collection, errors: [{ message: `${codeLabel} ${shownCode(data.id)} đã được dùng cho «${holder.label ?? data.id}»; hãy chọn mã khác.`, path: 'id' }], req },
      req.t,
    )
  }

/**
 * A unit type's tier: a row of the tier catalogue, and not changed under units of another tier
 * (they would break REGULATIONS §2.1's rule the moment they are saved again).
 */
export const validUnitTypeTier: Validate = async (value, { id, operation, req }) => {
  if (value === null || value === undefined || value === '') return true
  const tier = await findTier({ code: value, req })
  if (!tier) return unknownTierMessage(value)
  if (operation !== 'update' || id === undefined) return true
  const { totalDocs } = await req.payload.count({ collection: 'units', overrideAccess: true, req, where: { and: [{ unitType: { equals: id } }, { tier: { not_equals: value } }] } })
  return totalDocs === 0 || `Còn ${totalDocs} đơn vị thuộc loại này không phải đơn vị ${tierPhrase(tier)}; hãy sửa cấp của các đơn vị đó trước khi gắn loại này với ${tierPhrase(tier)}.`
}

const relationKey = (value: unknown): number | string | null => {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return null
}

type RoundTierIssue = { code: string; message: string; path: (number | string)[]; severity: 'error' }

/**
 * A round's tier is a row of the catalogue, and the criteria sets it offers are of that tier or of
 * none (TT 22's set serves every tier): a district round does not offer a provincial set. Called
 * by the round's prepareRound (collections/rounds/hooks.ts), which reports the issues with its own.
 */
export const roundTierIssues = async ({ req, tier, criteriaSets }: { req: PayloadRequest; tier: unknown; criteriaSets: readonly unknown[] | null | undefined }): Promise<RoundTierIssue[]> => {
  const code = codeOf(tier)
  if (code === null) return [] // a required field left empty is refused by the field itself
  const roundTier = await findTier({ code, req })
  if (!roundTier) return [{ code: 'unknown-tier', message: unknownTierMessage(code), path: ['tier'], severity: 'error' }]
  const ids = (criteriaSets ?? []).map(relationKey).filter((id): id is number | string => id !== null && /^\d{1,10}$/.test(String(id)))
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'criteria-sets',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { code: true, tier: true, title: true },
    where: { id: { in: ids } },
  })
  const issues: RoundTierIssue[] = []
  for (const set of docs) {
    const setTier = codeOf(set.tier)
    if (setTier === null || setTier === code) continue
    const own = await findTier({ code: setTier, req })
    issues.push({
      code: 'set-tier',
      message: `Bộ tiêu chí «${set.title}» dành cho đơn vị ${tierPhrase(own, setTier)}, không dùng được trong đợt đánh giá đơn vị ${tierPhrase(roundTier, code)}.`,
      path: ['criteriaSets'],
      severity: 'error',
    })
  }
  return issues
}

/**
 * A new self-assessment's unit is of the round's tier, and the set it answers is of the unit's tier
 * (or of none): a THPT does not answer a district set. Called once, at creation, by the
 * self-assessment's prepareSelfAssessment (collections/self-assessments/hooks.ts). A set the round
 * does not offer is refused there already, so it is not named twice; a set of another tier in the
 * unit's round is one the round kept from before its sets were checked against its tier.
 */
export const selfAssessmentTierProblems = async ({
  req,
  round,
  set,
  unit,
}: {
  req: PayloadRequest
  round: { criteriaSets?: unknown[] | null; tier?: unknown; title?: string | null }
  set: { id: number | string; tier?: unknown; title?: string | null }
  unit: { name?: string | null; tier?: unknown }
}): Promise<{ message: string; path: string }[]> => {
  const problems: { message: string; path: string }[] = []
  const unitTier = codeOf(unit.tier)
  const roundTier = codeOf(round.tier)
  const setTier = codeOf(set.tier)
  const phrase = async (code: string | null) => (code === null ? 'chưa xác định cấp' : tierPhrase(await findTier({ code, req }), code))
  if (unitTier !== roundTier) {
    problems.push({ message: `Đơn vị «${unit.name ?? ''}» là đơn vị ${await phrase(unitTier)}; đợt «${round.title ?? ''}» đánh giá đơn vị ${await phrase(roundTier)}.`, path: 'unit' })
  }
  // a unit of another tier than the round's is the problem itself; the set is not named as well
  if (problems.length > 0) return problems
  const isOffered = (round.criteriaSets ?? []).some((id) => String(relationKey(id)) === String(set.id))
  if (isOffered && setTier !== null && setTier !== unitTier) {
    problems.push({ message: `Bộ tiêu chí «${set.title ?? ''}» dành cho đơn vị ${await phrase(setTier)}; đơn vị «${unit.name ?? ''}» là đơn vị ${await phrase(unitTier)}.`, path: 'criteriaSet' })
  }
  return problems
}

/** The admin's picker for a round's criteria sets: the sets of the round's tier, and those of none. */
export const setsOfRoundTier = ({ data }: { data?: unknown }) => {
  const tier = codeOf((data as { tier?: unknown } | undefined)?.tier)
  return tier === null ? true : { or: [{ tier: { equals: tier } }, { tier: { exists: false } }] }
}
