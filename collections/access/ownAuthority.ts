/**
 * Access shared by the province's own catalogues (tiers, unit types, reference documents, criteria
 * sets): the admin keeps the national rows (no authority); an authority-admin creates and changes
 * rows of its own subtree. Payload's admin asks `create` without data to decide whether to show the
 * "Tạo mới" button: an authority-admin may, and the authority is then filled with its own
 * (`ownAuthorityByDefault`) before access and the write rules check it; the probe sends no owner, or
 * only the form's default values.
 */
import type { Access, CollectionBeforeOperationHook } from 'payload'

import type { WriteRules } from '@criteria/fieldRules'
import type { WriteRulesAdapter } from '@hooks/writeRules'

import { heldCapacities } from './capacities'

import { hasRole, isAdmin, relationId } from './roles'
import { isInUserSubtree, userAuthoritySubtree, whereIn } from './scope'
import { catalogueOwner } from './targets'

export const canCreateOwn: Access = async ({ data, req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  // the admin panel's permission probe carries no owner (no data, or the form's defaults); a real
  // create has had its owner filled before this runs, and an owner still empty is refused by the
  // write rules' 'catalogue-owner' check
  const authorityId = relationId((data as { authority?: unknown } | null | undefined)?.authority)
  return authorityId === null || isInUserSubtree({ authorityId, req })
}

export const canChangeOwn: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!hasRole({ user: req.user, role: 'authority-admin' })) return false
  const ids = await userAuthoritySubtree({ req })
  return ids.length === 0 ? false : whereIn({ field: 'authority', ids })
}

/** On create by a non-admin, an unset owner becomes the creator's own authority. */
export const ownAuthorityByDefault: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create') return args
  const { user } = args.req
  const data: Record<string, unknown> = { ...(args.data ?? {}) }
  if (user && !isAdmin(user) && (data.authority === undefined || data.authority === null || data.authority === '')) {
    const own = relationId(user.authority)
    if (own !== null) data.authority = own
  }
  return { ...args, data }
}

/** The write-rules adapter of a province's own catalogue (tiers, unit types, reference documents): capacities by its owner, the owner checked as 'catalogue-owner'. */
export const ownedCatalogueRules = (rules: WriteRules): WriteRulesAdapter => ({
  capacitiesOf: ({ doc, operation, req }) => heldCapacities({ authority: relationId(doc.authority), operation, req }),
  rules,
  targets: { 'catalogue-owner': catalogueOwner },
})
