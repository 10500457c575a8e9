/**
 * The national bench's data, written straight into the migrated tables with PostgreSQL COPY
 * (pg-copy-streams): 34 provinces and 700 lower authorities (parent links), 100,000 units of mixed
 * types and tiers, each authority's round of this year (the province's for its provincial-tier
 * units, each lower authority's for its own) with the two years before closed and decided, about
 * 95,000 self-assessments in a January mix of statuses, and the register those decisions made
 * (recognitions: valid, expired, revoked, some unpublished). Ids are given explicitly and the
 * sequences moved past them. Not written: answer rows (`sa_answers`, lists leave them out), version
 * history (`_self_assessments_v`), evidence, reviews and audit rows — no measured query reads them.
 * Deterministic: a fixed-seed generator, so two runs seed the same country.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

export const provinceCount = 34
export const lowerCount = 700

export type NationalWorld = {
  year: number
  provinces: number[]
  lowers: { id: number; province: number }[]
  users: { admin: number; province: number; district: number }
  counts: Record<string, number>
  seconds: number
}

/** mulberry32: small, fast, good enough to spread data. */
const generator = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const places = [
  'Hòa An', 'Xuân Hòa', 'Tân Lập', 'Phú Thịnh', 'Minh Khai', 'Quang Trung', 'Đông Hưng', 'An Bình', 'Thạch Sơn', 'Hưng Long',
  'Trường Hà', 'Nam Tuấn', 'Bình Minh', 'Yên Thế', 'Hồng Phong', 'Thanh Xuân', 'Tiên Lãng', 'Cẩm Giàng', 'Phước Long', 'Long Hải',
  'Đức Hòa', 'Vĩnh Thạnh', 'Tam Nông', 'Lạc Dương', 'Krông Pắc', 'Mường Tè', 'Sa Pa', 'Trà Cú', 'Hải Hậu', 'Nghĩa Đàn',
]

/** The unit types of each tier that the bench spreads units over (codes of the seeded `unit-types`). */
const typesByTier: Record<'huyen' | 'tinh', { code: string; prefix: string; weight: number }[]> = {
  huyen: [
    { code: 'xa', prefix: 'UBND xã', weight: 30 },
    { code: 'mam_non_cong_lap', prefix: 'Trường Mầm non', weight: 20 },
    { code: 'tieu_hoc', prefix: 'Trường Tiểu học', weight: 20 },
    { code: 'thcs', prefix: 'Trường THCS', weight: 15 },
    { code: 'co_quan_nha_nuoc', prefix: 'Phòng Văn hóa và Thông tin', weight: 8 },
    { code: 'doanh_nghiep', prefix: 'Công ty TNHH', weight: 4 },
    { code: 'hoi', prefix: 'Hội Khuyến học', weight: 3 },
  ],
  tinh: [
    { code: 'co_quan_nha_nuoc', prefix: 'Sở', weight: 35 },
    { code: 'thpt', prefix: 'Trường THPT', weight: 40 },
    { code: 'cao_dang', prefix: 'Trường Cao đẳng', weight: 10 },
    { code: 'doanh_nghiep', prefix: 'Tổng công ty', weight: 15 },
  ],
}

const pick = <T extends { weight: number }>(items: T[], random: () => number): T => {
  const total = items.reduce((sum, item) => sum + item.weight, 0)
  let at = random() * total
  for (const item of items) {
    at -= item.weight
    if (at < 0) return item
  }
  return items[items.length - 1]
}

/** A value in COPY's text format. */
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N'
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

