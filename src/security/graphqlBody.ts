/**
 * Reading a GraphQL request's body before Next does, to count the sign-in and password-reset
 * mutations it carries (one request may hold many under aliases), and handing the same bytes on.
 * The body is buffered up to a ceiling and then put back the way Next itself replays a body it has
 * read (next/dist/server/body-streams.js `replaceRequestBody`): the request takes over the state
 * and methods of a new readable stream holding the bytes.
 */
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'

export const graphqlBodyLimitBytes = 1024 * 1024

export class BodyTooLargeError extends Error {
  constructor() {
    super('body too large')
    this.name = 'BodyTooLargeError'
  }
}

/** The whole body, or BodyTooLargeError past `limitBytes` (the rest is not read). */
export const readBody = (req: IncomingMessage, limitBytes = graphqlBodyLimitBytes) =>
  new Promise<Buffer>((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limitBytes) return reject(new BodyTooLargeError())
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limitBytes) {
        req.off('data', onData)
        req.pause()
        reject(new BodyTooLargeError())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
    // a client that goes away mid-body: settle rather than wait forever (no-op after 'end')
    req.once('close', () => reject(new Error('request closed before its body ended')))
  })

/** Makes `req` readable again with `body`, for whoever reads it next. */
export const replayBody = (req: IncomingMessage, body: Buffer) => {
  const replay = new Readable({ read() {} })
  replay.push(body)
  replay.push(null)
  const target = req as unknown as Record<string, unknown>
  const source = replay as unknown as Record<string, unknown>
  for (const key in replay) {
    const value = source[key]
    target[key] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(req) : value
  }
}

const strings = (value: unknown, into: string[]): string[] => {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into)
  return into
}

const occurrences = (text: string, name: string) => text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0

/**
 * How many sign-in (`loginUser`) and password-reset (`forgotPasswordUser`) fields the body asks
 * for. JSON is decoded first, since `\u006coginUser` in a JSON string is `loginUser` to GraphQL;
 * anything else is searched as it is (GraphQL field names cannot be escaped).
 */
export const countAuthOperations = (body: Buffer) => {
  const raw = body.toString('utf8')
  let texts: string[]
  try {
    texts = strings(JSON.parse(raw), [])
  } catch {
    texts = [raw]
  }
  return texts.reduce((sum, text) => sum + occurrences(text, 'loginUser') + occurrences(text, 'forgotPasswordUser'), 0)
}
