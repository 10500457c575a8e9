/**
 * Every label a user reads is Vietnamese (issue 12): each demo role, in Chromium, on the demo data
 * plus one draft self-assessment, walks its dashboard and the list of every collection its menu
 * offers, and reads the page's text (and its buttons' accessible names). To stay within about three
 * minutes, a document's page and a create form are walked once per collection, by the first role
 * (in the order below: clerk, reviewer, district, province, administrator) that has one to open.
 * The test fails on an English word, a stored status or action code, a raw id or an unresolved value
 * (test/e2e/helpers/untranslated.ts), printing the role, the address and the line. Each role's menu
 * is checked against its list (collections/access/navigation.ts).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoPassword } from '@seed/demo/province'

import { launchBrowser, signIn } from './helpers/browser'
import { startProductServer, type RunningServer } from './helpers/server'
import { untranslated } from './helpers/untranslated'

let server: RunningServer
let browser: Browser

/** Signed in as the clerk: the demo round's first set, as a draft dossier, so its form is walked too. */
const startDossier = async ({ page }: { page: Page }) => {
  const api = (path: string, init?: Parameters<Page['request']['fetch']>[1]) => page.request.fetch(`${server.url}/api${path}`, init)
  const { docs } = (await (await api('/rounds?depth=0&limit=1')).json()) as { docs: { id: number; criteriaSets: number[] }[] }
  const round = docs[0]
  const response = await api('/self-assessments', { data: { criteriaSet: round.criteriaSets[0], round: round.id }, method: 'POST' })
  expect(response.status(), await response.text()).toBe(201)
}

beforeAll(async () => {
  server = await startProductServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

type Problem = { role: string; url: string; kind: string; match: string; context: string }

/** Collections whose document page, and whose create form, an earlier role has walked already. */
const walkedDocument = new Set<string>()
const walkedCreate = new Set<string>()

/**
 * Opens `path` and waits for Payload's view, its forms hydrated (`data-form-ready`) and its
 * client-side lookups done (relation titles and the like say "Đang tải" until they arrive). A page
 * still loading after 20 s is a finding: the HTML body of a message template once stayed a grey
 * placeholder for good, its editor waiting for a CDN an office without internet never reaches.
 */
const open = async ({ page, path }: { page: Page; path: string }): Promise<string | null> => {
  await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' })
  await page.waitForSelector('.template-default, .template-minimal', { timeout: 30_000 }).catch((error: Error) => {
    throw new Error(`${path}: trang không hiện sau 30 giây (${error.message.split('\n')[0]})`)
  })
  return page
    .waitForFunction(
      () =>
        !document.querySelector('.loading-overlay, .shimmer-effect, form[data-form-ready="false"]') && !document.body.innerText.includes('Đang tải'),
      undefined,
      { polling: 100, timeout: 20_000 },
    )
    .then(() => null)
    .catch(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('.loading-overlay, .shimmer-effect, form[data-form-ready="false"]')]
            .map((node) => node.closest('.field-type')?.querySelector('label')?.textContent ?? node.className)
            .join(', ') || 'Đang tải',
      ),
    )
}

/** The visible text of the page (menu and content) and the accessible names of its controls. */
const readPage = async (page: Page) => {
  const text = await page.locator('body').innerText()
  const names = await page
    .locator('[aria-label], [title]')
    .evaluateAll((nodes) => nodes.flatMap((node) => [node.getAttribute('aria-label'), node.getAttribute('title')]).filter((name): name is string => Boolean(name)))
  // an accessible name in English is Payload's own more often than not; a raw value never is
  return { names: names.filter((name) => /\[object Object\]|\bundefined\b/.test(name)), text }
}

/**
 * One role's walk: dashboard, menu, each offered list, and — where no earlier role walked them —
 * the list's first document and its create form. With `lists`, a list not named there is opened
 * only to reach a document or form not walked yet. `allowed` are words the role may read (the
 * admin's "API" tab).
 */
