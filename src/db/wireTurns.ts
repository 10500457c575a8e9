/**
 * One connection's turn on the embedded database at a time, whole.
 *
 * PGlite is ONE PostgreSQL session; @electric-sql/pglite-socket (0.2.17) serves every connection
 * of Payload's pool from it through one queue, one wire-protocol message at a time, and only
 * while a transaction is open does it keep to that transaction's connection. A parameterised query
 * is several messages (Parse, Bind, Describe, Execute, Sync) and the session has one unnamed
 * statement: when another connection's transaction ran between a query's Parse and its Bind, the
 * query was bound to the transaction's statement or found none — measured with 6 connections of
 * plain queries beside 2 running transactions: 13 wrong answers and 268 errors («unnamed prepared
 * statement does not exist») in 2,400 queries (test/int/embedded-wire.test.ts). Here a connection
 * keeps the session from its first message until the message that ends its turn — Sync, a
 * simple Query, Terminate, or a startup message — and for as long as its transaction is open.
 * A connection that goes away mid-turn gives the turn back (its transaction rolled back, as
 * pglite-socket does). A message that throws no longer leaves the queue stopped for good.
 */

type Entry = { handlerId: number; message: Uint8Array; onData: (data: Uint8Array) => void; reject: (error: unknown) => void; resolve: (bytes: number) => void }

type Session = {
  exec: (sql: string) => Promise<unknown>
  execProtocolRawStream: (message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) => Promise<unknown>
  isInTransaction: () => boolean
  runExclusive: <T>(work: () => Promise<T>) => Promise<T>
}

export type SocketQueue = {
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>
  db: Session
  lastHandlerId: number | null
  processQueue: () => Promise<void>
  processing: boolean
  queue: Entry[]
}

const sync = 0x53
const query = 0x51
const terminate = 0x58

/** True when the message ends its connection's turn (a startup or SSL request has no type byte: its first byte is 0). */
export const endsTurn = (message: Uint8Array) => {
  const type = message[0]
  return type === sync || type === query || type === terminate || type === 0
}

/** Replaces the queue's scheduling on this server's queue object (`server.queryQueue`). */
export const keepTurnsWhole = (queue: SocketQueue) => {
  let owner: number | null = null
  queue.processQueue = async function processQueue(this: SocketQueue) {
    if (this.processing || this.queue.length === 0) return
    this.processing = true
    try {
      while (this.queue.length > 0) {
        const index = owner === null ? 0 : this.queue.findIndex((entry) => entry.handlerId === owner)
        // the owner's next message has not come yet: the others wait, and its arrival starts the queue again
        if (index === -1) break
        const [entry] = this.queue.splice(index, 1) as [Entry]
        let bytes = 0
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(entry.message, {
              onRawData: (data) => {
                bytes += data.length
                entry.onData(data)
              },
            }),
          )
        } catch (error) {
          owner = this.db.isInTransaction() ? entry.handlerId : null
          this.lastHandlerId = entry.handlerId
          entry.reject(error)
          continue
        }
        owner = endsTurn(entry.message) && !this.db.isInTransaction() ? null : entry.handlerId
        this.lastHandlerId = entry.handlerId
        entry.resolve(bytes)
      }
    } finally {
      this.processing = false
    }
  }
  const clearTransaction = queue.clearTransactionIfNeeded.bind(queue)
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    const hadTurn = owner === handlerId
    if (hadTurn && queue.db.isInTransaction()) queue.lastHandlerId = handlerId
    await clearTransaction(handlerId)
    if (hadTurn) {
      owner = null
      await queue.processQueue()
    }
  }
  return queue
}
