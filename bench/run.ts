/**
 * `npm run bench [-- --units 3000 --runs 5 --only save,crunch,…]`: the deadline-week benchmark,
 * with its baselines measured in the same run. Builds the production bundle when needed, starts a
 * throwaway PostgreSQL cluster and the production server on it (with the bench's bare baseline
 * collection, BENCH_BASELINE=true), makes a province of `--units` units with complete TT 24
 * drafts, measures over HTTP, then the embedded default on its own, and writes
 * bench/results/<timestamp>.md and .json. Not part of `npm test` or CI. The client runs on the
 * same machine as the server and competes with it for the CPUs.
 * Sections: core, save, crunch, list, counts, workflow, import, sheets (issue 15: XLSX import and a
 * round's export), report (issue 13: one round's upward report over all N dossiers, made in the
 * background, beside its direct download), rss, embedded (all by default), and
 * actions (issue 12's workflow actions and pages on the demo data, embedded and on PostgreSQL; only
 * when asked: `npm run bench -- --only actions`), and national (issue 16: 100,000 units seeded with
 * COPY, measured in-process before and after the national_indexes and national_speed migrations; only when asked:
 * `npm run bench -- --only national [--national-units 100000]`, needs no build).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { projectRoot } from '../src/build.mjs'
import { demoActions } from './lib/actions'
import { roundReport } from './lib/roundReport'
import { sheetImportAndExport } from './lib/sheets'
import { createClient } from './lib/http'
import { authorityList, core, crunch, dashboardCounts, embedded, importUnits, restMemory, savePath, workflow, type Context, type SectionResult, type TableRow } from './lib/sections'
import { createDatabase, ensureBenchBuild, startBenchCluster, startServer, strongSecret, tempDir } from './lib/server'
import { buildWorld, seedCriteriaSets } from './lib/world'

const allSections = ['core', 'save', 'crunch', 'list', 'counts', 'workflow', 'import', 'sheets', 'report', 'rss', 'embedded', 'actions', 'national'] as const
/** Run when named in --only: the demo's actions start two more servers with the demo loaded; national seeds 100,000 units. */
const askedOnly: readonly string[] = ['actions', 'national']
/** Sections that run Payload in the bench's own process and need no production build. */
const withoutBuild: readonly string[] = ['national']
type Section = (typeof allSections)[number]

const usage = `Cách dùng: npm run bench -- [--units 3000] [--runs 5] [--only ${allSections.join(',')}] [--national-units 100000]
(hoặc BENCH_UNITS, BENCH_RUNS, BENCH_ONLY, BENCH_NATIONAL_UNITS)`

/** `--name value` or `--name=value`, else the environment variable, else the default. */
export const parseOptions = ({ argv, env }: { argv: string[]; env: NodeJS.ProcessEnv }) => {
  const flag = (name: string) => {
    const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
    if (index < 0) return undefined
    return argv[index].includes('=') ? argv[index].split('=').slice(1).join('=') : argv[index + 1]
  }
  const integer = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name}="${raw}": cần số nguyên ≥ ${min}\n${usage}`)
    return value
  }
  const units = integer('units', flag('units') ?? env.BENCH_UNITS, 3000, 20)
  const runs = integer('runs', flag('runs') ?? env.BENCH_RUNS, 5, 1)
  const nationalUnits = integer('national-units', flag('national-units') ?? env.BENCH_NATIONAL_UNITS, 100_000, 1000)
  const onlyRaw = flag('only') ?? env.BENCH_ONLY
  const only = onlyRaw ? onlyRaw.split(',').map((name) => name.trim()).filter(Boolean) : allSections.filter((name) => !askedOnly.includes(name))
  const unknown = only.filter((name) => !(allSections as readonly string[]).includes(name))
  if (unknown.length > 0) throw new Error(`phần không có: ${unknown.join(', ')}\n${usage}`)
  return { nationalUnits, only: only as Section[], runs, units }
}

const cell = (value: string | undefined) => (value ?? '—').replace(/\|/g, '\\|')
const holds = (value: boolean | null) => (value === null ? '—' : value ? '✅' : '❌')

export const markdownTable = (rows: TableRow[]) =>
  [
    '| figure | app | baseline A | baseline B | ratio | target | holds? |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${cell(row.figure)} | ${cell(row.app)} | ${cell(row.baselineA)} | ${cell(row.baselineB)} | ${cell(row.ratio)} | ${cell(row.target)} | ${holds(row.holds)} |`),
  ].join('\n')

