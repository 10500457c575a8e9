/**
 * A round's own hooks: deadlines (opening, submission, review, decision, each report to a superior)
 * computed from their rules and the year, plan timings written as a
 * province writes them, one team lead at most, status changes checked by the core, and every status
 * change and per-unit deadline extension recorded in the audit trail.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { ValidationError } from 'payload'

import { checkRoundTransition, deadlineRuleSchema, describeDeadline, describeOpening, describePlanTiming, formatIssuePath, regimeDeadlineDefaults, roundStatusLabels } from '@criteria/index'
import type { Issue } from '@criteria/index'
import { writeAuditEvent } from '@hooks/audit'
import { emitDomainEvent } from '@hooks/events'

import { relationId } from '../access/roles'
import { roundTierIssues } from '../catalogues'
import { unsettledSetsOnOpening } from '../criteria-sets/settledGate'
import { toIsoDay } from '../dates'
import { deadlineKeys, ruleOf, type DeadlineGroup } from './fields'

type PlanRow = { start?: string | null; due?: string | null; kind?: string | null; timing?: string | null }
type TeamRow = { user?: unknown; role?: string | null }
type ExtensionRow = { unit?: unknown; until?: string | null; reason?: string | null }
type RoundData = {
  authority?: unknown
  criteriaSets?: unknown[] | null
  deadlines?: Partial<Record<(typeof deadlineKeys)[number], DeadlineGroup>> | null
  extensions?: ExtensionRow[] | null
  plan?: PlanRow[] | null
  reportDeadlines?: (DeadlineGroup & { recipient?: string | null })[] | null
  status?: string | null
  team?: TeamRow[] | null
  year?: number | null
}

const contextKey = (id: unknown) => `roundChange:${String(id ?? 'new')}`

/**
 * A deadline row with its date for the round's year written out (`text`), or its problems added to
 * `issues` at `path`: a day without its month (or the reverse), a date that does not exist.
 */
const withDeadlineText = <G extends DeadlineGroup>({ describe, group, issues, path, year }: { describe: typeof describeDeadline; group: G; issues: Issue[]; path: (string | number)[]; year: number }): G => {
  const hasDay = group.day != null
  const hasMonth = group.month != null
  if (hasDay !== hasMonth) {
    issues.push({ code: 'incomplete-deadline', message: 'Cần nhập cả ngày và tháng của hạn, hoặc để trống cả hai.', path: [...path, hasDay ? 'month' : 'day'], severity: 'error' })
  }
  const rule = ruleOf(group)
  if (!rule) return { ...group, text: '' }
  const parsed = deadlineRuleSchema.safeParse(rule)
  if (!parsed.success) {
    for (const problem of parsed.error.issues) issues.push({ code: 'invalid-deadline', message: problem.message, path: [...path, ...problem.path.map(String)], severity: 'error' })
  }
  return { ...group, text: parsed.success && Number.isInteger(year) ? describe({ rule: parsed.data, year }) : '' }
}

const fail = (issues: Issue[], req: Parameters<CollectionBeforeChangeHook>[0]['req']): never => {
  throw new ValidationError({ collection: 'rounds', errors: issues.map((issue) => ({ message: issue.message, path: formatIssuePath({ path: issue.path }) })), req }, req.t)
}

