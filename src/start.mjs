/**
 * `npm start`: builds once when no build exists (or the sources changed), then runs the
 * production server (`node dist/main.mjs`) as a child process, passing signals on and exiting
 * with its status. Building and serving in separate processes keeps the server's process exactly
 * the one that is tested and deployed.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

import { hasBuild, projectRoot } from './build.mjs'

process.env.NEXT_TELEMETRY_DISABLED = '1'
if (!hasBuild()) {
  console.log('Chưa có bản dựng: đang dựng giao diện quản trị và máy chủ (khoảng 1–2 phút)…')
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'src', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' })
  if (built.status !== 0) {
    console.error('Dựng thất bại; xem lỗi ở trên.')
    process.exit(built.status ?? 1)
  }
}
// dist/main.mjs exits with 75 when its start got stuck; such a start is tried once more
const stuckStartExitCode = 75
let server
let attempts = 0
const run = () => {
  attempts += 1
  server = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.mjs')], { cwd: projectRoot, stdio: 'inherit' })
  server.on('exit', (code, signal) => {
    if (code === stuckStartExitCode && attempts < 2) return run()
    process.exit(code ?? (signal ? 0 : 1))
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
run()
