/**
 * What changed in a round's map since it was set up (issue 15, part 4): the units of its
 * authority's subtree added, merged or deactivated since the round was created, and the unit-editor
 * accounts whose unit is no longer working ("tài khoản không còn đơn vị"). Read with the caller's
 * access; `GET /api/rounds/{id}/changes` answers it, and copy-to-next-year answers it with the copy.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { changesSince, type ChangesSince } from '@criteria/boundary'

import { relationId } from '../access/roles'
import { authoritySubtree } from '../access/scope'
import { nullIfNotFound } from '../notFound'

type RoundRef = { id: number; authority?: unknown; createdAt: string }

export const roundChanges = async ({ req, round }: { req: PayloadRequest; round: RoundRef }): Promise<ChangesSince> => {
  const authorityId = relationId(round.authority)
  const authorities = authorityId === null ? [] : await authoritySubtree({ authorityId, req })
  const { docs: units } = authorities.length
    ? await req.payload.find({
        collection: 'units',
        depth: 0,
        limit: 0,
        overrideAccess: false,
        pagination: false,
        req,
        select: { code: true, createdAt: true, isActive: true, mergedInto: true, name: true, updatedAt: true },
        where: { authority: { in: authorities } },
      })
    : { docs: [] }
  const unitIds = units.map((unit) => unit.id)
  // the clerks of those units, 1,000 unit ids per query: the input guards refuse a longer `in` list,
  // and a district after the 2025 merger holds more units than that
  const accounts: { email: string; id: number; name?: string | null; unit?: unknown }[] = []
  for (let from = 0; from < unitIds.length; from += 1000) {
    const { docs } = await req.payload.find({
      collection: 'users',
      depth: 0,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      select: { email: true, name: true, unit: true },
      where: { and: [{ roles: { contains: 'unit-editor' } }, { unit: { in: unitIds.slice(from, from + 1000) } }] },
    })
    accounts.push(...docs)
  }
  const changes = changesSince({
    accounts: accounts.map((account) => ({ email: account.email, id: account.id, name: account.name ?? null, unit: relationId(account.unit) })),
    since: round.createdAt,
    units: units.map((unit) => ({ code: unit.code ?? null, createdAt: unit.createdAt, id: unit.id, isActive: unit.isActive !== false, mergedInto: relationId(unit.mergedInto), name: unit.name, updatedAt: unit.updatedAt })),
  })
  // a survivor outside the subtree is still named
  const missing = changes.merged.filter((row) => row.mergedIntoName === null).map((row) => row.mergedInto)
  if (missing.length > 0) {
    const { docs } = await req.payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { name: true }, where: { id: { in: missing } } })
    const names = new Map(docs.map((doc) => [String(doc.id), doc.name]))
    for (const row of changes.merged) row.mergedIntoName ??= names.get(String(row.mergedInto)) ?? null
  }
  return changes
}

export const roundChangesEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Cần đăng nhập.', path: '' }] }, { status: 401 })
    const round = await nullIfNotFound(req.payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: String(req.routeParams?.id), overrideAccess: false, req, select: { authority: true, createdAt: true } }))
    if (!round) return Response.json({ errors: [{ message: 'Không tìm thấy đợt đánh giá, hoặc bạn không có quyền xem.', path: 'id' }] }, { status: 404 })
    return Response.json(await roundChanges({ req, round }))
  },
  method: 'get',
  path: '/:id/changes',
}
