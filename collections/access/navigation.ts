/**
 * Which collections the admin's menu offers each role: the ones the role works with. This is presentation only — the server's access (each collection's access.ts) stays
 * what it is, and every route stays reachable, so a link from a dossier to its reviews or to the
 * round still opens for whoever may read it (Payload's `admin.hidden` would remove the routes too).
 *
 * - admin, authority-admin: everything they may read (an authority-admin writes or reads all of it
 *   for its subtree: rounds, dossiers, decisions, the register, catalogues, accounts, the audit trail).
 * - reviewer: the rounds whose team lists it, their dossiers and evidence, its reviews, the units
 *   and criteria sets it judges against, the decisions of its rounds, and the papers it had made
 *   in the background (file-tasks).
 * - unit-editor: its dossiers and evidence, the rounds it takes part in, and its own unit. It reads
 *   its reviews and the register only once a decision is issued, and reaches them from its dossier
 *   and dashboard; catalogues, criteria sets, decisions and accounts are not its work.
 * A user with several roles sees the union. Someone with no known role sees nothing but what Payload
 * already hides by read access.
 */
import type { CollectionConfig, DocumentTabCondition, EditConfigWithoutRoot } from 'payload'

import { isAdmin, type Role } from './roles'

export const everyCollection = 'every-collection' as const

export const navigationByRole: Readonly<Record<Role, typeof everyCollection | readonly string[]>> = {
  admin: everyCollection,
  'authority-admin': everyCollection,
  reviewer: ['rounds', 'self-assessments', 'reviews', 'evidence', 'decisions', 'units', 'criteria-sets', 'file-tasks'],
  'unit-editor': ['self-assessments', 'evidence', 'rounds', 'units'],
}

type RoleHolder = { roles?: readonly string[] | null } | null | undefined

/** The slugs, of those given, that the user's menu lists (in the given order). */
export const navigableCollections = ({ slugs, user }: { slugs: readonly string[]; user: RoleHolder }): string[] => {
  const roles = (user?.roles ?? []).filter((role): role is Role => role in navigationByRole)
  if (roles.some((role) => navigationByRole[role] === everyCollection)) return [...slugs]
  const offered = new Set(roles.flatMap((role) => navigationByRole[role] as readonly string[]))
  return slugs.filter((slug) => offered.has(slug))
}

/**
 * The document's "API" tab (its JSON and REST address) for system administrators only: to everyone
 * else it is an English word leading to raw data. The REST API itself answers as before.
 */
export const withApiTabForAdmins = (collection: CollectionConfig): CollectionConfig => {
  const views = collection.admin?.components?.views
  // a collection that replaces its whole document view (`root`) draws its own tabs
  if (views?.edit && 'root' in views.edit && views.edit.root) return collection
  const edit = views?.edit as EditConfigWithoutRoot | undefined
  const condition: DocumentTabCondition = ({ collectionConfig, req }) => isAdmin(req.user) && !collectionConfig?.admin?.hideAPIURL
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        views: { ...views, edit: { ...edit, api: { ...edit?.api, tab: { ...edit?.api?.tab, condition } } } as EditConfigWithoutRoot },
      },
    },
  }
}
