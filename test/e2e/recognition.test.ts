/**
 * The public register and the way into it, in Chromium, on the demo data. An anonymous visitor reads
 * the demo's two earlier years on /cong-nhan, filters them by year and prints the list. Then, from a
 * dossier in review to the register: reviewer@demo.vn (team lead of the demo round) reviews the demo
 * submission and closes the review; huyen@demo.vn issues the decision; /cong-nhan shows the unit
 * without login. The unit's submission and its acceptance, covered by self-assessment.test.ts, are
 * done here over REST.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { chooseOption, goToDashboard, keepScreenshot, launchBrowser, settle, signIn as signInAs } from './helpers/browser'
import { attachDossierPapers } from './helpers/dossierPapers'
import { startProductServer, type RunningServer } from './helpers/server'

let server: RunningServer
let browser: Browser
let selfAssessmentId = 0

type Row = { indicator: string; measure: string; isApplicable: boolean; denominator: number | null; scale: { code: string }[] | null }

const api = async ({ path, method = 'GET', token, body }: { path: string; method?: string; token?: string; body?: unknown }) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method,
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const login = async (email: string) => (await api({ body: { email, password: demoPassword }, method: 'POST', path: '/users/login' })).token as string

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
  // the clerk of UBND xã Trường Hà submits the demo round's level-1 self-assessment, all met
  const clerk = await login('donvi@demo.vn')
  const round = (await api({ path: '/rounds?depth=0&limit=1&where[status][equals]=open', token: clerk })).docs[0]
  const set = (await api({ path: '/criteria-sets?depth=0&where[code][equals]=cb-demo-tt24-2023-huyen-1' })).docs[0]
  const created = (await api({ body: { criteriaSet: set.id, round: round.id }, method: 'POST', path: '/self-assessments?depth=0', token: clerk })).doc
  selfAssessmentId = created.id
  const answers = (created.answers as Row[]).map((row) => {
    if (!row.isApplicable) return row
    const value = { boolean: { yesNo: 'yes' }, rank: { rank: row.scale?.at(-1)?.code }, ratio: { numerator: row.denominator } }[row.measure] ?? {}
    return { ...row, ...value, explanation: 'Hồ sơ gốc lưu tại UBND xã.' }
  })
  await api({ body: { answers }, method: 'PATCH', path: `/self-assessments/${created.id}`, token: clerk })
  // the round's checklist (Tờ trình, Báo cáo, Bản tổng hợp): each slot gets its paper
  await attachDossierPapers({ selfAssessmentId: created.id, token: clerk, url: server.url })
  await api({ body: { status: 'submitted' }, method: 'PATCH', path: `/self-assessments/${created.id}`, token: clerk })
  await api({ body: { status: 'in-review' }, method: 'PATCH', path: `/self-assessments/${created.id}`, token: await login('huyen@demo.vn') })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (email: string): Promise<Page> => signInAs({ browser, email, password: demoPassword, url: server.url })

const toastText = (page: Page) => page.locator('[data-sonner-toast]').allInnerTexts().then((texts) => texts.join(' | '))

const todayInVietnam = () => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())
/** The demo round's evaluation year: this year in Vietnam. */
const demoYear = () => Number(todayInVietnam().slice(-4))

/** The register table's rows as [unit, year, level] read from the page. */
const registerRows = (page: Page) =>
  page
    .getByTestId('register')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim())).map((cells) => [cells[1], cells[3], cells[7]]))

