/**
 * A large units sheet imported in the background (issue 15: "large files run as a Payload job with
 * progress in the admin"). `POST /api/units/import-file/jobs?mode=all|valid` takes the same body
 * and the same caller as the direct import; it checks the file can be read, stores it as a
 * `file-tasks` row (kind `unit-import`) and queues the `import-units` job, which runs the direct
 * import's own code (./importFile.ts `importSheet`: same checks, same one transaction, same
 * invitations) as the account that asked, writing its stage on the row and its answer as the row's
 * `result` — done when the import answered 2xx, failed (with the first problems in words) when it
 * refused. The import screen (src/components/admin/UnitImportPanel.tsx) uses it from 1,000 rows.
 */
import type { Endpoint, Payload, PayloadRequest, TaskConfig } from 'payload'
import { createLocalReq } from 'payload'

import { readTable, UnreadableSheet } from '@/spreadsheet/read'

import { readStoredFile } from '@/storage/files'
import { relationId } from '../access/roles'
import { BodyTooLarge, readBytes, refusal, serverOrigin, tooLargeMessage, type Answer, type ImportMode } from './import'
import { canImport, importSheet } from './importFile'
import { unitsFromSheet } from './importSheet'

export const unitImportTaskSlug = 'import-units'

const json = ({ status, body }: Answer) => Response.json(body, { status })

export const importFileJobEndpoint: Endpoint = {
  handler: async (req) => {
    const refused = canImport(req)
    if (refused) return json(refused)
    const mode = req.searchParams?.get('mode')
    if (mode !== 'all' && mode !== 'valid') return json(refusal(400, 'Chế độ nhập phải là «all» (cả tệp) hoặc «valid» (chỉ các dòng hợp lệ).', 'mode'))
    let bytes: Buffer
    try {
      bytes = await readBytes(req)
    } catch (error) {
      if (error instanceof BodyTooLarge) return json(refusal(413, tooLargeMessage, 'file'))
      throw error
    }
    if (bytes.byteLength === 0) return json(refusal(400, 'Chưa chọn tệp để nhập.', 'file'))
    let rows: number
    try {
      const table = await readTable({ bytes })
      // a sheet without the template's columns is refused now, not after the wait (the rows are checked by the job)
      const fileProblems = unitsFromSheet({ authorityCodes: new Map(), header: table.header, rows: table.rows.slice(0, 1) }).problems.filter((problem) => problem.path === 'file')
      if (fileProblems.length > 0) return json({ body: { errors: fileProblems.map(({ message, path }) => ({ message, path })) }, status: 400 })
      rows = table.rows.length
    } catch (error) {
      if (error instanceof UnreadableSheet) return json(refusal(400, 'Không đọc được tệp: hãy gửi tệp Excel (.xlsx) hoặc CSV (UTF-8) theo tệp mẫu.', 'file'))
      throw error
    }
    const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b
    const { fileTasksQueue, removeOldTasks, startNow } = await import('../../src/documents/fileTasks')
    await removeOldTasks({ req })
    const task = await req.payload.create({
      collection: 'file-tasks',
      data: {
        format: isXlsx ? 'xlsx' : 'csv',
        kind: 'unit-import',
        progress: 0,
        requestedBy: req.user?.id as number,
        stage: 'Đang chờ đến lượt',
        status: 'queued',
        title: `Nhập danh sách đơn vị — ${rows.toLocaleString('vi-VN')} dòng (${mode === 'all' ? 'cả tệp' : 'chỉ dòng hợp lệ'})`,
      },
      depth: 0,
      file: { data: bytes, mimetype: isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', name: `nhap-don-vi.${isXlsx ? 'xlsx' : 'csv'}`, size: bytes.byteLength },
      overrideAccess: true,
      req,
    })
    const job = await req.payload.jobs.queue({ input: { fileTask: task.id, mode, origin: serverOrigin({ req }) }, queue: fileTasksQueue, req, task: unitImportTaskSlug })
    startNow({ jobId: job.id, payload: req.payload, taskId: task.id })
    return Response.json({ doc: task, message: 'Đã nhận tệp; đang nhập ở chế độ nền.' }, { status: 202 })
  },
  method: 'post',
  path: '/import-file/jobs',
}

/** The stored sheet's bytes, from local disk or the bucket (whichever node stored it). */
const storedBytes = async ({ filename, prefix }: { filename: string; prefix?: string | null }) => {
  const bytes = await readStoredFile({ collection: 'file-tasks', filename, prefix })
  if (!bytes) throw new Error('Không đọc được tệp đã gửi; hãy gửi lại.')
  return bytes
}

/** Runs one queued import as the account that asked. */
export const runUnitImportTask = async ({ payload, id, mode, origin }: { payload: Payload; id: number; mode: ImportMode; origin: string }) => {
  const system = (await createLocalReq({}, payload)) as PayloadRequest
  const { claimTask } = await import('../../src/documents/fileTasks')
  if (!(await claimTask({ id, payload }))) return { status: 'taken' }
  const task = await payload.findByID({ collection: 'file-tasks', depth: 0, disableErrors: true, id, overrideAccess: true, req: system })
  if (!task) return { status: 'missing' }
  const set = (data: Record<string, unknown>) => payload.update({ collection: 'file-tasks', data, depth: 0, id, overrideAccess: true, req: system })
  const finish = (data: Record<string, unknown>) => set({ finishedAt: new Date().toISOString(), ...data })
  try {
    await set({ progress: 5, stage: 'Đang đọc tệp', status: 'running' })
    const account = await payload.findByID({ collection: 'users', depth: 0, disableErrors: true, id: relationId(task.requestedBy) as number, overrideAccess: true, req: system })
    if (!account) throw new Error('Tài khoản đã gửi tệp không còn nữa.')
    const req = (await createLocalReq({ req: { url: `${origin || 'http://localhost'}/api/units/import-file` }, user: { ...account, collection: 'users' } as never }, payload)) as PayloadRequest
    const bytes = await storedBytes({ filename: task.filename ?? '', prefix: task.prefix })
    await set({ progress: 20, stage: 'Đang kiểm tra và ghi các dòng' })
    const answer = await importSheet({ bytes, mode, req })
    if (answer.status < 300) {
      await finish({ error: null, progress: 100, result: answer.body, stage: 'Xong', status: 'done' })
      return { status: 'done' }
    }
    const problems = ((answer.body as { errors?: { message: string }[] }).errors ?? []).map((problem) => problem.message)
    await finish({ error: `Chưa nhập gì: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` … (${problems.length} lỗi)` : ''}`, result: answer.body, stage: 'Lỗi', status: 'failed' })
    return { status: 'failed' }
  } catch (failure) {
    payload.logger.error({ err: failure, msg: `Nhập đơn vị (tác vụ ${id}): lỗi` })
    await finish({ error: `Không nhập được: ${failure instanceof Error ? failure.message : String(failure)}`, stage: 'Lỗi', status: 'failed' })
    return { status: 'failed' }
  }
}

export const unitImportTask: TaskConfig = {
  slug: unitImportTaskSlug,
  handler: async ({ input, req }) => {
    const { fileTask, mode, origin } = input as { fileTask: number; mode: ImportMode; origin?: string }
    return { output: await runUnitImportTask({ id: Number(fileTask), mode, origin: origin ?? '', payload: req.payload }) }
  },
  inputSchema: [
    { name: 'fileTask', type: 'number', required: true },
    { name: 'mode', type: 'text', required: true },
    { name: 'origin', type: 'text' },
  ],
  label: 'Nhập danh sách đơn vị',
  // a refusal is written on the row with its problems; an import is never run twice
  retries: 0,
}
