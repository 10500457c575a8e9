/**
 * A unit's boundary changes (issue 15, REGULATIONS §5) and the history they leave:
 * - `POST /api/units/{id}/move` `{ authority }`: the unit goes under another authority;
 * - `POST /api/units/{id}/merge` `{ into, carriesPrerequisite }`: the unit is absorbed by `into` —
 *   it becomes inactive with `mergedInto` set, and, when `carriesPrerequisite` says so, its level-1
 *   recognition may carry the survivor's level-2 application (collections/recognitions/prior.ts);
 * - `GET /api/units/{id}/history`: the unit's recognitions and those of every unit merged into it.
 * Both the unit and the target must lie in the caller's reach (collections/boundary.ts); each change
 * is one transaction with its audit row. Past rounds are untouched: their dossiers keep their round,
 * unit and authority.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { checkUnitMerge, checkUnitMove, mergedInto, type BoundaryUnit, type MergeLink } from '@criteria/boundary'
import { writeAuditEvent } from '@hooks/audit'
import { withWriteStep } from '@hooks/writeRules'

import { relationId } from '../access/roles'
import { actorRefusal, idField, inOneTransaction, loadBoundaryNodes, quote, reaches, readBody, refuse, refuseWith, routeId } from '../boundary'
import { nullIfNotFound } from '../notFound'

const notFound = () => refuse(404, [{ message: 'Không tìm thấy đơn vị.', path: 'id' }])

const loadUnit = async ({ req, id }: { req: PayloadRequest; id: number }): Promise<BoundaryUnit | null> => {
  const doc = await nullIfNotFound(
    req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { authority: true, isActive: true, mergedInto: true, name: true } }),
  )
  return doc ? { authority: relationId(doc.authority), id: doc.id, isActive: doc.isActive !== false, mergedInto: relationId(doc.mergedInto), name: doc.name } : null
}

const outOfReach = (path: string, message: string) => refuse(403, [{ message, path }])

const moveBody = z.strictObject({ authority: idField('Cấp quản lý mới') })

export const unitMoveEndpoint: Endpoint = {
  handler: async (req) => {
    const refused = actorRefusal(req)
    if (refused) return refused
    const id = routeId(req)
    const unit = id === null ? null : await loadUnit({ id, req })
    if (!unit) return notFound()
    const body = await readBody({ req, schema: moveBody })
    if ('response' in body) return body.response
    if (!(await reaches({ authorityId: unit.authority, req }))) return outOfReach('', `Đơn vị ${quote(unit.name)} không thuộc phạm vi quản lý của bạn.`)
    const nodes = await loadBoundaryNodes({ req })
    const target = nodes.find((node) => String(node.id) === String(body.data.authority))
    if (!target) return refuse(400, [{ message: 'Không tìm thấy «Cấp quản lý mới» được chọn.', path: 'authority' }])
    if (!(await reaches({ authorityId: target.id, req }))) return outOfReach('authority', '«Cấp quản lý mới» phải thuộc phạm vi quản lý của bạn.')
    const problem = checkUnitMove({ target, unit })
    if (problem) return refuseWith(problem.path === '' ? 409 : 400, problem)
    const from = nodes.find((node) => String(node.id) === String(unit.authority))
    return inOneTransaction({
      req,
      work: async () => {
        const doc = await req.payload.update({ collection: 'units', data: { authority: Number(target.id) }, depth: 0, id: unit.id, overrideAccess: true, req })
        const comment = `Chuyển đơn vị ${quote(unit.name)} từ ${quote(from?.name)} sang ${quote(target.name)}.`
        await writeAuditEvent({ event: { action: 'move-unit', authority: target.id, collection: 'units', comment, docId: unit.id, from: from?.name ?? null, to: target.name, unit: unit.id }, req })
        return Response.json({ doc, message: comment })
      },
    })
  },
  method: 'post',
  path: '/:id/move',
}

const mergeBody = z.strictObject({
  carriesPrerequisite: z.boolean({ error: '«Tính công nhận của đơn vị bị sáp nhập cho Mức độ 2» phải chọn có hoặc không.' }),
  into: idField('Đơn vị nhận sáp nhập'),
})

export const unitMergeEndpoint: Endpoint = {
  handler: async (req) => {
    const refused = actorRefusal(req)
    if (refused) return refused
    const id = routeId(req)
    const absorbed = id === null ? null : await loadUnit({ id, req })
    if (!absorbed) return notFound()
    const body = await readBody({ req, schema: mergeBody })
    if ('response' in body) return body.response
    if (!(await reaches({ authorityId: absorbed.authority, req }))) return outOfReach('', `Đơn vị ${quote(absorbed.name)} không thuộc phạm vi quản lý của bạn.`)
    const survivor = await loadUnit({ id: body.data.into, req })
    if (!survivor) return refuse(400, [{ message: 'Không tìm thấy «Đơn vị nhận sáp nhập» được chọn.', path: 'into' }])
    if (!(await reaches({ authorityId: survivor.authority, req }))) return outOfReach('into', '«Đơn vị nhận sáp nhập» phải thuộc phạm vi quản lý của bạn.')
    const problem = checkUnitMerge({ absorbed, survivor })
    if (problem) return refuseWith(problem.path === '' ? 409 : 400, problem)
    const { carriesPrerequisite } = body.data
    return inOneTransaction({
      req,
      work: async () => {
        const doc = await withWriteStep({
          req,
          step: 'boundary-change',
          write: () =>
            req.payload.update({ collection: 'units', data: { isActive: false, mergedInto: Number(survivor.id), mergedPrerequisite: carriesPrerequisite }, depth: 0, id: absorbed.id, overrideAccess: true, req }),
        })
        const comment =
          `Sáp nhập đơn vị ${quote(absorbed.name)} vào ${quote(survivor.name)}; ` +
          (carriesPrerequisite ? 'công nhận của đơn vị bị sáp nhập được tính làm điều kiện Mức độ 2 của đơn vị nhận sáp nhập.' : 'công nhận của đơn vị bị sáp nhập không được tính làm điều kiện Mức độ 2.')
        await writeAuditEvent({ event: { action: 'merge-unit', authority: absorbed.authority, collection: 'units', comment, docId: absorbed.id, from: absorbed.name, to: survivor.name, unit: absorbed.id }, req })
        return Response.json({ doc, message: comment })
      },
    })
  },
  method: 'post',
  path: '/:id/merge',
}

type StoredLink = MergeLink & { name: string; code: string | null }

/** Every merge link (units with `mergedInto`): few rows, read whole, once per request (a decision asks for each of its units). */
export const loadMergeLinks = async ({ req }: { req: PayloadRequest }): Promise<StoredLink[]> => {
  const cached = req.context.mergeLinks as StoredLink[] | undefined
  if (cached) return cached
  const { docs } = await req.payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { code: true, mergedInto: true, mergedPrerequisite: true, name: true },
    where: { mergedInto: { exists: true } },
  })
  const links = docs.map((doc) => ({ carriesPrerequisite: doc.mergedPrerequisite === true, code: doc.code ?? null, id: doc.id, mergedInto: relationId(doc.mergedInto), name: doc.name }))
  req.context.mergeLinks = links
  return links
}

