/**
 * The figures of `npm run bench`, each a function of the running server and the bench province,
 * returning raw numbers for the JSON and the rows of the Markdown table. Baselines are measured in
 * the same run, interleaved with the app's requests.
 */
import { performance } from 'node:perf_hooks'

import pg from 'pg'

import { evaluateBench } from '../evaluate'
import { closedLoop, type Client, type Reply } from './http'
import { sampleMemory, treeMemory } from './processes'
import { summarize, type Summary } from './stats'
import { benchPassword, metAnswers, type Account, type Dossier, type World } from './world'

/** A transition as the sidebar's buttons send it (src/components/WorkflowActions.tsx): only the status comes back. */
const buttonQuery = '?depth=0&select[status]=true'

export type TableRow = { figure: string; app: string; baselineA?: string; baselineB?: string; ratio?: string; target: string; holds: boolean | null }

export type SectionResult = { rows: TableRow[]; raw: Record<string, unknown> }

export type Context = {
  client: Client
  world: World
  databaseUrl: string
  serverPid: number
  runs: number
  units: number
  hasStatements: boolean
  log: (line: string) => void
}

type Row = Record<string, any>

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`

const statusCounts = (replies: { status: number }[]) => replies.reduce<Record<string, number>>((counts, reply) => ({ ...counts, [reply.status]: (counts[reply.status] ?? 0) + 1 }), {})

const expectStatus = (reply: Reply, status: number, what: string) => {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 600)}`)
  return reply
}

/** Sum of pg_stat_statements calls in the bench database (minus the reading query itself). */
const statementCounter = async ({ databaseUrl }: { databaseUrl: string }) => {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
  const read = async () =>
    Number((await db.query(`SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`)).rows[0].n)
  const byQuery = async () =>
    new Map((await db.query(`SELECT query, calls::bigint AS n FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`)).rows.map((row) => [row.query as string, Number(row.n)]))
  /** Statements the server ran for `call`, which must be alone on the server; BENCH_SHOW_SQL=1 prints the most repeated. */
  const during = async (call: () => Promise<unknown>) => {
    const queries = process.env.BENCH_SHOW_SQL ? await byQuery() : null
    const before = await read()
    await call()
    const count = (await read()) - before - 1
    if (queries) {
      const after = await byQuery()
      const repeated = [...after].map(([query, n]) => [n - (queries.get(query) ?? 0), query] as const).filter(([n]) => n > 0).sort((a, b) => b[0] - a[0])
      for (const [n, query] of repeated.slice(0, 12)) console.log(`[bench] ${String(n).padStart(4)}× ${query.replace(/\s+/g, ' ').slice(0, 160)}`)
    }
    return count
  }
  return { close: () => db.end(), during }
}

// 1. The save path -------------------------------------------------------------------------------

/** The row the bench edits each time: the first that asks for evidence (its explanation), else row 0. */
const editedRow = (rows: Row[]) =>
  Math.max(
    0,
    rows.findIndex((row) => row.evidenceRequired && row.isApplicable),
  )

