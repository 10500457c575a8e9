/**
 * `npm run seed -- criteria`: loads the national criteria sets (TT 22/2020, TT 24/2023) into the
 * configured database, e.g. production. `npm run seed -- demo`: the demo province as well.
 * Both on explicit request only (the embedded default loads them by itself when empty); idempotent.
 */
import { loadCriteriaSets } from '../seed/loadCriteriaSets'
import { loadDemo } from '../seed/loadDemo'
import { closePayload, initPayload, prepareRuntime } from '../runtime'

/** Returns the process exit status. */
export const seedCommand = async (what: string[]): Promise<number> => {
  if (!what.includes('demo') && !what.includes('criteria')) {
    console.error('Cách dùng: npm run seed -- criteria   (các bộ tiêu chí TT 22/2020, TT 24/2023)\n           npm run seed -- demo       (bộ tiêu chí và tỉnh demo)')
    return 2
  }
  const runtime = await prepareRuntime()
  const payload = await initPayload()
  if (what.includes('demo')) {
    const created = await loadDemo({ payload })
    console.log(`Dữ liệu demo: thêm ${created.criteriaSets} bộ tiêu chí, ${created.authorities} cấp quản lý, ${created.units} đơn vị, ${created.users} tài khoản, ${created.rounds} đợt đánh giá, ${created.decisions} quyết định công nhận (${created.recognitions} đơn vị).`)
  } else {
    console.log(`Thêm ${await loadCriteriaSets({ payload })} bộ tiêu chí.`)
  }
  await closePayload({ payload })
  await runtime.stopDatabase()
  return 0
}
