/**
 * An authority's boundary changes (issue 15; REGULATIONS §5: the district tier abolished 07/2025,
 * communes and provinces merged):
 * - `POST /api/authorities/{id}/move` `{ parent }`: under another parent (never below itself);
 * - `POST /api/authorities/{id}/merge` `{ into }`: its units and child authorities move to `into`,
 *   and it becomes inactive with `mergedInto` set;
 * - `POST /api/authorities/{id}/abolish` `{}` ("giải thể cấp"): its units and child authorities move
 *   up to its parent, and it becomes inactive.
 * The inactive authority keeps its place in the tree (its parent), its rounds, decisions and
 * register rows: past rounds and their reports keep the structure they ran under. The caller must
 * reach the authority (not its own root) and the target (collections/boundary.ts); each change is
 * one transaction with its audit row.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { checkAuthorityMove, isRefusal, planAbolition, planAuthorityMerge, type AuthorityDissolution, type BoundaryNode } from '@criteria/boundary'
import { writeAuditEvent } from '@hooks/audit'
import { withWriteStep } from '@hooks/writeRules'

import { actorRefusal, idField, inOneTransaction, loadBoundaryNodes, quote, reaches, readBody, refuse, refuseWith, routeId } from '../boundary'

const notFound = () => refuse(404, [{ message: 'Không tìm thấy cấp quản lý.', path: 'id' }])

const ownRootRefusal = (node: BoundaryNode) => refuse(403, [{ message: `${quote(node.name)} không thuộc phạm vi bạn được thay đổi (không tự chuyển, sáp nhập hay giải thể cấp quản lý của chính mình).`, path: '' }])

const targetRefusal = (path: string, label: string) => refuse(403, [{ message: `«${label}» phải thuộc phạm vi quản lý của bạn.`, path }])

/** The authority of the path and the tree, once the caller may act on it; else the answer. */
const source = async ({ req }: { req: PayloadRequest }): Promise<{ node: BoundaryNode; nodes: BoundaryNode[] } | { response: Response }> => {
  const refused = actorRefusal(req)
  if (refused) return { response: refused }
  const id = routeId(req)
  const nodes = id === null ? [] : await loadBoundaryNodes({ req })
  const node = nodes.find((entry) => String(entry.id) === String(id))
  if (!node) return { response: notFound() }
  if (!(await reaches({ authorityId: node.id, isOwnRootAllowed: false, req }))) return { response: ownRootRefusal(node) }
  return { node, nodes }
}

const findTarget = ({ nodes, id }: { nodes: BoundaryNode[]; id: number }) => nodes.find((node) => String(node.id) === String(id))

const moveBody = z.strictObject({ parent: idField('Cấp trên mới') })

export const authorityMoveEndpoint: Endpoint = {
  handler: async (req) => {
    const found = await source({ req })
    if ('response' in found) return found.response
    const { node, nodes } = found
    const body = await readBody({ req, schema: moveBody })
    if ('response' in body) return body.response
    const parent = findTarget({ id: body.data.parent, nodes })
    if (!parent) return refuse(400, [{ message: 'Không tìm thấy «Cấp trên mới» được chọn.', path: 'parent' }])
    if (!(await reaches({ authorityId: parent.id, req }))) return targetRefusal('parent', 'Cấp trên mới')
    const problem = checkAuthorityMove({ id: node.id, nodes, parentId: parent.id })
    if (problem) return refuseWith(problem.path === '' ? 409 : 400, problem)
    const from = findTarget({ id: Number(node.parent), nodes })
    return inOneTransaction({
      req,
      work: async () => {
        const doc = await req.payload.update({ collection: 'authorities', data: { parent: Number(parent.id) }, depth: 0, id: node.id, overrideAccess: true, req })
        const comment = `Chuyển ${quote(node.name)} từ cấp trên ${quote(from?.name ?? 'không có')} sang ${quote(parent.name)}.`
        await writeAuditEvent({ event: { action: 'move-authority', authority: node.id, collection: 'authorities', comment, docId: node.id, from: from?.name ?? null, to: parent.name }, req })
        return Response.json({ doc, message: comment })
      },
    })
  },
  method: 'post',
  path: '/:id/move',
}

