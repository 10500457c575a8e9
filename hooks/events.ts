/**
 * In-process domain events the notifications send (src/notifications/listeners.ts): a round opened,
 * a dossier submitted, accepted, returned, reviewed, a team member assigned, a deadline extended,
 * a decision issued or revoked. Emitted once the change is written, with the writer's request.
 *
 * A listener's failure is logged and never undoes the change: inside a PostgreSQL transaction
 * each listener runs under its own savepoint, so its failed query is rolled back alone and the
 * transaction goes on; its messages commit together with the change (a message exists exactly
 * when the change does).
 */
import type { PayloadRequest } from 'payload'

import { transactionSession } from './lockRow'

export type DomainEvent =
  | { type: 'self-assessment.submitted'; selfAssessment: number; unit: number | null }
  | { type: 'self-assessment.accepted'; selfAssessment: number; unit: number | null }
  | { type: 'self-assessment.returned'; selfAssessment: number; unit: number | null; reason: string }
  | { type: 'self-assessment.reviewed'; selfAssessment: number; unit: number | null; outcome: string | null }
  | { type: 'round.opened'; round: number }
  | { type: 'round.team-assigned'; round: number; members: { user: number; role: string }[] }
  | { type: 'round.deadline-extended'; round: number; unit: number; until: string; reason: string }
  | { type: 'decision.issued'; decision: number; authority: number | null; recognitions: number[] }
  | { type: 'decision.revoked'; decision: number; authority: number | null; revokes: number; recognitions: number[] }

type Listener = (event: DomainEvent, req: PayloadRequest) => Promise<void> | void

const listeners = new Set<Listener>()

/** Registers a listener; returns the function that removes it. */
export const onDomainEvent = (listener: Listener) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

type Savepointable = { db: { transaction?: (run: (savepoint: unknown) => Promise<void>) => Promise<void> } }

/** Runs `work` under a savepoint of the request's transaction (drizzle's nested transaction), when it has one. */
const underSavepoint = async ({ req, work }: { req: PayloadRequest; work: () => Promise<void> }) => {
  const { session: outer, transactionId } = await transactionSession({ req })
  const holder = transactionId === null ? undefined : ((req.payload.db as unknown as { sessions?: Record<string, Savepointable | undefined> }).sessions?.[String(transactionId)] as Savepointable | undefined)
  if (!outer || !holder?.db.transaction) return work()
  const outerDb = holder.db
  await outerDb.transaction!(async (savepoint) => {
    // Payload's calls with this req use the session's db: the savepoint, while the listener runs
    holder.db = savepoint as Savepointable['db']
    try {
      await work()
    } finally {
      holder.db = outerDb
    }
  })
}

/** A `req.context` flag for writes that are history, not news (the demo's past years): no listener hears them. */
export const silentNotifications = 'silentNotifications'

export const emitDomainEvent = async ({ event, req }: { event: DomainEvent; req: PayloadRequest }) => {
  if (req.context?.[silentNotifications]) return
  for (const listener of listeners) {
    try {
      await underSavepoint({ req, work: async () => void (await listener(event, req)) })
    } catch (error) {
      req.payload.logger.error({ err: error, event }, `Xử lý sự kiện ${event.type} bị lỗi`)
    }
  }
}
