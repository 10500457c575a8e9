/** `users`: accounts, their roles and the authority or unit they act for. */
import type { CollectionConfig } from 'payload'

import { applyWriteRules } from '@hooks/writeRules'

import { roles } from '../access/roles'
import { canCreateUser, canDeleteUsers, canReadUsers, canUpdateUsers } from './access'
import { guardAssignment } from './guardAssignment'
import { requiredText } from '../validation'
import { sessionAuth } from '../../src/security/session'
import { userRules } from './writeRules'
import { keepReferenced } from '../keepReferenced'

export const Users: CollectionConfig = applyWriteRules({
  adapter: userRules,
  config: {
    slug: 'users',
        // populated as another document's relation: title and identifying fields only (issue 10)
    defaultPopulate: { email: true, name: true, roles: true },
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
      // SESSION_HOURS (default 8) of idleness ends a sign-in; Secure cookie behind HTTPS, SameSite=Lax
      ...sessionAuth(),
      // the signed-in user as stored, relations as ids: every request binds it, and the access code
      // reads ids (relationId) and loads what it needs once per request — populating the authority
      // tree and the unit on every request (Payload's default depth 2) cost a query chain each time
      depth: 0,
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
          admin: { description: { vi: 'Với quản trị cấp quản lý và thành viên đoàn đánh giá.', en: 'For authority admins and reviewers.' } },
        label: { vi: 'Cấp quản lý', en: 'Authority' },
        relationTo: 'authorities',
        saveToJWT: true,
      },
      {
        name: 'unit',
        type: 'relationship',
          admin: { description: { vi: 'Với cán bộ đơn vị.', en: 'For unit editors.' } },
        label: { vi: 'Đơn vị', en: 'Unit' },
        relationTo: 'units',
        saveToJWT: true,
      },
    ],
    hooks: {
      // an account with a history stays (take its roles away instead): its audit rows, submissions and reviews name it
      beforeDelete: [
        keepReferenced({
          collection: 'users',
          references: [
            { collection: 'rounds', field: 'team.user', label: 'đợt đánh giá có tên trong đoàn' },
            { collection: 'reviews', field: 'reviewer', label: 'phiếu đánh giá' },
            { collection: 'self-assessments', field: 'submittedBy', label: 'hồ sơ do tài khoản này nộp' },
            { collection: 'audit-events', field: 'actor', label: 'dòng nhật ký' },
          ],
        }),
      ],
      beforeValidate: [guardAssignment],
    },
    labels: {
      plural: { vi: 'Người dùng', en: 'Users' },
      singular: { vi: 'Người dùng', en: 'User' },
    },
  },
})
