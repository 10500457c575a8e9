/** `npm run backup -- <folder>` (dist/scripts/backup.mjs): see backupCommand.ts. */
import { holdEventLoop } from '../holdEventLoop'

const release = holdEventLoop()
const { backupCommand } = await import('./backupCommand')
const status = await backupCommand({ args: process.argv.slice(2) })
release()
process.exit(status)