export const prepareRound: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data } as RoundData
  const issues: Issue[] = []
  const year = Number(merged.year)

  // an empty submission or decision deadline takes the default of the regime its sets follow
  const setIds = (merged.criteriaSets ?? []).map(relationId).filter((id): id is number | string => id !== null)
  const firstSet = setIds.length === 0 ? null : (await req.payload.find({ collection: 'criteria-sets', depth: 0, limit: 1, overrideAccess: true, pagination: false, req, select: { regime: true, tier: true }, where: { id: { in: setIds } } })).docs[0]
  const defaults = regimeDeadlineDefaults({ regime: firstSet?.regime ?? null, tier: firstSet?.tier ?? (merged as { tier?: string | null }).tier ?? null })

  const deadlines: Record<string, DeadlineGroup> = {}
  for (const key of deadlineKeys) {
    const group: DeadlineGroup = { ...(merged.deadlines?.[key] ?? {}) }
    const fallback = key === 'submission' || key === 'decision' ? defaults[key] : undefined
    if (fallback && group.day == null && group.month == null) Object.assign(group, { day: fallback.day, kind: fallback.kind, month: fallback.month, yearOffset: String(fallback.yearOffset) })
    deadlines[key] = withDeadlineText({ describe: key === 'opening' ? describeOpening : describeDeadline, group, issues, path: ['deadlines', key], year })
  }
  data.deadlines = deadlines
  // each report to a superior is a rule like the others (Hưng Yên: 30/4 to the Sở, 31/5 to the province)
  data.reportDeadlines = (merged.reportDeadlines ?? []).map((row, index) => withDeadlineText({ describe: describeDeadline, group: { ...row }, issues, path: ['reportDeadlines', index], year }))

  if (data.plan) {
    data.plan = (data.plan as PlanRow[]).map((row, index) => {
      const start = toIsoDay(row.start)
      const due = toIsoDay(row.due)
      if (start && due && start > due) {
        issues.push({ code: 'plan-dates', message: `Dòng ${index + 1} của kế hoạch: ngày bắt đầu sau ngày hoàn thành.`, path: ['plan', index, 'start'], severity: 'error' })
      }
      return { ...row, timing: describePlanTiming({ due, kind: row.kind, start }) }
    })
  }

  issues.push(...(await roundTierIssues({ criteriaSets: merged.criteriaSets, req, tier: (merged as { tier?: unknown }).tier })))

  const leads = (merged.team ?? []).filter((member) => member.role === 'truong-doan').length
  if (leads > 1) issues.push({ code: 'two-team-leads', message: 'Đoàn đánh giá chỉ có một trưởng đoàn.', path: ['team'], severity: 'error' })

  const from = operation === 'create' ? 'draft' : String(originalDoc?.status ?? 'draft')
  const to = String(merged.status ?? 'draft')
  if (from !== to) {
    const setIds = (merged.criteriaSets ?? []).map(relationId).filter((id): id is number | string => id !== null)
    const { docs: sets } =
      setIds.length === 0
        ? { docs: [] }
        : await req.payload.find({ collection: 'criteria-sets', depth: 0, limit: 0, pagination: false, req, select: { code: true, _status: true }, where: { id: { in: setIds } } })
    issues.push(
      ...checkRoundTransition({
        criteriaSets: sets.map((set) => ({ code: set.code, isPublished: set._status === 'published' })),
        from,
        hasSubmissionDeadline: ruleOf(deadlines.submission) !== null,
        to,
      }),
    )
    issues.push(...(await unsettledSetsOnOpening({ criteriaSets: merged.criteriaSets, from, req, to })))
  }

  if (issues.length > 0) fail(issues, req)
  req.context[contextKey(originalDoc?.id)] = { from, to }
  return data
}

const extensionsByUnit = (rows: ExtensionRow[] | null | undefined) =>
  new Map((rows ?? []).map((row) => [String(relationId(row.unit)), { reason: row.reason ?? '', until: toIsoDay(row.until) }]))

export const auditRound: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const change = req.context[contextKey(operation === 'create' ? undefined : doc.id)] as { from: string; to: string } | undefined
  const authority = relationId(doc.authority)
  if (change && change.from !== change.to) {
    const label = (status: string) => (roundStatusLabels as Record<string, string>)[status] ?? status
    await writeAuditEvent({
      event: { action: 'round-status', authority, collection: 'rounds', comment: `${label(change.from)} → ${label(change.to)}`, docId: doc.id, from: change.from, round: doc.id, to: change.to },
      req,
    })
  }
  if (change && change.from !== change.to && change.to === 'open') await emitDomainEvent({ event: { round: doc.id, type: 'round.opened' }, req })
  const membersBefore = new Set((operation === 'create' ? [] : (previousDoc?.team ?? [])).map((row: { user?: unknown }) => String(relationId(row.user))))
  const joined = ((doc.team ?? []) as { user?: unknown; role?: string | null }[])
    .filter((row) => relationId(row.user) !== null && !membersBefore.has(String(relationId(row.user))))
    .map((row) => ({ role: row.role ?? '', user: Number(relationId(row.user)) }))
  if (joined.length > 0) await emitDomainEvent({ event: { members: joined, round: doc.id, type: 'round.team-assigned' }, req })
  const before = extensionsByUnit(operation === 'create' ? [] : previousDoc?.extensions)
  for (const [unit, extension] of extensionsByUnit(doc.extensions)) {
    const previous = before.get(unit)
    if (previous && previous.until === extension.until && previous.reason === extension.reason) continue
    await writeAuditEvent({
      event: {
        action: 'extend-deadline',
        authority,
        collection: 'rounds',
        comment: extension.reason,
        docId: doc.id,
        from: previous?.until ?? null,
        round: doc.id,
        to: extension.until,
        unit,
      },
      req,
    })
    if (extension.until) await emitDomainEvent({ event: { reason: extension.reason, round: doc.id, type: 'round.deadline-extended', unit: Number(unit), until: extension.until }, req })
  }
  return doc
}

/** A round that units have started is history: it is closed, never deleted. */
export const keepStartedRounds: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'self-assessments', overrideAccess: true, req, where: { round: { equals: id } } })
  if (totalDocs > 0) {
    throw new ValidationError({ collection: 'rounds', errors: [{ message: `Đợt đánh giá đã có ${totalDocs} hồ sơ tự đánh giá, không xóa được; hãy chuyển sang «Đã kết thúc».`, path: 'status' }], req }, req.t)
  }
}
