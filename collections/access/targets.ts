/**
 * The checks a scoping relation's new value must pass (the `target` of an input rule in
 * criteria/policy/): nothing is moved, created or handed out of the writer's own subtree or unit.
 * The admin passes them all. Each answers a Vietnamese refusal naming what is wrong, or null.
 */
import type { PayloadRequest } from 'payload'

import type { TargetCheck } from '@hooks/writeRules'

import { relationId } from './roles'
import { isInUserSubtree } from './scope'
import { nullIfNotFound } from '../notFound'

const isValidId = (id: number | string | null): id is number | string => id !== null && /^\d{1,10}$/.test(String(id))

const authorityOf = async ({ req, collection, id }: { req: PayloadRequest; collection: 'decisions' | 'rounds' | 'units'; id: number | string }) => {
  const doc = await nullIfNotFound(req.payload.findByID({ collection, depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { authority: true } }))
  return doc ? relationId((doc as { authority?: unknown }).authority) : null
}

const insideSubtree = async ({ req, authorityId }: { req: PayloadRequest; authorityId: number | string | null }) =>
  authorityId !== null && (await isInUserSubtree({ authorityId, req }))

/** The value is an authority inside the writer's subtree (a national criteria set, with none, is the admin's). */
export const authorityInSubtree: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  if (id === null) return null // a required relation left empty is refused by the field itself
  if (!isValidId(id) || !(await insideSubtree({ authorityId: id, req }))) return 'Cấp quản lý được chọn phải thuộc phạm vi quản lý của bạn.'
  return null
}

/** A criteria set's owner: the writer's own subtree; an empty owner (a national set) is the admin's. */
export const criteriaSetOwner: TargetCheck = async (args) => {
  if (relationId(args.value) === null) return 'Bộ tiêu chí chung toàn quốc do quản trị hệ thống quản lý; hãy chọn cấp quản lý của bạn làm chủ sở hữu.'
  return authorityInSubtree(args)
}

/** The value is a unit whose authority is inside the writer's subtree. */
export const unitInSubtree: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  if (id === null) return null
  if (!isValidId(id) || !(await insideSubtree({ authorityId: await authorityOf({ collection: 'units', id, req }), req }))) return 'Đơn vị được chọn phải thuộc phạm vi quản lý của bạn.'
  return null
}

/** The value is a round of the writer's subtree. */
export const roundInSubtree: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  if (id === null) return null
  if (!isValidId(id) || !(await insideSubtree({ authorityId: await authorityOf({ collection: 'rounds', id, req }), req }))) return 'Đợt đánh giá được chọn phải thuộc phạm vi quản lý của bạn.'
  return null
}

/** The value is a decision of the writer's subtree. */
export const decisionInSubtree: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  if (id === null) return null
  if (!isValidId(id) || !(await insideSubtree({ authorityId: await authorityOf({ collection: 'decisions', id, req }), req }))) return 'Quyết định được chọn phải thuộc phạm vi quản lý của bạn.'
  return null
}

/** The value is the writer's own unit. */
export const ownUnit: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  const own = relationId(req.user?.unit)
  if (id === null) return null
  return own !== null && String(id) === String(own) ? null : 'Chỉ chọn được đơn vị của chính bạn.'
}

/** The value is the writer's own account. */
export const selfAccount: TargetCheck = async ({ req, value }) => {
  const id = relationId(value)
  if (id === null) return null
  return String(id) === String(req.user?.id) ? null : 'Chỉ lập được phiếu đánh giá của chính bạn.'
}

/** The owner of a province's catalogue row or reference document: the writer's own subtree; none (national) is the admin's. */
export const catalogueOwner: TargetCheck = async (args) => {
  if (relationId(args.value) === null) return 'Danh mục dùng chung toàn quốc do quản trị hệ thống quản lý; hãy chọn cấp quản lý của bạn.'
  return authorityInSubtree(args)
}
