/**
 * Who writes a file task (a paper made, or later a file read, in the background): nobody's input.
 * The endpoint that queues it writes what was asked and by whom; the job writes its progress, its
 * outcome and the file. A person reads their own tasks and downloads the file; that is all.
 */
import type { WriteRules } from '../fieldRules'
import { derived, noWorkflow, step } from './shared'

const queued = step('queue-file-task')
const ran = step('run-file-task')

export const fileTaskWrites: WriteRules = {
  ...noWorkflow,
  collection: 'file-tasks',
  fields: {
    _objectKey: derived,
    docType: queued,
    error: ran,
    finishedAt: ran,
    format: queued,
    kind: queued,
    prefix: derived,
    progress: ran,
    requestedBy: queued,
    result: ran,
    round: queued,
    stage: ran,
    status: ran,
    title: queued,
  },
  noun: 'tác vụ tệp',
  steps: { 'queue-file-task': 'Yêu cầu tạo tệp', 'run-file-task': 'Tạo tệp' },
}
