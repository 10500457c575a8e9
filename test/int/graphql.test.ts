/**
 * GraphQL at /api/graphql: the same collections, access and hooks as REST. Anonymous readers get
 * the public register and published criteria sets only; accounts are never listed to them; a
 * signed-in account sees through GraphQL exactly the rows it sees through REST.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'

import { createGraphqlClient } from './helpers/graphql'
import { closeTestPayload, getTestPayload } from './helpers/payload'
import { createRestClient } from './helpers/rest'
import { createWorld, password, type World } from './helpers/world'

let payload: Payload
let world: World
const graphql = createGraphqlClient({ config })
const rest = createRestClient({ config })

beforeAll(async () => {
  payload = await getTestPayload()
  world = await createWorld({ payload, tag: 'GQL' })
})
afterAll(async () => {
  await closeTestPayload(payload)
})

describe('GraphQL', () => {
  it('builds its schema and serves the public register to anyone', async () => {
    const response = await graphql({ query: '{ Recognitions { totalDocs } }' })
    expect(response.status).toBe(200)
    expect(response.errors).toBeUndefined()
    expect(typeof response.data.Recognitions.totalDocs).toBe('number')
  })

  it('refuses the account list to an anonymous caller', async () => {
    const response = await graphql({ query: '{ Users { docs { id email } } }' })
    expect(response.data?.Users ?? null).toBeNull()
    expect(response.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('shows a district admin the same units through GraphQL as through REST', async () => {
    const token = await rest.login({ email: world.users.districtAdmin.email, password })
    const viaRest = await rest.call({ method: 'GET', path: '/units?where[code][like]=GQL-&depth=0&limit=50', token })
    const viaGraphql = await graphql({ query: '{ Units(where: { code: { like: "GQL-" } }, limit: 50) { docs { code } } }', token })
    expect(viaGraphql.errors).toBeUndefined()
    const codes = (docs: { code: string }[]) => docs.map((doc) => doc.code).sort()
    expect(codes(viaGraphql.data.Units.docs)).toEqual(codes(viaRest.body.docs))
    expect(codes(viaGraphql.data.Units.docs)).toEqual(['GQL-A1', 'GQL-A2'])
  })
})
