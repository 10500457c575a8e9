/**
 * The unit's clerk and the district office, in Chromium, on the demo data: donvi@demo.vn fills the
 * demo round's self-assessment (every indicator, an explanation where evidence is asked for), sees
 * the result, and submits it; huyen@demo.vn finds it in the round's list and returns it with a
 * reason, which the clerk then reads at the top of the form.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { goToDashboard, keepScreenshot, launchBrowser, settle, signIn as signInAs } from './helpers/browser'
import { attachPapersInForm } from './helpers/dossierPapers'
import { startProductServer, type RunningServer } from './helpers/server'

let server: RunningServer
let browser: Browser
let selfAssessmentUrl = ''
const reason = 'Bổ sung biên bản họp xét Công dân học tập (TC3.CT1).'

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (email: string): Promise<Page> => signInAs({ browser, email, password: demoPassword, url: server.url })

const statusShown = (page: Page) => page.locator('#field-status').innerText()

/** A workflow button, then "Xác nhận" in the dialog that says what the step means. */
const act = async ({ page, name, consequence }: { page: Page; name: string; consequence?: RegExp }) => {
  await page.getByRole('button', { exact: true, name }).click()
  const dialog = page.locator('.confirmation-modal')
  await dialog.waitFor()
  if (consequence) await expect(dialog.innerText()).resolves.toMatch(consequence)
  await dialog.getByRole('button', { exact: true, name: 'Xác nhận' }).click()
}

/** Answers row `index` so that it is met, with an explanation; rows not applicable have no input. */
const answerRow = async ({ page, index }: { page: Page; index: number }) => {
  const row = page.locator(`#answers-row-${index}`)
  await row.scrollIntoViewIfNeeded()
  const measure = await page.locator(`input[name="answers.${index}.measure"]`).inputValue()
  const explanation = page.locator(`textarea[name="answers.${index}.explanation"]`)
  if (measure === 'boolean') {
    const select = page.locator(`#field-answers__${index}__yesNo`)
    if ((await select.count()) === 0) return 'not-applicable'
    await select.click()
    await page.getByRole('option', { exact: true, name: 'Đạt' }).click()
  } else if (measure === 'ratio') {
    const numerator = page.locator(`input[name="answers.${index}.numerator"]`)
    if ((await numerator.count()) === 0) return 'not-applicable'
    // the denominator comes prefilled with the unit's member count
    await numerator.fill(await page.locator(`input[name="answers.${index}.denominator"]`).inputValue())
  } else if (measure === 'rank') {
    const select = page.locator(`select[name="answers.${index}.rank"]`)
    if ((await select.count()) === 0) return 'not-applicable'
    const options = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value))
    await select.selectOption(options.at(-1) as string)
  }
  await explanation.fill('Hồ sơ gốc lưu tại văn phòng UBND xã.')
  return 'answered'
}