/** Moves the absorbed authority's units and child authorities to the receiver, marks it inactive, and audits it. */
const dissolve = async ({ req, plan, action, mergedInto }: { req: PayloadRequest; plan: AuthorityDissolution; action: 'merge-authority' | 'abolish-authority'; mergedInto: number | null }) => {
  const { absorbed, receiver, children } = plan
  const { docs: units } = await req.payload.find({ collection: 'units', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { name: true }, sort: 'name', where: { authority: { equals: absorbed.id } } })
  if (units.length > 0) await req.payload.db.updateMany({ collection: 'units', data: { authority: Number(receiver.id) }, req, returning: false, where: { authority: { equals: absorbed.id } } })
  if (children.length > 0) await req.payload.db.updateMany({ collection: 'authorities', data: { parent: Number(receiver.id) }, req, returning: false, where: { parent: { equals: absorbed.id } } })
  const doc = await withWriteStep({
    req,
    step: 'boundary-change',
    write: () => req.payload.update({ collection: 'authorities', data: { isActive: false, mergedInto }, depth: 0, id: absorbed.id, overrideAccess: true, req }),
  })
  const moved = [
    units.length > 0 ? `${units.length} đơn vị (${units.map((unit) => unit.name).join(', ')})` : null,
    children.length > 0 ? `${children.length} cấp trực thuộc (${children.map((child) => child.name).join(', ')})` : null,
  ].filter(Boolean)
  const verb = action === 'merge-authority' ? `Sáp nhập ${quote(absorbed.name)} vào ${quote(receiver.name)}` : `Giải thể ${quote(absorbed.name)}`
  const comment = `${verb}: ${moved.length > 0 ? `chuyển ${moved.join(' và ')} sang ${quote(receiver.name)}` : 'không có đơn vị hay cấp trực thuộc nào phải chuyển'}.`
  await writeAuditEvent({ event: { action, authority: absorbed.id, collection: 'authorities', comment, docId: absorbed.id, from: absorbed.name, to: receiver.name }, req })
  return Response.json({ doc, message: comment, moved: { authorities: children.map((child) => child.id), units: units.map((unit) => unit.id) } })
}

const mergeBody = z.strictObject({ into: idField('Cấp quản lý nhận sáp nhập') })

export const authorityMergeEndpoint: Endpoint = {
  handler: async (req) => {
    const found = await source({ req })
    if ('response' in found) return found.response
    const { node, nodes } = found
    const body = await readBody({ req, schema: mergeBody })
    if ('response' in body) return body.response
    const into = findTarget({ id: body.data.into, nodes })
    if (!into) return refuse(400, [{ message: 'Không tìm thấy «Cấp quản lý nhận sáp nhập» được chọn.', path: 'into' }])
    if (!(await reaches({ authorityId: into.id, req }))) return targetRefusal('into', 'Cấp quản lý nhận sáp nhập')
    const plan = planAuthorityMerge({ id: node.id, intoId: into.id, nodes })
    if (isRefusal(plan)) return refuseWith(plan.path === '' ? 409 : 400, plan)
    return inOneTransaction({ req, work: () => dissolve({ action: 'merge-authority', mergedInto: Number(into.id), plan, req }) })
  },
  method: 'post',
  path: '/:id/merge',
}

const abolishBody = z.strictObject({})

export const authorityAbolishEndpoint: Endpoint = {
  handler: async (req) => {
    const found = await source({ req })
    if ('response' in found) return found.response
    const { node, nodes } = found
    const body = await readBody({ req, schema: abolishBody })
    if ('response' in body) return body.response
    const plan = planAbolition({ id: node.id, nodes })
    if (isRefusal(plan)) return refuseWith(409, plan)
    // the parent receives everything: it must be the caller's too
    if (!(await reaches({ authorityId: plan.receiver.id, req }))) return targetRefusal('', `Cấp trên ${plan.receiver.name}`)
    return inOneTransaction({ req, work: () => dissolve({ action: 'abolish-authority', mergedInto: null, plan, req }) })
  },
  method: 'post',
  path: '/:id/abolish',
}
