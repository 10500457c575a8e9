/**
 * What the boundary-change endpoints of units and authorities share (units/boundary.ts,
 * authorities/boundary.ts): who may act (the admin anywhere, an authority-admin inside its own
 * subtree, never on its own root authority; everyone else 403), the body read with zod at the edge
 * (400 naming the field in Vietnamese), the tree with names and active flags, and one transaction
 * around the writes and their audit row. Every refusal is a 4xx that changes nothing.
 */
import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'
import { z } from 'zod'

import type { BoundaryNode, BoundaryRefusal } from '@criteria/boundary'
import { maxSerialId } from '@hooks/inputGuards'

import { hasRole, isAdmin, relationId } from './access/roles'
import { forgetAuthorityTree, userAuthoritySubtree } from './access/scope'
import { readJson } from './corrections'
import { inTransaction } from './units/import'

export type Problem = { message: string; path: string }

export const refuse = (status: number, errors: Problem[]) => Response.json({ errors }, { status })

export const refuseWith = (status: number, refusal: BoundaryRefusal) => refuse(status, [refusal])

/** The path's id as a serial, or null (then the record "is not there": 404). */
export const routeId = (req: PayloadRequest): number | null => {
  const id = String(req.routeParams?.id ?? '')
  return /^\d{1,10}$/.test(id) && Number(id) >= 1 && Number(id) <= maxSerialId ? Number(id) : null
}

/** A record's id in a body: a serial as a number or as its digits; `label` names the field in the message. */
export const idField = (label: string) =>
  z.union([z.number(), z.string()], { error: `«${label}» là bắt buộc: chọn một bản ghi.` }).transform((value, context) => {
    const text = String(value)
    if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > maxSerialId) {
      context.addIssue({ code: 'custom', message: `«${label}» phải là mã số của một bản ghi.` })
      return z.NEVER
    }
    return Number(text)
  })

/** The request body checked by `schema`, or the 400 that names each wrong field. */
export const readBody = async <T>({ req, schema }: { req: PayloadRequest; schema: z.ZodType<T> }): Promise<{ data: T } | { response: Response }> => {
  const raw = await readJson(req)
  if (typeof raw === 'symbol') return { response: refuse(400, [{ message: 'Nội dung yêu cầu không phải JSON hợp lệ.', path: '' }]) }
  const parsed = schema.safeParse(raw ?? {})
  if (parsed.success) return { data: parsed.data }
  return {
    response: refuse(
      400,
      parsed.error.issues.map((issue) => ({
        message: issue.code === 'unrecognized_keys' ? `Không có trường ${issue.keys.map((key) => `«${key}»`).join(', ')} trong yêu cầu này.` : issue.message,
        path: issue.path.join('.'),
      })),
    ),
  }
}

/** 401 for nobody signed in, 403 for a role that never changes the map; null for the admin and authority-admins. */
export const actorRefusal = (req: PayloadRequest): Response | null => {
  if (!req.user) return refuse(401, [{ message: 'Cần đăng nhập.', path: '' }])
  if (isAdmin(req.user) || hasRole({ role: 'authority-admin', user: req.user })) return null
  return refuse(403, [{ message: 'Chỉ quản trị hệ thống hoặc quản trị cấp quản lý được chuyển, sáp nhập hay giải thể.', path: '' }])
}

/**
 * Whether the caller may act on `authorityId`: the admin everywhere, an authority-admin inside its
 * own subtree — and, unless `isOwnRootAllowed`, not on its own root (it does not move, merge or
 * abolish the authority it administers).
 */
export const reaches = async ({ req, authorityId, isOwnRootAllowed = true }: { req: PayloadRequest; authorityId: number | string | null; isOwnRootAllowed?: boolean }) => {
  if (isAdmin(req.user)) return true
  if (authorityId === null) return false
  if (!isOwnRootAllowed && String(relationId(req.user?.authority)) === String(authorityId)) return false
  return (await userAuthoritySubtree({ req })).some((id) => String(id) === String(authorityId))
}

/** The whole tree with names and active flags (a province has at most a few hundred authorities). */
export const loadBoundaryNodes = async ({ req }: { req: PayloadRequest }): Promise<BoundaryNode[]> => {
  const { docs } = await req.payload.find({ collection: 'authorities', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { isActive: true, name: true, parent: true } })
  return docs.map((doc) => ({ id: doc.id, isActive: doc.isActive !== false, name: doc.name, parent: relationId(doc.parent) }))
}

/**
 * Runs `work` in one transaction — Payload's on PostgreSQL, one of our own lent to Payload on the
 * embedded PGlite, which runs Payload without transactions (units/import.ts) — so a merge is all or
 * nothing everywhere. A ValidationError from a hook answers 400 with its fields; nothing stays written.
 */
export const inOneTransaction = async ({ req, work }: { req: PayloadRequest; work: () => Promise<Response> }): Promise<Response> => {
  try {
    return await inTransaction({ req, work: () => work() })
  } catch (error) {
    if (error instanceof ValidationError) return refuse(400, (error.data?.errors ?? []).map((problem) => ({ message: problem.message, path: problem.path })))
    throw error
  } finally {
    forgetAuthorityTree({ req })
  }
}

export const quote = (text: string | null | undefined) => `«${text ?? ''}»`
