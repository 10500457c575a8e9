/**
 * Domain events the notifications will send (the e-mail issue): a self-assessment returned to its
 * unit, a review closed by the team lead, a decision issued. Emitted after the change is saved,
 * in process; a listener's failure is logged and never undoes the change.
 */
import type { PayloadRequest } from 'payload'

export type DomainEvent =
  | { type: 'self-assessment.returned'; selfAssessment: number; unit: number | null; reason: string }
  | { type: 'self-assessment.reviewed'; selfAssessment: number; unit: number | null; outcome: string | null }
  | { type: 'decision.issued'; decision: number; authority: number | null; recognitions: number[] }
  | { type: 'decision.revoked'; decision: number; authority: number | null; revokes: number; recognitions: number[] }

type Listener = (event: DomainEvent, req: PayloadRequest) => Promise<void> | void

const listeners = new Set<Listener>()

/** Registers a listener; returns the function that removes it. */
export const onDomainEvent = (listener: Listener) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const emitDomainEvent = async ({ event, req }: { event: DomainEvent; req: PayloadRequest }) => {
  for (const listener of listeners) {
    try {
      await listener(event, req)
    } catch (error) {
      req.payload.logger.error({ err: error, event }, `Xử lý sự kiện ${event.type} bị lỗi`)
    }
  }
}
