/**
 * Calls Payload's REST route handlers (the same ones Next serves under /api) with real Web
 * Requests, so tests see status codes, JSON bodies and auth headers as a client would.
 */
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'

export type RestResponse = { body: any; status: number }

export const createRestClient = ({ config }: { config: Promise<SanitizedConfig> | SanitizedConfig }) => {
  const handlers = {
    DELETE: REST_DELETE(config),
    GET: REST_GET(config),
    PATCH: REST_PATCH(config),
    POST: REST_POST(config),
  }
  /** `rawBody` sends text as it is, for JSON no `JSON.stringify` could produce (nested thousands deep). */
  const call = async ({ body, rawBody, method, path, token }: { body?: unknown; rawBody?: string; method: Method; path: string; token?: string }): Promise<RestResponse> => {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers({ 'Accept-Language': 'vi' })
    if (body !== undefined || rawBody !== undefined) headers.set('Content-Type', 'application/json')
    if (token) headers.set('Authorization', `JWT ${token}`)
    const request = new Request(url, { body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)), headers, method })
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status }
  }
  const login = async ({ email, password }: { email: string; password: string }) => {
    const response = await call({ body: { email, password }, method: 'POST', path: '/users/login' })
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`)
    return response.body.token as string
  }
  /**
   * A multipart upload as the admin sends it: the file under `file`, the other fields as JSON
   * under `_payload`.
   */
  const upload = async ({
    path,
    token,
    fields = {},
    file,
    method = 'POST',
  }: {
    path: string
    token?: string
    fields?: Record<string, unknown>
    file: { name: string; type: string; bytes: Uint8Array }
    method?: 'PATCH' | 'POST'
  }): Promise<RestResponse> => {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers({ 'Accept-Language': 'vi' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const form = new FormData()
    form.set('_payload', JSON.stringify(fields))
    form.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
    const request = new Request(url, { body: form, headers, method })
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status }
  }
  /** A GET whose answer may be a file: its status, type and bytes. */
  const download = async ({ path, token }: { path: string; token?: string }) => {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers({ 'Accept-Language': 'vi' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await handlers.GET(new Request(url, { headers, method: 'GET' }), { params: Promise.resolve({ slug }) })
    return { bytes: new Uint8Array(await response.arrayBuffer()), status: response.status, type: response.headers.get('Content-Type') }
  }
  /** A POST whose body is a file's bytes as they are (an XLSX or CSV upload); the answer as JSON. */
  const sendBytes = async ({ path, token, bytes }: { path: string; token?: string; bytes: Uint8Array }): Promise<RestResponse> => {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers({ 'Accept-Language': 'vi', 'Content-Type': 'application/octet-stream' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await handlers.POST(new Request(url, { body: new Uint8Array(bytes), headers, method: 'POST' }), { params: Promise.resolve({ slug }) })
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status }
  }
  return { call, download, login, sendBytes, upload }
}
