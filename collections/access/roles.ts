/**
 * Roles and the small predicates every collection's access is built from.
 * Access is enforced on the server; the admin UI only mirrors it.
 */
export const roles = [
  { value: 'admin', label: { vi: 'Quản trị hệ thống', en: 'System administrator' } },
  { value: 'authority-admin', label: { vi: 'Quản trị cấp quản lý (Sở/Phòng GDĐT)', en: 'Authority administrator' } },
  { value: 'reviewer', label: { vi: 'Thành viên đoàn đánh giá', en: 'Reviewer' } },
  { value: 'unit-editor', label: { vi: 'Cán bộ đơn vị', en: 'Unit editor' } },
] as const

export type Role = (typeof roles)[number]['value']

export const roleValues = roles.map((role) => role.value) as Role[]

type RoleHolder = { roles?: readonly string[] | null } | null | undefined

export const hasRole = ({ user, role }: { user: RoleHolder; role: Role }) =>
  Boolean(user?.roles?.includes(role))

export const isAdmin = (user: RoleHolder) => hasRole({ user, role: 'admin' })

/** The id held in a relationship value, whether populated or not. */
export const relationId = (value: unknown): number | string | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return null
}


/**
 * Create access for a unit's own documents (self-assessments, evidence): the admin, or a
 * unit-editor for its own unit. A missing unit passes: the collection's hook fills in the editor's.
 */
export const canCreateForOwnUnit = ({ data, user }: { data?: { unit?: unknown } | null; user: (RoleHolder & { unit?: unknown }) | null | undefined }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (!hasRole({ user, role: 'unit-editor' })) return false
  const unitId = relationId(user.unit)
  return unitId !== null && (data?.unit === undefined || data?.unit === null || String(relationId(data.unit)) === String(unitId))
}
