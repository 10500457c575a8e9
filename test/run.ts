/**
 * `npm test`: runs every vitest project against real PostgreSQL.
 * TEST_DATABASE_URL (a server URL) is used when set; otherwise a throwaway cluster is made from
 * the installed PostgreSQL binaries and removed afterwards; only where PostgreSQL is not
 * installed at all does it fall back to the embedded PGlite, and says so loudly — never on CI, which
 * is refused without PostgreSQL as it is without Chromium.
 * Extra arguments go to vitest (`npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

import { ensureBuild } from '../src/build.mjs'
import { findPgBinDir, startPgCluster, type PgCluster } from '@/db/pgCluster'

import { chromiumPath, hasChromium } from './e2e/helpers/browser'
import { ciNeedsPostgresMessage, isCi } from './int/helpers/testDatabase'

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'test' }
let cluster: PgCluster | null = null
const args = process.argv.slice(2)
const isProjectChosen = args.some((arg) => arg === '--project' || arg.startsWith('--project='))
const wantsProject = (name: string) => !isProjectChosen || args.some((arg, i) => arg === name && args[i - 1] === '--project') || args.includes(`--project=${name}`)

if (env.TEST_DATABASE_URL) {
  console.log(`[test] PostgreSQL từ TEST_DATABASE_URL`)
} else {
  // TEST_WITHOUT_POSTGRES=true exercises the fallback on a machine that has PostgreSQL
  const binDir = env.TEST_WITHOUT_POSTGRES === 'true' ? null : findPgBinDir()
  if (binDir) {
    const started = Date.now()
    cluster = await startPgCluster({ binDir })
    env.TEST_DATABASE_URL = cluster.url
    console.log(`[test] PostgreSQL tạm thời (${binDir}) trên cổng ${cluster.port}, khởi động ${Date.now() - started} ms`)
  } else {
    // CI must test on the database production runs on, as it must run the browser test
    if (isCi(env) && wantsProject('int')) {
      console.error(ciNeedsPostgresMessage)
      process.exit(1)
    }
    // the explicit flag test/int/globalSetup.ts needs to use PGlite; vitest alone is refused
    env.TEST_EMBEDDED_DATABASE = 'true'
    const banner = '!'.repeat(78)
    console.warn(
      `${banner}\n[test] KHÔNG TÌM THẤY PostgreSQL (initdb/pg_ctl). Chạy kiểm thử tích hợp trên PGlite nhúng.\n` +
        `[test] PGlite không phải PostgreSQL thật: cài gói 'postgresql' để kiểm thử đúng như CI.\n${banner}`,
    )
  }
}

// Browser tests need Debian's Chromium and a production build. CI must run them; elsewhere a
// missing Chromium leaves them out with a loud note rather than failing a newcomer's first run.
if (wantsProject('e2e')) {
  if (!hasChromium()) {
    if (env.CI) {
      console.error(`[test] CI cần Chromium tại ${chromiumPath} cho kiểm thử trình duyệt (apt-get install chromium).`)
      process.exit(1)
    }
    console.warn(`[test] BỎ QUA kiểm thử trình duyệt: không có Chromium tại ${chromiumPath} (apt-get install chromium).`)
    if (!isProjectChosen) args.push('--project', 'unit', '--project', 'int')
  } else {
    const status = ensureBuild({ reason: '[test] Kiểm thử trình duyệt cần bản dựng' })
    if (status !== 0) process.exit(status)
  }
}

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
let status = 1
try {
  status = spawnSync(process.execPath, [vitest, 'run', ...args], { env, stdio: 'inherit' }).status ?? 1
} finally {
  cluster?.stop()
}
process.exit(status)