/** The units whose recognitions count as `unitId`'s own for its next level: itself, and those merged into it saying so. */
export const prerequisiteUnits = async ({ req, unitId }: { req: PayloadRequest; unitId: number | string }) => [
  unitId,
  ...mergedInto({ links: await loadMergeLinks({ req }), onlyCarrying: true, survivorId: unitId }),
]

export const unitHistoryEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) return refuse(401, [{ message: 'Cần đăng nhập.', path: '' }])
    const id = routeId(req)
    // read with the caller's own access: whoever may open the unit may read its history
    const unit = id === null ? null : await nullIfNotFound(req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id, overrideAccess: false, req, select: { mergedInto: true, name: true } }))
    if (!unit) return notFound()
    const links = await loadMergeLinks({ req })
    const merged = mergedInto({ links, survivorId: unit.id })
    const carrying = new Set(mergedInto({ links, onlyCarrying: true, survivorId: unit.id }).map(String))
    const { docs } = await req.payload.find({
      collection: 'recognitions',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { decidedOn: true, decisionNumber: true, grade: true, level: true, outcomeLabel: true, status: true, unit: true, unitName: true, validUntil: true, year: true },
      sort: '-decidedOn',
      where: { unit: { in: [unit.id, ...merged] } },
    })
    const survivorOf = unit.mergedInto === null || unit.mergedInto === undefined ? null : await nullIfNotFound(req.payload.findByID({ collection: 'units', depth: 0, disableErrors: true, id: relationId(unit.mergedInto) as number, overrideAccess: true, req, select: { name: true } }))
    return Response.json({
      mergedInto: survivorOf ? { id: survivorOf.id, name: survivorOf.name } : null,
      mergedUnits: merged.map((mergedId) => {
        const link = links.find((entry) => String(entry.id) === String(mergedId))
        return { carriesPrerequisite: carrying.has(String(mergedId)), code: link?.code ?? null, id: mergedId, mergedInto: link?.mergedInto ?? null, name: link?.name ?? '' }
      }),
      recognitions: docs.map((doc) => ({ ...doc, isInherited: String(relationId(doc.unit)) !== String(unit.id), unit: relationId(doc.unit) })),
      unit: { id: unit.id, name: unit.name },
    })
  },
  method: 'get',
  path: '/:id/history',
}
