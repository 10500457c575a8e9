/**
 * Serialises concurrent updates of one document: the first update takes a row lock inside its
 * transaction (before Payload reads the original document), the second waits for it and then reads
 * what the first committed. Without it two saves of a document with array fields can interleave
 * their delete-and-reinsert of the rows, and two submits both pass the "draft" check. On the
 * embedded PGlite (no transactions) the adapter locks the document in-process for the operation
 * instead, until Payload ends it (src/db/serialiseWrites.ts).
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

type DrizzleLike = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
type AdapterLike = {
  drizzle?: DrizzleLike
  lockDocument?: (args: { holder: string; key: string }) => Promise<void>
  sessions?: Record<string, { db: DrizzleLike } | undefined>
  tableNameMap?: Map<string, string>
}

/** The drizzle session of the request's PostgreSQL transaction, if it has one (not on the embedded default). */
export const transactionSession = async ({ req }: { req: PayloadRequest }) => {
  const transactionId = await req.transactionID
  if (transactionId === undefined || transactionId === null) return { session: undefined, transactionId: null }
  return { session: (req.payload.db as unknown as AdapterLike).sessions?.[String(transactionId)]?.db, transactionId }
}

export const lockRow = async ({ req, table, id }: { req: PayloadRequest; table: string; id: number | string }) => {
  const { session, transactionId } = await transactionSession({ req })
  if (transactionId === null) return
  const adapter = req.payload.db as unknown as AdapterLike
  if (session) await session.execute(sql`select id from ${sql.identifier(table)} where id = ${Number(id)} for update`)
  else await adapter.lockDocument?.({ holder: String(transactionId), key: `${table}:${Number(id)}` })
}

export const lockForUpdate =
  ({ table }: { table: string }): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    const id = (args as { id?: number | string | null }).id
    if (operation === 'update' && id !== undefined && id !== null) await lockRow({ id, req, table })
    return args
  }
