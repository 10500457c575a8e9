/** `npm run seed -- criteria|demo` (dist/scripts/seed.mjs): see seedCommand.ts. */
import { holdEventLoop } from '../holdEventLoop'

const release = holdEventLoop()
const { seedCommand } = await import('./seedCommand')
const status = await seedCommand(process.argv.slice(2))
release()
process.exit(status)