describe('a self-assessment from the clerk to the district office and back', () => {
  it('donvi@demo.vn starts the demo round’s self-assessment, answers every indicator and submits it', async () => {
    // she starts on her dashboard: the open round, its deadline in days, the set recommended to her
    const page = await signIn('donvi@demo.vn')
    const dashboard = page.locator('.dvht-dashboard')
    await expect(dashboard.innerText()).resolves.toMatch(/Hạn nộp hồ sơ: trước ngày 15\/01\/\d{4} — còn \d+ ngày/)
    await expect(page.locator('.dashboard-choice--recommended').innerText()).resolves.toMatch(/Mức độ 1.*bản của tỉnh/s)
    await keepScreenshot({ name: 'dashboard-don-vi-chua-bat-dau', page })
    await page.getByTestId('start-self-assessment').click()
    await page.waitForURL((url) => /\/self-assessments\/\d+$/.test(url.pathname), { timeout: 30_000 })
    selfAssessmentUrl = page.url()
    await expect(page.getByTestId('sa-outcome').innerText()).resolves.toContain('Chưa trả lời đủ')

    // submitting now is refused, with the missing indicators named, and nothing changes
    await act({ consequence: /không sửa được câu trả lời/, name: 'Nộp hồ sơ', page })
    // one line per indicator, named by its wording; a line scrolls to its row
    await expect(page.getByTestId('workflow-problems').innerText()).resolves.toMatch(/TC1\.CT1 — \S.*: chưa được trả lời/)
    await expect(statusShown(page)).resolves.toContain('Bản nháp')

    // her dashboard lists what is missing by the indicator's wording; a line leads to its row
    await goToDashboard(page)
    const gaps = page.getByTestId('dossier-gaps')
    await expect(gaps.innerText()).resolves.toMatch(/TC1\.CT1 — \S+.*: chưa trả lời/)
    await expect(gaps.innerText()).resolves.toContain('Tờ trình')
    await keepScreenshot({ name: 'dashboard-don-vi-dang-soan', page })
    await gaps.getByRole('link', { name: /^TC1\.CT1 — / }).click()
    await page.waitForURL((url) => url.hash === '#answers-row-0' && url.pathname === new URL(selfAssessmentUrl).pathname)
    await expect(page.locator('#answers-row-0').isVisible()).resolves.toBe(true)
    // the form is server-rendered: answer once it has hydrated
    await settle(page)

    const rows = await page.locator('[id^="answers-row-"]').count()
    expect(rows).toBeGreaterThan(8)
    const outcomes: string[] = []
    for (let index = 0; index < rows; index++) outcomes.push(await answerRow({ index, page }))
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThan(8)
    // TC3.CT4 is for schools: a commune sees it as not applicable and answers nothing
    expect(outcomes).toContain('not-applicable')

    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    await expect.poll(() => page.getByTestId('sa-outcome').innerText(), { timeout: 20_000 }).toContain('Đạt mức độ 1')
    // the round's checklist asks for three papers: until they are attached, the dossier is not sent
    await act({ name: 'Nộp hồ sơ', page })
    await expect.poll(() => page.getByTestId('workflow-problems').innerText(), { timeout: 20_000 }).toMatch(/Tờ trình.*: Thiếu tài liệu bắt buộc «Tờ trình/)
    await expect(statusShown(page)).resolves.toContain('Bản nháp')
    // she attaches each paper in its row: a new evidence in a drawer, her unit already chosen
    const papers = await attachPapersInForm({ filesDir: server.dataDir, page })
    expect(papers).toEqual([expect.stringMatching(/^Tờ trình/), expect.stringMatching(/^Báo cáo tự đánh giá/), expect.stringMatching(/^Bản tổng hợp/)])
    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    // the evidence drawers said "tạo"; the dossier's own save says "cập nhật"
    await expect.poll(() => page.locator('[data-sonner-toast]').allInnerTexts().then((texts) => texts.join(' | ')), { timeout: 30_000 }).toMatch(/cập nhật thành công/i)
    await expect(page.locator('[id^="dossierFiles-row-"] .dossier-slot-label[data-missing="true"]').count()).resolves.toBe(0)
    // the refusal listed before the papers were attached is marked as out of date
    await expect(page.getByTestId('workflow-problems-stale').count()).resolves.toBe(1)
    await keepScreenshot({ name: 'ho-so-du-giay-to', page })
    await page.getByTestId('sa-outcome').scrollIntoViewIfNeeded()
    await act({ name: 'Nộp hồ sơ', page })
    await expect.poll(() => statusShown(page), { timeout: 20_000 }).toContain('Đã nộp')
    // after submission the clerk's answers are read-only: no more workflow but withdrawal
    await expect(page.getByRole('button', { name: 'Rút lại hồ sơ' }).count()).resolves.toBe(1)
    await goToDashboard(page)
    await expect(page.getByTestId('dossier-status').innerText()).resolves.toBe('Đã nộp')
  })

  it('huyen@demo.vn sees it in the round’s list and returns it with a reason; the clerk reads the reason', async () => {
    expect(selfAssessmentUrl).not.toBe('')
    // the district starts on its dashboard: the round's funnel and the dossier waiting for acceptance
    const page = await signIn('huyen@demo.vn')
    const funnel = page.locator('[data-testid^="funnel-"]').first()
    await expect(funnel.innerText()).resolves.toMatch(/1\s+Đã nộp, chờ tiếp nhận/)
    await expect(funnel.innerText()).resolves.toMatch(/\d+\s+Chưa bắt đầu/)
    await expect(page.getByTestId('waiting').innerText()).resolves.toContain('UBND xã Trường Hà')
    await keepScreenshot({ name: 'dashboard-huyen', page })
    await funnel.getByRole('link', { name: /Đã nộp, chờ tiếp nhận/ }).click()
    await page.waitForURL((url) => url.pathname.endsWith('/self-assessments'))
    const listRow = page.locator('tr', { hasText: 'UBND xã Trường Hà' })
    await expect(listRow.innerText()).resolves.toContain('Đã nộp')
    await listRow.getByRole('link').first().click()
    await page.waitForURL((url) => /\/self-assessments\/\d+$/.test(url.pathname))

    // returning needs a reason
    await page.getByRole('button', { exact: true, name: 'Trả lại để bổ sung' }).click()
    await expect(page.getByTestId('workflow-problems').innerText()).resolves.toContain('Ghi lý do')
    await page.getByTestId('workflow-reason').fill(reason)
    await act({ consequence: /trả về đơn vị kèm lý do/, name: 'Trả lại để bổ sung', page })
    await expect.poll(() => statusShown(page), { timeout: 20_000 }).toContain('Trả lại để bổ sung')

    // the clerk reads the reason on her dashboard and opens the dossier from there
    const clerk = await signIn('donvi@demo.vn')
    await expect(clerk.locator('.dvht-dashboard').innerText()).resolves.toContain(`Lý do trả lại: ${reason}`)
    await expect(clerk.getByTestId('dossier-status').innerText()).resolves.toBe('Trả lại để bổ sung')
    await clerk.getByRole('link', { exact: true, name: 'Mở hồ sơ' }).click()
    await clerk.waitForURL((url) => url.pathname === new URL(selfAssessmentUrl).pathname)
    await expect(clerk.getByTestId('sa-result').innerText()).resolves.toContain(reason)
    await expect(clerk.getByRole('button', { name: 'Nộp lại hồ sơ' }).count()).resolves.toBe(1)
  })
})

