/**
 * A workflow transition as its own small write (issue 10). DESIGN.md keeps `PATCH
 * /api/self-assessments/{id}` with `status` alone (and `returnReason` for a return) as the way in;
 * this endpoint answers that request before Payload's own update does, and does only what a
 * transition needs, in one short transaction under the row lock:
 *
 *   lock the row → read status, relations, the stored answers, dossier slots and result → check the
 *   transition with the core (criteria/workflow.ts, criteria/submission.ts, criteria/dossier.ts) against the stored result → write
 *   status and the step's fields → one audit row → commit.
 *
 * The answer rows are neither re-saved nor re-evaluated: they cannot change in a transition, and
 * the result stored with them is what the core computed on their last save. No version is written
 * either: versions keep the states of the answers, which a transition does not change; the audit
 * row records the transition.
 *
 * Everything else goes on to Payload's update unchanged: a body with any other field, a multipart
 * form, query options beyond `depth`, a request without a user — and any transition this path would
 * refuse. Refusals are left to the save path (hooks.ts), which reports them field by field; so the
 * two ways of taking a transition can never disagree on what is refused or on its message.
 */
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { commitTransaction, headersWithCors, initTransaction, killTransaction } from 'payload'

import { checkTransition, type EvaluationReport } from '@criteria/index'
import { lockRow } from '@hooks/lockRow'

import { heldCapacities } from '../access/capacities'
import { relationId } from '../access/roles'
import { todayInVietnam } from '../dates'
import { canUpdateSelfAssessments } from './access'
import { selfAssessmentInput } from './input'
import { announceStep, submissionProblems, teamResultFields, writeStep } from './steps'
import { nextSlots, sameSlots } from './dossierSlots'
import { storedAnswerRows, storedDossierSlots, storedRoundForSubmission } from './storedRows'

const slug = 'self-assessments'

/** The statuses a user's PATCH may ask for here; recognition is the decision's own step. */
const fastTargets = new Set(['draft', 'submitted', 'in-review', 'returned', 'reviewed'])

type Wanted = { to: string; reason: string | null }

/** `{ status }` or `{ status: 'returned', returnReason }` and nothing else, well formed; otherwise null. */
export const pureTransition = (body: unknown): Wanted | null => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const keys = Object.keys(body)
  if (!keys.includes('status') || keys.some((key) => key !== 'status' && key !== 'returnReason')) return null
  const parsed = selfAssessmentInput.safeParse(body)
  if (!parsed.success || typeof parsed.data.status !== 'string' || !fastTargets.has(parsed.data.status)) return null
  const reason = parsed.data.returnReason ?? null
  if (reason !== null && parsed.data.status !== 'returned') return null
  return { reason, to: parsed.data.status }
}

type Stored = {
  id: number
  status: string
  authority?: unknown
  round?: unknown
  unit?: unknown
  criteriaSet?: unknown
  result?: unknown
}

/**
 * Takes the transition and returns true, or returns false having written nothing (the caller then
 * hands the request to Payload's update).
 */
