/**
 * `npm run migrate:create -- name`: writes a migration for the schema change in the collections.
 * Without DATABASE_URL it brings up a throwaway PostgreSQL cluster, migrates it to the committed
 * state, then diffs the config against it, so developers need no database of their own.
 */
import { findPgBinDir, startPgCluster } from '../db/pgCluster'

const name = process.argv[2]
if (!name) {
  console.error('Cách dùng: npm run migrate:create -- ten-migration')
  process.exit(2)
}
const cluster = process.env.DATABASE_URL ? null : await startPgCluster({ binDir: findPgBinDir() ?? '' })
if (cluster) process.env.DATABASE_URL = cluster.url
process.env.PAYLOAD_SECRET ??= 'migrate-create'
try {
  const { closePayload, initPayload } = await import('../runtime')
  const payload = await initPayload()
  await payload.db.createMigration({ migrationName: name, payload, skipEmpty: true })
  await closePayload({ payload })
} finally {
  cluster?.stop()
}
process.exit(0)