export const savePath = async ({ client, world, databaseUrl, runs, log }: Context): Promise<SectionResult> => {
  const perRound = 100
  const sample = world.dossiers.slice(0, Math.min(10, world.dossiers.length))
  // baseline A: a bare-collection copy of each sample dossier, as its stored data
  const copies: { app: Dossier; appRows: Row[]; bareId: number; bareRows: Row[] }[] = []
  for (const dossier of sample) {
    const doc = await client.json<Row>({ path: `/api/self-assessments/${dossier.id}?depth=0`, token: dossier.editor.token })
    const data: Row = {}
    for (const field of ['title', 'round', 'criteriaSet', 'unit', 'status', 'outcome', 'level', 'points', 'isComplete', 'missingCount', 'result', 'authority', 'deadlineText']) data[field] = doc[field]
    data.answers = (doc.answers as Row[]).map(({ id: _id, ...row }) => row)
    const bare = await client.json<{ doc: Row }>({ body: data, expect: 201, method: 'POST', path: '/api/bench-bare?depth=0', token: world.admin.token })
    copies.push({ app: dossier, appRows: doc.answers, bareId: bare.doc.id, bareRows: bare.doc.answers })
  }
  const bodyBytes = JSON.stringify({ answers: copies[0].appRows }).length

  // baseline B: the same document written by hand on one connection: the main row (result json,
  // updated_at) and the answer rows replaced in one multi-row INSERT, in one transaction
  const samples = { app: [] as number[], baselineA: [] as number[], baselineB: [] as number[] }
  const failures: Record<string, number> = {}
  const db = new pg.Client({ connectionString: databaseUrl })
  db.on('error', () => {}) // the cluster stopping after a failed section must not end the bench
  await db.connect()
  try {
    const answerColumns = [
      'indicator',
      'criterion',
      'measure',
      'max_points',
      'scale',
      'is_applicable',
      'status',
      'text',
      'threshold',
      'evidence_required',
      'yes_no',
      'numerator',
      'denominator',
      'points',
      'rank',
      'explanation',
    ]
    const fieldOf = (column: string) => column.replace(/_(\w)/g, (_m, letter: string) => letter.toUpperCase())
    const results = new Map<number, unknown>()
    for (const copy of copies) results.set(copy.bareId, (await db.query('SELECT result FROM bench_bare WHERE id = $1', [copy.bareId])).rows[0].result)
    const rawSave = async ({ id, rows }: { id: number; rows: Row[] }) => {
      const values: unknown[] = []
      const tuples = rows.map((row, order) => {
        const cells = [order + 1, id, row.id, ...answerColumns.map((column) => (column === 'scale' ? JSON.stringify(row.scale ?? null) : (row[fieldOf(column)] ?? null)))]
        const start = values.length
        values.push(...cells)
        return `(${cells.map((_cell, index) => `$${start + index + 1}`).join(', ')})`
      })
      await db.query('BEGIN')
      await db.query('UPDATE bench_bare SET result = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(results.get(id))])
      await db.query('DELETE FROM bench_bare_answers WHERE _parent_id = $1', [id])
      await db.query(`INSERT INTO bench_bare_answers (_order, _parent_id, id, ${answerColumns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values)
      await db.query('COMMIT')
    }

    let edit = 0
    const changed = (rows: Row[]) => {
      edit += 1
      const index = editedRow(rows)
      return rows.map((row, at) => (at === index ? { ...row, explanation: `Hồ sơ gốc lưu tại văn phòng đơn vị (lần ${edit}).` } : row))
    }
    // a short warm-up of each path, not counted
    for (let index = 0; index < 10; index += 1) {
      const copy = copies[index % copies.length]
      await client.request({ body: { answers: changed(copy.appRows) }, method: 'PATCH', path: `/api/self-assessments/${copy.app.id}?depth=0`, token: copy.app.editor.token })
      await client.request({ body: { answers: changed(copy.bareRows) }, method: 'PATCH', path: `/api/bench-bare/${copy.bareId}?depth=0`, token: world.admin.token })
      await rawSave({ id: copy.bareId, rows: changed(copy.bareRows) })
    }
    for (let round = 1; round <= runs; round += 1) {
      for (let index = 0; index < perRound; index += 1) {
        const copy = copies[index % copies.length]
        const reply = await client.request({ body: { answers: changed(copy.appRows) }, method: 'PATCH', path: `/api/self-assessments/${copy.app.id}?depth=0`, token: copy.app.editor.token })
        if (reply.status === 200) samples.app.push(reply.ms)
        else failures[`app ${reply.status}`] = (failures[`app ${reply.status}`] ?? 0) + 1
      }
      for (let index = 0; index < perRound; index += 1) {
        const copy = copies[index % copies.length]
        const reply = await client.request({ body: { answers: changed(copy.bareRows) }, method: 'PATCH', path: `/api/bench-bare/${copy.bareId}?depth=0`, token: world.admin.token })
        if (reply.status === 200) samples.baselineA.push(reply.ms)
        else failures[`A ${reply.status}`] = (failures[`A ${reply.status}`] ?? 0) + 1
      }
      for (let index = 0; index < perRound; index += 1) {
        const copy = copies[index % copies.length]
        const started = performance.now()
        await rawSave({ id: copy.bareId, rows: changed(copy.bareRows) })
        samples.baselineB.push(performance.now() - started)
      }
      log(`[bench] lưu hồ sơ: vòng ${round}/${runs}`)
    }
  } finally {
    await db.end()
  }
  const app = summarize(samples.app)
  const baselineA = summarize(samples.baselineA)
  const baselineB = summarize(samples.baselineB)
  const ratio = app.p50 / baselineA.p50
  return {
    raw: {
      answerRows: copies[0].appRows.length,
      app,
      baselineA,
      baselineB,
      bodyBytes,
      failures,
      perRound,
      ratioP50: ratio,
      ratioP95: app.p95 / baselineA.p95,
      resultBytes: world.resultBytes,
      runs,
      samples,
    },
    rows: [
      {
        app: `${app.p50} / ${app.p95} / ${app.p99} ms`,
        baselineA: `${baselineA.p50} / ${baselineA.p95} / ${baselineA.p99} ms`,
        baselineB: `${baselineB.p50} / ${baselineB.p95} / ${baselineB.p99} ms`,
        figure: `Lưu hồ sơ (PATCH answers, ${copies[0].appRows.length} dòng, p50/p95/p99; ${runs}×${perRound} mỗi loại, xen kẽ)${Object.keys(failures).length ? ` — lỗi ${JSON.stringify(failures)}` : ''}`,
        holds: ratio <= 1.5 && Object.keys(failures).length === 0,
        ratio: `${ratio.toFixed(2)}× (p95 ${(app.p95 / baselineA.p95).toFixed(2)}×)`,
        target: '≤ 1.5× A (p50)',
      },
    ],
  }
}

// 2. The crunch ----------------------------------------------------------------------------------

export const crunch = async ({ client, world, databaseUrl, serverPid, log }: Context): Promise<SectionResult> => {
  const clients = 50
  const queue = [...world.dossiers]
  const latencies: number[] = []
  const replies: { status: number; message?: string }[] = []
  const memory = sampleMemory({ root: serverPid })
  const wallMs = await closedLoop({
    clients,
    next: () => queue.shift() ?? null,
    run: async (dossier) => {
      let reply: Reply
      try {
        reply = await client.request({ body: { status: 'submitted' }, method: 'PATCH', path: `/api/self-assessments/${dossier.id}${buttonQuery}`, token: dossier.editor.token })
      } catch (error) {
        replies.push({ message: String(error), status: 0 })
        return
      }
      latencies.push(reply.ms)
      replies.push(reply.status === 200 ? { status: 200 } : { message: reply.text.slice(0, 300), status: reply.status })
    },
  })
  const peak = memory.stop()
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const ids = world.dossiers.map((dossier) => dossier.id)
  const submitted = Number((await db.query(`SELECT count(*) AS n FROM self_assessments WHERE id = ANY($1::int[]) AND status = 'submitted'`, [ids])).rows[0].n)
  const audited = Number(
    (await db.query(`SELECT count(DISTINCT doc_id) AS n FROM audit_events WHERE collection = 'self-assessments' AND action = 'submit' AND doc_id = ANY($1::text[])`, [ids.map(String)])).rows[0].n,
  )
  await db.end()
  const ok = replies.filter((reply) => reply.status === 200).length
  const errors = replies.length - ok
  const lost = ok - Math.min(submitted, audited)
  const throughput = (ok * 1000) / wallMs
  const summary = summarize(latencies)
  const errorStatuses = statusCounts(replies.filter((reply) => reply.status !== 200))
  const messages = [...new Set(replies.filter((reply) => reply.status !== 200).map((reply) => `${reply.status} ${reply.message}`))].slice(0, 5)
  log(`[bench] nộp đồng loạt: ${ok}/${replies.length} thành công trong ${(wallMs / 1000).toFixed(1)} s`)
  return {
    raw: { audited, clients, errorStatuses, errors, latency: summary, lost, memory: peak, messages, ok, submitted, throughput, total: replies.length, wallMs },
    rows: [
      {
        app: `${errors} lỗi ${JSON.stringify(errorStatuses)}, ${lost} mất; CSDL: ${submitted} submitted, ${audited} sự kiện submit`,
        figure: `Nộp đồng loạt: ${replies.length} hồ sơ, ${clients} client vòng kín — lỗi, mất`,
        holds: errors === 0 && lost === 0 && submitted === world.dossiers.length && audited === world.dossiers.length,
        target: '0 lỗi, 0 mất',
      },
      { app: `${throughput.toFixed(1)} hồ sơ/s (${(wallMs / 1000).toFixed(1)} s)`, figure: 'Nộp đồng loạt: thông lượng', holds: throughput >= 150, target: '≥ 150/s' },
      { app: `${summary.p50} / ${summary.p95} / ${summary.p99} ms`, figure: 'Nộp đồng loạt: độ trễ p50/p95/p99', holds: summary.p95 <= 300, target: 'p95 ≤ 300 ms' },
      {
        app: `${peak.peakRssMb} MB (mẫu 100 ms; tổng VmHWM ${peak.hwmMb} MB)`,
        figure: 'RSS máy chủ (cây tiến trình): đỉnh khi nộp đồng loạt',
        holds: peak.peakRssMb <= 1024 && peak.hwmMb <= 1024,
        target: '≤ 1 GB',
      },
    ],
  }
}

// 3. Authority list ------------------------------------------------------------------------------

export const authorityList = async ({ client, world, databaseUrl, hasStatements, runs, log }: Context): Promise<SectionResult> => {
  const token = world.provinceAdmin.token
  const first = await client.json<{ totalPages: number; totalDocs: number }>({ path: '/api/self-assessments?limit=50&page=1', token })
  const pages = Math.max(1, Math.min(first.totalPages, 60))
  const api: Reply[] = []
  const html: Reply[] = []
  for (let index = 0; index < 3; index += 1) {
    await client.request({ path: `/api/self-assessments?limit=50&page=${index + 1}`, token })
    await client.request({ isCookie: true, path: '/admin/collections/self-assessments', token })
  }
  for (let round = 0; round < runs; round += 1) {
    for (let index = 0; index < 10; index += 1) {
      const page = 1 + ((round * 10 + index) % pages)
      api.push(expectStatus(await client.request({ path: `/api/self-assessments?limit=50&page=${page}`, token }), 200, 'danh sách'))
    }
    for (let index = 0; index < 4; index += 1) html.push(expectStatus(await client.request({ isCookie: true, path: '/admin/collections/self-assessments', token }), 200, 'trang danh sách'))
  }
  let statements: { api: number; html: number } | null = null
  if (hasStatements) {
    const counter = await statementCounter({ databaseUrl })
    statements = {
      api: await counter.during(() => client.request({ path: '/api/self-assessments?limit=50&page=2', token })),
      html: await counter.during(() => client.request({ isCookie: true, path: '/admin/collections/self-assessments', token })),
    }
    await counter.close()
  }
  const apiLatency = summarize(api.map((reply) => reply.ms))
  const htmlLatency = summarize(html.map((reply) => reply.ms))
  const apiBytes = Math.max(...api.map((reply) => reply.bytes))
  const htmlBytes = Math.max(...html.map((reply) => reply.bytes))
  log(`[bench] danh sách: API p95 ${apiLatency.p95} ms, ${kb(apiBytes)}/trang`)
  return {
    raw: { api: apiLatency, apiBytes, html: htmlLatency, htmlBytes, pages, statements, totalDocs: first.totalDocs },
    rows: [
      {
        app: `${apiLatency.p50} / ${apiLatency.p95} / ${apiLatency.p99} ms`,
        figure: `Danh sách của quản trị tỉnh: GET /api/self-assessments?limit=50 (${first.totalDocs} hồ sơ, ${api.length} trang)`,
        holds: apiLatency.p95 <= 200,
        target: 'p95 ≤ 200 ms',
      },
      { app: `${kb(apiBytes)}${statements ? `, ${statements.api} câu SQL` : ''}`, figure: 'Danh sách: byte mỗi trang 50 dòng (độ sâu mặc định)', holds: apiBytes <= 200 * 1024, target: '≤ 200 kB' },
      {
        app: `${htmlLatency.p50} / ${htmlLatency.p95} / ${htmlLatency.p99} ms, ${kb(htmlBytes)}${statements ? `, ${statements.html} câu SQL` : ''}`,
        figure: 'Trang quản trị /admin/collections/self-assessments (HTML)',
        holds: null,
        target: '—',
      },
    ],
  }
}

// 4. Dashboard counts ----------------------------------------------------------------------------

const statuses = ['draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised']

export const dashboardCounts = async ({ client, world, runs }: Context): Promise<SectionResult> => {
  const token = world.provinceAdmin.token
  const each: number[] = []
  const dashboards: number[] = []
  const counts: Record<string, number> = {}
  for (let round = 0; round < runs * 4; round += 1) {
    for (const status of statuses) {
      const reply = expectStatus(await client.request({ path: `/api/self-assessments/count?where[status][equals]=${status}`, token }), 200, 'đếm')
      each.push(reply.ms)
      counts[status] = JSON.parse(reply.text).totalDocs
    }
    const started = performance.now()
    await Promise.all(statuses.map((status) => client.request({ path: `/api/self-assessments/count?where[status][equals]=${status}`, token })))
    dashboards.push(performance.now() - started)
  }
  const one = summarize(each)
  const all = summarize(dashboards)
  return {
    raw: { all, counts, one },
    rows: [
      { app: `${one.p50} / ${one.p95} / ${one.p99} ms`, figure: 'Bảng điều khiển: một lượt đếm theo trạng thái', holds: null, target: '—' },
      { app: `${all.p50} / ${all.p95} / ${all.p99} ms`, figure: `Bảng điều khiển: ${statuses.length} lượt đếm song song`, holds: null, target: '—' },
    ],
  }
}

// 5. Core ----------------------------------------------------------------------------------------

export const core = async (): Promise<SectionResult> => {
  const rows = evaluateBench()
  const [app, naive, parse] = rows
  return {
    raw: { rows },
    rows: [
      {
        app: `${app['ops/s'].toLocaleString('en-US')} lượt/s`,
        baselineA: `${naive['ops/s'].toLocaleString('en-US')}/s (vòng lặp thô)`,
        baselineB: `${parse['ops/s'].toLocaleString('en-US')}/s (validateCriteriaSet)`,
        figure: 'Lõi: evaluate (30 chỉ tiêu)',
        holds: app['ops/s'] >= 100_000,
        ratio: `${(naive['ops/s'] / app['ops/s']).toFixed(1)}× chậm hơn vòng thô`,
        target: '≥ 100,000/s',
      },
    ],
  }
}

// 6. Import --------------------------------------------------------------------------------------

export const importUnits = async ({ client, world, units, log }: Context): Promise<SectionResult> => {
  const rows = Array.from({ length: units }, (_unused, index) => ({
    account: { email: `nhap${index + 1}@bench.vn`, name: `Cán bộ nhập ${index + 1}` },
    authority: world.importAuthority,
    code: `BENCH-N${index + 1}`,
    memberCount: 20,
    name: `Đơn vị nhập ${index + 1}`,
    tier: 'huyen',
    unitType: 'xa',
  }))
  const started = performance.now()
  const reply = await client.request({ body: { units: rows }, method: 'POST', path: '/api/units/import', token: world.admin.token })
  if (reply.status !== 404) {
    const seconds = (performance.now() - started) / 1000
    const created = reply.status === 201 ? JSON.parse(reply.text).created : null
    return {
      raw: { created, mode: 'endpoint', seconds, status: reply.status, text: reply.status === 201 ? undefined : reply.text.slice(0, 500) },
      rows: [
        {
          app: reply.status === 201 ? `${seconds.toFixed(1)} s (${JSON.stringify(created)})` : `${reply.status}: ${reply.text.slice(0, 120)}`,
          figure: `Nhập ${units} đơn vị kèm tài khoản: POST /api/units/import`,
          holds: reply.status === 201 && seconds <= 60,
          target: '≤ 60 s',
        },
      ],
    }
  }
  // the old way, on a sample: each unit and its account through REST, then that account's first sign-in
  const sample = rows.slice(0, Math.min(100, units))
  const perUnit: number[] = []
  const sampleStart = performance.now()
  for (const row of sample) {
    const began = performance.now()
    const { account, ...unit } = row
    const created = await client.json<{ doc: { id: number } }>({ body: unit, expect: 201, method: 'POST', path: '/api/units', token: world.admin.token })
    await client.json({
      body: { email: account.email, name: account.name, password: benchPassword, roles: ['unit-editor'], unit: created.doc.id },
      expect: 201,
      method: 'POST',
      path: '/api/users',
      token: world.admin.token,
    })
    await client.login({ email: account.email, password: benchPassword })
    perUnit.push(performance.now() - began)
  }
  const sampleSeconds = (performance.now() - sampleStart) / 1000
  const extrapolated = (sampleSeconds * units) / sample.length
  log(`[bench] nhập theo cách cũ: ${sample.length} đơn vị trong ${sampleSeconds.toFixed(1)} s`)
  return {
    raw: { extrapolatedSeconds: extrapolated, mode: 'rest-per-unit', perUnit: summarize(perUnit), sample: sample.length, sampleSeconds },
    rows: [
      {
        app: `${(extrapolated / 60).toFixed(1)} phút (ngoại suy từ ${sample.length}: ${sampleSeconds.toFixed(1)} s; mỗi đơn vị p50 ${summarize(perUnit).p50} ms)`,
        figure: `Nhập ${units} đơn vị kèm tài khoản (chưa có /api/units/import: POST units + POST users + đăng nhập, tuần tự)`,
        holds: extrapolated <= 60,
        target: '≤ 60 s',
      },
    ],
  }
}

// 7. RSS at rest ---------------------------------------------------------------------------------

export const restMemory = ({ serverPid, label }: { serverPid: number; label: string }): TableRow => {
  const memory = treeMemory(serverPid)
  return {
    app: `${memory.rssMb} MB (${memory.processes} tiến trình; VmHWM ${memory.hwmMb} MB)`,
    figure: `RSS máy chủ (cây tiến trình): ${label}`,
    holds: memory.rssMb <= 1024 && memory.hwmMb <= 1024,
    target: '≤ 1 GB',
  }
}

// 8. Workflow actions ----------------------------------------------------------------------------

export const workflow = async ({ client, world, runs, log }: Context): Promise<SectionResult> => {
  const perDistrict = 20
  const districtsUsed = Math.min(Math.max(1, Math.ceil(runs * 0.6)), world.districts.length)
  const times = { accept: [] as number[], close: [] as number[], draft: [] as number[], issue: [] as number[] }
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()))
  const problems: string[] = []
  for (let district = 0; district < districtsUsed; district += 1) {
    const admin = world.districtAdmins[district]
    const lead = world.leads[district]
    const dossiers = world.dossiers.filter((dossier) => dossier.district === district).slice(0, perDistrict)
    for (const dossier of dossiers) {
      const reply = await client.request({ body: { status: 'in-review' }, method: 'PATCH', path: `/api/self-assessments/${dossier.id}${buttonQuery}`, token: admin.token })
      if (reply.status === 200) times.accept.push(reply.ms)
      else problems.push(`accept ${reply.status} ${reply.text.slice(0, 200)}`)
    }
    for (const dossier of dossiers) {
      // the team lead's review, all met (setup, not timed)
      const review = await client.json<{ doc: Row }>({ body: { selfAssessment: dossier.id }, expect: 201, method: 'POST', path: '/api/reviews?depth=0', token: lead.token })
      const verdicts = (review.doc.verdicts as Row[]).map((row) => ({ ...row, verdict: 'met' }))
      await client.json({ body: { recommendation: 'recognise', verdicts }, method: 'PATCH', path: `/api/reviews/${review.doc.id}?depth=0`, token: lead.token })
      const reply = await client.request({ body: { status: 'reviewed' }, method: 'PATCH', path: `/api/self-assessments/${dossier.id}${buttonQuery}`, token: lead.token })
      if (reply.status === 200) times.close.push(reply.ms)
      else problems.push(`close ${reply.status} ${reply.text.slice(0, 200)}`)
    }
    const draft = await client.request({ body: { round: world.rounds[district], status: 'draft' }, method: 'POST', path: '/api/decisions?depth=0', token: admin.token })
    if (draft.status !== 201) {
      problems.push(`decision draft ${draft.status} ${draft.text.slice(0, 200)}`)
      continue
    }
    times.draft.push(draft.ms)
    const decision = JSON.parse(draft.text).doc
    const issue = await client.request({
      body: { number: `${district + 1}/QĐ-UBND`, signedOn: `${year + 1}-01-20T00:00:00.000Z`, status: 'issued' },
      method: 'PATCH',
      path: `/api/decisions/${decision.id}?depth=0`,
      token: admin.token,
    })
    if (issue.status === 200) times.issue.push(issue.ms)
    else problems.push(`issue ${issue.status} ${issue.text.slice(0, 300)}`)
    log(`[bench] quy trình: huyện ${district + 1}: ${(decision.entries ?? []).length} hồ sơ trong quyết định`)
  }
  const row = (figure: string, samples: number[]): TableRow => {
    const summary = summarize(samples)
    return {
      app: samples.length ? `${summary.p50} / ${summary.p95} / ${summary.p99} ms (n=${summary.n})` : 'không đo được',
      figure,
      holds: samples.length ? summary.p95 <= 300 : false,
      target: '≤ 300 ms',
    }
  }
  return {
    raw: { accept: summarize(times.accept), close: summarize(times.close), draft: summarize(times.draft), issue: summarize(times.issue), problems, samples: times },
    rows: [
      row('Thao tác: tiếp nhận (quản trị huyện, submitted → in-review)', times.accept),
      row('Thao tác: kết thúc đánh giá (trưởng đoàn, in-review → reviewed)', times.close),
      row(`Thao tác: lập dự thảo quyết định (${perDistrict} hồ sơ)`, times.draft),
      row(`Thao tác: ban hành quyết định công nhận ${perDistrict} hồ sơ`, times.issue),
    ],
  }
}

export { type Account, type Summary }

// 9. The embedded default ------------------------------------------------------------------------

/**
 * The product's default (no DATABASE_URL: PGlite in a child process, demo data loaded at the first
 * start; the production bundle as `npm start` runs it) on a fresh DATA_DIR: memory of the whole process tree while it starts and at rest, then
 * 20 concurrent saves of one draft by the demo unit editor.
 */
export const embedded = async ({
  log,
  startEmbedded,
}: {
  log: (line: string) => void
  startEmbedded: (onSpawn: (pid: number) => void) => Promise<{ client: Client; pid: number; stop: () => Promise<void> }>
}): Promise<SectionResult> => {
  let memory: ReturnType<typeof sampleMemory> | null = null
  const started = performance.now()
  const server = await startEmbedded((pid) => (memory = sampleMemory({ root: pid })))
  const startSeconds = (performance.now() - started) / 1000
  const startPeak = (memory as ReturnType<typeof sampleMemory> | null)?.stop() ?? { hwmMb: 0, peakRssMb: 0, processes: 0 }
  try {
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const rest = treeMemory(server.pid)
    const { client } = server
    const token = await client.login({ email: 'donvi@demo.vn', password: 'demo-2026' })
    const me = await client.json<{ user: Row }>({ path: '/api/users/me?depth=0', token })
    const unit = me.user.unit
    const rounds = await client.json<{ docs: Row[] }>({ path: '/api/rounds?depth=0&where[status][equals]=open&limit=10', token })
    const round = rounds.docs[0]
    if (!round) throw new Error('không có đợt đánh giá mở trong dữ liệu demo')
    let id: number | null = null
    const created = await client.request({ body: { criteriaSet: round.criteriaSets[0], round: round.id, unit }, method: 'POST', path: '/api/self-assessments?depth=0', token })
    if (created.status === 201) id = JSON.parse(created.text).doc.id
    else {
      const existing = await client.json<{ docs: Row[] }>({ path: `/api/self-assessments?depth=0&where[round][equals]=${round.id}`, token })
      id = existing.docs.find((doc) => ['draft', 'returned'].includes(doc.status))?.id ?? null
    }
    if (id === null) throw new Error(`không tạo được hồ sơ nháp: ${created.status} ${created.text.slice(0, 200)}`)
    const doc = await client.json<Row>({ path: `/api/self-assessments/${id}?depth=0`, token })
    const rows = metAnswers(doc.answers)
    const index = editedRow(rows)
    const memorySaves = sampleMemory({ root: server.pid })
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_unused, attempt) =>
        client.request({
          body: { answers: rows.map((row, at) => (at === index ? { ...row, explanation: `Lưu đồng thời ${attempt + 1}` } : row)) },
          method: 'PATCH',
          path: `/api/self-assessments/${id}?depth=0`,
          token,
        }),
      ),
    )
    const savesPeak = memorySaves.stop()
    const failed = replies.filter((reply) => reply.status !== 200)
    const messages = [
      ...new Set(failed.map((reply) => `${reply.status} ${(JSON.parse(reply.text || '{}').errors ?? []).map((error: { message: string }) => error.message).join('; ') || reply.text.slice(0, 120)}`)),
    ]
    log(`[bench] PGlite nhúng: ${failed.length}/20 lần lưu đồng thời thất bại`)
    return {
      raw: { failed: failed.length, messages, rest, savesPeak, startPeak, startSeconds, statuses: statusCounts(replies) },
      rows: [
        {
          app: `${startPeak.peakRssMb} MB (mẫu 100 ms; tổng VmHWM ${startPeak.hwmMb} MB; khởi động ${startSeconds.toFixed(0)} s)`,
          figure: 'PGlite nhúng (không DATABASE_URL, dữ liệu demo): RSS đỉnh lần khởi động đầu',
          holds: startPeak.peakRssMb <= 1024 && startPeak.hwmMb <= 1024,
          target: '≤ 1 GB',
        },
        { app: `${rest.rssMb} MB (${rest.processes} tiến trình)`, figure: 'PGlite nhúng: RSS khi nghỉ', holds: rest.rssMb <= 1024, target: '≤ 1 GB' },
        {
          app: `${failed.length}/20 thất bại ${JSON.stringify(statusCounts(failed))}${messages.length ? `: ${messages.join(' | ').slice(0, 200)}` : ''}`,
          figure: 'PGlite nhúng: 20 lần lưu đồng thời một hồ sơ',
          holds: failed.length === 0,
          target: '0 lỗi',
        },
      ],
    }
  } finally {
    await server.stop()
  }
}
