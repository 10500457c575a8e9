/**
 * "Nhân bản" (duplicate) makes next year's or a province's own copy of a set. The copy starts as
 * a draft, so nothing reaches units until somebody publishes it, and it belongs to the authority
 * of the authority-admin who made it (a province copies a national set into its own).
 */
import type { CollectionBeforeOperationHook } from 'payload'

import { isAdmin, relationId } from '../access/roles'

export const prepareCopy: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create') return args
  const data: Record<string, unknown> = { ...(args.data ?? {}) }
  const { user } = args.req
  // an authority-admin's new set or copy is its own province's (a national set is the admin's)
  if (user && !isAdmin(user) && (data.authority === undefined || data.authority === null || data.authority === '')) data.authority = relationId(user.authority)
  const isCopy = args.duplicateFromID !== undefined && args.duplicateFromID !== null
  // a copy for another authority drops the confirmations of documents that are not its own (confirmations.ts)
  args.req.context.criteriaSetCopy = isCopy
  return isCopy ? { ...args, data, draft: true } : { ...args, data }
}
