/**
 * `npm test`: runs every vitest project against real PostgreSQL.
 * TEST_DATABASE_URL (a server URL) is used when set; otherwise a throwaway cluster is made from
 * the installed PostgreSQL binaries and removed afterwards; only where PostgreSQL is not
 * installed at all does it fall back to the embedded PGlite, and says so loudly — never on CI, which
 * is refused without PostgreSQL as it is without Chromium.
 * Extra arguments go to vitest (`npm test -- --project unit`).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createInterface } from 'node:readline'

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

/** Runs vitest with `runArgs`; with a `label`, each line it prints is prefixed so two runs side by side stay readable. */
const runVitest = ({ label, runArgs }: { label?: string; runArgs: string[] }) =>
  new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...runArgs], { env, stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    if (label) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        if (stream) createInterface({ input: stream }).on('line', (line) => out.write(`[${label}] ${line}\n`))
      }
    }
    child.on('error', () => resolve(1))
    child.on('exit', (code) => resolve(code ?? 1))
  })

// The whole suite (no project and no file named): unit + int in one vitest process and the browser
// tests in another, side by side. Each keeps its files in sequence (one database; one server and
// Chromium at a time), but the two use different resources — an int file keeps about one core busy
// (Node and PostgreSQL taking turns), a browser file about one and a half — so on CI's two cores
// the run takes about as long as the longer of the two instead of their sum.
const namesFiles = args.some((arg, i) => !arg.startsWith('-') && !(args[i - 1]?.startsWith('--') && !args[i - 1].includes('=')))
// Off by default: under that load the criteria-set journey's admin form published a set missing
// rows (3 CI runs of 3 after issue 16's merge, never in sequence) — a possible defect, to be found
// before this is turned back on (TEST_SIDE_BY_SIDE=true runs it so).
const sideBySide = !isProjectChosen && !namesFiles && wantsProject('e2e') && hasChromium() && env.TEST_SIDE_BY_SIDE === 'true'

let status = 1
try {
  if (sideBySide) {
    console.log('[test] unit + int và trình duyệt (e2e) chạy song song, mỗi dòng ghi nhãn [int] hoặc [e2e]')
    const [database, browserRun] = await Promise.all([
      runVitest({ label: 'int', runArgs: [...args, '--project', 'unit', '--project', 'int'] }),
      runVitest({ label: 'e2e', runArgs: [...args, '--project', 'e2e'] }),
    ])
    console.log(`[test] unit + int: ${database === 0 ? 'đạt' : `LỖI (mã ${database})`}; trình duyệt: ${browserRun === 0 ? 'đạt' : `LỖI (mã ${browserRun})`}`)
    status = database === 0 && browserRun === 0 ? 0 : 1
  } else {
    status = await runVitest({ runArgs: args })
  }
} finally {
  cluster?.stop()
}
process.exit(status)
