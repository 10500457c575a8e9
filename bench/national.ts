/**
 * `npm run bench -- --only national [--national-units 100000] [--runs 30]`: the country at once
 * (issue 16 part 4). A throwaway PostgreSQL cluster (pg_stat_statements and auto_explain loaded), a
 * database migrated by the committed migrations except `national_indexes` and `national_speed`, the national criteria
 * sets through the product's loader, then 34 provinces, 700 lower authorities, 100,000 units,
 * their rounds, ~95,000 dossiers and the register seeded with COPY (lib/nationalSeed.ts). Payload
 * runs in this process (no build, no HTTP: the Local API with `overrideAccess: false` as each real
 * user, the same calls the admin's pages and the public register make). Every operation is timed
 * `runs` times (at least 30) before and after those two index migrations, in one run; then
 * each operation runs once more with auto_explain logging every statement's
 * `EXPLAIN (ANALYZE, BUFFERS)`: how many statements it sends and its slowest, and the plan of the
 * slowest statement of all is printed. Not part of CI.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import pg from 'pg'
import type { Migration, Payload, PayloadRequest, Where } from 'payload'

import { seedNation, type NationalWorld } from './lib/nationalSeed'
import { createDatabase, startBenchCluster } from './lib/server'
import { summarize, type Summary } from './lib/stats'
import type { SectionResult, TableRow } from './lib/sections'

/** The migrations this bench asked for (their indexes); measured without them first, then with them. */
export const indexMigrationNames = ['national_indexes', 'national_speed']

const isIndexMigration = (migration: Migration) => indexMigrationNames.some((name) => migration.name.endsWith(name))

export const targetMs = 300

type Operation = { name: string; /** a figure the issue's target binds (list, dashboard, register) */ isTarget: boolean; run: () => Promise<unknown> }

/**
 * `runs` timed calls after three not counted. An operation far over its target (seconds a call)
 * stops after 90 s and at least 5 calls, so that a slow version still finishes in minutes; the
 * table then says how many calls it made.
 */
const measure = async ({ operation, runs, budgetMs = 90_000 }: { operation: Operation; runs: number; budgetMs?: number }) => {
  // warm-up, not counted: three calls, or one when it takes seconds
  for (let index = 0; index < 3; index += 1) {
    const started = performance.now()
    await operation.run()
    if (performance.now() - started > 2000) break
  }
  const samples: number[] = []
  const began = performance.now()
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now()
    await operation.run()
    samples.push(performance.now() - started)
    if (samples.length >= 5 && performance.now() - began > budgetMs) break
  }
  return summarize(samples)
}

/**
 * auto_explain's entries in a server log (text format, log lines prefixed by their timestamp): each
 * statement's duration, its text and its plan with actual times and buffers.
 */
