/**
 * Loads the demo province (seed/demo) and the national criteria sets through the Local API. Idempotent: rows are found by code
 * or e-mail and created only when missing, so a second run changes nothing and an admin's edits
 * to demo rows are kept.
 */
import type { Payload, PayloadRequest } from 'payload'

import { demoAuthorities, demoPassword, demoUnits, demoUsers } from '@seed/demo/province'

import { loadCriteriaSets } from './loadCriteriaSets'

export type SeedSummary = { authorities: number; criteriaSets: number; units: number; users: number }

export const loadDemo = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }): Promise<SeedSummary> => {
  const created: SeedSummary = { authorities: 0, criteriaSets: await loadCriteriaSets({ payload, req }), units: 0, users: 0 }
  const authorityIds = new Map<string, number>()
  for (const authority of demoAuthorities) {
    const found = await payload.find({ collection: 'authorities', depth: 0, limit: 1, req, where: { code: { equals: authority.code } } })
    if (found.docs[0]) {
      authorityIds.set(authority.code, found.docs[0].id)
      continue
    }
    const parentId = authority.parentCode ? authorityIds.get(authority.parentCode) : undefined
    const doc = await payload.create({
      collection: 'authorities',
      data: {
        code: authority.code,
        deciderTitle: authority.deciderTitle,
        name: authority.name,
        parent: parentId ?? null,
        receivingOffice: authority.receivingOffice,
        tierLabel: authority.tierLabel,
      },
      req,
    })
    authorityIds.set(authority.code, doc.id)
    created.authorities += 1
  }

  const unitIds = new Map<string, number>()
  for (const unit of demoUnits) {
    const found = await payload.find({ collection: 'units', depth: 0, limit: 1, req, where: { code: { equals: unit.code } } })
    if (found.docs[0]) {
      unitIds.set(unit.code, found.docs[0].id)
      continue
    }
    const authority = authorityIds.get(unit.authorityCode)
    if (authority === undefined) throw new Error(`Dữ liệu mẫu: đơn vị ${unit.code} thuộc cấp quản lý ${unit.authorityCode} không tồn tại.`)
    const { authorityCode: _authorityCode, ...fields } = unit
    const doc = await payload.create({ collection: 'units', data: { ...fields, authority, isActive: true }, req })
    unitIds.set(unit.code, doc.id)
    created.units += 1
  }

  for (const user of demoUsers) {
    const found = await payload.find({ collection: 'users', depth: 0, limit: 1, req, where: { email: { equals: user.email } } })
    if (found.docs[0]) continue
    await payload.create({
      collection: 'users',
      data: {
        authority: user.authorityCode ? authorityIds.get(user.authorityCode) : undefined,
        email: user.email,
        name: user.name,
        password: demoPassword,
        roles: [user.role],
        unit: user.unitCode ? unitIds.get(user.unitCode) : undefined,
      },
      req,
    })
    created.users += 1
  }
  return created
}
