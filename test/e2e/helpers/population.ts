/**
 * A crowd for the load tests: many communes in one open round, each with its own editor account,
 * a signed-in token for it, and a draft self-assessment, made through the Local API on the same
 * database the server under test uses. Used by test/e2e/crash.test.ts and
 * test/int/concurrency.test.ts.
 *
 * Two shortcuts keep 200 units within seconds, and neither touches what the tests exercise:
 * - accounts after the first reuse the first one's password hash (Payload's PBKDF2 costs ~0.25 s
 *   of CPU per account and again per login), written with the adapter's `create`;
 * - tokens are signed as Payload's login signs them (a session on the account, `getFieldsToSign`,
 *   `jwtSign` with the instance's secret), so the server accepts them exactly like a login's.
 */
import { getFieldsToSign, jwtSign, type Payload } from 'payload'
import { randomUUID } from 'node:crypto'

import type { SelfAssessment, User } from '@/payload-types'
import { loadCriteriaSets } from '@/seed/loadCriteriaSets'

import { createRound, metAnswers, setIdByCode } from '../../int/helpers/rounds'
import { createWorld, password, type World } from '../../int/helpers/world'

export type Member = { editorEmail: string; editorId: number; selfAssessmentId: number; token: string; unitId: number }

export type Population = { members: Member[]; roundId: number; setId: number; world: World }

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
export const mapLimit = async <T, R>({ items, limit, task }: { items: readonly T[]; limit: number; task: (item: T, index: number) => Promise<R> }) => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** A token for `user` as Payload's login makes it: a new session on the account, then the signed fields. */
export const signInToken = async ({ payload, user }: { payload: Payload; user: User }) => {
  const collectionConfig = payload.collections.users.config
  const sid = randomUUID()
  const now = new Date()
  const session = { createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + collectionConfig.auth.tokenExpiration * 1000).toISOString(), id: sid }
  await payload.db.updateOne({ collection: 'users', data: { sessions: [...(user.sessions ?? []), session] }, id: user.id, returning: false })
  const { token } = await jwtSign({
    fieldsToSign: getFieldsToSign({ collectionConfig, email: user.email, sid, user: { ...user, collection: 'users' } }),
    secret: payload.secret,
    tokenExpiration: collectionConfig.auth.tokenExpiration,
  })
  return token
}

type Rows = NonNullable<SelfAssessment['answers']>

/** The rows a unit sends: every applicable indicator met, without the stored rows' ids. */
const answersToSend = (rows: Rows): Rows => metAnswers({ rows }).map(({ id: _id, ...row }) => row)

/**
 * `count` communes in district A of a fresh world (codes from `tag`), an open round on `setCode`,
 * one editor and one draft per unit: answered so that every indicator is met when `isComplete`,
 * else as created (nothing answered). The drafts are made by their editors through the Local API
 * with access and hooks, as the product makes them.
 */
export const populateDrafts = async ({
  count,
  isComplete,
  payload,
  setCode = 'tt24-2023-huyen-1',
  tag,
}: {
  count: number
  isComplete: boolean
  payload: Payload
  setCode?: string
  tag: string
}): Promise<Population> => {
  const world = await createWorld({ payload, tag })
  await loadCriteriaSets({ payload })
  const setId = await setIdByCode({ code: setCode, payload })
  const round = await createRound({ payload, setIds: [setId], title: `Đợt tải ${tag}`, world })
  const lower = tag.toLowerCase()
  // the world's own editor carries the password hash every crowd account reuses
  const stored = (await payload.db.findOne({ collection: 'users', where: { id: { equals: world.users.unitEditor.id } } })) as (User & { hash?: string; salt?: string }) | null
  if (!stored?.hash || !stored.salt) throw new Error('the world editor has no stored password hash')
  let sentAnswers: Rows | null = null

  const makeMember = async (n: number): Promise<Member> => {
    const unit = await payload.create({
      collection: 'units',
      data: { authority: world.authorities.districtA.id, code: `${tag}-U${n}`, memberCount: 20, name: `UBND xã ${n} ${tag}`, tier: 'huyen', unitType: 'xa' },
      depth: 0,
    })
    const email = `donvi${n}.${lower}@test.vn`
    const editor = (await payload.db.create({
      collection: 'users',
      data: { email, hash: stored.hash, loginAttempts: 0, name: `Cán bộ xã ${n} ${tag}`, roles: ['unit-editor'], salt: stored.salt, unit: unit.id },
    })) as User
    const user = { ...editor, collection: 'users' as const }
    const draft = await payload.create({
      collection: 'self-assessments',
      data: { answers: isComplete ? (sentAnswers ?? undefined) : undefined, criteriaSet: setId, round: round.id, status: 'draft', unit: unit.id },
      depth: 0,
      overrideAccess: false,
      user,
    })
    if (isComplete && !sentAnswers) {
      // the first draft shows the rows of the set for a commune; the others are created answered
      sentAnswers = answersToSend(draft.answers ?? [])
      await payload.update({ collection: 'self-assessments', data: { answers: sentAnswers }, depth: 0, id: draft.id, overrideAccess: false, user })
    }
    return { editorEmail: email, editorId: editor.id, selfAssessmentId: draft.id, token: await signInToken({ payload, user: editor }), unitId: unit.id }
  }
  const first = await makeMember(1)
  const rest = await mapLimit({ items: Array.from({ length: count - 1 }, (_, index) => index + 2), limit: 4, task: makeMember })
  return { members: [first, ...rest], roundId: round.id, setId, world }
}

export { password }
