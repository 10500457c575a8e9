/** Debian's Chromium driven by playwright-core (no browser download is possible here). */
import fs from 'node:fs'

import { chromium, type Browser } from 'playwright-core'

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
