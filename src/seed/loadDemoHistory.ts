/**
 * Loads the demo's two earlier years (seed/demo/history.ts) through the product's own steps, so that
 * every hook runs and the audit trail records them: a round opened on the demo province's copies of
 * the district sets; each unit's dossier started, answered (every applicable indicator met) and
 * submitted; the authority-admin moves the round to review and accepts each dossier; the team lead
 * reviews it, all Đạt, and closes the review; the authority-admin drafts the decision, which fills in
 * the units the team found met, then issues it (the register rows, with the validity and the level-2
 * prerequisite checks of the sets' rules), and closes the round.
 *
 * Two things the product would not let a person do, the seed does as the system, and says so here:
 * the units have no accounts of their own, so their steps (start, answer, submit) are taken without a
 * user, as any system step is (held neither to the opening day nor to the deadline, long past); and a
 * submission is stamped with the day it is made, so the seed then writes the application day of the
 * history (`submittedAt`) straight to the row before the decision reads it — the level-2 wait is
 * measured at that day. The earlier rounds have no paper checklist: the demo keeps no papers of
 * years gone by. Idempotent: a round found by its title is left as it is.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { SelfAssessment, User } from '@/payload-types'
import { fromIsoDay } from '@collections/dates'
import { recognitionSchema, type RecognitionRule } from '@criteria/schema'
import { silentNotifications } from '@hooks/events'
import { criteriaSetInputs } from '@seed/criteria'
import { demoHistory } from '@seed/demo/history'
import { demoSetCopies } from '@seed/demo/province'

import { planDemoHistory } from './demoHistory'
import { own } from './ownRequest'

export type HistorySummary = { decisions: number; recognitions: number; rounds: number }

type Rows = NonNullable<SelfAssessment['answers']>

/** Every applicable row answered so that it is met: all members counted, the top of each scale, a note where evidence is asked. */
const metAnswers = (rows: Rows): Rows =>
  rows.map((row) => {
    if (!row.isApplicable) return row
    const scale = (row.scale as { code: string }[] | null) ?? []
    return {
      ...row,
      explanation: row.evidenceRequired ? 'Hồ sơ minh chứng lưu tại văn phòng đơn vị.' : row.explanation,
      numerator: row.measure === 'ratio' ? row.denominator : row.numerator,
      points: row.measure === 'points' ? row.maxPoints : row.points,
      rank: row.measure === 'rank' ? (scale.at(-1)?.code ?? null) : row.rank,
      yesNo: row.measure === 'boolean' ? ('yes' as const) : row.yesNo,
    }
  })

