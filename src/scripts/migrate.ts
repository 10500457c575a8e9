/** `npm run migrate` (dist/scripts/migrate.mjs): see migrateCommand.ts. */
import { holdEventLoop } from '../holdEventLoop'

const release = holdEventLoop()
const { migrateCommand } = await import('./migrateCommand')
await migrateCommand()
release()
process.exit(0)
