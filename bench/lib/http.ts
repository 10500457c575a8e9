/**
 * The bench's HTTP client: Node's fetch (undici, keep-alive) against the production server, timing
 * each request until its body has been read whole, and counting the body's bytes.
 */
import { performance } from 'node:perf_hooks'

export type Reply = { status: number; ms: number; bytes: number; text: string; headers: Headers }

export type Call = {
  method?: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  path: string
  body?: unknown
  token?: string
  /** sends the token as the `payload-token` cookie (the admin's pages) instead of `Authorization` */
  isCookie?: boolean
}

export const createClient = ({ baseUrl }: { baseUrl: string }) => {
  const request = async ({ method = 'GET', path, body, token, isCookie = false }: Call): Promise<Reply> => {
    const headers: Record<string, string> = { 'Accept-Language': 'vi' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (token) {
      if (isCookie) headers.Cookie = `payload-token=${token}`
      else headers.Authorization = `JWT ${token}`
    }
    const started = performance.now()
    const response = await fetch(`${baseUrl}${path}`, { body: body === undefined ? undefined : JSON.stringify(body), headers, method, redirect: 'manual' })
    const buffer = Buffer.from(await response.arrayBuffer())
    const ms = performance.now() - started
    return { bytes: buffer.byteLength, headers: response.headers, ms, status: response.status, text: buffer.toString('utf8') }
  }

  /** A request that must answer `expect` (200 by default); its JSON body. */
  const json = async <T = any>(call: Call & { expect?: number }): Promise<T> => {
    const reply = await request(call)
    if (reply.status !== (call.expect ?? 200)) throw new Error(`${call.method ?? 'GET'} ${call.path}: ${reply.status} ${reply.text.slice(0, 800)}`)
    return JSON.parse(reply.text) as T
  }

  const login = async ({ email, password }: { email: string; password: string }) =>
    (await json<{ token: string }>({ body: { email, password }, method: 'POST', path: '/api/users/login' })).token

  return { json, login, request }
}

export type Client = ReturnType<typeof createClient>

/**
 * Closed loop: `clients` workers, each sending its next job as soon as the previous one answered,
 * until `next` returns null. Resolves with the wall time in ms.
 */
export const closedLoop = async <J>({ clients, next, run }: { clients: number; next: () => J | null; run: (job: J) => Promise<void> }) => {
  const started = performance.now()
  const worker = async () => {
    for (let job = next(); job !== null; job = next()) await run(job)
  }
  await Promise.all(Array.from({ length: clients }, worker))
  return performance.now() - started
}
