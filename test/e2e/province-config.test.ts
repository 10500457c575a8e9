/**
 * A new provincial admin (tinh@demo.vn) adapts next year's round to the province only through the
 * admin, in Chromium, and the effect is read where the people it concerns see it: the unit's dossier
 * (as donvi@demo.vn, over REST), the public evaluation, or the public register. The ten parameters of
 * REGULATIONS §5.2 in the order a province works: its guide and its own copy of a set (1), the
 * evidence catalogue and a local indicator in that copy (9, 7), next year's round copied with one
 * button and given its calendar, report-up routing, plan, team and dossier checklist (2, 3, 4, 8),
 * its opening date (2), a tier and a unit type of its own (5), a TT 22 scoring guide (6), and what
 * the district publishes, whether it counts for emulation, and who signs (10, 4). Last, the province
 * onboards units from a spreadsheet: upload, the row-by-row check, and the valid rows imported on choice.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { chooseOption, launchBrowser, settle, signIn as signInAt } from './helpers/browser'
import { attachDossierPapers } from './helpers/dossierPapers'
import { startProductServer, type RunningServer } from './helpers/server'

let server: RunningServer
let browser: Browser
let page: Page

type Json = Record<string, any>

const api = async ({ path, method = 'GET', token, body }: { path: string; method?: string; token?: string; body?: unknown }) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method,
  })
  return { body: (await response.json().catch(() => ({}))) as Json, status: response.status }
}
const ok = async (args: Parameters<typeof api>[0]) => {
  const { body, status } = await api(args)
  if (status >= 300) throw new Error(`${args.method ?? 'GET'} ${args.path}: ${status} ${JSON.stringify(body)}`)
  return body
}
const login = async (email: string) => (await ok({ body: { email, password: demoPassword }, method: 'POST', path: '/users/login' })).token as string

const toastText = (target: Page) => target.locator('[data-sonner-toast]').allInnerTexts().then((texts) => texts.join(' | '))
const save = async () => {
  await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
  await expect.poll(() => toastText(page), { timeout: 30_000 }).toMatch(/thành công|đã được lưu|Đã lưu/i)
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
}
const openTab = async (name: string) => {
  await page.getByRole('button', { exact: true, name }).first().click()
}
/** Payload's "Thêm: <row label>" button of the array field `fieldId` (not of an array nested in its rows). */
const addRow = async (fieldId: string, label: string) => {
  const field = page.locator(`#${fieldId}`)
  await field.scrollIntoViewIfNeeded()
  // the form asks the server for its new state after each change and drops an older request when a
  // newer one starts: a row added while the last edit's request is in flight can stay a placeholder
  await page.waitForTimeout(1_500)
  await field.getByRole('button', { exact: true, name: `Thêm: ${label}` }).last().click()
  // the new row renders, then takes its collapsed or open state: act on it once it has
  await page.waitForTimeout(1_500)
}
/** Opens a collapsed array row until `input` shows (a click before hydration is lost on a loaded machine). */
const expandRow = async ({ row, input }: { row: string; input: string }) => {
  const box = page.locator(row)
  await box.scrollIntoViewIfNeeded()
  const toggle = box.locator('.collapsible__toggle').first()
  for (let attempt = 1; !(await page.locator(input).isVisible()); attempt++) {
    // click only a collapsed row: a second click on one still opening would close it again
    if (((await toggle.getAttribute('class')) ?? '').includes('collapsible__toggle--collapsed')) await toggle.click()
    try {
      // a new row's fields come from the server (a grey placeholder until then): slow on a loaded machine
      await page.locator(input).waitFor({ state: 'visible', timeout: 15_000 })
    } catch (error) {
      if (attempt === 4) throw error
    }
  }
}
/** Publishes the draft in the form and waits for Payload's answer (the first toast is "Đang gửi..."). */
const publish = async () => {
  await page.getByRole('button', { name: /Xuất bản/ }).first().click()
  await expect.poll(() => toastText(page), { timeout: 30_000 }).toMatch(/thành công|Đã xuất bản/i)
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
}
const fillDate = async (selector: string, ddmmyyyy: string) => {
  const input = page.locator(selector)
  await input.fill(ddmmyyyy)
  await input.press('Enter')
}

