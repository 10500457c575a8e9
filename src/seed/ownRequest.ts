/** The seed's local requests: each call its own copy in the caller's transaction (Payload's local request keeps what a call puts on it, the user included). */
import type { PayloadRequest } from 'payload'

export const own = (req?: Partial<PayloadRequest>): Partial<PayloadRequest> | undefined => (req ? { ...req } : undefined)