export const parseAutoExplain = (log: string) => {
  const entries: { ms: number; query: string; plan: string }[] = []
  for (const match of log.matchAll(/LOG:\s+duration: ([\d.]+) ms\s+plan:\n([\s\S]*?)(?=\n\d{4}-\d{2}-\d{2} |$(?![\s\S]))/g)) {
    const body = match[2].replace(/\n+$/, '')
    entries.push({ ms: Number(match[1]), plan: body, query: (/Query Text: ([\s\S]*?)\n[^\n]*\(cost=/.exec(body)?.[1] ?? '').replace(/\s+/g, ' ').trim() })
  }
  return entries
}

export const operationsFor = async ({ payload, world }: { payload: Payload; world: NationalWorld }): Promise<Operation[]> => {
  const { createLocalReq } = await import('payload')
  const { loadDashboard } = await import('../src/dashboard/load')
  const { queryRegister } = await import('../src/public/register')
  const userOf = async (id: number) => ({ ...(await payload.findByID({ collection: 'users', depth: 0, id })), collection: 'users' as const })
  const users = { admin: await userOf(world.users.admin), district: await userOf(world.users.district), province: await userOf(world.users.province) }
  // a fresh request each time, as each page view is its own request (nothing cached across them)
  const request = (user: (typeof users)[keyof typeof users]): Promise<PayloadRequest> => createLocalReq({ user: user as never }, payload)
  const today = new Date().toISOString().slice(0, 10)
  const listColumns = { criteriaSet: true, outcome: true, round: true, status: true, submittedAt: true, title: true, unit: true } as const
  const dossierList = (user: (typeof users)[keyof typeof users], where?: Where) => async () => {
    const req = await request(user)
    return payload.find({ collection: 'self-assessments', depth: 0, limit: 50, overrideAccess: false, req, select: listColumns, sort: '-submittedAt', user: user as never, where })
  }
  const unitList = (user: (typeof users)[keyof typeof users]) => async () => {
    const req = await request(user)
    return payload.find({ collection: 'units', depth: 0, limit: 50, overrideAccess: false, req, select: { authority: true, isActive: true, memberCount: true, name: true, tier: true, unitType: true }, sort: 'name', user: user as never })
  }
  const dashboard = (user: (typeof users)[keyof typeof users]) => async () => loadDashboard({ req: await request(user) })
  const province = String(world.provinces[0])
  return [
    { isTarget: true, name: 'Danh sách hồ sơ, quản trị tỉnh: chờ tiếp nhận (status = submitted), 50 dòng', run: dossierList(users.province, { status: { equals: 'submitted' } }) },
    { isTarget: true, name: 'Danh sách hồ sơ, quản trị tỉnh: tất cả, 50 dòng', run: dossierList(users.province) },
    { isTarget: true, name: 'Danh sách hồ sơ, quản trị huyện: chờ tiếp nhận, 50 dòng', run: dossierList(users.district, { status: { equals: 'submitted' } }) },
    { isTarget: true, name: 'Danh sách hồ sơ, quản trị hệ thống: chờ tiếp nhận, 50 dòng (toàn quốc)', run: dossierList(users.admin, { status: { equals: 'submitted' } }) },
    { isTarget: true, name: 'Bảng điều khiển: quản trị tỉnh (loadDashboard)', run: dashboard(users.province) },
    { isTarget: true, name: 'Bảng điều khiển: quản trị huyện (loadDashboard)', run: dashboard(users.district) },
    { isTarget: true, name: 'Bảng điều khiển: quản trị hệ thống, 34 tỉnh (loadDashboard)', run: dashboard(users.admin) },
    { isTarget: true, name: 'Sổ công nhận công khai: không lọc (trang /cong-nhan)', run: () => queryRegister({ filters: {}, payload, today }) },
    { isTarget: true, name: 'Sổ công nhận công khai: tìm tên «Hòa An»', run: () => queryRegister({ filters: { q: 'Hòa An' }, payload, today }) },
    { isTarget: true, name: 'Sổ công nhận công khai: một cơ quan, năm, mức độ', run: () => queryRegister({ filters: { authority: String(world.lowers[0].id), level: '1', year: String(world.year - 1) }, payload, today }) },
    { isTarget: false, name: 'Phạm vi: danh sách đơn vị của quản trị huyện, 50 dòng', run: unitList(users.district) },
    { isTarget: false, name: 'Phạm vi: danh sách đơn vị của quản trị tỉnh, 50 dòng', run: unitList(users.province) },
    { isTarget: false, name: `Phạm vi: đếm hồ sơ của quản trị tỉnh ${province}`, run: async () => payload.count({ collection: 'self-assessments', overrideAccess: false, req: await request(users.province), user: users.province as never }) },
  ]
}

const cellOf = (summary: Summary | undefined) => (summary ? `${summary.p50} / ${summary.p95} ms${summary.n < 30 ? ` (${summary.n} lần)` : ''}` : '—')

export const nationalTable = (rows: { name: string; before?: Summary; after: Summary; isTarget: boolean }[]) =>
  [
    `| thao tác | trước ${indexMigrationNames.join(', ')} p50 / p95 | sau p50 / p95 | mục tiêu | đạt? |`,
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.name} | ${cellOf(row.before)} | ${cellOf(row.after)} | ${row.isTarget ? `p95 ≤ ${targetMs} ms` : '—'} | ${row.isTarget ? (row.after.p95 <= targetMs ? '✅' : '❌') : '—'} |`),
  ].join('\n')

export const nationalBench = async ({ runs, units, log }: { runs: number; units: number; log: (line: string) => void }): Promise<SectionResult> => {
  const repetitions = Math.max(30, runs)
  const cluster = await startBenchCluster({ libraries: ['pg_stat_statements', 'auto_explain'] })
  const serverLog = path.join(path.dirname(cluster.dataDir), 'server.log')
  let payload: Payload | null = null
  try {
    const databaseUrl = await createDatabase({ name: 'national', serverUrl: cluster.url })
    Object.assign(process.env, { DATABASE_URL: databaseUrl, PAYLOAD_LOG_LEVEL: process.env.PAYLOAD_LOG_LEVEL ?? 'warn', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-national-' + Date.now() })
    delete process.env.DATABASE_EMBEDDED
    const { getPayload } = await import('payload')
    const config = (await import('../payload.config')).default
    const { migrations } = await import('../src/migrations')
    const all = migrations as unknown as Migration[]
    const hasIndexMigration = all.some(isIndexMigration)
    payload = await getPayload({ config, cron: false })
    const migrateStart = performance.now()
    await payload.db.migrate({ migrations: all.filter((migration) => !isIndexMigration(migration)) })
    const { loadCriteriaSets } = await import('../src/seed/loadCriteriaSets')
    await loadCriteriaSets({ payload })
    log(`[national] CSDL đã migrate (trừ ${indexMigrationNames.join(', ')}) và nạp bộ tiêu chí: ${Math.round(performance.now() - migrateStart)} ms`)
    const world = await seedNation({ databaseUrl, log, units })
    log(`[national] nạp bằng COPY: ${JSON.stringify(world.counts)} trong ${world.seconds.toFixed(1)} s`)
    const operations = await operationsFor({ payload, world })

    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    const sizes = (await db.query(`SELECT relname, n_live_tup::int AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables WHERE relname IN ('units','self_assessments','recognitions','rounds','authorities') ORDER BY relname`)).rows
    log(`[national] bảng: ${sizes.map((row) => `${row.relname} ${row.rows} dòng ${row.size}`).join('; ')}`)

    const before = new Map<string, Summary>()
    if (hasIndexMigration) {
      for (const operation of operations) {
        before.set(operation.name, await measure({ operation, runs: repetitions }))
        log(`[national] trước: ${operation.name}: ${cellOf(before.get(operation.name))}`)
      }
      const indexStart = performance.now()
      await payload.db.migrate({ migrations: all })
      await db.query('ANALYZE')
      log(`[national] ${indexMigrationNames.join(', ')}: ${Math.round(performance.now() - indexStart)} ms`)
    }
    const after = new Map<string, Summary>()
    for (const operation of operations) {
      after.set(operation.name, await measure({ operation, runs: repetitions }))
      log(`[national] ${hasIndexMigration ? 'sau' : 'đo'}: ${operation.name}: ${cellOf(after.get(operation.name))}`)
    }

    // each operation once more, every statement explained by auto_explain into the server log: how
    // many statements it sends, its slowest, and the plan of the slowest statement of all
    await db.query(`ALTER SYSTEM SET auto_explain.log_analyze = on`)
    await db.query(`ALTER SYSTEM SET auto_explain.log_buffers = on`)
    const statements: Record<string, { count: number; sqlMs: number; slowestMs: number; slowest: string }> = {}
    let worst: { ms: number; query: string; plan: string; operation: string } | null = null
    for (const operation of operations) {
      const logStart = fs.statSync(serverLog).size
      await db.query(`ALTER SYSTEM SET auto_explain.log_min_duration = 0`)
      await db.query(`SELECT pg_reload_conf()`)
      await new Promise((resolve) => setTimeout(resolve, 300))
      await operation.run()
      await db.query(`ALTER SYSTEM SET auto_explain.log_min_duration = -1`)
      await db.query(`SELECT pg_reload_conf()`)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const plans = parseAutoExplain(fs.readFileSync(serverLog, 'utf8').slice(logStart)).filter((plan) => !/pg_reload_conf|ALTER SYSTEM/.test(plan.query))
      const top = plans.reduce<(typeof plans)[number] | null>((max, plan) => (!max || plan.ms > max.ms ? plan : max), null)
      statements[operation.name] = { count: plans.length, slowest: top?.query.slice(0, 300) ?? '', slowestMs: top?.ms ?? 0, sqlMs: plans.reduce((sum, plan) => sum + plan.ms, 0) }
      if (top && (!worst || top.ms > worst.ms)) worst = { ...top, operation: operation.name }
    }
    await db.end()
    const statementTable = [
      '| thao tác | số câu SQL | tổng thời gian SQL (có ANALYZE) | câu chậm nhất |',
      '|---|---|---|---|',
      ...operations.map((operation) => {
        const entry = statements[operation.name]
        return `| ${operation.name} | ${entry.count} | ${entry.sqlMs.toFixed(1)} ms | ${entry.slowestMs.toFixed(1)} ms |`
      }),
    ].join('\n')
    const explained = worst
      ? `Câu SQL chậm nhất (${worst.ms.toFixed(1)} ms, trong «${worst.operation}»), EXPLAIN (ANALYZE, BUFFERS) qua auto_explain:\n\n\`\`\`\n${worst.plan}\n\`\`\``
      : '(auto_explain không ghi kế hoạch nào)'

    const rows = operations.map((operation) => ({ after: after.get(operation.name) as Summary, before: before.get(operation.name), isTarget: operation.isTarget, name: operation.name }))
    log(`\n[national] ${repetitions} lần mỗi thao tác, ${units} đơn vị; nạp ${world.seconds.toFixed(1)} s\n${nationalTable(rows)}\n\n${statementTable}\n\n${explained}\n`)
    const tableRows: TableRow[] = rows.map((row) => ({
      app: cellOf(row.after),
      baselineA: row.before ? `trước chỉ mục: ${cellOf(row.before)}` : undefined,
      figure: `Toàn quốc (${units} đơn vị): ${row.name} (p50 / p95, ${repetitions} lần)`,
      holds: row.isTarget ? row.after.p95 <= targetMs : null,
      target: row.isTarget ? `p95 ≤ ${targetMs} ms` : '—',
    }))
    tableRows.push({ app: `${world.seconds.toFixed(1)} s (${JSON.stringify(world.counts)})`, figure: 'Toàn quốc: nạp dữ liệu bằng COPY', holds: world.seconds <= 600, target: '≤ 10 phút' })
    return { raw: { after: Object.fromEntries(after), before: Object.fromEntries(before), counts: world.counts, seedSeconds: world.seconds, sizes, statements, worst }, rows: tableRows }
  } finally {
    if (payload) {
      const { closePayload } = await import('../src/runtime')
      await closePayload({ payload }).catch(() => {})
    }
    cluster.stop()
  }
}
