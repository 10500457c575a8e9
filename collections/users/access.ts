/**
 * Who may see and change user accounts: admin all; an authority-admin the accounts attached to
 * its subtree (by authority or by unit); everybody else only their own account.
 */
import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, isAdmin } from '../access/roles'
import { userAuthoritySubtree } from '../access/scope'

const subtreeAccounts = async ({ req }: { req: PayloadRequest }): Promise<Where> => {
  const ids = await userAuthoritySubtree({ req })
  const self: Where = { id: { equals: req.user?.id } }
  if (ids.length === 0) return self
  return { or: [self, { authority: { in: ids } }, { 'unit.authority': { in: ids } }] }
}

export const canReadUsers: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (hasRole({ user, role: 'authority-admin' })) return subtreeAccounts({ req })
  return { id: { equals: user.id } }
}

export const canCreateUser: Access = ({ req }) =>
  isAdmin(req.user) || hasRole({ user: req.user, role: 'authority-admin' })

export const canUpdateUsers: Access = canReadUsers

export const canDeleteUsers: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'authority-admin' })) return false
  return { and: [await subtreeAccounts({ req }), { id: { not_equals: user.id } }] }
}

