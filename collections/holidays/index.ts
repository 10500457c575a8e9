/**
 * `holidays`: the days off and compensatory working days that working-day deadlines skip or count
 * (criteria/workingDays.ts). Seeded for this year and the next from the `date-holidays` package
 * (Vietnam's public holidays, Tết from the lunar calendar) and marked unverified: the admin
 * completes the Tết and bridge days the government fixes each year and adds the Saturdays worked
 * in exchange (isWorkingDay).
 */
import type { Access, CollectionConfig } from 'payload'

import { holidayWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { isAdmin } from '../access/roles'
import { dayOnly } from '../fieldOptions'

const admins: Access = ({ req }) => isAdmin(req.user)
const signedIn: Access = ({ req }) => Boolean(req.user)

export const Holidays: CollectionConfig = applyWriteRules({
  adapter: { capacitiesOf: async ({ req }) => (isAdmin(req.user) ? ['admin'] : []), rules: holidayWrites },
  config: {
    slug: 'holidays',
    access: { create: admins, delete: admins, read: signedIn, update: admins },
    admin: { defaultColumns: ['date', 'name', 'isWorkingDay', 'isVerified'], group: { vi: 'Hệ thống', en: 'System' }, useAsTitle: 'name' },
    defaultSort: 'date',
    fields: [
      { name: 'date', type: 'date', admin: dayOnly, index: true, label: { vi: 'Ngày', en: 'Date' }, required: true, unique: true },
      { name: 'name', type: 'text', label: { vi: 'Tên ngày lễ / ngày làm bù', en: 'Name' }, required: true },
      {
        name: 'isWorkingDay',
        type: 'checkbox',
        admin: { description: { vi: 'Đánh dấu khi đây là ngày làm việc bù (thường là thứ Bảy); để trống khi là ngày nghỉ.', en: 'A compensatory working day.' } },
        defaultValue: false,
        label: { vi: 'Ngày làm việc bù', en: 'Compensatory working day' },
      },
      { name: 'isVerified', type: 'checkbox', defaultValue: false, label: { vi: 'Đã đối chiếu thông báo nghỉ lễ của Chính phủ', en: 'Verified' } },
      { name: 'source', type: 'text', label: { vi: 'Nguồn', en: 'Source' } },
    ],
    labels: { plural: { vi: 'Ngày nghỉ lễ', en: 'Holidays' }, singular: { vi: 'Ngày nghỉ lễ', en: 'Holiday' } },
  },
})