const gitCommit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

const main = async () => {
  const options = parseOptions({ argv: process.argv.slice(2), env: process.env })
  const wants = (section: Section) => options.only.includes(section)
  const log = (line: string) => console.log(line)
  const began = performance.now()
  const startedAt = new Date()
  const rows: TableRow[] = []
  const raw: Record<string, unknown> = {}
  const errors: Record<string, string> = {}
  const timings: Record<string, number> = {}

  const section = async (name: Section, run: () => Promise<SectionResult>) => {
    if (!wants(name)) return
    const start = performance.now()
    log(`[bench] ▶ ${name}`)
    try {
      const result = await run()
      rows.push(...result.rows)
      raw[name] = result.raw
    } catch (error) {
      errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error)
      rows.push({ app: `LỖI: ${String(error instanceof Error ? error.message : error).slice(0, 200)}`, figure: name, holds: false, target: '—' })
      console.error(`[bench] ${name} thất bại:`, error)
    }
    timings[name] = Math.round(performance.now() - start)
  }

  if (options.only.some((name) => !withoutBuild.includes(name))) ensureBenchBuild()
  await section('core', core)

  const needsServer = allSections.some((name) => !['core', 'embedded', 'actions', 'national'].includes(name) && wants(name))
  let setup: Record<string, unknown> = {}
  if (needsServer) {
    const setupStart = performance.now()
    const cluster = await startBenchCluster()
    const dataDir = tempDir('dvht-bench-')
    let server: Awaited<ReturnType<typeof startServer>> | null = null
    try {
      const databaseUrl = await createDatabase({ name: 'bench', serverUrl: cluster.url })
      const secret = strongSecret()
      const env = { BENCH_BASELINE: 'true', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PAYLOAD_SECRET: secret, SEED_DEMO: 'false' }
      log(`[bench] PostgreSQL tạm thời trên cổng ${cluster.port}${cluster.hasStatements ? ' (pg_stat_statements)' : ''}; nạp bộ tiêu chí…`)
      seedCriteriaSets({ env })
      // the bench signs in its accounts from one address: the sign-in limit would refuse them
      server = await startServer({ env: { ...env, RATE_LIMIT_LOGIN_MAX: '0' } })
      log(`[bench] máy chủ production: ${server.url} (pid ${server.pid})`)
      const client = createClient({ baseUrl: server.url })
      const world = await buildWorld({ client, databaseUrl, log, secret, units: options.units })
      setup = { seconds: Math.round((performance.now() - setupStart) / 1000), units: options.units, answerRows: world.answerRows, resultBytes: world.resultBytes }
      log(`[bench] chuẩn bị xong sau ${setup.seconds} s`)
      const context: Context = { client, databaseUrl, hasStatements: cluster.hasStatements, log, runs: options.runs, serverPid: server.pid, units: options.units, world }
      const pid = server.pid
      if (wants('rss')) {
        const row = restMemory({ label: `khi nghỉ sau chuẩn bị (${options.units} đơn vị)`, serverPid: pid })
        rows.push(row)
        raw.rssAtRest = row
      }
      await section('save', () => savePath(context))
      await section('crunch', () => crunch(context))
      await section('list', () => authorityList(context))
      await section('counts', () => dashboardCounts(context))
      await section('workflow', () => workflow(context))
      await section('import', () => importUnits(context))
      await section('sheets', () => sheetImportAndExport({ ...context, baseUrl: server!.url }))
      // last: it moves every dossier into one round
      await section('report', () => roundReport(context))
      if (wants('rss')) rows.push(restMemory({ label: 'khi nghỉ, cuối lượt đo', serverPid: pid }))
    } finally {
      await server?.stop()
      cluster.stop()
      fs.rmSync(dataDir, { force: true, recursive: true })
    }
  }

  await section('embedded', () =>
    embedded({
      log,
      startEmbedded: async (onSpawn) => {
        const dataDir = tempDir('dvht-bench-embedded-')
        // dist/main.mjs itself, not `npm start`'s wrapper: that one rebuilds when a source changed,
        // and a build inside the measurement would be counted as the server's memory
        const server = await startServer({ env: { DATA_DIR: dataDir, PAYLOAD_SECRET: '', STARTUP_TIMEOUT_MS: '120000' }, onSpawn })
        return {
          client: createClient({ baseUrl: server.url }),
          pid: server.pid,
          stop: async () => {
            await server.stop()
            fs.rmSync(dataDir, { force: true, recursive: true })
          },
        }
      },
    }),
  )

  await section('actions', async () => {
    const results: SectionResult[] = []
    // the product's default first (`npm start`: embedded PGlite, demo loaded at the first start)
    const dataDir = tempDir('dvht-bench-actions-')
    const embeddedServer = await startServer({ env: { DATA_DIR: dataDir, PAYLOAD_SECRET: '', RATE_LIMIT_LOGIN_MAX: '0', STARTUP_TIMEOUT_MS: '120000' } })
    try {
      log(`[bench] thao tác trên dữ liệu demo, PGlite nhúng: ${embeddedServer.url}`)
      results.push(await demoActions({ client: createClient({ baseUrl: embeddedServer.url }), label: 'PGlite nhúng', log, runs: options.runs, url: embeddedServer.url }))
    } finally {
      await embeddedServer.stop()
      fs.rmSync(dataDir, { force: true, recursive: true })
    }
    const cluster = await startBenchCluster()
    const pgDataDir = tempDir('dvht-bench-actions-pg-')
    let server: Awaited<ReturnType<typeof startServer>> | null = null
    try {
      const databaseUrl = await createDatabase({ name: 'demo', serverUrl: cluster.url })
      server = await startServer({ env: { DATABASE_URL: databaseUrl, DATA_DIR: pgDataDir, PAYLOAD_SECRET: strongSecret(), RATE_LIMIT_LOGIN_MAX: '0', SEED_DEMO: 'true' } })
      log(`[bench] thao tác trên dữ liệu demo, PostgreSQL: ${server.url}`)
      results.push(await demoActions({ client: createClient({ baseUrl: server.url }), label: 'PostgreSQL', log, runs: options.runs, url: server.url }))
    } finally {
      await server?.stop()
      cluster.stop()
      fs.rmSync(pgDataDir, { force: true, recursive: true })
    }
    return { raw: Object.fromEntries(results.map((result, at) => [at === 0 ? 'embedded' : 'postgres', result.raw])), rows: results.flatMap((result) => result.rows) }
  })

  await section('national', async () => {
    const { nationalBench } = await import('./national')
    return nationalBench({ log, runs: options.runs, units: options.nationalUnits })
  })

  const totalSeconds = Math.round((performance.now() - began) / 1000)
  const header = [
    `# npm run bench — ${startedAt.toISOString()}`,
    '',
    `commit ${gitCommit()}, Node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB; ${needsServer ? `${options.units} đơn vị, ` : ''}${options.runs} vòng; phần: ${options.only.join(', ')}; tổng ${totalSeconds} s (chuẩn bị ${setup.seconds ?? '—'} s).`,
    'Máy khách đo chạy cùng máy với máy chủ và tranh CPU với nó.',
    '',
  ].join('\n')
  const markdown = `${header}${markdownTable(rows)}\n${Object.keys(errors).length ? `\nLỗi:\n${Object.entries(errors).map(([name, error]) => `- ${name}: ${error.split('\n')[0]}`).join('\n')}\n` : ''}`
  const resultsDir = path.join(projectRoot, 'bench', 'results')
  fs.mkdirSync(resultsDir, { recursive: true })
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
  fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), markdown)
  fs.writeFileSync(
    path.join(resultsDir, `${stamp}.json`),
    JSON.stringify({ commit: gitCommit(), cpus: os.cpus().length, errors, node: process.version, options, raw, rows, setup, startedAt: startedAt.toISOString(), timings, totalSeconds }, null, 2),
  )
  console.log(`\n${markdown}\n[bench] kết quả: bench/results/${stamp}.md và .json`)
  return Object.keys(errors).length === 0 ? 0 : 1
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(projectRoot, 'bench', 'run.ts')
if (isMain) process.exit(await main())