/** COPY `rows` into `table` (columns as named), streamed in chunks of lines. */
export const copyRows = async ({ db, table, columns, rows }: { db: pg.Client; table: string; columns: string[]; rows: Iterable<unknown[]> }) => {
  let count = 0
  function* lines() {
    let chunk = ''
    for (const row of rows) {
      chunk += `${row.map(cell).join('\t')}\n`
      count += 1
      if (chunk.length > 1 << 20) {
        yield chunk
        chunk = ''
      }
    }
    if (chunk) yield chunk
  }
  const stream = db.query(copyFrom(`COPY "${table}" (${columns.map((name) => `"${name}"`).join(', ')}) FROM STDIN`))
  await pipeline(Readable.from(lines()), stream)
  return count
}

const nextId = async (db: pg.Client, table: string) => Number((await db.query(`SELECT coalesce(max(id), 0) + 1 AS n FROM "${table}"`)).rows[0].n)

const moveSequence = (db: pg.Client, table: string) => db.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`)

const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date))

/** A computed result of the size the app stores on a dossier (criteria with their statuses), ~1 kB. */
const resultJson = (outcome: string) => ({
  criteria: Array.from({ length: 5 }, (_unused, index) => ({ code: `TC${index + 1}`, met: 4, status: outcome === 'not-met' && index === 2 ? 'not-met' : 'met', total: 4 })),
  gaps: outcome === 'incomplete' ? [{ code: 'TC3.CT2', message: 'Chưa trả lời' }] : [],
  isComplete: outcome !== 'incomplete',
  issues: [],
  outcome,
  warnings: ['Chỉ tiêu TC2.CT3 chưa đối chiếu văn bản gốc'],
})

/**
 * Seeds the country into a database migrated by the app's migrations, with the national criteria
 * sets already loaded (the rounds and dossiers name `tt24-2023-huyen-1` and `tt24-2023-tinh-1`).
 */
export const seedNation = async ({ databaseUrl, units, log }: { databaseUrl: string; units: number; log: (line: string) => void }): Promise<NationalWorld> => {
  const started = performance.now()
  const random = generator(20_260_116)
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const counts: Record<string, number> = {}
  try {
    const year = new Date().getUTCFullYear()
    const { rows: setRows } = await db.query(`SELECT id, code FROM criteria_sets WHERE code IN ('tt24-2023-huyen-1', 'tt24-2023-tinh-1')`)
    const setOf = { huyen: setRows.find((row) => row.code === 'tt24-2023-huyen-1')?.id as number, tinh: setRows.find((row) => row.code === 'tt24-2023-tinh-1')?.id as number }
    if (!setOf.huyen || !setOf.tinh) throw new Error('thiếu bộ tiêu chí tt24-2023-huyen-1 / tt24-2023-tinh-1 (loadCriteriaSets chưa chạy?)')
    const knownTypes = new Set((await db.query('SELECT id FROM unit_types')).rows.map((row) => row.id as string))
    for (const tier of ['huyen', 'tinh'] as const) {
      const missing = typesByTier[tier].filter((type) => !knownTypes.has(type.code))
      if (missing.length > 0) throw new Error(`unit_types thiếu: ${missing.map((type) => type.code).join(', ')}`)
    }

    // authorities: provinces, then the lower ones spread over them
    const firstAuthority = await nextId(db, 'authorities')
    const provinces = Array.from({ length: provinceCount }, (_unused, index) => firstAuthority + index)
    const lowers = Array.from({ length: lowerCount }, (_unused, index) => ({ id: firstAuthority + provinceCount + index, province: provinces[index % provinceCount] }))
    const authorityName = new Map<number, string>()
    counts.authorities = await copyRows({
      columns: ['id', 'name', 'code', 'parent_id', 'tier_label', 'decider_title', 'receiving_office'],
      db,
      rows: (function* () {
        for (const [index, id] of provinces.entries()) {
          const name = `Tỉnh ${places[index % places.length]} ${String(index + 1).padStart(2, '0')}`
          authorityName.set(id, name)
          yield [id, name, `QG-T${String(index + 1).padStart(2, '0')}`, null, 'Tỉnh', 'Chủ tịch UBND tỉnh', 'Sở Giáo dục và Đào tạo']
        }
        for (const [index, lower] of lowers.entries()) {
          const name = `${index % 3 === 0 ? 'Thành phố' : 'Huyện'} ${places[(index * 7) % places.length]} ${String(index + 1).padStart(3, '0')}`
          authorityName.set(lower.id, name)
          yield [lower.id, name, `QG-H${String(index + 1).padStart(3, '0')}`, lower.province, 'Huyện', 'Chủ tịch UBND huyện', 'Phòng Giáo dục và Đào tạo']
        }
      })(),
      table: 'authorities',
    })
    await moveSequence(db, 'authorities')

    // units: 8 % provincial-tier under a province, the rest under a lower authority
    const firstUnit = await nextId(db, 'units')
    type Unit = { id: number; name: string; authority: number; province: number; tier: 'huyen' | 'tinh' }
    const unitRows: Unit[] = []
    counts.units = await copyRows({
      columns: ['id', 'name', 'code', 'unit_type_id', 'tier_id', 'authority_id', 'member_count', 'learner_count', 'email', 'is_active'],
      db,
      rows: (function* () {
        for (let index = 0; index < units; index += 1) {
          const tier = random() < 0.08 ? 'tinh' : 'huyen'
          const lower = lowers[Math.floor(random() * lowers.length)]
          const authority = tier === 'tinh' ? provinces[Math.floor(random() * provinces.length)] : lower.id
          const type = pick(typesByTier[tier], random)
          const name = `${type.prefix} ${places[Math.floor(random() * places.length)]} số ${index + 1}`
          const id = firstUnit + index
          unitRows.push({ authority, id, name, province: tier === 'tinh' ? authority : lower.province, tier })
          const isSchool = ['mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt', 'cao_dang'].includes(type.code)
          yield [id, name, `QG-U${String(index + 1).padStart(6, '0')}`, type.code, tier, authority, 10 + Math.floor(random() * 190), isSchool ? 100 + Math.floor(random() * 1500) : null, `donvi${index + 1}@quocgia.vn`, random() > 0.01]
        }
      })(),
      table: 'units',
    })
    await moveSequence(db, 'units')

    // rounds: each authority's round of this year (open), and the two before (closed, decided)
    const firstRound = await nextId(db, 'rounds')
    const authoritiesAll = [...provinces.map((id) => ({ id, tier: 'tinh' as const })), ...lowers.map((lower) => ({ id: lower.id, tier: 'huyen' as const }))]
    const roundOf = new Map<string, number>()
    let roundId = firstRound
    const roundRows: unknown[][] = []
    for (const offset of [2, 1, 0]) {
      for (const authority of authoritiesAll) {
        const roundYear = year - offset
        roundOf.set(`${authority.id}:${roundYear}`, roundId)
        roundRows.push([roundId, `Đánh giá, công nhận Đơn vị học tập năm ${roundYear} — ${authorityName.get(authority.id)}`, roundYear, authority.id, authority.tier, offset === 0 ? 'open' : 'closed', 'before', 15, 1, '1', 'before', 15, 2, '1'])
        roundId += 1
      }
    }
    counts.rounds = await copyRows({
      columns: ['id', 'title', 'year', 'authority_id', 'tier_id', 'status', 'deadlines_submission_kind', 'deadlines_submission_day', 'deadlines_submission_month', 'deadlines_submission_year_offset', 'deadlines_decision_kind', 'deadlines_decision_day', 'deadlines_decision_month', 'deadlines_decision_year_offset'],
      db,
      rows: roundRows,
      table: 'rounds',
    })
    await moveSequence(db, 'rounds')
    counts.roundsRels = await copyRows({
      columns: ['order', 'parent_id', 'path', 'criteria_sets_id'],
      db,
      rows: roundRows.map((row) => [1, row[0], 'criteriaSets', row[4] === 'tinh' ? setOf.tinh : setOf.huyen]),
      table: 'rounds_rels',
    })

    // this year's dossiers: 95 % of the active units, in January's mix of statuses
    const statusMix = [
      { status: 'draft', weight: 38 },
      { status: 'submitted', weight: 20 },
      { status: 'in-review', weight: 14 },
      { status: 'returned', weight: 5 },
      { status: 'reviewed', weight: 13 },
      { status: 'recognised', weight: 8 },
      { status: 'not-recognised', weight: 2 },
    ]
    const firstDossier = await nextId(db, 'self_assessments')
    const results = { incomplete: resultJson('incomplete'), met: resultJson('met'), 'not-met': resultJson('not-met') }
    counts.selfAssessments = await copyRows({
      columns: ['id', 'title', 'round_id', 'criteria_set_id', 'unit_id', 'status', 'return_reason', 'submitted_at', 'outcome', 'level', 'is_complete', 'missing_count', 'result', 'team_outcome', 'disagreements', 'authority_id', 'created_at', 'updated_at'],
      db,
      rows: (function* () {
        let id = firstDossier
        for (const unit of unitRows) {
          if (random() >= 0.95) continue
          // a provincial-tier unit is in its province's round, the others in their lower authority's
          const roundAuthority = unit.authority
          const round = roundOf.get(`${roundAuthority}:${year}`) as number
          const { status } = pick(statusMix, random)
          const isDraft = status === 'draft'
          const outcome = isDraft ? (random() < 0.6 ? 'incomplete' : 'met') : random() < 0.88 ? 'met' : 'not-met'
          const created = new Date(day(year, 11, 1).getTime() + Math.floor(random() * 60 * 86_400_000))
          const submitted = isDraft ? null : new Date(created.getTime() + Math.floor(random() * 20 * 86_400_000))
          const isTeam = ['in-review', 'reviewed', 'recognised', 'not-recognised'].includes(status)
          yield [
            id,
            `${unit.name} — Đánh giá, công nhận Đơn vị học tập năm ${year}`,
            round,
            unit.tier === 'tinh' ? setOf.tinh : setOf.huyen,
            unit.id,
            status,
            status === 'returned' ? 'Thiếu biên bản họp xét của đơn vị.' : null,
            submitted,
            outcome,
            outcome === 'met' ? 1 : null,
            outcome !== 'incomplete',
            outcome === 'incomplete' ? 1 + Math.floor(random() * 5) : 0,
            results[outcome as keyof typeof results],
            isTeam && status !== 'in-review' ? (status === 'not-recognised' ? 'not-met' : 'met') : null,
            isTeam ? (random() < 0.1 ? 1 + Math.floor(random() * 3) : 0) : null,
            roundAuthority,
            created,
            submitted ?? created,
          ]
          id += 1
        }
      })(),
      table: 'self_assessments',
    })
    await moveSequence(db, 'self_assessments')

    // the two years before: one issued decision per authority and year, and the register it made
    const firstDecision = await nextId(db, 'decisions')
    const decisionOf = new Map<string, { id: number; number: string; signedOn: Date }>()
    const decisionRows: unknown[][] = []
    let decisionId = firstDecision
    for (const offset of [2, 1]) {
      for (const authority of authoritiesAll) {
        const roundYear = year - offset
        const number = `${(decisionId % 900) + 100}/QĐ-UBND`
        const signedOn = day(roundYear + 1, 1, 10)
        decisionOf.set(`${authority.id}:${roundYear}`, { id: decisionId, number, signedOn })
        decisionRows.push([decisionId, `Quyết định công nhận năm ${roundYear} — ${authorityName.get(authority.id)}`, 'recognition', roundOf.get(`${authority.id}:${roundYear}`), number, signedOn, 'Chủ tịch', 'issued', authority.id])
        decisionId += 1
      }
    }
    counts.decisions = await copyRows({ columns: ['id', 'title', 'kind', 'round_id', 'number', 'signed_on', 'signer', 'status', 'authority_id'], db, rows: decisionRows, table: 'decisions' })
    await moveSequence(db, 'decisions')

    const firstRecognition = await nextId(db, 'recognitions')
    counts.recognitions = await copyRows({
      columns: ['id', 'unit_id', 'unit_name', 'authority_id', 'authority_name', 'regime', 'level', 'outcome_label', 'year', 'decision_id', 'decision_number', 'decided_on', 'valid_from', 'valid_until', 'counts_for_emulation', 'is_public', 'status'],
      db,
      rows: (function* () {
        let id = firstRecognition
        for (const unit of unitRows) {
          const draw = random()
          // 22 % recognised two years ago (some of them at level 2 last year), 15 % last year
          const entries: { roundYear: number; level: number }[] = []
          if (draw < 0.22) {
            entries.push({ level: 1, roundYear: year - 2 })
            if (random() < 0.25) entries.push({ level: 2, roundYear: year - 1 })
          } else if (draw < 0.37) entries.push({ level: 1, roundYear: year - 1 })
          for (const entry of entries) {
            const decision = decisionOf.get(`${unit.authority}:${entry.roundYear}`) as { id: number; number: string; signedOn: Date }
            const validUntil = day(entry.roundYear + 3, 12, 31)
            const isRevoked = random() < 0.01
            yield [id, unit.id, unit.name, unit.authority, authorityName.get(unit.authority), 'tt24-2023', entry.level, `Mức độ ${entry.level}`, entry.roundYear, decision.id, decision.number, decision.signedOn, decision.signedOn, validUntil, true, random() > 0.05, isRevoked ? 'revoked' : 'valid']
            id += 1
          }
        }
        // an older generation, expired: still in the register's history
        for (const unit of unitRows) {
          if (random() >= 0.12) continue
          const decision = decisionOf.get(`${unit.authority}:${year - 2}`) as { id: number; number: string; signedOn: Date }
          yield [id, unit.id, unit.name, unit.authority, authorityName.get(unit.authority), 'tt24-2023', 1, 'Mức độ 1', year - 5, decision.id, decision.number, day(year - 4, 1, 10), day(year - 4, 1, 10), day(year - 2, 12, 31), true, true, 'valid']
          id += 1
        }
      })(),
      table: 'recognitions',
    })
    await moveSequence(db, 'recognitions')

    // the measured accounts: the system admin, the first province's admin, one of its lower authorities' admin
    const firstUser = await nextId(db, 'users')
    const district = lowers.find((lower) => lower.province === provinces[0])?.id as number
    const accounts = [
      { authority: null, email: 'admin@quocgia.vn', id: firstUser, name: 'Quản trị hệ thống (bench)', role: 'admin' },
      { authority: provinces[0], email: 'tinh01@quocgia.vn', id: firstUser + 1, name: 'Quản trị tỉnh 01', role: 'authority-admin' },
      { authority: district, email: 'huyen001@quocgia.vn', id: firstUser + 2, name: 'Quản trị huyện 001', role: 'authority-admin' },
    ]
    counts.users = await copyRows({ columns: ['id', 'name', 'email', 'authority_id', 'login_attempts'], db, rows: accounts.map((account) => [account.id, account.name, account.email, account.authority, 0]), table: 'users' })
    await moveSequence(db, 'users')
    await copyRows({ columns: ['order', 'parent_id', 'value'], db, rows: accounts.map((account) => [1, account.id, account.role]), table: 'users_roles' })

    const analyzed = performance.now()
    await db.query('ANALYZE')
    log(`[national] ANALYZE ${Math.round(performance.now() - analyzed)} ms`)
    return { counts, lowers, provinces, seconds: (performance.now() - started) / 1000, users: { admin: accounts[0].id, district: accounts[2].id, province: accounts[1].id }, year }
  } finally {
    await db.end()
  }
}
