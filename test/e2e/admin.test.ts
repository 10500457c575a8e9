/**
 * README's first command, as a newcomer meets it: the production server on the embedded default
 * with demo data. In Chromium, every demo login reaches the Vietnamese admin and sees only the
 * units and accounts its role allows.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword, demoUnits } from '@seed/demo/province'

import { launchBrowser } from './helpers/browser'
import { startProductServer, type RunningServer } from './helpers/server'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const login = async ({ email }: { email: string }): Promise<Page> => {
  const context = await browser.newContext({ locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', demoPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
  return page
}

const rowsIn = async ({ page, path }: { page: Page; path: string }) => {
  await page.goto(`${server.url}/admin/collections/${path}?limit=100`)
  await page.waitForSelector('.table tbody tr, .collection-list__no-results', { timeout: 30_000 })
  return page.locator('.table tbody tr').count()
}

const haQuangUnits = demoUnits.filter((unit) => unit.authorityCode === 'CB-HQ').length

describe('the product started as README says', () => {
  it('answers /healthz with 200 { ok: true }', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('serves the admin in Vietnamese even to a browser that asks for English', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    await page.goto(`${server.url}/admin/login`)
    expect(await page.getAttribute('html', 'lang')).toBe('vi')
    await expect(page.locator('button[type="submit"]').innerText()).resolves.toMatch(/Đăng nhập/i)
  })

  it.each([
    ['admin@demo.vn', demoUnits.length, 5],
    ['tinh@demo.vn', demoUnits.length, 4],
    ['huyen@demo.vn', haQuangUnits, 3],
    ['reviewer@demo.vn', haQuangUnits, 1],
    ['donvi@demo.vn', 1, 1],
  ])('%s logs in and sees %i units and %i accounts', async (email, units, accounts) => {
    const page = await login({ email })
    await expect(page.locator('nav').first().innerText()).resolves.toMatch(/Đơn vị/)
    expect(await rowsIn({ page, path: 'units' })).toBe(units)
    expect(await rowsIn({ page, path: 'users' })).toBe(accounts)
    if (email === 'donvi@demo.vn') {
      await page.screenshot({ fullPage: true, path: 'test-results/donvi-users.png' })
      await page.goto(`${server.url}/admin/collections/units?limit=100`)
      await expect(page.locator('.table tbody').innerText()).resolves.toMatch(/UBND xã Trường Hà/)
      await page.screenshot({ fullPage: true, path: 'test-results/donvi-units.png' })
    }
    await page.context().close()
  })

  it('refuses a wrong password with a Vietnamese message and stays on the login page', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('input[name="email"]', 'tinh@demo.vn')
    await page.fill('input[name="password"]', 'sai-mat-khau')
    await page.click('button[type="submit"]')
    await expect(page.getByText(/Email hoặc mật khẩu không đúng/).first().innerText({ timeout: 15_000 })).resolves.toBeTruthy()
    expect(new URL(page.url()).pathname).toBe('/admin/login')
  })
})
