/** The register read back as the core's `prior`: a unit's latest recognition at a level. */
import type { PayloadRequest } from 'payload'

import { fromIsoDay, toIsoDay } from '../dates'
import { prerequisiteUnits } from '../units/boundary'

/**
 * The unit's latest recognition (not revoked) as the core's `prior` — level, decision day and the last
 * day it is kept (null: no validity period) — so the rules can tell an expired prerequisite; with
 * `onOrBefore`, decided no later than that day. A unit merged into this one counts as this one when
 * its merge said so (`mergedPrerequisite`, collections/units/boundary.ts).
 */
export const latestRecognition = async ({ req, unitId, onOrBefore }: { req: PayloadRequest; unitId: number | string; onOrBefore?: string }) => {
  const { docs } = await req.payload.find({
    collection: 'recognitions',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    sort: '-decidedOn',
    where: { and: [{ unit: { in: await prerequisiteUnits({ req, unitId }) } }, { level: { exists: true } }, { status: { not_equals: 'revoked' } }, ...(onOrBefore ? [{ decidedOn: { less_than_equal: fromIsoDay(onOrBefore) } }] : [])] },
  })
  const latest = docs[0]
  const decidedOn = latest ? toIsoDay(latest.decidedOn) : null
  return latest && decidedOn && typeof latest.level === 'number' ? { decidedOn, level: latest.level, validUntil: toIsoDay(latest.validUntil) } : null
}
