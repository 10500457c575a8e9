/**
 * Steps of the workflow as the tests take them, each acting for its user through the Local API
 * (overrideAccess: false): extra accounts, a unit's dossier started, answered, submitted, accepted,
 * returned, and a team member's review. Each returns what the server stored.
 */
import type { Payload } from 'payload'

import type { Review, SelfAssessment, User } from '@/payload-types'

import { metAnswers } from './rounds'
import { password, type ActingUser } from './world'

export const as = (user: ActingUser | undefined) => ({ depth: 0, overrideAccess: false, user })

/** The id of a relation as stored (an id, or a populated document). */
export const idOf = (value: unknown): number | null => {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number }).id
  return null
}

/** Another account, created by the system (as a seed would). */
export const createAccount = async ({
  payload,
  email,
  role,
  authority,
  unit,
}: {
  payload: Payload
  email: string
  role: User['roles'][number]
  authority?: number
  unit?: number
}): Promise<ActingUser> => {
  const created = await payload.create({ collection: 'users', data: { authority, email, name: email, password, roles: [role], unit } })
  return { ...created, collection: 'users' } as ActingUser
}

/** A unit-editor's new draft in a round, for its own unit. */
export const startDossier = ({ payload, editor, roundId, setId }: { payload: Payload; editor: ActingUser; roundId: number; setId: number }) =>
  payload.create({ collection: 'self-assessments', data: { criteriaSet: setId, round: roundId, status: 'draft', unit: idOf(editor.unit) as number }, ...as(editor) })

export const updateDossier = ({ payload, user, id, data }: { payload: Payload; user: ActingUser; id: number; data: Partial<SelfAssessment> }) =>
  payload.update({ collection: 'self-assessments', data, id, ...as(user) })

/** A draft answered so that every applicable indicator is met (with explanations where evidence is asked). */
export const answeredDossier = async ({ payload, editor, roundId, setId }: { payload: Payload; editor: ActingUser; roundId: number; setId: number }) => {
  const draft = await startDossier({ editor, payload, roundId, setId })
  return updateDossier({ data: { answers: metAnswers({ rows: draft.answers ?? [] }) }, id: draft.id, payload, user: editor })
}

/** An answered dossier, submitted by its unit. */
export const submittedDossier = async (args: { payload: Payload; editor: ActingUser; roundId: number; setId: number }) => {
  const answered = await answeredDossier(args)
  return updateDossier({ data: { status: 'submitted' }, id: answered.id, payload: args.payload, user: args.editor })
}

/** A submitted dossier, accepted by the authority (in review). */
export const acceptedDossier = async (args: { payload: Payload; editor: ActingUser; authorityAdmin: ActingUser; roundId: number; setId: number }) => {
  const submitted = await submittedDossier(args)
  return updateDossier({ data: { status: 'in-review' }, id: submitted.id, payload: args.payload, user: args.authorityAdmin })
}

/** A team member's review with the verdicts `verdictOf` gives per row (TT 24: met/not-met; TT 22: points). */
export const reviewDossier = async ({
  payload,
  reviewer,
  sa,
  rows,
  recommendation = 'recognise',
}: {
  payload: Payload
  reviewer: ActingUser
  sa: SelfAssessment
  rows: (row: NonNullable<Review['verdicts']>[number]) => Partial<NonNullable<Review['verdicts']>[number]>
  recommendation?: Review['recommendation']
}) => {
  const created = await payload.create({ collection: 'reviews', data: { selfAssessment: sa.id }, ...as(reviewer) })
  const verdicts = (created.verdicts ?? []).map((row) => ({ ...row, ...rows(row) }))
  return payload.update({ collection: 'reviews', data: { recommendation, verdicts }, id: created.id, ...as(reviewer) }) as Promise<Review>
}
