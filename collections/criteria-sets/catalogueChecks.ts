/**
 * A criteria set's tier and its indicators' `appliesTo` unit types are rows of the catalogues
 * (collections/catalogues.ts). An unknown code is refused on its own field, so the message names the
 * criterion, indicator and row it sits in, instead of the foreign key's refusal after the database
 * has seen it (which names the field but not where). Payload's own relationship checks (required,
 * filter options) run first.
 */
import type { Validate } from 'payload'
import { relationship } from 'payload/shared'

import { findTier, findUnitType, unknownTierMessage, unknownUnitTypeMessage } from '../catalogues'

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''

const known =
  ({ find, unknown }: { find: typeof findTier | typeof findUnitType; unknown: (code: unknown) => string }): Validate =>
  async (value, options) => {
    const payloadCheck = await relationship(value as never, options as never)
    if (payloadCheck !== true) return payloadCheck
    if (isEmpty(value)) return true
    return (await find({ code: value, req: options.req })) ? true : unknown(value)
  }

export const knownSetTier = known({ find: findTier, unknown: unknownTierMessage })

export const knownAppliesToUnitType = known({ find: findUnitType, unknown: unknownUnitTypeMessage })
