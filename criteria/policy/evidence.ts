/**
 * Who writes which field of an evidence file: the unit's own editor (or the admin) uploads and
 * describes it; it belongs to its unit for good. Once a submitted dossier cites it, it is frozen —
 * file and description — so that what the authority received is what stays on record.
 */
import type { WriteRules } from '../fieldRules'
import { derived, fixed, input } from './shared'

const owners = ['unit-editor', 'admin'] as const

export const evidenceStates = {
  free: 'chưa được hồ sơ đã nộp nào dẫn chiếu',
  cited: 'đã được một hồ sơ đã nộp dẫn chiếu',
} as const

export const evidenceWrites: WriteRules = {
  collection: 'evidence',
  fields: {
    documentNumber: input({ create: owners, update: { free: owners } }),
    issuedOn: input({ create: owners, update: { free: owners } }),
    // where the file is kept (its key prefix in the bucket, the storage adapter's key): the system's
    _objectKey: derived,
    prefix: derived,
    title: input({ create: owners, update: { free: owners } }),
    unit: fixed({ create: owners, target: 'own-unit' }),
  },
  initialState: 'free',
  noun: 'minh chứng',
  states: evidenceStates,
  steps: {},
  transitions: [],
}
