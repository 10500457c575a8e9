/**
 * Writes one row of the append-only audit trail, in the same transaction as the change it records
 * (`req` is passed on), so a change that is rolled back leaves no event and an event is never lost.
 * The row goes straight to the database adapter: every field is this function's, the collection
 * has no hook that adds anything, and nobody reads the written row back (issue 10: half the cost of
 * a transition was Payload's create operation around one INSERT).
 */
import type { PayloadRequest } from 'payload'

export type AuditEvent = {
  action: string
  collection: string
  docId: number | string
  from?: string | null
  to?: string | null
  comment?: string | null
  authority?: number | string | null
  round?: number | string | null
  unit?: number | string | null
}

/** Relationship ids as the database's numbers (callers may hold them as strings). */
const idOf = (value: number | string | null | undefined): number | null => (value === null || value === undefined || value === '' ? null : Number(value))

export const writeAuditEvent = async ({ req, event }: { req: PayloadRequest; event: AuditEvent }) => {
  const now = new Date().toISOString()
  await req.payload.db.create({
    collection: 'audit-events',
    data: {
      action: event.action,
      actor: typeof req.user?.id === 'number' ? req.user.id : null,
      at: now,
      authority: idOf(event.authority),
      collection: event.collection,
      comment: event.comment ?? null,
      createdAt: now,
      docId: String(event.docId),
      from: event.from ?? null,
      round: idOf(event.round),
      to: event.to ?? null,
      unit: idOf(event.unit),
      updatedAt: now,
    },
    req,
    returning: false,
  })
}
