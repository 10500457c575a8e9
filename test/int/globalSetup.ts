/**
 * Gives the integration run a fresh, empty database: a new database on the TEST_DATABASE_URL
 * server (dropped at the end), or an embedded PGlite when `npm test` found no PostgreSQL and says
 * so (TEST_EMBEDDED_DATABASE=true; never on CI). Run without the project's runner, it refuses
 * instead of falling back silently (test/int/helpers/testDatabase.ts).
 * Test files build the schema from the committed migrations (test/int/helpers/payload.ts).
 */
import type { TestProject } from 'vitest/node'

import { chooseTestDatabase, createFreshDatabase } from './helpers/testDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    isEmbeddedDatabase: boolean
  }
}

export default async function setup(project: TestProject) {
  const choice = chooseTestDatabase({ env: process.env })
  if (choice.kind === 'refused') throw new Error(choice.message)
  const database = await createFreshDatabase({ label: 'test', serverUrl: choice.kind === 'postgres' ? choice.serverUrl : undefined })
  project.provide('databaseUrl', database.url)
  project.provide('isEmbeddedDatabase', database.isEmbedded)
  return database.drop
}
