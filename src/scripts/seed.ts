/**
 * `npm run seed -- demo`: loads the demo province into the configured database on explicit
 * request (the embedded default loads it by itself when empty). Idempotent.
 */
import { loadDemo } from '../seed/loadDemo'
import { closePayload, initPayload, prepareRuntime } from '../runtime'

const what = process.argv.slice(2)
if (!what.includes('demo')) {
  console.error('Cách dùng: npm run seed -- demo   (nạp tỉnh demo vào cơ sở dữ liệu đang cấu hình)')
  process.exit(2)
}
const runtime = await prepareRuntime()
const payload = await initPayload()
const created = await loadDemo({ payload })
console.log(`Dữ liệu demo: thêm ${created.authorities} cấp quản lý, ${created.units} đơn vị, ${created.users} tài khoản.`)
await closePayload({ payload })
await runtime.stopDatabase()
process.exit(0)
