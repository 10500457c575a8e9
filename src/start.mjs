/**
 * `npm start`: builds once when no build exists (or the sources changed), then runs the
 * production server from its bundle under plain Node.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { ensureBuild, projectRoot } from './build.mjs'

process.env.NEXT_TELEMETRY_DISABLED = '1'
const status = ensureBuild({ reason: 'Chưa có bản dựng' })
if (status !== 0) {
  console.error('Dựng thất bại; xem lỗi ở trên.')
  process.exit(status)
}
await import(pathToFileURL(path.join(projectRoot, 'dist', 'main.mjs')).href)
