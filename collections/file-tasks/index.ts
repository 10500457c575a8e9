/**
 * `file-tasks`: a paper made in the background, with its progress — the upward report of a round
 * with thousands of dossiers takes seconds to read and fill, longer than a button should hang — and
 * a large units import (collections/units/importJob.ts: the uploaded sheet is the row's file, its
 * answer the row's `result`). The
 * endpoint `POST /api/rounds/{id}/documents/{type}/jobs` checks the caller may read the round,
 * writes a row here (queued) and queues the `generate-round-document` job; the job reads the
 * round's dossiers page by page, writing how far it got (`progress`, `stage`), then stores the file
 * on the row (done) or says what went wrong (failed). The round's «Văn bản» panel polls the row and
 * offers the file when it is there.
 *
 * Each account reads only the tasks it asked for (the admin every one); nobody writes a row through
 * the API — the endpoint and the job do (criteria/policy/fileTasks.ts); the one who asked, or the
 * admin, may delete it.
 */
import type { Access, CollectionConfig } from 'payload'

import { fileTaskWrites } from '@criteria/policy'
import { applyWriteRules } from '@hooks/writeRules'

import { localFolder, storageFields } from '../../src/storage/locations'
import { isAdmin, relationId } from '../access/roles'

const nobody: Access = () => false

/** The admin: every row; anyone else signed in: the tasks they asked for. */
export const canReadFileTask: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  return { requestedBy: { equals: req.user.id } }
}

export const fileTasksDir = () => localFolder('file-tasks')

export const fileTaskStatuses = [
  { label: { vi: 'Đang chờ', en: 'Queued' }, value: 'queued' },
  { label: { vi: 'Đang tạo', en: 'Running' }, value: 'running' },
  { label: { vi: 'Xong', en: 'Done' }, value: 'done' },
  { label: { vi: 'Lỗi', en: 'Failed' }, value: 'failed' },
] as const

const dateTime = { date: { displayFormat: 'dd/MM/yyyy HH:mm' } } as const

export const FileTasks: CollectionConfig = applyWriteRules({
  adapter: {
    capacitiesOf: async ({ doc, req }) => {
      if (isAdmin(req.user)) return ['admin']
      return req.user && String(relationId(doc.requestedBy)) === String(req.user.id) ? ['self'] : []
    },
    rules: fileTaskWrites,
  },
  config: {
    slug: 'file-tasks',
    access: { create: nobody, delete: canReadFileTask, read: canReadFileTask, update: nobody },
    admin: {
      defaultColumns: ['title', 'status', 'progress', 'createdAt', 'requestedBy'],
      description: { vi: 'Việc chạy ở chế độ nền: báo cáo tổng hợp của đợt nhiều đơn vị (tải tệp khi tình trạng là «Xong») và nhập danh sách đơn vị từ tệp lớn. Giữ 7 ngày.', en: 'Large papers made in the background, kept for 7 days.' },
      group: { vi: 'Hệ thống', en: 'System' },
      useAsTitle: 'title',
    },
    defaultSort: '-createdAt',
    disableDuplicate: true,
    fields: [
      { name: 'title', type: 'text', label: { vi: 'Văn bản', en: 'Paper' }, required: true },
      {
        name: 'kind',
        type: 'select',
        admin: { hidden: true },
        defaultValue: 'round-document',
        label: { vi: 'Loại tác vụ', en: 'Kind' },
        options: [
          { label: { vi: 'Văn bản của đợt đánh giá', en: 'Round document' }, value: 'round-document' },
          { label: { vi: 'Nhập danh sách đơn vị', en: 'Units import' }, value: 'unit-import' },
        ],
        required: true,
      },
      { name: 'round', type: 'relationship', index: true, label: { vi: 'Đợt đánh giá', en: 'Round' }, relationTo: 'rounds' },
      // the document type's code (e.g. bao-cao-tong-hop): for the system, the title says it in words
      { name: 'docType', type: 'text', admin: { hidden: true }, label: { vi: 'Loại văn bản', en: 'Document type' } },
      {
        name: 'format',
        type: 'select',
        label: { vi: 'Định dạng', en: 'Format' },
        options: [
          { label: 'Word (.docx)', value: 'docx' },
          { label: 'Excel (.xlsx)', value: 'xlsx' },
          { label: 'PDF', value: 'pdf' },
          { label: 'CSV', value: 'csv' },
        ],
      },
      { name: 'requestedBy', type: 'relationship', index: true, label: { vi: 'Người yêu cầu', en: 'Requested by' }, relationTo: 'users' },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'queued',
        index: true,
        label: { vi: 'Tình trạng', en: 'Status' },
        options: fileTaskStatuses.map((option) => ({ ...option })),
        required: true,
      },
      { name: 'progress', type: 'number', admin: { position: 'sidebar' }, defaultValue: 0, label: { vi: 'Tiến độ (%)', en: 'Progress (%)' }, max: 100, min: 0 },
      { name: 'stage', type: 'text', admin: { position: 'sidebar' }, label: { vi: 'Đang làm', en: 'Stage' } },
      { name: 'error', type: 'textarea', admin: { position: 'sidebar' }, label: { vi: 'Lỗi', en: 'Error' } },
      { name: 'finishedAt', type: 'date', admin: { ...dateTime, position: 'sidebar' }, label: { vi: 'Xong lúc', en: 'Finished at' } },
      // an import's answer, as the import screen shows it (counts, skipped rows' problems); for the screen, not for reading here
      { name: 'result', type: 'json', admin: { hidden: true }, label: { vi: 'Kết quả nhập', en: 'Import result' } },
      // where the file is kept (local disk, or its key prefix in the S3 bucket): the system's
      ...storageFields('file-tasks'),
    ],
    labels: { plural: { vi: 'Tác vụ nền', en: 'Background papers' }, singular: { vi: 'Tác vụ nền', en: 'Background paper' } },
    // the row exists (queued, running) before its file does
    upload: { filesRequiredOnCreate: false, staticDir: fileTasksDir() },
  },
})
