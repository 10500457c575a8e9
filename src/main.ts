/** The production entry (`node dist/main.mjs [--dev]`): holds the loop, then loads and runs the server. */
import { holdEventLoop } from './holdEventLoop'

const release = holdEventLoop()
const { runServer } = await import('./server')
await runServer({ isDev: process.argv.includes('--dev') })
release()
