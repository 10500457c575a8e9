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
  const call = async ({ body, method, path, token }: { body?: unknown; method: Method; path: string; token?: string }): Promise<RestResponse> => {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers({ 'Accept-Language': 'vi' })
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    if (token) headers.set('Authorization', `JWT ${token}`)
    const request = new Request(url, { body: body === undefined ? undefined : JSON.stringify(body), headers, method })
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
  return { call, login }
}