export const loadDemoHistory = async ({
  authorityIds,
  guideId,
  payload,
  req: callerReq,
  demoYear,
  today,
  unitIds,
}: {
  authorityIds: Map<string, number>
  guideId: number
  payload: Payload
  req?: Partial<PayloadRequest>
  demoYear: number
  today: string
  unitIds: Map<string, number>
}): Promise<HistorySummary> => {
  // past years' rounds, returns and decisions are history: nobody is notified of them today
  const req: Partial<PayloadRequest> = { ...callerReq, context: { ...callerReq?.context, [silentNotifications]: true } }
  const created: HistorySummary = { decisions: 0, recognitions: 0, rounds: 0 }
  // the demo province's copy of the district set of each level, and that set's recognition rule
  const setIds = new Map<number, number>()
  const rules = {} as Record<1 | 2, RecognitionRule>
  for (const copy of demoSetCopies) {
    const input = criteriaSetInputs.find((entry) => entry.code === copy.from)
    const level = input?.level
    if (level !== 1 && level !== 2) continue
    const found = await payload.find({ collection: 'criteria-sets', depth: 0, limit: 1, req: own(req), where: { code: { equals: copy.code } } })
    if (found.docs[0]) setIds.set(level, found.docs[0].id)
    rules[level] = recognitionSchema.parse(input?.recognition)
  }
  const users = new Map<string, User & { collection: 'users' }>()
  const userOf = async (email: string) => {
    if (!users.has(email)) {
      const found = await payload.find({ collection: 'users', depth: 0, limit: 1, req: own(req), where: { email: { equals: email } } })
      if (!found.docs[0]) throw new Error(`Dữ liệu mẫu: không có tài khoản ${email}.`)
      users.set(email, { ...found.docs[0], collection: 'users' })
    }
    return users.get(email) as User & { collection: 'users' }
  }
  const as = async (email: string) => ({ depth: 0, overrideAccess: false, req: own(req), user: await userOf(email) })

  for (const round of planDemoHistory({ demoYear, history: demoHistory, rules, today })) {
    const title = round.title.replace('{year}', String(round.year))
    const found = await payload.count({ collection: 'rounds', req: own(req), where: { title: { equals: title } } })
    if (found.totalDocs > 0) continue
    const lead = await userOf(round.teamLeadEmail)
    const roundDoc = await payload.create({
      collection: 'rounds',
      data: {
        authority: authorityIds.get(round.authorityCode) as number,
        basis: [guideId],
        criteriaSets: [...setIds.values()],
        dossier: [],
        status: 'open',
        team: [{ role: 'truong-doan', user: lead.id }],
        tier: 'huyen',
        title,
        year: round.year,
      },
      depth: 0,
      req: own(req),
    })
    created.rounds += 1

    // the units apply (system steps: the demo's units have no accounts)
    const dossiers: SelfAssessment[] = []
    for (const dossier of round.dossiers) {
      const unit = unitIds.get(dossier.unitCode)
      if (unit === undefined) throw new Error(`Dữ liệu mẫu: không có đơn vị ${dossier.unitCode}.`)
      const draft = await payload.create({ collection: 'self-assessments', data: { criteriaSet: setIds.get(dossier.level) as number, round: roundDoc.id, status: 'draft', unit }, depth: 0, req: own(req) })
      const submitted = await payload.update({ collection: 'self-assessments', data: { answers: metAnswers(draft.answers ?? []), status: 'submitted' }, depth: 0, id: draft.id, req: own(req) })
      // the application day of the history (09:30 in Vietnam), which the level-2 wait is measured at
      await payload.db.updateOne({ collection: 'self-assessments', data: { submittedAt: `${dossier.submittedOn}T02:30:00.000Z` }, id: draft.id, req: own(req), returning: false })
      dossiers.push(submitted)
    }

    // the authority takes the dossiers in; the team reviews them, all met, and the lead closes each review
    await payload.update({ collection: 'rounds', data: { status: 'reviewing' }, id: roundDoc.id, ...(await as(round.actorEmail)) })
    for (const dossier of dossiers) {
      await payload.update({ collection: 'self-assessments', data: { status: 'in-review' }, id: dossier.id, ...(await as(round.actorEmail)) })
      const verdicts = (dossier.answers ?? []).filter((row) => row.isApplicable).map((row) => ({ indicator: row.indicator, verdict: 'met' as const }))
      await payload.create({ collection: 'reviews', data: { recommendation: 'recognise', selfAssessment: dossier.id, verdicts }, ...(await as(round.teamLeadEmail)) })
      await payload.update({ collection: 'self-assessments', data: { status: 'reviewed' }, id: dossier.id, ...(await as(round.teamLeadEmail)) })
    }

    // the decision: drafted (it lists what the team found met), then issued on its day
    const draft = await payload.create({ collection: 'decisions', data: { round: roundDoc.id, status: 'draft' }, ...(await as(round.actorEmail)) })
    await payload.update({
      collection: 'decisions',
      data: { number: round.decision.number, signedOn: fromIsoDay(round.decision.signedOn), status: 'issued' },
      id: draft.id,
      ...(await as(round.actorEmail)),
    })
    created.decisions += 1
    created.recognitions += (await payload.count({ collection: 'recognitions', req: own(req), where: { decision: { equals: draft.id } } })).totalDocs
    await payload.update({ collection: 'rounds', data: { status: 'closed' }, id: roundDoc.id, ...(await as(round.actorEmail)) })
  }
  return created
}
