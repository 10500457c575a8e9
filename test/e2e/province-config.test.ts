/**
 * A new provincial admin (tinh@demo.vn) adapts the round to the province only through the admin, in
 * Chromium, and the effect is read where the people it concerns see it (the unit over REST, the
 * public evaluation). Covered so far: §5.2.1 (the province's own copy of a set with one button, a
 * reference document as the round's legal basis), §5.2.5 (a tier and a unit type of its own) and
 * §5.2.6 (a TT 22 scoring guide). The calendar, routing, team, dossier checklist, evidence catalogue,
 * local indicator and publication steps are covered by integration tests (rounds, dossier-slots,
 * unknowns, recognition-rules) but not yet driven through the admin here (issue 11 stays open).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { chooseOption, launchBrowser, settle, signIn as signInAt } from './helpers/browser'
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
const fillDate = async (selector: string, ddmmyyyy: string) => {
  const input = page.locator(selector)
  await input.fill(ddmmyyyy)
  await input.press('Enter')
}


let clerk: string
let province: string
let round: Json
let provinceSetId: number
let dossierId: number

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
  page = await signInAt({ browser, email: 'tinh@demo.vn', password: demoPassword, url: server.url })
  clerk = await login('donvi@demo.vn')
  province = await login('tinh@demo.vn')
  round = (await ok({ path: '/rounds?depth=0&limit=1', token: clerk })).docs[0]
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
    // the province goes on with its own set the demo round already runs on
    provinceSetId = source.id

    // the round follows the guide: the unit reads it on its round
    await page.goto(`${server.url}/admin/collections/rounds/${round.id}`)
    await settle(page)
    await chooseOption({ field: page.locator('#field-basis'), option: page.getByRole('option', { name: /219\/HD-UBND/ }).first(), page })
    await save()
    const seen = await ok({ path: `/rounds/${round.id}?depth=1`, token: clerk })
    expect((seen.basis as Json[]).map((doc) => doc.label).join(' ')).toContain('219/HD-UBND ngày 28/01/2021')
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

})
