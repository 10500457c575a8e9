/**
 * The embedded database's process stays small after a first start (issue 10: the product fits in
 * 1 GB). PGlite's initdb keeps the memory of the second PostgreSQL and the initdb module it runs:
 * initialising a new folder inside the database process left it at 850–890 MiB for its whole life,
 * against about 300 MiB when it opens an existing folder. src/db/embedded.ts therefore initialises
 * a new folder in a short-lived process first; here the database process's own peak (VmHWM) after
 * a start on an empty folder is that of an existing one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { startEmbeddedDatabase } from '@/db/embedded'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-embedded-memory-'))
afterAll(() => fs.rmSync(dataDir, { force: true, recursive: true }))

/** The process's peak resident memory in MiB, from Linux's /proc. */
const peakMiB = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

// well above an existing folder's ~300 MiB (shared buffers, catalogs, Node), well below the 850 MiB of an initdb inside
const boundMiB = 550

describe.skipIf(!fs.existsSync('/proc/self/status'))('embedded database memory at first start', () => {
  it(`a new folder is initialised outside the database process, whose peak stays under ${boundMiB} MiB`, async () => {
    const folder = path.join(dataDir, 'pglite')
    const database = await startEmbeddedDatabase({ dataDir: folder })
    try {
      expect(fs.existsSync(path.join(folder, 'PG_VERSION'))).toBe(true)
      const peak = peakMiB(database.pid as number)
      console.log(`[embedded] tiến trình cơ sở dữ liệu sau lần khởi động đầu: đỉnh ${peak.toFixed(0)} MiB`)
      expect(peak).toBeLessThan(boundMiB)
    } finally {
      await database.stop()
    }
  }, 180_000)
})
