/**
 * Papers made in the background (collections/file-tasks): the endpoint queues one as a `file-tasks`
 * row and a `generate-round-document` job in the `files` queue, then starts the job at once in
 * this process unless JOBS_AUTORUN=false (then the worker, `npm run worker`, takes it within its
 * interval; Payload claims a job before running it, so two processes never run the same one).
 * The job writes its progress on the row as it reads, fills and stores — each write its own
 * transaction, so the admin polling the row sees it move — and ends with the file on the row
 * (done) or the reason it failed, in Vietnamese (failed).
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { documentTypeByCode, progressOf, type Progress } from '@criteria/documents'

import type { FileTask, Round } from '../payload-types'
import { relationId } from '../../collections/access/roles'
import { isAutoRunOn } from '../notifications/settings'
import { fileTasksQueue } from './fileTaskQueue'

export { fileTasksQueue }
export const roundDocumentTaskSlug = 'generate-round-document'

const formatTitles: Record<string, string> = { docx: 'Word', pdf: 'PDF', xlsx: 'Excel' }

/** How long a made paper stays downloadable (the requester's older tasks and files are removed when they ask for a new one). */
export const keepDays = 7

/** Removes the caller's ended tasks (and their files) older than `keepDays`: done when they queue a new one. */
export const removeOldTasks = async ({ req }: { req: PayloadRequest }) => {
  const before = new Date(Date.now() - keepDays * 24 * 3600 * 1000).toISOString()
  await req.payload.delete({
    collection: 'file-tasks',
    overrideAccess: true,
    req,
    where: { and: [{ requestedBy: { equals: req.user?.id } }, { status: { in: ['done', 'failed'] } }, { createdAt: { less_than: before } }] },
  })
}

/** Writes the row and queues its job; starts it here unless a worker runs the jobs. */
export const queueRoundPaper = async ({ req, round, code, format }: { req: PayloadRequest; round: Round; code: string; format: string }) => {
  const type = documentTypeByCode(code)
  await removeOldTasks({ req })
  const task = await req.payload.create({
    collection: 'file-tasks',
    data: {
      docType: code,
      format: format as FileTask['format'],
      kind: 'round-document',
      progress: 0,
      requestedBy: req.user?.id as number,
      round: round.id,
      stage: 'Đang chờ đến lượt',
      status: 'queued',
      title: `${type?.title ?? code} — ${round.title} (${formatTitles[format] ?? format})`,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = await req.payload.jobs.queue({ input: { fileTask: task.id }, queue: fileTasksQueue, req, task: roundDocumentTaskSlug })
  startNow({ jobId: job.id, payload: req.payload, taskId: task.id })
  return task
}

/** Starts a queued file task's job in this process at once, unless a worker runs the jobs (JOBS_AUTORUN=false). */
export const startNow = ({ payload, jobId, taskId }: { payload: Payload; jobId: number | string; taskId: number | string }) => {
  if (!isAutoRunOn()) return
  // after the request's own transaction has committed the row and the job (a job started inside it could not see them)
  setImmediate(() => {
    void payload.jobs.runByID({ id: jobId }).catch((failure: unknown) => payload.logger.error({ err: failure, msg: `Tác vụ tệp ${taskId}: không chạy được` }))
  })
}

/**
 * Takes a queued task for this process: one UPDATE … WHERE status = 'queued', so that of two
 * processes starting the same task (the request's own start and a worker's pass) one runs it.
 */
export const claimTask = async ({ payload, id }: { payload: Payload; id: number }): Promise<boolean> => {
  const { drizzle } = payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<{ rows: unknown[] }> } }
  const claimed = await drizzle.execute(sql`UPDATE "file_tasks" SET "status" = 'running', "updated_at" = now() WHERE "id" = ${id} AND "status" = 'queued' RETURNING "id"`)
  return claimed.rows.length > 0
}

/** Runs one task: reads the round, makes the paper with its progress written on the row, stores the file. */
export const runRoundPaperTask = async ({ payload, id }: { payload: Payload; id: number }) => {
  const req = (await createLocalReq({}, payload)) as PayloadRequest
  if (!(await claimTask({ id, payload }))) return { status: 'taken' }
  const task = await payload.findByID({ collection: 'file-tasks', depth: 0, disableErrors: true, id, overrideAccess: true, req })
  if (!task) return { status: 'missing' }
  let last = ''
  const report = async ({ percent, stage }: Progress) => {
    if (`${percent} ${stage}` === last) return
    last = `${percent} ${stage}`
    await payload.update({ collection: 'file-tasks', data: { progress: percent, stage, status: 'running' }, depth: 0, id, overrideAccess: true, req })
  }
  try {
    await report(progressOf({ phase: 'start' }))
    const round = await payload.findByID({ collection: 'rounds', depth: 0, disableErrors: true, id: relationId(task.round) as number, overrideAccess: true, req })
    if (!round) throw new Error('Đợt đánh giá của văn bản này không còn nữa.')
    const { roundPaper } = await import('./endpoints')
    const paper = await roundPaper({ code: task.docType ?? '', format: task.format ?? 'docx', onProgress: report, req, round })
    await report(progressOf({ phase: 'store' }))
    await payload.update({
      collection: 'file-tasks',
      data: { error: null, finishedAt: new Date().toISOString(), progress: 100, stage: 'Xong', status: 'done' },
      depth: 0,
      file: { data: Buffer.from(paper.bytes), mimetype: mimeTypes[paper.kind], name: paper.name, size: paper.bytes.byteLength },
      id,
      overrideAccess: true,
      req,
    })
    return { status: 'done' }
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure)
    payload.logger.error({ err: failure, msg: `Tác vụ tệp ${id}: lỗi` })
    await payload.update({
      collection: 'file-tasks',
      data: { error: `Không tạo được văn bản: ${message}`, finishedAt: new Date().toISOString(), stage: 'Lỗi', status: 'failed' },
      depth: 0,
      id,
      overrideAccess: true,
      req,
    })
    return { status: 'failed' }
  }
}

export const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const

export const fileTasks: TaskConfig[] = [
  {
    slug: roundDocumentTaskSlug,
    handler: async ({ input, req }) => ({ output: await runRoundPaperTask({ id: Number((input as { fileTask: number }).fileTask), payload: req.payload }) }),
    inputSchema: [{ name: 'fileTask', type: 'number', required: true }],
    label: 'Tạo văn bản của đợt đánh giá',
    // a failure is written on the row with its reason; running it again would not change it
    retries: 0,
  },
]
