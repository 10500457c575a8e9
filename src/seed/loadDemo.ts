/**
 * Loads the demo province (seed/demo) and the national criteria sets through the Local API. Idempotent: rows are found by code
 * or e-mail and created only when missing, so a second run changes nothing and an admin's edits
 * to demo rows are kept. The national sets keep the law's unknowns empty, so no round could open on
 * them: the demo province has its own copies of the district sets, every unsettled indicator
 * confirmed by its (illustrative, clearly marked) guide, and its round runs on those copies. Two
 * earlier years of closed rounds and issued decisions (loadDemoHistory.ts) fill the public register;
 * they are loaded before the open round, so that lists in their default order (newest first) show
 * the open round first.
 */
import type { Payload, PayloadRequest } from 'payload'

import { fromCriteriaSetInput } from '@collections/criteria-sets/toCriteriaSet'
import { fromIsoDay, todayInVietnam } from '@collections/dates'
import { shiftIsoDateByYears } from '@criteria/rounds'
import { criteriaSetInputs } from '@seed/criteria'
import { scaleLabels } from '@seed/criteria/scaleLabels'
import { demoAuthorities, demoGuide, demoPassword, demoSetCopies, demoUnits, demoUsers } from '@seed/demo/province'
import { demoRound, demoRoundSourceYear } from '@seed/demo/round'

import { loadCriteriaSets } from './loadCriteriaSets'
import { loadDefaultTemplates } from './loadDefaultTemplates'
import { loadDemoHistory } from './loadDemoHistory'
import { own } from './ownRequest'

export type SeedSummary = { authorities: number; criteriaSets: number; decisions: number; recognitions: number; rounds: number; units: number; users: number }

export const loadDemo = async ({ payload, req }: { payload: Payload; req?: Partial<PayloadRequest> }): Promise<SeedSummary> => {
  const created: SeedSummary = { authorities: 0, criteriaSets: await loadCriteriaSets({ payload, req: own(req) }), decisions: 0, recognitions: 0, rounds: 0, units: 0, users: 0 }
  const authorityIds = new Map<string, number>()
  for (const authority of demoAuthorities) {
    const found = await payload.find({ collection: 'authorities', depth: 0, limit: 1, req: own(req), where: { code: { equals: authority.code } } })
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
      req: own(req),
    })
    authorityIds.set(authority.code, doc.id)
    created.authorities += 1
  }

  const unitIds = new Map<string, number>()
  for (const unit of demoUnits) {
    const found = await payload.find({ collection: 'units', depth: 0, limit: 1, req: own(req), where: { code: { equals: unit.code } } })
    if (found.docs[0]) {
      unitIds.set(unit.code, found.docs[0].id)
      continue
    }
    const authority = authorityIds.get(unit.authorityCode)
    if (authority === undefined) throw new Error(`Dữ liệu mẫu: đơn vị ${unit.code} thuộc cấp quản lý ${unit.authorityCode} không tồn tại.`)
    const { authorityCode: _authorityCode, ...fields } = unit
    const doc = await payload.create({ collection: 'units', data: { ...fields, authority, isActive: true }, req: own(req) })
    unitIds.set(unit.code, doc.id)
    created.units += 1
  }

  for (const user of demoUsers) {
    const found = await payload.find({ collection: 'users', depth: 0, limit: 1, req: own(req), where: { email: { equals: user.email } } })
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
      req: own(req),
    })
    created.users += 1
  }
  const { copies, guide } = await loadDemoSets({ authorityIds, payload, req })
  created.criteriaSets += copies
  const today = todayInVietnam(new Date())
  const year = Number(today.slice(0, 4))
  const history = await loadDemoHistory({ authorityIds, demoYear: year, guideId: guide.id, payload, req, today, unitIds })
  created.decisions = history.decisions
  created.recognitions = history.recognitions
  created.rounds = history.rounds + (await loadDemoRound({ authorityIds, guide, payload, req, year }))
  // the default paper templates, as rows an admin can download and replace (not counted: not demo data)
  await loadDefaultTemplates({ payload, req })
  return created
}

/** The wording of an indicator whose value the seed leaves open ("…"), with the value the copy takes. */
const withValue = ({ text, measure, value }: { text: string; measure: string; value: string | undefined }) => {
  if (value === undefined) return text
  if (measure === 'ratio') return text.replace('…%', value)
  if (measure === 'rank') return text.replace('“…”', `“${scaleLabels[value] ?? value}”`)
  return text
}

