/**
 * Runs before each integration test file is imported: points the app's configuration at the
 * run's fresh database, so `@payload-config` imported by a test sees it.
 */
import { inject } from 'vitest'

process.env.DATABASE_URL = inject('databaseUrl')
// the PGlite fallback runs without transactions, as the product's embedded default does
if (inject('isEmbeddedDatabase')) process.env.DATABASE_EMBEDDED = 'true'
process.env.PAYLOAD_SECRET = 'test-secret-do-not-use-in-production'
process.env.DATABASE_POOL_MAX ??= '5'
// thousands of deliberate refusals (the write matrix, the fuzz) would be pretty-printed one by one
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
// the notifications' jobs run when a test runs them, not on the server's schedule (src/notifications/jobs.ts)
process.env.JOBS_AUTORUN ??= 'false'
// uploaded evidence goes to a throwaway folder, never into the developer's data/
if (!process.env.UPLOADS_DIR) {
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  process.env.UPLOADS_DIR = mkdtempSync(join(tmpdir(), 'dvht-uploads-'))
}