describe('the bell in the header', () => {
  it('the clerk sees the returned-dossier notification with the unread count; opening it marks it read and goes to the dossier', async () => {
    expect(selfAssessmentUrl).not.toBe('')
    const clerk = await signIn('donvi@demo.vn')
    const bell = clerk.locator('.notification-bell__button')
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/^Thông báo: \d+ chưa đọc$/)
    const unreadBefore = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0])
    await bell.click()
    const item = clerk.locator('.notification-bell__item', { hasText: 'Hồ sơ bị trả lại: UBND xã Trường Hà' })
    await item.waitFor()
    await expect(item.innerText()).resolves.toContain('chưa đọc')
    await keepScreenshot({ name: 'bell-donvi', page: clerk })
    await item.click()
    await clerk.waitForURL((url) => url.href === selfAssessmentUrl || /\/self-assessments\/\d+$/.test(url.pathname))
    expect(new URL(clerk.url()).pathname).toBe(new URL(selfAssessmentUrl).pathname)
    await expect(clerk.getByTestId('sa-result').innerText()).resolves.toContain(reason)
    // read now: one fewer unread, and the row says so
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 }).toBe(unreadBefore - 1 > 0 ? `Thông báo: ${unreadBefore - 1} chưa đọc` : 'Thông báo')
    await bell.click()
    await expect(clerk.locator('.notification-bell__item', { hasText: 'Hồ sơ bị trả lại: UBND xã Trường Hà' }).innerText()).resolves.not.toContain('chưa đọc')
  })
})