const walk = async ({ allowed = [], email, lists, menu }: { allowed?: string[]; email: string; lists?: string[]; menu: string[] }) => {
  const role = email.split('@')[0]
  const page = await signIn({ browser, email, password: demoPassword, url: server.url })
  const problems: Problem[] = []
  const check = async (stillLoading: string | null) => {
    const { names, text } = await readPage(page)
    const url = new URL(page.url()).pathname
    if (stillLoading) problems.push({ context: stillLoading, kind: 'trang chưa tải xong sau 20 giây', match: stillLoading, role, url })
    for (const finding of untranslated(text)) if (!allowed.includes(finding.match)) problems.push({ role, url, ...finding })
    for (const name of names) problems.push({ context: name, kind: 'tên điều khiển chưa dịch', match: name, role, url })
  }
  await check(await open({ page, path: '/admin' }))
  const offered = await page
    .locator('nav a[href^="/admin/collections/"]')
    .evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').split('/')[3]))
  expect([...offered].sort(), `${role}: the menu`).toEqual([...menu].sort())

  for (const slug of offered.filter((offer) => !lists || lists.includes(offer) || !walkedDocument.has(offer) || !walkedCreate.has(offer))) {
    await check(await open({ page, path: `/admin/collections/${slug}` }))
    const canCreate = (await page.locator(`a[href="/admin/collections/${slug}/create"]`).count()) > 0
    const rowLinks = page.locator('.table tbody tr td a[href*="/admin/collections/"]')
    const firstDocument = (await rowLinks.count()) > 0 ? await rowLinks.first().getAttribute('href') : null
    if (firstDocument && !walkedDocument.has(slug)) {
      walkedDocument.add(slug)
      await check(await open({ page, path: firstDocument }))
    }
    if (canCreate && !walkedCreate.has(slug)) {
      walkedCreate.add(slug)
      await check(await open({ page, path: `/admin/collections/${slug}/create` }))
    }
  }
  await page.context().close()
  const report = problems.map((problem) => `${problem.role} ${problem.url}: ${problem.kind} «${problem.match}» trong «${problem.context}»`)
  expect(report, `${role}: chữ chưa dịch`).toEqual([])
}

const everything = ['rounds', 'self-assessments', 'reviews', 'evidence', 'audit-events', 'decisions', 'recognitions', 'legal-documents', 'document-templates', 'authorities', 'units', 'tiers', 'unit-types', 'criteria-sets', 'users', 'outbox', 'holidays', 'file-tasks']
/** the system administrator's also holds the messages' wording */
const everythingForAdmin = [...everything, 'message-templates']

// a role's walk takes 15–60 s on two loaded cores
const roleTimeout = 120_000

describe('every label each role reads is Vietnamese', () => {
  it('the login page carries our name, in Vietnamese', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.waitForSelector('input[name="email"]', { timeout: 30_000 })
    const text = await page.locator('body').innerText()
    expect(text).toContain('Đơn vị học tập')
    expect(untranslated(text)).toEqual([])
    await page.context().close()
  })

  it('the clerk (donvi@demo.vn), with a draft dossier of the demo round', async () => {
    const page = await signIn({ browser, email: 'donvi@demo.vn', password: demoPassword, url: server.url })
    await startDossier({ page })
    await page.context().close()
    await walk({ email: 'donvi@demo.vn', menu: ['self-assessments', 'evidence', 'rounds', 'units'] })
  }, roleTimeout)

  it('the reviewer (reviewer@demo.vn)', async () => {
    await walk({ email: 'reviewer@demo.vn', menu: ['rounds', 'self-assessments', 'reviews', 'evidence', 'decisions', 'units', 'criteria-sets', 'file-tasks'] })
  }, roleTimeout)

  it('the district office (huyen@demo.vn)', async () => {
    await walk({ email: 'huyen@demo.vn', menu: everything })
  }, roleTimeout)

  it('the province office (tinh@demo.vn)', async () => {
    await walk({ email: 'tinh@demo.vn', menu: everything })
  }, roleTimeout)

  it('the system administrator (admin@demo.vn)', async () => {
    // the demo's only province: the admin's lists hold the province office's rows, walked just before
    await walk({ allowed: ['API'], email: 'admin@demo.vn', lists: [], menu: everythingForAdmin })
  }, roleTimeout)
})
