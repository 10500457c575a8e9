/**
 * A unit's type and tier are rows of the catalogues (collections/catalogues.ts), checked before the
 * database sees them: an unknown code is named with its field (not the foreign key's refusal), and
 * a type that belongs to one tier refuses a unit of another (REGULATIONS §2.1), on `tier`, naming
 * both labels. The checks run with the unit's other field checks, so every problem shows at once.
 */
import type { Validate } from 'payload'

import { findTier, findUnitType, unitTypeTierProblem, unknownTierMessage, unknownUnitTypeMessage } from '../catalogues'

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''

export const validUnitType: Validate = async (value, { req }) => {
  if (isEmpty(value)) return 'Loại đơn vị là bắt buộc.'
  return (await findUnitType({ code: value, req })) ? true : unknownUnitTypeMessage(value)
}

export const validUnitTier: Validate = async (value, { req, siblingData }) => {
  if (isEmpty(value)) return 'Cấp đơn vị là bắt buộc.'
  if (!(await findTier({ code: value, req }))) return unknownTierMessage(value)
  // an unknown type is the type's own problem, named on its field
  const unitType = await findUnitType({ code: (siblingData as { unitType?: unknown } | undefined)?.unitType, req })
  if (!unitType) return true
  return (await unitTypeTierProblem({ req, tier: String(value), unitType })) ?? true
}

/** The admin's tier picker offers only the tier the chosen type belongs to (all tiers for a type of any tier). */
export const tiersOfUnitType = async ({ req, siblingData }: { req: Parameters<Validate>[1]['req']; siblingData: unknown }) => {
  const unitType = await findUnitType({ code: (siblingData as { unitType?: unknown } | undefined)?.unitType, req })
  return unitType?.tier ? { id: { equals: unitType.tier } } : true
}
