/**
 * Applies the committed migrations to DATABASE_URL (or to the embedded default under DATA_DIR)
 * and reports what ran. Used instead of `payload migrate`, which can exit 0 having done nothing
 * (upstream issue 17757).
 */
import { closePayload, initPayload, prepareRuntime } from '../runtime'

export const migrateCommand = async () => {
  const runtime = await prepareRuntime()
  const payload = await initPayload()
  const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, sort: 'name' })
  console.log(`Đã áp dụng ${docs.length} migration: ${docs.map((doc) => doc.name).join(', ')}`)
  await closePayload({ payload })
  await runtime.stopDatabase()
}
