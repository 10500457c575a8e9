/**
 * The unit's papers for its dossier's checklist slots (Tờ trình, Báo cáo tự đánh giá…), attached
 * as its evidence: over REST for the browser tests whose subject is what comes after (review,
 * decision), and through the form for the clerk's own journey.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { pdfBytes } from '../../int/helpers/files'

const pdf = (note: string) => new Blob([pdfBytes(note)], { type: 'application/pdf' })

export const attachDossierPapers = async ({ url, token, selfAssessmentId }: { url: string; token: string; selfAssessmentId: number | string }) => {
  const headers = { Authorization: `JWT ${token}` }
  const dossier = await (await fetch(`${url}/api/self-assessments/${selfAssessmentId}?depth=0`, { headers })).json()
  const slots = (dossier.dossierFiles ?? []) as { id: string; title: string; files?: unknown[] | null }[]
  const attached = []
  for (const slot of slots) {
    const form = new FormData()
    form.append('file', pdf(`${selfAssessmentId}-${slot.id}`), `${slot.title.slice(0, 40).replace(/[^\p{L}\p{N} ]/gu, '')}.pdf`)
    form.append('_payload', JSON.stringify({ title: slot.title }))
    const response = await fetch(`${url}/api/evidence?depth=0`, { body: form, headers, method: 'POST' })
    if (response.status !== 201) throw new Error(`tải lên «${slot.title}»: ${response.status} ${await response.text()}`)
    attached.push({ ...slot, files: [(await response.json()).doc.id] })
  }
  const response = await fetch(`${url}/api/self-assessments/${selfAssessmentId}?depth=0`, {
    body: JSON.stringify({ dossierFiles: attached }),
    headers: { ...headers, 'Content-Type': 'application/json' },
    method: 'PATCH',
  })
  if (response.status !== 200) throw new Error(`đính kèm thành phần hồ sơ: ${response.status} ${await response.text()}`)
  return attached.length
}

/**
 * The clerk's way in the form: in each checklist row of the open dossier, "+" on the files field
 * opens a new evidence in a drawer; she picks the file and names it (her unit is already chosen),
 * saves, closes the drawer, and the row holds the file. The dossier itself is saved afterwards.
 * Returns the rows' titles in order.
 */
export const attachPapersInForm = async ({ page, filesDir }: { page: Page; filesDir: string }) => {
  const titles: string[] = []
  const rows = await page.locator('[id^="dossierFiles-row-"]').count()
  for (let index = 0; index < rows; index++) {
    const title = await page.locator(`#field-dossierFiles__${index}__title`).inputValue()
    const file = path.join(filesDir, `giay-to-${index + 1}.pdf`)
    fs.writeFileSync(file, pdfBytes(title))
    const field = page.locator(`#field-dossierFiles__${index}__files`)
    await field.scrollIntoViewIfNeeded()
    await field.locator('.relationship-add-new__add-button').click()
    const drawer = page.locator('.drawer__content').last()
    await drawer.locator('input[type=file]').setInputFiles(file)
    await drawer.locator('#field-title').fill(title)
    // the clerk never picks her own unit
    await expect(drawer.locator('#field-unit').innerText()).resolves.toContain('UBND xã Trường Hà')
    await drawer.getByRole('button', { exact: true, name: 'Lưu' }).click()
    // the drawer stays on the saved evidence (its id shown) until closed
    await drawer.getByText(/^ID:/).waitFor({ timeout: 20_000 })
    await drawer.getByRole('button', { exact: true, name: 'Đóng' }).click()
    await drawer.waitFor({ state: 'detached' })
    await expect(field.innerText()).resolves.toContain(title)
    titles.push(title)
  }
  return titles
}