describe('the public register of the demo, anonymously', () => {
  it('shows the two earlier years, filters them by year, and prints without the form', async () => {
    const year = demoYear()
    const visitor = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await visitor.goto(`${server.url}/cong-nhan`)
    await expect(visitor.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Danh sách đơn vị được công nhận “Đơn vị học tập”')
    const all = await registerRows(visitor)
    expect(new Set(all.map((row) => row[1]))).toEqual(new Set([String(year - 2), String(year - 1)]))
    expect(all).toContainEqual(['UBND xã Sóc Hà', String(year - 2), 'Mức độ 1'])
    await expect(visitor.getByTestId('register-count').innerText()).resolves.toBe(`Tìm thấy ${all.length} đơn vị`)

    // the filter bar is a plain GET form: choose the year, search
    await visitor.getByLabel('Năm đánh giá').selectOption(String(year - 2))
    await visitor.getByRole('button', { exact: true, name: 'Tìm kiếm' }).click()
    await visitor.waitForURL((url) => url.searchParams.get('year') === String(year - 2))
    const earliest = await registerRows(visitor)
    expect(earliest.length).toBeGreaterThan(0)
    expect(earliest.length).toBeLessThan(all.length)
    expect(earliest.every((row) => row[1] === String(year - 2))).toBe(true)
    await expect(visitor.getByTestId('register-count').innerText()).resolves.toContain(`Năm đánh giá: ${year - 2}`)

    // printed: no form and no button; the heading names the filter and the day
    const heading = visitor.getByTestId('register-print-heading')
    expect(await heading.isVisible()).toBe(false)
    await visitor.emulateMedia({ media: 'print' })
    expect(await visitor.getByTestId('register-filters').isVisible()).toBe(false)
    expect(await visitor.getByRole('button', { name: 'In danh sách' }).isVisible()).toBe(false)
    await expect(heading.innerText()).resolves.toContain(`Điều kiện lọc: Năm đánh giá: ${year - 2}.`)
    await expect(heading.innerText()).resolves.toContain(`Ngày in: ${todayInVietnam()}.`)
    expect(await visitor.getByTestId('register').isVisible()).toBe(true)
    await visitor.context().close()
  })
})

describe('from review to the public register', () => {
  it('reviewer@demo.vn reviews the demo submission, sees the team result, and closes the review', async () => {
    // the team lead starts on the dashboard: the dossier assigned, no review of hers yet
    const page = await signIn('reviewer@demo.vn')
    const assigned = page.getByTestId('assigned')
    await expect(assigned.innerText()).resolves.toMatch(/UBND xã Trường Hà[\s\S]*Đang thẩm định[\s\S]*0\/\d+ thành viên đã gửi phiếu/)
    await keepScreenshot({ name: 'dashboard-doan-danh-gia', page })
    await page.getByTestId(`create-review-${selfAssessmentId}`).click()
    await page.waitForURL((url) => /\/reviews\/\d+$/.test(url.pathname), { timeout: 30_000 })
    await settle(page)
    const rows = await page.locator('[id^="verdicts-row-"]').count()
    expect(rows).toBeGreaterThan(8)
    // beside each verdict, what the unit wrote and its evidence
    await expect(page.getByTestId('unit-evidence-note').first().innerText()).resolves.toContain('Hồ sơ gốc lưu tại UBND xã.')
    // "Đạt tất cả", then one indicator changed by hand
    await page.getByTestId('all-met').click()
    await expect(page.locator('#field-verdicts__0__verdict').innerText()).resolves.toContain('Đạt')
    await page.locator('#field-verdicts__0__verdict').click()
    await page.getByRole('option', { exact: true, name: 'Không đạt' }).click()
    await page.locator('#field-recommendation').click()
    await page.getByRole('option', { exact: true, name: 'Đề nghị công nhận' }).click()
    // recognition proposed against a Không đạt: the form says so, and asks for the reason
    await expect(page.getByTestId('recommendation-check').innerText()).resolves.toContain('1 chỉ tiêu «Không đạt» nhưng đề nghị công nhận')
    // on a second look the indicator is met after all: the warning goes
    await page.locator('#field-verdicts__0__verdict').click()
    await page.getByRole('option', { exact: true, name: 'Đạt' }).click()
    await expect(page.getByTestId('recommendation-check').count()).resolves.toBe(0)
    await keepScreenshot({ name: 'phieu-danh-gia', page })
    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    await expect.poll(() => toastText(page), { timeout: 20_000 }).toMatch(/thành công/i)

    await goToDashboard(page)
    await expect(assigned.innerText()).resolves.toMatch(/Đã có phiếu — xem[\s\S]*1\/\d+ thành viên đã gửi phiếu/)
    await assigned.getByRole('link', { name: /UBND xã Trường Hà/ }).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/self-assessments/${selfAssessmentId}`))
    // the dossier leads back to her review
    await expect.poll(() => page.getByTestId('review-from-dossier').innerText(), { timeout: 20_000 }).toContain('Mở phiếu đánh giá của bạn')
    await keepScreenshot({ name: 'ho-so-dang-tham-dinh', page })
    const panel = page.getByTestId('consolidation')
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain('Đạt mức độ 1')
    await expect(page.getByTestId('consolidation-disagreements').innerText()).resolves.toContain('0 chỉ tiêu có ý kiến khác nhau')
    await page.getByRole('button', { exact: true, name: 'Kết thúc thẩm định' }).click()
    await page.locator('.confirmation-modal').getByRole('button', { exact: true, name: 'Xác nhận' }).click()
    await expect.poll(() => page.locator('#field-status').innerText(), { timeout: 20_000 }).toContain('Đã đánh giá')
  })

  it('huyen@demo.vn issues the decision for the demo round, and the public register shows the unit', async () => {
    // the district's dashboard: one dossier reviewed, waiting for the decision
    const page = await signIn('huyen@demo.vn')
    await expect(page.locator('[data-testid^="funnel-"]').first().innerText()).resolves.toMatch(/1\s+Đã đánh giá, chờ quyết định/)
    await page.getByRole('link', { name: 'Lập quyết định công nhận' }).click()
    await page.waitForURL((url) => url.pathname.endsWith('/decisions/create'))
    await chooseOption({ field: page.locator('#field-round'), option: page.getByRole('option', { name: `Đánh giá, công nhận Đơn vị học tập năm ${demoYear()} — huyện Hà Quảng` }), page })
    await page.fill('input[name="number"]', '125/QĐ-UBND')
    const date = page.locator('#field-signedOn input')
    await date.fill(todayInVietnam())
    await date.press('Enter')
    // a new decision is a draft: its entries are filled from the team's outcomes for the clerk to check
    await expect(page.locator('#field-status').innerText()).resolves.toContain('Dự thảo')
    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    await page.waitForURL((url) => /\/decisions\/\d+$/.test(url.pathname), { timeout: 30_000 })
    await page.reload()
    await expect.poll(() => page.locator('input[name="entries.0.outcomeLabel"]').inputValue(), { timeout: 20_000 }).toBe('Đơn vị học tập Mức độ 1')
    // each row is headed by the unit's name and its outcome, not "Đơn vị 01"
    await expect.poll(() => page.locator('.decision-entry-row-label').first().innerText(), { timeout: 15_000 }).toMatch(/^1\. UBND xã Trường Hà\s*— Đơn vị học tập Mức độ 1$/)
    // then it is issued, once
    await chooseOption({ field: page.locator('#field-status'), option: page.getByRole('option', { exact: true, name: 'Đã ban hành' }), page })
    // before the final click, the form says what issuing does
    await expect(page.getByTestId('issue-decision-notice').innerText()).resolves.toMatch(/1 đơn vị trong quyết định được ghi vào sổ công nhận/)
    await keepScreenshot({ name: 'quyet-dinh-truoc-khi-ban-hanh', page })
    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    await expect.poll(() => toastText(page), { timeout: 20_000 }).toMatch(/thành công/i)
    await page.reload()
    await expect.poll(() => page.locator('#field-status').innerText(), { timeout: 20_000 }).toContain('Đã ban hành')
    await expect(page.locator('input[name="signer"]').inputValue()).resolves.toContain('Chủ tịch')

    const visitor = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await visitor.goto(`${server.url}/cong-nhan?q=${encodeURIComponent('Trường Hà')}`)
    const register = visitor.getByTestId('register')
    await expect(register.innerText()).resolves.toContain('UBND xã Trường Hà')
    await expect(register.innerText()).resolves.toContain('Mức độ 1')
    await expect(register.innerText()).resolves.toContain('125/QĐ-UBND')
  })

  it('admin@demo.vn sees the province’s round decided on the dashboard and opens it from there', async () => {
    const page = await signIn('admin@demo.vn')
    const province = page.locator('[data-testid^="province-"]', { hasText: 'Cao Bằng' })
    await expect(province.innerText()).resolves.toMatch(/1\s+Đã có quyết định/)
    await keepScreenshot({ name: 'dashboard-quan-tri', page })
    await province.getByRole('link', { name: /huyện Hà Quảng/ }).first().click()
    await page.waitForURL((url) => /\/rounds\/\d+$/.test(url.pathname))
    await expect(page.getByTestId('round-participation').innerText()).resolves.toContain('Được công nhận: 1')
  })
})