/** Every applicable row answered as met, with the explanation a clerk writes. */
const answered = (rows: Json[]) =>
  rows.map((row) =>
    !row.isApplicable
      ? row
      : { ...row, ...(({ boolean: { yesNo: 'yes' }, rank: { rank: row.scale?.at(-1)?.code }, ratio: { numerator: row.denominator } }) as Json)[row.measure], explanation: 'Hồ sơ gốc lưu tại UBND xã.' },
  )

let clerk: string
let province: string
let round: Json
let provinceSetId: number
let nextRound: Json

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
  page = await signInAt({ browser, email: 'tinh@demo.vn', password: demoPassword, url: server.url })
  clerk = await login('donvi@demo.vn')
  province = await login('tinh@demo.vn')
  round = (await ok({ path: '/rounds?depth=0&limit=1&where[status][equals]=open', token: clerk })).docs[0]
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('tinh@demo.vn sets the ten parameters of REGULATIONS §5.2 in the admin', () => {
  it('1. regime, version and the local guide: a reference document, and the province’s own copy of a set made with one button', async () => {
    await page.goto(`${server.url}/admin/collections/legal-documents/create`)
    await settle(page)
    await page.fill('input[name="number"]', '219/HD-UBND')
    await fillDate('#field-issuedOn input', '28/01/2021')
    await page.fill('input[name="issuer"]', 'UBND tỉnh Cao Bằng')
    await page.fill('input[name="title"]', 'Hướng dẫn đánh giá, xếp loại Đơn vị học tập (thử nghiệm e2e)')
    await save()

    // the province's confirmed copy of the district level-1 set is the one the demo round runs on
    const sets = (await ok({ path: `/criteria-sets?depth=0&limit=50&where[code][contains]=huyen-1`, token: province })).docs as Json[]
    const source = sets.find((set) => set.authority)
    if (!source) throw new Error('the demo province has no copy of the district level-1 set')
    await page.goto(`${server.url}/admin/collections/criteria-sets/${source.id}`)
    await settle(page)
    await page.getByRole('button', { name: 'Tạo bản sao cho tỉnh/huyện' }).click()
    await page.waitForURL((url) => /\/criteria-sets\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${source.id}`), { timeout: 30_000 })
    const copyId = Number(new URL(page.url()).pathname.split('/').pop())
    const copy = await ok({ path: `/criteria-sets/${copyId}?depth=0&draft=true`, token: province })
    expect(copy.authority).toBe(source.authority)
    expect(copy._status).toBe('draft')
    expect(copy.title).toContain('(bản sao)')
    // the province goes on with this copy of its own: next year's round will run on it
    provinceSetId = copyId

    // the round follows the guide: the unit reads it on its round
    await page.goto(`${server.url}/admin/collections/rounds/${round.id}`)
    await settle(page)
    await chooseOption({ field: page.locator('#field-basis'), option: page.getByRole('option', { name: /219\/HD-UBND/ }).first(), page })
    await save()
    const seen = await ok({ path: `/rounds/${round.id}?depth=1`, token: clerk })
    expect((seen.basis as Json[]).map((doc) => doc.label).join(' ')).toContain('219/HD-UBND ngày 28/01/2021')
  })

  it('9 and 7. the evidence catalogue, and a local indicator for one unit type, added to the copy and published', async () => {
    await page.goto(`${server.url}/admin/collections/criteria-sets/${provinceSetId}`)
    await settle(page)
    // the first indicator of the first criterion: what evidence the unit is expected to keep
    await expandRow({ input: 'input[name="criteria.0.indicators.0.threshold"]', row: '#criteria-0-indicators-row-0' })
    await addRow('field-criteria__0__indicators__0__expectedEvidence', 'Minh chứng')
    await page.fill('input[name="criteria.0.indicators.0.expectedEvidence.0.title"]', 'Kế hoạch học tập năm của đơn vị (có chữ ký, đóng dấu)')
    // a local indicator, only for state agencies
    const index = await page.locator('[id^="criteria-0-indicators-row-"]').count()
    await addRow('field-criteria__0__indicators', 'Chỉ tiêu')
    await expandRow({ input: `input[name="criteria.0.indicators.${index}.code"]`, row: `#criteria-0-indicators-row-${index}` })
    await page.fill(`input[name="criteria.0.indicators.${index}.code"]`, 'TC1.CT6')
    await page.fill(`textarea[name="criteria.0.indicators.${index}.text"]`, 'Có thư viện hoặc tủ sách phục vụ thành viên học tập (chỉ tiêu riêng của tỉnh).')
    await addRow(`field-criteria__0__indicators__${index}__appliesTo`, 'Loại đơn vị')
    await chooseOption({ field: page.locator(`#field-criteria__0__indicators__${index}__appliesTo__0__unitType`), option: page.getByRole('option', { exact: true, name: 'Cơ quan, đơn vị thuộc UBND' }).first(), page })
    // the province's own wording is checked against its own plan
    await page.locator(`input[name="criteria.0.indicators.${index}.isVerified"]`).check()
    await publish()
    const published = await ok({ path: `/criteria-sets/${provinceSetId}?depth=0`, token: province })
    expect(published._status).toBe('published')
    expect(published.criteria[0].indicators[0].expectedEvidence.map((row: Json) => row.title)).toEqual(['Kế hoạch học tập năm của đơn vị (có chữ ký, đóng dấu)'])
    expect(published.criteria[0].indicators.at(-1)).toMatchObject({ appliesTo: [{ unitType: 'co_quan_nha_nuoc' }], code: 'TC1.CT6', isVerified: true })
    // the sets the demo round already runs on are untouched
    const running = await ok({ path: `/rounds/${round.id}?depth=0`, token: province })
    expect(running.criteriaSets).not.toContain(provinceSetId)
  })

  it('2, 3, 4 and 8. next year’s round: calendar, routing, team and dossier checklist; the unit’s dossier shows them', async () => {
    await page.goto(`${server.url}/admin/collections/rounds/${round.id}`)
    await settle(page)
    await page.getByRole('button', { name: 'Sao chép sang năm sau' }).click()
    await page.waitForURL((url) => /\/rounds\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${round.id}`), { timeout: 30_000 })
    const nextId = Number(new URL(page.url()).pathname.split('/').pop())
    await settle(page)
    nextRound = await ok({ path: `/rounds/${nextId}?depth=0`, token: province })
    expect(nextRound).toMatchObject({ status: 'draft', year: round.year + 1 })
    // the copy takes the newest published set of each kind: the province's own, just published
    expect(nextRound.criteriaSets).toContain(provinceSetId)

    await openTab('Thời hạn')
    await page.fill('input[name="deadlines.submission.day"]', '31')
    await page.fill('input[name="deadlines.submission.month"]', '1')
    const reports = await page.locator('input[name^="reportDeadlines."][name$=".recipient"]').count()
    await addRow('field-reportDeadlines', 'Hạn báo cáo')
    await page.fill(`input[name="reportDeadlines.${reports}.recipient"]`, 'UBND tỉnh')
    await page.fill(`input[name="reportDeadlines.${reports}.day"]`, '31')
    await page.fill(`input[name="reportDeadlines.${reports}.month"]`, '5')

    await openTab('Kế hoạch')
    await expandRow({ input: 'input[name="plan.0.lead"]', row: '#plan-row-0' })
    await page.fill('input[name="plan.0.lead"]', 'Sở Giáo dục và Đào tạo')

    await openTab('Đoàn đánh giá')
    await chooseOption({ field: page.locator('#field-teamDecision'), option: page.getByRole('option', { name: /219\/HD-UBND/ }).first(), page })
    await chooseOption({ field: page.locator('#field-consolidationMode'), option: page.getByRole('option', { name: /Theo đa số/ }), page })

    await openTab('Hồ sơ')
    const slots = await page.locator('input[name^="dossier."][name$=".title"]').count()
    await addRow('field-dossier', 'Tài liệu')
    await page.fill(`input[name="dossier.${slots}.title"]`, 'Biên bản họp Tổ đánh giá của đơn vị')
    await save()

    // the province opens it from the sidebar
    await chooseOption({ field: page.locator('#field-status'), option: page.getByRole('option', { exact: true, name: 'Đang nhận hồ sơ' }), page })
    await save()

    const seen = await ok({ path: `/rounds/${nextId}?depth=0`, token: clerk })
    expect(seen.status).toBe('open')
    expect(seen.deadlines.submission.text).toBe(`trước ngày 31/01/${nextRound.year + 1}`)
    expect((seen.reportDeadlines as Json[]).map((row) => `${row.recipient}: ${row.text}`)).toEqual([
      `Sở Giáo dục và Đào tạo: trước ngày 20/02/${nextRound.year + 1}`,
      `UBND tỉnh: trước ngày 31/05/${nextRound.year + 1}`,
    ])
    expect(seen.teamDecision).toBeTruthy()
    expect(seen.consolidationMode).toBe('majority')
    expect(seen.plan[0].lead).toBe('Sở Giáo dục và Đào tạo')

    // the unit starts its dossier on the province's set: deadline, evidence catalogue and the new slot are there
    const created = await ok({ body: { criteriaSet: provinceSetId, round: nextId }, method: 'POST', path: '/self-assessments?depth=0', token: clerk })
    const dossier = await ok({ path: `/self-assessments/${created.doc.id}?depth=0`, token: clerk })
    expect(dossier.deadlineText).toContain(`31/01/${nextRound.year + 1}`)
    expect(dossier.answers[0].expectedEvidence).toContain('Kế hoạch học tập năm')
    // the province's own indicator is there, not applicable to a commune
    expect((dossier.answers as Json[]).find((row) => row.indicator === 'TC1.CT6')).toMatchObject({ isApplicable: false })
    expect((dossier.dossierFiles as Json[]).map((row) => row.title)).toContain('Biên bản họp Tổ đánh giá của đơn vị')

    // a required slot left empty stops the submission, naming the document
    await ok({ body: { answers: answered(dossier.answers) }, method: 'PATCH', path: `/self-assessments/${dossier.id}?depth=0`, token: clerk })
    const refused = await api({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${dossier.id}`, token: clerk })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('Biên bản họp Tổ đánh giá của đơn vị')
    expect((await ok({ path: `/self-assessments/${dossier.id}?depth=0`, token: clerk })).status).toBe('draft')
    nextRound = { ...seen, dossierId: dossier.id }
  })

  it('2. the self-assessment opening date: before it, the unit cannot submit', async () => {
    await attachDossierPapers({ selfAssessmentId: nextRound.dossierId, token: clerk, url: server.url })
    await page.goto(`${server.url}/admin/collections/rounds/${nextRound.id}`)
    await settle(page)
    await openTab('Thời hạn')
    await page.fill('input[name="deadlines.opening.day"]', '1')
    await page.fill('input[name="deadlines.opening.month"]', '12')
    await save()
    const refused = await api({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${nextRound.dossierId}`, token: clerk })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain(`từ ngày 01/12/${nextRound.year + 1}`)
    expect((await ok({ path: `/self-assessments/${nextRound.dossierId}?depth=0`, token: clerk })).status).toBe('draft')
  })

  it('5. a tier and a unit type of the province’s own, without code: the public evaluation takes the new type at once', async () => {
    await page.goto(`${server.url}/admin/collections/unit-types/create`)
    await settle(page)
    await page.fill('input[name="id"]', 'thu_vien')
    await page.fill('input[name="label"]', 'Thư viện')
    await chooseOption({ field: page.locator('#field-tier'), option: page.getByRole('option', { exact: true, name: 'Cấp huyện' }).first(), page })
    await save()
    await page.goto(`${server.url}/admin/collections/tiers/create`)
    await settle(page)
    await page.fill('input[name="id"]', 'xa-hoc-tap')
    await page.fill('input[name="label"]', 'Cấp xã (Bắc Sơn)')
    await save()

    const types = await ok({ path: '/unit-types?depth=0&limit=100' })
    expect((types.docs as Json[]).map((type) => type.id)).toContain('thu_vien')
    const tiers = await ok({ path: '/tiers?depth=0&limit=100' })
    expect((tiers.docs as Json[]).map((tier) => tier.id)).toContain('xa-hoc-tap')
    // the public evaluation takes the new type at once
    const tried = await api({ body: { answers: {}, unitType: 'thu_vien' }, method: 'POST', path: `/criteria-sets/${provinceSetId}/evaluate` })
    expect(tried.status).toBe(200)
  })

  it('6. a TT 22 scoring guide: a score off the guide is refused naming the indicator', async () => {
    const tt22 = (await ok({ path: '/criteria-sets?depth=0&where[code][equals]=tt22-2020' })).docs[0]
    await page.goto(`${server.url}/admin/collections/criteria-sets/${tt22.id}`)
    await settle(page)
    await page.getByRole('button', { name: 'Tạo bản sao cho tỉnh/huyện' }).click()
    await page.waitForURL((url) => /\/criteria-sets\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${tt22.id}`), { timeout: 30_000 })
    const copyId = Number(new URL(page.url()).pathname.split('/').pop())
    await settle(page)
    const row = page.locator('#criteria-0-indicators-row-0')
    await row.scrollIntoViewIfNeeded()
    await row.locator('.collapsible__toggle').first().click()
    await chooseOption({ field: page.locator('#field-criteria__0__indicators__0__rubric__kind'), option: page.getByRole('option', { name: /bước điểm/ }), page })
    await page.fill('input[name="criteria.0.indicators.0.rubric.step"]', '5')
    await page.getByRole('button', { name: /Xuất bản/ }).first().click()
    await expect.poll(() => toastText(page), { timeout: 30_000 }).toMatch(/thành công|xuất bản/i)
    const code = (await ok({ path: `/criteria-sets/${copyId}?depth=0`, token: province })).criteria[0].indicators[0].code
    const refused = await api({ body: { answers: { [code]: 7.35 }, unitType: 'co_quan_nha_nuoc' }, method: 'POST', path: `/criteria-sets/${copyId}/evaluate` })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain(code)
    const accepted = await api({ body: { answers: { [code]: 5 }, unitType: 'co_quan_nha_nuoc' }, method: 'POST', path: `/criteria-sets/${copyId}/evaluate` })
    expect(accepted.status).toBe(200)
  })

  it('10. publication: whether the district’s results count for emulation, and whether the public register shows them', async () => {
    const districtId = (await ok({ path: '/authorities?depth=0&where[code][equals]=CB-HQ', token: province })).docs[0].id
    const setPublication = async ({ register, countsForEmulation, deciderTitle }: { register: RegExp; countsForEmulation?: boolean; deciderTitle?: string }) => {
      await page.goto(`${server.url}/admin/collections/authorities/${districtId}`)
      await settle(page)
      await chooseOption({ field: page.locator('#field-publication__register'), option: page.getByRole('option', { name: register }), page })
      if (countsForEmulation !== undefined) await page.locator('input[name="publication.countsForEmulation"]').setChecked(countsForEmulation)
      if (deciderTitle !== undefined) await page.fill('input[name="deciderTitle"]', deciderTitle)
      await save()
    }
    // the plan says: this year's results count for the emulation review, and are not published here;
    // and who signs the district's decisions (§5.2.4)
    await setPublication({ countsForEmulation: true, deciderTitle: 'KT. CHỦ TỊCH — PHÓ CHỦ TỊCH UBND huyện Hà Quảng', register: /Không công khai/ })
    const stored = await ok({ path: `/authorities/${districtId}?depth=0`, token: province })
    expect(stored.publication).toMatchObject({ countsForEmulation: true, register: 'none' })
    expect(stored.deciderTitle).toBe('KT. CHỦ TỊCH — PHÓ CHỦ TỊCH UBND huyện Hà Quảng')

    // the unit's dossier in this year's round goes through: answered, papers attached, submitted, accepted, reviewed, decided
    const created = await ok({ body: { criteriaSet: round.criteriaSets[0], round: round.id }, method: 'POST', path: '/self-assessments?depth=0', token: clerk })
    const dossierId = created.doc.id
    const dossier = await ok({ path: `/self-assessments/${dossierId}?depth=0`, token: clerk })
    await ok({ body: { answers: answered(dossier.answers) }, method: 'PATCH', path: `/self-assessments/${dossierId}?depth=0`, token: clerk })
    await attachDossierPapers({ selfAssessmentId: dossierId, token: clerk, url: server.url })
    await ok({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${dossierId}?depth=0`, token: clerk })
    const district = await login('huyen@demo.vn')
    await ok({ body: { status: 'in-review' }, method: 'PATCH', path: `/self-assessments/${dossierId}?depth=0`, token: district })
    const reviewer = await login('reviewer@demo.vn')
    const reviewed = await ok({ path: `/self-assessments/${dossierId}?depth=0`, token: reviewer })
    const verdicts = (reviewed.answers as Json[]).filter((row) => row.isApplicable).map((row) => ({ indicator: row.indicator, verdict: 'met' }))
    await ok({ body: { recommendation: 'recognise', selfAssessment: dossierId, verdicts }, method: 'POST', path: '/reviews?depth=0', token: reviewer })
    await ok({ body: { status: 'reviewed' }, method: 'PATCH', path: `/self-assessments/${dossierId}?depth=0`, token: reviewer })
    const signedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
    const decision = (await ok({ body: { number: '77/QĐ-UBND', round: round.id, signedOn }, method: 'POST', path: '/decisions?depth=0', token: district })).doc
    expect(decision.signer).toBe('KT. CHỦ TỊCH — PHÓ CHỦ TỊCH UBND huyện Hà Quảng')
    await ok({ body: { status: 'issued' }, method: 'PATCH', path: `/decisions/${decision.id}?depth=0`, token: district })

    // the register row carries the emulation rule in force when it was decided; anonymous readers do not see it
    const own = await ok({ path: `/recognitions?depth=0&where[authority][equals]=${districtId}`, token: province })
    expect(own.docs.find((row: Json) => row.decisionNumber === '77/QĐ-UBND')).toMatchObject({ countsForEmulation: true, isPublic: false })
    const publicRows = () => ok({ path: `/recognitions?depth=0&where[authority][equals]=${districtId}` })
    expect((await publicRows()).totalDocs).toBe(0)
    const visitor = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await visitor.goto(`${server.url}/cong-nhan`)
    await expect(visitor.locator('body').innerText()).resolves.not.toContain('77/QĐ-UBND')

    // the district publishes its results after all: the existing rows follow
    await setPublication({ register: /^Mọi kết quả/ })
    expect((await publicRows()).docs.map((row: Json) => row.decisionNumber)).toContain('77/QĐ-UBND')
    await visitor.goto(`${server.url}/cong-nhan`)
    await expect(visitor.locator('body').innerText()).resolves.toContain('77/QĐ-UBND')
  })

  it('onboarding: a spreadsheet of units uploaded, checked row by row, and its valid rows imported on choice', async () => {
    await page.goto(`${server.url}/admin/collections/units`)
    await settle(page)
    await expect(page.getByRole('link', { name: 'Xuất Excel (theo bộ lọc đang chọn)' }).getAttribute('href')).resolves.toBe('/api/units/export')
    await page.getByText('Nhập danh sách đơn vị từ Excel/CSV').click()
    const csv = [
      'Tên đơn vị,Mã đơn vị,Mã loại đơn vị,Mã cấp đơn vị,Mã cấp quản lý,Số thành viên,Email tài khoản cán bộ đơn vị,Họ và tên cán bộ đơn vị',
      'UBND xã Nhập Một,E2E-N1,xa,huyen,CB-HQ,25,nhap1@e2e.vn,Cán bộ Một',
      'UBND xã Nhập Hai,E2E-N2,xa,huyen,CB-HQ,30,,',
      'Trường Không Loại,E2E-N3,khong-co,huyen,CB-HQ,10,,',
    ].join('\n')
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ buffer: Buffer.from(csv), mimeType: 'text/csv', name: 'don-vi.csv' })
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()
    await expect.poll(() => page.getByRole('list', { name: 'Lỗi trong tệp' }).innerText().catch(() => '')).toMatch(/^Dòng 4, «Loại đơn vị»: «khong-co» không có trong danh mục/)
    const importButton = page.getByRole('button', { name: 'Nhập 2 dòng hợp lệ' })
    await expect(importButton.isDisabled()).resolves.toBe(true)
    await page.getByLabel(/Chỉ nhập 2 dòng hợp lệ/).check()
    await importButton.click()
    await expect.poll(() => page.locator('.unit-import__result').innerText().catch(() => '')).toMatch(/^Đã nhập: 2 đơn vị mới, 0 cập nhật, 0 không đổi; 1 tài khoản/)
    const stored = await ok({ path: '/units?depth=0&sort=code&where[code][like]=E2E-N', token: province })
    expect(stored.docs.map((unit: Json) => [unit.code, unit.name, unit.memberCount])).toEqual([
      ['E2E-N1', 'UBND xã Nhập Một', 25],
      ['E2E-N2', 'UBND xã Nhập Hai', 30],
    ])
  })
})
