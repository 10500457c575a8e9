/** Debian's Chromium driven by playwright-core (no browser download is possible here). */
import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const hasChromium = () => fs.existsSync(chromiumPath)

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    executablePath: chromiumPath,
  })

/** A fresh browser context signed in to the admin as a demo account, in Vietnamese. */
export const signIn = async ({ browser, url, email, password }: { browser: Browser; url: string; email: string; password: string }) => {
  const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { height: 1000, width: 1400 } })).newPage()
  page.setDefaultTimeout(20_000)
  await page.goto(`${url}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((location) => !location.pathname.endsWith('/login'))
  return page
}

/**
 * Waits until the page has stopped loading (no request for half a second, at most 15 s): a click
 * or a fill on the server-rendered form before React has hydrated it is lost on a loaded machine.
 */
export const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)

/**
 * Opens a select-like field and picks an option. A click that lands before the admin's form is
 * hydrated (a loaded machine, several servers in parallel) opens nothing, so the field is clicked
 * again until the option shows.
 */
export const chooseOption = async ({ page, field, option }: { page: Page; field: Locator; option: Locator }) => {
  // a field's box holds its label and description too: aim at the select control itself
  await settle(page)
  const control = field.locator('.rs__control').first()
  const target = (await control.count()) > 0 ? control : field
  for (let attempt = 1; ; attempt++) {
    await target.click()
    try {
      await option.waitFor({ state: 'visible', timeout: 5_000 })
      break
    } catch (error) {
      if (attempt === 6) throw error
      await page.keyboard.press('Escape')
    }
  }
  await option.click()
}

/** A screenshot of the page for people to look at (test-results/ is not committed). */
export const keepScreenshot = async ({ page, name }: { page: Page; name: string }) => {
  const folder = path.join(process.cwd(), 'test-results', 'screens')
  fs.mkdirSync(folder, { recursive: true })
  await page.screenshot({ fullPage: true, path: path.join(folder, `${name}.png`) })
}

/** Back to the start page the way a user goes: the home icon at the start of the breadcrumb. */
export const goToDashboard = async (page: Page) => {
  await page.locator('.step-nav a[href="/admin"], a[href="/admin"]').first().click()
  await page.waitForURL((location) => location.pathname === '/admin' || location.pathname === '/admin/')
  await page.locator('.dvht-dashboard').waitFor()
}