const takeTransition = async ({ id, req, wanted }: { id: number; req: PayloadRequest; wanted: Wanted }): Promise<boolean> => {
  const { user } = req
  if (!user) return false
  const access = await canUpdateSelfAssessments({ id, req })
  if (access === false) return false
  const shouldCommit = await initTransaction(req)
  const giveUp = async () => {
    await killTransaction(req)
    return false
  }
  try {
    await lockRow({ id, req, table: 'self_assessments' })
    const where: Where = access === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, access] }
    const stored = (await req.payload.db.findOne({
      collection: slug,
      req,
      // the row itself only: no join; the answer rows are read below when the step needs them
      select: {
        authority: true,
        criteriaSet: true,
        result: true,
        round: true,
        status: true,
        unit: true,
      },
      where,
    })) as Stored | null
    if (!stored || stored.status === wanted.to) return giveUp()
    const roundId = relationId(stored.round)
    const unitId = relationId(stored.unit)
    if (roundId === null || unitId === null) return giveUp()

    const held = await heldCapacities({ authority: relationId(stored.authority), operation: 'update', req, round: roundId, unit: unitId })
    if (!checkTransition({ from: stored.status, reason: wanted.reason, roles: held, to: wanted.to }).ok) return giveUp()

    const now = new Date()
    const data: Record<string, unknown> = {}
    if (wanted.to === 'submitted') {
      // one after the other: inside the transaction they share one connection
      const round = await storedRoundForSubmission({ id: Number(roundId), req })
      const rows = await storedAnswerRows({ id, req })
      const report = stored.result as EvaluationReport | null
      if (!round || !report || typeof report !== 'object') return giveUp()
      // slots behind the round's checklist (changed since the unit's last save) are brought in step
      // by the save path, which writes them; here they are only read
      const { before: slots, slots: synced } = nextSlots({ dossier: round.dossier, sent: [], stored: await storedDossierSlots({ id, req }) })
      if (!sameSlots({ a: synced, b: slots })) return giveUp()
      const problems = submissionProblems({ hasUser: true, report, round, rows, slots, today: todayInVietnam(now), unitId })
      if (problems.length > 0) return giveUp()
      data.submittedAt = now.toISOString()
      data.submittedBy = typeof user.id === 'number' ? user.id : null
    }
    if (wanted.to === 'returned') data.returnReason = (wanted.reason ?? '').trim()
    // once the completed dossier is accepted, the old reason no longer applies (the audit trail keeps it)
    if (wanted.to === 'in-review') data.returnReason = null
    if (wanted.to === 'reviewed') {
      const team = await teamResultFields({ req, sa: { answers: await storedAnswerRows({ id, req }), criteriaSet: stored.criteriaSet, id, round: stored.round, unit: stored.unit } })
      if (!team.fields) return giveUp()
      Object.assign(data, team.fields)
    }

    await writeStep({ comment: wanted.to === 'returned' ? (data.returnReason as string) : null, dossier: { ...stored, id }, fields: data, req, roles: held, to: wanted.to })
    // the step's messages go into the outbox in the step's own transaction, on its connection (each
    // listener under a savepoint): sent once committed, never lost, and no second transaction to
    // queue for behind the other submissions of a deadline's crush before the unit is answered
    await announceStep({ dossier: { ...data, id, unit: stored.unit } as Parameters<typeof announceStep>[0]['dossier'], req, to: wanted.to })
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  return true
}

/** Payload's own `PATCH /:id` of the collection: the next endpoint after this one that matches. */
const payloadUpdate = ({ req }: { req: PayloadRequest }) => {
  const endpoints = req.payload.collections[slug].config.endpoints || []
  const own = endpoints.find((endpoint) => endpoint.method === 'patch' && endpoint.path === '/:id' && !endpoint.custom?.isTransition)
  if (!own) throw new Error('Payload update endpoint of self-assessments not found')
  return own.handler(req)
}

/**
 * The query options this path answers like Payload's update: `depth`, and `select` of top-level
 * fields (`select[status]=true`, as the sidebar's buttons ask, which only need the status back).
 * Anything else (locale, draft, populate, nested select …) goes to Payload's update.
 */
const queryOptions = (url: string | undefined) => {
  const params = new URL(url ?? '', 'http://localhost').searchParams
  const depth = params.get('depth')
  const select: Record<string, true> = {}
  for (const [key, value] of params) {
    const field = /^select\[([A-Za-z]+)\]$/.exec(key)?.[1]
    if (field && value === 'true') select[field] = true
    else if (key !== 'depth') return null
  }
  if (depth !== null && !/^[0-9]$/.test(depth)) return null
  return { depth: depth === null ? undefined : Number(depth), select: Object.keys(select).length > 0 ? select : undefined }
}

export const transitionEndpoint: Endpoint = {
  custom: { isTransition: true },
  handler: async (req) => {
    const id = Number(req.routeParams?.id)
    const query = queryOptions(req.url)
    const isJson = (req.headers.get('Content-Type') ?? '').split(';', 1)[0].trim() === 'application/json'
    if (!req.user || !isJson || !query || !Number.isSafeInteger(id) || id <= 0 || typeof req.text !== 'function') return payloadUpdate({ req })
    const text = await req.text()
    // Payload's handler reads the body again when this one hands the request on
    req.text = () => Promise.resolve(text)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return payloadUpdate({ req })
    }
    const wanted = pureTransition(body)
    if (!wanted || !(await takeTransition({ id, req, wanted }))) return payloadUpdate({ req })
    const doc = await req.payload.findByID({ collection: slug, depth: query.depth, id, overrideAccess: false, req, select: query.select })
    return Response.json({ doc, message: req.t('general:updatedSuccessfully') }, { headers: headersWithCors({ headers: new Headers(), req }), status: 200 })
  },
  method: 'patch',
  path: '/:id',
}
