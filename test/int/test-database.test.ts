/**
 * The integration tests run on PostgreSQL: PGlite only as `npm test`'s explicit, loud fallback on a
 * machine without PostgreSQL, never on CI, and vitest started without the runner is refused with a
 * message naming `npm test` instead of silently falling back (test/int/helpers/testDatabase.ts).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { chooseTestDatabase, ciNeedsPostgresMessage, useRunnerMessage } from './helpers/testDatabase'

const root = path.resolve(import.meta.dirname, '../..')
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')

/** The environment of this run without anything that chooses a database or says CI. */
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const name of ['CI', 'DATABASE_URL', 'DATABASE_EMBEDDED', 'TEST_DATABASE_URL', 'TEST_EMBEDDED_DATABASE', 'TEST_WITHOUT_POSTGRES', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) {
    delete env[name]
  }
  return env
}

const run = ({ args, env }: { args: string[]; env: NodeJS.ProcessEnv }) => {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env, timeout: 120_000 })
  return { output: `${result.stdout}\n${result.stderr}`, status: result.status }
}

describe('which database the integration project may use', () => {
  it('PostgreSQL whenever TEST_DATABASE_URL is set, on CI too', () => {
    expect(chooseTestDatabase({ env: { TEST_DATABASE_URL: 'postgres://x@127.0.0.1:5432/postgres' } })).toEqual({ kind: 'postgres', serverUrl: 'postgres://x@127.0.0.1:5432/postgres' })
    expect(chooseTestDatabase({ env: { CI: 'true', TEST_DATABASE_URL: 'postgres://x@127.0.0.1:5432/postgres' } })).toMatchObject({ kind: 'postgres' })
  })

  it('PGlite only on the runner’s explicit fallback, and never on CI', () => {
    expect(chooseTestDatabase({ env: { TEST_EMBEDDED_DATABASE: 'true' } })).toEqual({ kind: 'embedded' })
    expect(chooseTestDatabase({ env: { CI: 'true', TEST_EMBEDDED_DATABASE: 'true' } })).toEqual({ kind: 'refused', message: ciNeedsPostgresMessage })
    expect(chooseTestDatabase({ env: { CI: '1' } })).toEqual({ kind: 'refused', message: ciNeedsPostgresMessage })
    // CI=false is a developer's machine
    expect(chooseTestDatabase({ env: { CI: 'false', TEST_EMBEDDED_DATABASE: 'true' } })).toEqual({ kind: 'embedded' })
  })

  it('without the runner (no TEST_DATABASE_URL, no explicit fallback) it refuses and names `npm test`', () => {
    expect(chooseTestDatabase({ env: {} })).toEqual({ kind: 'refused', message: useRunnerMessage })
    expect(chooseTestDatabase({ env: { TEST_EMBEDDED_DATABASE: 'false' } })).toEqual({ kind: 'refused', message: useRunnerMessage })
    expect(useRunnerMessage).toContain('npm test')
    expect(ciNeedsPostgresMessage).toContain('PostgreSQL')
  })
})

describe('the refusals as a developer or CI meets them', () => {
  it('`vitest run --project int` started directly fails before any test, telling to use `npm test`', () => {
    const { output, status } = run({ args: [vitest, 'run', '--project', 'int', 'test/int/health.test.ts'], env: cleanEnv() })
    expect(status).not.toBe(0)
    expect(output).toContain(useRunnerMessage)
    expect(output).not.toMatch(/Tests\s+\d+ passed/)
  })

  it('on CI, vitest given the PGlite flag fails too, and so does `npm test` where PostgreSQL is missing', () => {
    const direct = run({ args: [vitest, 'run', '--project', 'int', 'test/int/health.test.ts'], env: { ...cleanEnv(), CI: 'true', TEST_EMBEDDED_DATABASE: 'true' } })
    expect(direct.status).not.toBe(0)
    expect(direct.output).toContain(ciNeedsPostgresMessage)

    // TEST_WITHOUT_POSTGRES=true is the runner's path of a machine without PostgreSQL
    const runner = run({ args: ['--import', 'tsx', 'test/run.ts', '--project', 'int', 'test/int/health.test.ts'], env: { ...cleanEnv(), CI: 'true', TEST_WITHOUT_POSTGRES: 'true' } })
    expect(runner.status).toBe(1)
    expect(runner.output).toContain(ciNeedsPostgresMessage)
    expect(runner.output).not.toContain('RUN')
  })
})
