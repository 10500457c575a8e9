/**
 * `npm start`: builds the admin once when no build exists, then starts the production server.
 */
import { ensureBuild } from './build'

process.env.NEXT_TELEMETRY_DISABLED = '1'
const status = ensureBuild({ reason: 'Chưa có bản dựng' })
if (status !== 0) {
  console.error('Dựng giao diện thất bại; xem lỗi ở trên.')
  process.exit(status)
}
const { runServer } = await import('./server')
await runServer({ isDev: false })
