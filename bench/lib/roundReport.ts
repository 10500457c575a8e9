/**
 * Issue 13's figure on real rows: the upward report of one round holding all the bench province's
 * dossiers (3,000 by default), read from PostgreSQL by the production server — once made in the
 * background as the admin's button makes it (POST …/jobs, poll the `file-tasks` row until done,
 * download the file), and beside it the direct download (GET …/documents/bao-cao-tong-hop) of the
 * same workbook. To get one round of N dossiers the bench moves every dossier into the first
 * district's round and marks the drafts submitted, directly in SQL (bench data only; it runs after
 * the sections that need them as they were).
 */
import { performance } from 'node:perf_hooks'

import pg from 'pg'

import type { Context, SectionResult } from './sections'
import { summarize } from './stats'

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export const roundReport = async ({ client, world, databaseUrl, runs, log }: Context): Promise<SectionResult> => {
  const round = world.rounds[0]
  const ids = world.dossiers.map((dossier) => dossier.id)
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    await db.query(`UPDATE self_assessments SET round_id = $1, status = CASE WHEN status = 'draft' THEN 'submitted' ELSE status END WHERE id = ANY($2::int[])`, [round, ids])
  } finally {
    await db.end()
  }
  const token = world.districtAdmins[0].token
  const direct: number[] = []
  const background: number[] = []
  let dossiersRead = 0
  let polls = 0
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now()
    const reply = await client.request({ path: `/api/rounds/${round}/documents/bao-cao-tong-hop?format=xlsx`, token })
    if (reply.status !== 200) throw new Error(`GET báo cáo: ${reply.status} ${reply.text.slice(0, 300)}`)
    direct.push(performance.now() - start)

    const began = performance.now()
    const queued = await client.json<{ doc: { id: number } }>({ expect: 202, method: 'POST', path: `/api/rounds/${round}/documents/bao-cao-tong-hop/jobs?format=xlsx`, token })
    let task: { status: string; url?: string; stage?: string; error?: string } = { status: 'queued' }
    while (task.status === 'queued' || task.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100))
      task = await client.json({ path: `/api/file-tasks/${queued.doc.id}?depth=0`, token })
      polls += 1
      if (performance.now() - began > 120_000) throw new Error(`tác vụ ${queued.doc.id} chưa xong sau 120 s: ${JSON.stringify(task)}`)
    }
    if (task.status !== 'done' || !task.url) throw new Error(`tác vụ ${queued.doc.id}: ${JSON.stringify(task)}`)
    const file = await client.request({ path: new URL(task.url, 'http://x').pathname, token })
    if (file.status !== 200) throw new Error(`tải tệp: ${file.status}`)
    background.push(performance.now() - began)
    if (run === 0) dossiersRead = ids.length
  }
  const made = summarize(background)
  const plain = summarize(direct)
  log(`[bench] báo cáo tổng hợp của đợt ${dossiersRead} hồ sơ: chạy nền p50 ${seconds(made.p50)}, tải trực tiếp p50 ${seconds(plain.p50)}`)
  return {
    raw: { background: made, direct: plain, dossiers: dossiersRead, polls },
    rows: [
      {
        app: `p50 ${seconds(made.p50)}, max ${seconds(made.max)}`,
        baselineA: `tải trực tiếp p50 ${seconds(plain.p50)}`,
        figure: `Báo cáo tổng hợp (XLSX) của một đợt ${dossiersRead} hồ sơ, đọc từ PostgreSQL: tạo nền (POST …/jobs → theo dõi → tải tệp)`,
        holds: made.max <= 10_000,
        ratio: `${(made.p50 / plain.p50).toFixed(2)}×`,
        target: '≤ 10 s',
      },
    ],
  }
}
