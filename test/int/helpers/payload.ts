/**
 * The Payload instance the integration tests share within one file: real PostgreSQL (the
 * database globalSetup made, named in the environment by setup.ts), schema from the committed
 * migrations.
 */
import type { Payload } from 'payload'

import { closePayload, initPayload } from '@/runtime'

export const getTestPayload = (): Promise<Payload> => initPayload()

export const closeTestPayload = (payload: Payload | undefined) => (payload ? closePayload({ payload }) : undefined)
