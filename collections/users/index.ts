/** `users`: accounts, their roles and the authority or unit they act for. */
import type { CollectionConfig } from 'payload'

import { roles } from '../access/roles'
import { canAssign, canCreateUser, canDeleteUsers, canReadUsers, canUpdateUsers } from './access'
import { guardAssignment } from './guardAssignment'
import { requiredText } from '../validation'

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    create: canCreateUser,
    delete: canDeleteUsers,
    read: canReadUsers,
    update: canUpdateUsers,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles', 'authority', 'unit'],
    group: { vi: 'Hệ thống', en: 'System' },
    useAsTitle: 'name',
  },
  auth: {
    // repeated wrong passwords lock the account for a while (brute-force protection)
    lockTime: 15 * 60 * 1000,
    maxLoginAttempts: 5,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { vi: 'Họ và tên', en: 'Full name' },
      required: true,
      validate: requiredText({ vi: 'Họ và tên không được để trống.' }),
    },
    {
      name: 'roles',
      type: 'select',
      access: { create: canAssign, update: canAssign },
      defaultValue: ['unit-editor'],
      hasMany: true,
      label: { vi: 'Vai trò', en: 'Roles' },
      options: roles.map((role) => ({ label: role.label, value: role.value })),
      required: true,
      saveToJWT: true,
    },
    {
      name: 'authority',
      type: 'relationship',
      access: { create: canAssign, update: canAssign },
      admin: { description: { vi: 'Với quản trị cấp quản lý và thành viên đoàn đánh giá.', en: 'For authority admins and reviewers.' } },
      label: { vi: 'Cấp quản lý', en: 'Authority' },
      relationTo: 'authorities',
      saveToJWT: true,
    },
    {
      name: 'unit',
      type: 'relationship',
      access: { create: canAssign, update: canAssign },
      admin: { description: { vi: 'Với cán bộ đơn vị.', en: 'For unit editors.' } },
      label: { vi: 'Đơn vị', en: 'Unit' },
      relationTo: 'units',
      saveToJWT: true,
    },
  ],
  hooks: { beforeValidate: [guardAssignment] },
  labels: {
    plural: { vi: 'Người dùng', en: 'Users' },
    singular: { vi: 'Người dùng', en: 'User' },
  },
}
