/**
 * Calls Payload's GraphQL route handler (the one Next serves at /api/graphql) with real Web
 * Requests, as a client would: the answer's status, `data` and `errors`.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

export type GraphqlResponse = { status: number; data: any; errors: { message: string; extensions?: { name?: string; statusCode?: number; data?: unknown } }[] | undefined }

export const createGraphqlClient = ({ config }: { config: Promise<SanitizedConfig> | SanitizedConfig }) => {
  const handler = GRAPHQL_POST(config)
  return async ({ query, variables, token }: { query: string; variables?: Record<string, unknown>; token?: string }): Promise<GraphqlResponse> => {
    const headers = new Headers({ 'Accept-Language': 'vi', 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const response = await handler(new Request('http://localhost/api/graphql', { body: JSON.stringify({ query, variables }), headers, method: 'POST' }))
    const text = await response.text()
    const body = text ? JSON.parse(text) : {}
    return { data: body.data ?? null, errors: body.errors, status: response.status }
  }
}
