/** `npm run restore -- <folder> [--force]` (dist/scripts/restore.mjs): see restoreCommand.ts. */
import { holdEventLoop } from '../holdEventLoop'

const release = holdEventLoop()
const { restoreCommand } = await import('./restoreCommand')
const status = await restoreCommand({ args: process.argv.slice(2) })
release()
process.exit(status)
