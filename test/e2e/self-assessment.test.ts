/**
 * The unit's clerk and the district office, in Chromium, on the demo data: donvi@demo.vn fills the
 * demo round's self-assessment (every indicator, an explanation where evidence is asked for), sees
 * the result, and submits it; huyen@demo.vn finds it in the round's list and returns it with a
 * reason, which the clerk then reads at the top of the form.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { launchBrowser, signIn as signInAs } from './helpers/browser'
import { attachDossierPapers } from './helpers/dossierPapers'
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
    const page = await signIn('donvi@demo.vn')
    await page.goto(`${server.url}/admin/collections/self-assessments/create`)
    await page.locator('#field-round').click()
    await page.getByRole('option', { name: /huyện Hà Quảng/ }).first().click()
    await page.locator('#field-criteriaSet').click()
    await page.getByRole('option', { name: /Mức độ 1.*bản của tỉnh/ }).first().click()
    await page.getByRole('button', { exact: true, name: 'Lưu' }).click()
    await page.waitForURL((url) => /\/self-assessments\/\d+$/.test(url.pathname), { timeout: 30_000 })
    selfAssessmentUrl = page.url()
    await expect(page.getByTestId('sa-outcome').innerText()).resolves.toContain('Chưa trả lời đủ')

    // submitting now is refused, with the missing indicators named, and nothing changes
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await expect(page.getByTestId('workflow-problems').innerText()).resolves.toMatch(/TC1\.CT1 chưa được trả lời/)
    await expect(statusShown(page)).resolves.toContain('Bản nháp')

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
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await expect.poll(() => page.getByTestId('workflow-problems').innerText(), { timeout: 20_000 }).toMatch(/Thiếu tài liệu bắt buộc «Tờ trình/)
    await expect(statusShown(page)).resolves.toContain('Bản nháp')
    const clerkToken = (await page.context().cookies()).find((cookie) => cookie.name === 'payload-token')?.value ?? ''
    expect(await attachDossierPapers({ selfAssessmentId: selfAssessmentUrl.split('/').pop() as string, token: clerkToken, url: server.url })).toBe(3)
    await page.reload()
    await page.getByTestId('sa-outcome').scrollIntoViewIfNeeded()
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await expect.poll(() => statusShown(page), { timeout: 20_000 }).toContain('Đã nộp')
    // after submission the clerk's answers are read-only: no more workflow but withdrawal
    await expect(page.getByRole('button', { name: 'Rút lại hồ sơ' }).count()).resolves.toBe(1)
  })

  it('huyen@demo.vn sees it in the round’s list and returns it with a reason; the clerk reads the reason', async () => {
    expect(selfAssessmentUrl).not.toBe('')
    const page = await signIn('huyen@demo.vn')
    await page.goto(`${server.url}/admin/collections/rounds`)
    // the demo round of this year, not one of Hà Quảng's closed rounds of the earlier years
    const year = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())
    await page.getByRole('link', { name: `Đánh giá, công nhận Đơn vị học tập năm ${year} — huyện Hà Quảng` }).click()
    const participation = page.getByTestId('round-participation')
    await expect.poll(() => participation.innerText(), { timeout: 20_000 }).toContain('Đã nộp: 1')
    await expect(participation.innerText()).resolves.toMatch(/Chưa bắt đầu: \d+/)
    await participation.getByRole('link', { name: 'Xem danh sách hồ sơ của đợt' }).click()
    const listRow = page.locator('tr', { hasText: 'UBND xã Trường Hà' })
    await expect(listRow.innerText()).resolves.toContain('Đã nộp')
    await listRow.getByRole('link').first().click()
    await page.waitForURL((url) => /\/self-assessments\/\d+$/.test(url.pathname))

    // returning needs a reason
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click()
    await expect(page.getByTestId('workflow-problems').innerText()).resolves.toContain('Ghi lý do')
    await page.getByTestId('workflow-reason').fill(reason)
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click()
    await expect.poll(() => statusShown(page), { timeout: 20_000 }).toContain('Trả lại để bổ sung')

    const clerk = await signIn('donvi@demo.vn')
    await clerk.goto(selfAssessmentUrl)
    await expect(clerk.getByTestId('sa-result').innerText()).resolves.toContain(reason)
    await expect(clerk.getByRole('button', { name: 'Nộp lại hồ sơ' }).count()).resolves.toBe(1)
  })
})
