/**
 * Refuses role assignments a user is not entitled to make, with the field named: nobody changes
 * their own role; an authority-admin never grants `admin`; each role carries the scope it needs.
 * Who may assign at all, and that an authority or unit lies inside the assigner's own subtree, are
 * the write rules' (criteria/policy/directory.ts, collections/access/targets.ts).
 */
import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { isAdmin, relationId, roleValues } from '../access/roles'

type FieldError = { message: string; path: string }

const sameRoles = (a: unknown, b: unknown) => {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String).sort().join(',') : '')
  return list(a) === list(b)
}

export const guardAssignment: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data || !req.user) return data // Local API calls without a user (seed, migrations) are trusted
  const errors: FieldError[] = []
  const actor = req.user
  const isSelf = operation === 'update' && String(originalDoc?.id) === String(actor.id)
  const roles: unknown = 'roles' in data ? data.roles : originalDoc?.roles
  const isRolesChanged = 'roles' in data && !sameRoles(data.roles, originalDoc?.roles)

  if (isRolesChanged && isSelf && !isAdmin(actor)) {
    errors.push({ message: 'Bạn không thể tự thay đổi vai trò của mình.', path: 'roles' })
  }
  if (Array.isArray(roles)) {
    const unknownRoles = roles.filter((role) => !roleValues.includes(role))
    if (unknownRoles.length > 0) errors.push({ message: `Vai trò không hợp lệ: ${unknownRoles.join(', ')}.`, path: 'roles' })
    if (isRolesChanged && !isAdmin(actor) && roles.includes('admin')) {
      errors.push({ message: 'Chỉ quản trị hệ thống mới cấp được vai trò quản trị hệ thống.', path: 'roles' })
    }
  }
  if (Array.isArray(roles)) {
    const authorityId = relationId('authority' in data ? data.authority : originalDoc?.authority)
    const unitId = relationId('unit' in data ? data.unit : originalDoc?.unit)
    if ((roles.includes('authority-admin') || roles.includes('reviewer')) && authorityId === null) {
      errors.push({ message: 'Vai trò quản trị cấp quản lý và thành viên đoàn đánh giá cần chọn cấp quản lý.', path: 'authority' })
    }
    if (roles.includes('unit-editor') && unitId === null) {
      errors.push({ message: 'Vai trò cán bộ đơn vị cần chọn đơn vị.', path: 'unit' })
    }
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'users', errors, req }, req.t)
  return data
}
