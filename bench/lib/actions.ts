/**
 * `npm run bench -- --only actions`: every workflow action of issue 12 as the demo users take it,
 * on the demo data (the product's default, embedded PGlite, and the same demo on PostgreSQL), timed
 * over HTTP as the admin's buttons send it, against a 1 s budget per action (p95). Per run one more
 * unit of the demo district gets a clerk account (the first run uses donvi@demo.vn's own unit), a
 * complete dossier with its checklist papers, and goes submit → return → resubmit → accept →
 * review → close; then the district drafts and issues the decision once. The admin's edit pages
 * (full server render, with the session cookie) and the evidence picker's request are timed too,
 * interleaved with `GET /api/users/me`, the floor of any signed-in request on the same server.
 */
import { attachDossierPapers } from '../../test/e2e/helpers/dossierPapers'
import type { Client, Reply } from './http'
import { summarize } from './stats'
import type { SectionResult, TableRow } from './sections'
import { metAnswers } from './world'

type Row = Record<string, any>

const password = 'demo-2026'
/** As the sidebar's buttons send a transition (src/components/WorkflowActions.tsx). */
const buttonQuery = '?depth=0&select[status]=true'
export const actionBudgetMs = 1000

export const demoActions = async ({ client, url, runs, log, label }: { client: Client; url: string; runs: number; log: (line: string) => void; label: string }): Promise<SectionResult> => {
  const times = new Map<string, number[]>()
  /** the largest answer per figure: a page's HTML (the admin's client config alone is ~190 kB) */
  const bytes = new Map<string, number>()
  const problems: string[] = []
  const time = async (name: string, call: () => Promise<Reply>, expect = 200) => {
    const reply = await call()
    if (reply.status !== expect) {
      problems.push(`${name}: ${reply.status} ${reply.text.slice(0, 300)}`)
      throw new Error(`${name}: ${reply.status} ${reply.text.slice(0, 300)}`)
    }
    times.set(name, [...(times.get(name) ?? []), reply.ms])
    bytes.set(name, Math.max(bytes.get(name) ?? 0, reply.bytes))
    return JSON.parse(reply.headers.get('content-type')?.includes('json') ? reply.text : 'null')
  }
  const floor = async (token: string) => time('sàn: GET /api/users/me', () => client.request({ path: '/api/users/me?depth=0', token }))

  const admin = await client.login({ email: 'admin@demo.vn', password })
  const district = await client.login({ email: 'huyen@demo.vn', password })
  const reviewer = await client.login({ email: 'reviewer@demo.vn', password })
  const clerk = await client.login({ email: 'donvi@demo.vn', password })
  const clerkUnit = (await client.json<{ user: Row }>({ path: '/api/users/me?depth=0', token: clerk })).user.unit as number
  const rounds = await client.json<{ docs: Row[] }>({ path: '/api/rounds?depth=0&where[status][equals]=open&limit=10', token: district })
  const round = rounds.docs[0]
  if (!round) throw new Error('không có đợt đánh giá mở của huyện trong dữ liệu demo')
  const sets = await client.json<{ docs: Row[] }>({ path: `/api/criteria-sets?depth=0&limit=20&${(round.criteriaSets as number[]).map((id, at) => `where[id][in][${at}]=${id}`).join('&')}`, token: district })
  const levelOne = sets.docs.find((set) => set.level === 1) ?? sets.docs[0]
  const units = await client.json<{ docs: Row[] }>({ path: `/api/units?depth=0&limit=100&where[authority][equals]=${round.authority}`, token: district })
  const others = units.docs.filter((unit) => unit.id !== clerkUnit && unit.tier === 'huyen')
  const clerks: { token: string; unit: number }[] = [{ token: clerk, unit: clerkUnit }]
  const stamp = Date.now().toString(36)
  for (const unit of others.slice(0, Math.max(0, runs - 1))) {
    const email = `bench-${stamp}-${unit.id}@demo.vn`
    await client.json({ body: { email, name: `Cán bộ ${unit.name}`, password, roles: ['unit-editor'], unit: unit.id }, expect: 201, method: 'POST', path: '/api/users?depth=0', token: admin })
    clerks.push({ token: await client.login({ email, password }), unit: unit.id })
  }
  log(`[bench] thao tác (${label}): ${clerks.length} hồ sơ trong đợt «${round.title}», bộ ${levelOne.code}`)

  const dossiers: { id: number; token: string; review?: number }[] = []
  for (const { token, unit } of clerks) {
    const created = await time('tạo hồ sơ (đơn vị)', () => client.request({ body: { criteriaSet: levelOne.id, round: round.id, unit }, method: 'POST', path: '/api/self-assessments?depth=0', token }), 201)
    const id = created.doc.id as number
    await time('lưu câu trả lời (đơn vị, cả biểu)', () =>
      client.request({ body: { answers: metAnswers(created.doc.answers) }, method: 'PATCH', path: `/api/self-assessments/${id}?depth=0`, token }),
    )
    await attachDossierPapers({ selfAssessmentId: id, token, url })
    await floor(token)
    await time('nộp (đơn vị, draft → submitted)', () => client.request({ body: { status: 'submitted' }, method: 'PATCH', path: `/api/self-assessments/${id}${buttonQuery}`, token }))
    await time('trả lại (huyện, submitted → returned)', () =>
      client.request({ body: { returnReason: 'Đo thời gian: bổ sung hồ sơ.', status: 'returned' }, method: 'PATCH', path: `/api/self-assessments/${id}${buttonQuery}`, token: district }),
    )
    await time('nộp (đơn vị, draft → submitted)', () => client.request({ body: { status: 'submitted' }, method: 'PATCH', path: `/api/self-assessments/${id}${buttonQuery}`, token }))
    await floor(district)
    await time('tiếp nhận (huyện, submitted → in-review)', () => client.request({ body: { status: 'in-review' }, method: 'PATCH', path: `/api/self-assessments/${id}${buttonQuery}`, token: district }))
    dossiers.push({ id, token })
  }
  for (const dossier of dossiers) {
    const review = await time('tạo phiếu đánh giá (thành viên đoàn)', () => client.request({ body: { selfAssessment: dossier.id }, method: 'POST', path: '/api/reviews?depth=0', token: reviewer }), 201)
    dossier.review = review.doc.id as number
    const verdicts = (review.doc.verdicts as Row[]).map((row) => ({ ...row, verdict: 'met' }))
    await time('lưu phiếu đánh giá (thành viên đoàn)', () =>
      client.request({ body: { recommendation: 'recognise', verdicts }, method: 'PATCH', path: `/api/reviews/${dossier.review}?depth=0`, token: reviewer }),
    )
    await floor(reviewer)
    await time('kết thúc thẩm định (trưởng đoàn, in-review → reviewed)', () =>
      client.request({ body: { status: 'reviewed' }, method: 'PATCH', path: `/api/self-assessments/${dossier.id}${buttonQuery}`, token: reviewer }),
    )
  }
  // the admin's pages as each role opens them (the full server render; the browser then hydrates)
  for (let run = 0; run < runs; run += 1) {
    const dossier = dossiers[run % dossiers.length]
    const page = (name: string, path: string, token: string) => time(name, () => client.request({ isCookie: true, path, token }))
    await page('trang: hồ sơ (huyện)', `/admin/collections/self-assessments/${dossier.id}`, district)
    await page('trang: hồ sơ (đơn vị)', `/admin/collections/self-assessments/${dossier.id}`, dossier.token)
    await page('trang: phiếu đánh giá (trưởng đoàn)', `/admin/collections/reviews/${dossier.review}`, reviewer)
    await page('trang: đợt đánh giá (huyện)', `/admin/collections/rounds/${round.id}`, district)
    await page('trang: bảng điều khiển (huyện)', '/admin', district)
    await floor(district)
    // what the evidence picker of an answer row asks for when it opens (its first page of options)
    await time('chọn minh chứng: danh sách (đơn vị)', () =>
      client.request({ path: `/api/evidence?depth=0&limit=10&page=1&sort=title&where[and][0][unit][equals]=${clerks[run % clerks.length].unit}`, token: dossier.token }),
    )
  }
  const draft = await time('lập dự thảo quyết định (huyện)', () => client.request({ body: { round: round.id, status: 'draft' }, method: 'POST', path: '/api/decisions?depth=0', token: district }), 201)
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()))
  await time('ban hành quyết định (huyện)', () =>
    client.request({ body: { number: `${stamp}/QĐ-UBND`, signedOn: `${year + 1}-01-20T00:00:00.000Z`, status: 'issued' }, method: 'PATCH', path: `/api/decisions/${draft.doc.id}?depth=0`, token: district }),
  )
  log(`[bench] thao tác (${label}): quyết định với ${(draft.doc.entries ?? []).length} hồ sơ`)

  const rows: TableRow[] = [...times].map(([name, samples]) => {
    const summary = summarize(samples)
    const isFloor = name.startsWith('sàn')
    return {
      app: `${summary.p50} / ${summary.p95} ms (n=${summary.n})${name.startsWith('trang') ? `, ${Math.round((bytes.get(name) ?? 0) / 1024)} kB` : ''}`,
      figure: `${label}: ${name}`,
      holds: isFloor ? null : summary.p95 <= actionBudgetMs,
      target: isFloor ? 'mốc so sánh' : `p95 ≤ ${actionBudgetMs} ms`,
    }
  })
  return { raw: { bytes: Object.fromEntries(bytes), problems, samples: Object.fromEntries(times), summaries: Object.fromEntries([...times].map(([name, samples]) => [name, summarize(samples)])) }, rows }
}