/** The demo guide and the demo province's confirmed copies of the district sets; counts the copies made. */
const loadDemoSets = async ({ authorityIds, payload, req }: { authorityIds: Map<string, number>; payload: Payload; req?: Partial<PayloadRequest> }) => {
  const authority = authorityIds.get(demoGuide.authorityCode) as number
  const found = await payload.find({ collection: 'legal-documents', depth: 0, limit: 1, req: own(req), where: { and: [{ number: { equals: demoGuide.number } }, { authority: { equals: authority } }] } })
  const guide =
    found.docs[0] ??
    (await payload.create({
      collection: 'legal-documents',
      data: { authority, issuedOn: fromIsoDay(demoGuide.issuedOn), issuer: demoGuide.issuer, kind: demoGuide.kind, number: demoGuide.number, title: demoGuide.title },
      req: own(req),
    }))
  let copies = 0
  for (const copy of demoSetCopies) {
    const exists = await payload.count({ collection: 'criteria-sets', req: own(req), where: { code: { equals: copy.code } } })
    if (exists.totalDocs > 0) continue
    const input = criteriaSetInputs.find((entry) => entry.code === copy.from)
    if (!input) throw new Error(`Dữ liệu mẫu: không có bộ tiêu chí ${copy.from} để sao.`)
    const doc = fromCriteriaSetInput({ input: { ...input, code: copy.code, title: `${input.title} — bản của tỉnh Cao Bằng (demo, ngưỡng minh họa)` }, scaleLabels })
    const criteria = doc.criteria.map((criterion) => ({
      ...criterion,
      indicators: criterion.indicators.map((indicator) => {
        if (indicator.isVerified) return indicator
        const value = copy.values[indicator.code]
        // confirmed by the guide; the server stamps what it confirms (criteria-sets/confirmations.ts)
        return { ...indicator, confirmation: { document: guide.id }, text: withValue({ measure: indicator.measure, text: indicator.text, value }), threshold: value ?? indicator.threshold }
      }),
    }))
    await payload.create({ collection: 'criteria-sets', data: { ...doc, _status: 'published', authority, criteria } as never, req: own(req) })
    copies += 1
  }
  return { copies, guide }
}

/** The open demo round for evaluation year `year` (this year: its submission deadline is ahead). */
const loadDemoRound = async ({ authorityIds, guide, payload, req, year }: { authorityIds: Map<string, number>; guide: { id: number }; payload: Payload; req?: Partial<PayloadRequest>; year: number }) => {
  const title = demoRound.title.replace('{year}', String(year))
  const found = await payload.find({ collection: 'rounds', depth: 0, limit: 1, req: own(req), where: { title: { equals: title } } })
  if (found.docs[0]) return 0
  // the round runs on the demo province's confirmed copies of the sets it names
  const setCodes = demoRound.criteriaSetCodes.map((code) => demoSetCopies.find((copy) => copy.from === code)?.code ?? code)
  const sets = await payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, req: own(req), where: { code: { in: setCodes } } })
  const lead = await payload.find({ collection: 'users', depth: 0, limit: 1, req: own(req), where: { email: { equals: demoRound.teamLeadEmail } } })
  const shift = (date: string | undefined) => {
    const day = date ? shiftIsoDateByYears({ date, years: year - demoRoundSourceYear }) : null
    return day ? fromIsoDay(day) : null
  }
  await payload.create({
    collection: 'rounds',
    data: {
      authority: authorityIds.get(demoRound.authorityCode) as number,
      basis: [guide.id],
      criteriaSets: setCodes.map((code) => sets.docs.find((set) => set.code === code)?.id).filter((id): id is number => id !== undefined),
      reportDeadlines: demoRound.reportDeadlines.map((row) => ({ ...row })),
      plan: demoRound.plan.map((row) => ({ ...row, due: shift(row.due), start: shift('start' in row ? row.start : undefined) })),
      status: 'open',
      team: lead.docs[0] ? [{ role: 'truong-doan', user: lead.docs[0].id }] : [],
      tier: demoRound.tier,
      title,
      year,
    },
    req: own(req),
  })
  return 1
}
