/**
 * Loads the demo province (seed/demo) and the national criteria sets through the Local API. Idempotent: rows are found by code
 * or e-mail and created only when missing, so a second run changes nothing and an admin's edits
 * to demo rows are kept.
 */
import type { Payload, PayloadRequest } from 'payload'

import { fromIsoDay, todayInVietnam } from '@collections/dates'
import { shiftIsoDateByYears } from '@criteria/rounds'
import { demoAuthorities, demoPassword, demoUnits, demoUsers } from '@seed/demo/province'
import { demoRound, demoRoundSourceYear } from '@seed/demo/round'

import { loadCriteriaSets } from './loadCriteriaSets'

export type SeedSummary = { authorities: number; criteriaSets: number; rounds: number; units: number; users: number }

export const loadDemo = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }): Promise<SeedSummary> => {
  const created: SeedSummary = { authorities: 0, criteriaSets: await loadCriteriaSets({ payload, req }), rounds: 0, units: 0, users: 0 }
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
  created.rounds = await loadDemoRound({ authorityIds, payload, req, year: Number(todayInVietnam(new Date()).slice(0, 4)) })
  return created
}

/** The open demo round for evaluation year `year` (this year: its submission deadline is ahead). */
const loadDemoRound = async ({ authorityIds, payload, req, year }: { authorityIds: Map<string, number>; payload: Payload; req?: Partial<PayloadRequest>; year: number }) => {
  const title = demoRound.title.replace('{year}', String(year))
  const found = await payload.find({ collection: 'rounds', depth: 0, limit: 1, req, where: { title: { equals: title } } })
  if (found.docs[0]) return 0
  const sets = await payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, req, where: { code: { in: [...demoRound.criteriaSetCodes] } } })
  const lead = await payload.find({ collection: 'users', depth: 0, limit: 1, req, where: { email: { equals: demoRound.teamLeadEmail } } })
  const shift = (date: string | undefined) => {
    const day = date ? shiftIsoDateByYears({ date, years: year - demoRoundSourceYear }) : null
    return day ? fromIsoDay(day) : null
  }
  await payload.create({
    collection: 'rounds',
    data: {
      authority: authorityIds.get(demoRound.authorityCode) as number,
      criteriaSets: demoRound.criteriaSetCodes.map((code) => sets.docs.find((set) => set.code === code)?.id).filter((id): id is number => id !== undefined),
      reportDeadlines: demoRound.reportDeadlines.map((row) => ({ ...row })),
      plan: demoRound.plan.map((row) => ({ ...row, due: shift(row.due), start: shift('start' in row ? row.start : undefined) })),
      status: 'open',
      team: lead.docs[0] ? [{ role: 'truong-doan', user: lead.docs[0].id }] : [],
      tier: demoRound.tier,
      title,
      year,
    },
    req,
  })
  return 1
}
