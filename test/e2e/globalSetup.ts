/**
 * Prepares, once per run, the demo folder every browser test file starts its server on: one start
 * of the product as README's first command does (fresh DATA_DIR: migrations, demo data), stopped
 * cleanly. test/e2e/helpers/server.ts copies the folder for each file, so a file's server comes up
 * in seconds on the same demo rather than migrating and seeding again (17 s unloaded, ~27 s on CI's
 * loaded cores, for each of six files). The folder is removed at the end of the run.
 */
import fs from 'node:fs'

import type { TestProject } from 'vitest/node'

import { startProductServer } from './helpers/server'

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now()
  const server = await startProductServer({ fresh: true })
  const folder = `${server.dataDir}-demo`
  const { clean } = await server.stop({ keepDataDir: true })
  if (!clean) {
    // a folder whose server did not stop by itself may be half written: every file starts fresh instead
    fs.rmSync(server.dataDir, { force: true, recursive: true })
    console.warn(`[e2e] máy chủ chuẩn bị dữ liệu demo không dừng sạch; mỗi tệp sẽ khởi động trên thư mục trống:\n${server.output()}`)
    return
  }
  fs.renameSync(server.dataDir, folder)
  console.log(`[e2e] dữ liệu demo chuẩn bị sẵn cho các tệp kiểm thử trình duyệt: ${folder} (${Date.now() - started} ms)`)
  project.provide('demoDataDir', folder)
  return () => fs.rmSync(folder, { force: true, recursive: true })
}
