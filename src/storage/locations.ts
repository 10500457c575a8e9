/**
 * The upload collections and where each keeps its files: a folder of its own under UPLOADS_DIR on
 * local disk, and the same name as the key prefix in an S3 bucket (so that an evidence file and a
 * reference document with the same file name never overwrite each other in one bucket). Each
 * document records its prefix (`prefix`, set by the system), which Payload's storage adapter reads
 * to find the object again, and `_objectKey`, the adapter's own key segment for uploads made from
 * the browser (unused here: files go through the server); on local disk neither is used. Both are
 * declared here, whatever the storage, so that the schema (and its migrations) is one.
 */
import path from 'node:path'

import type { TextField } from 'payload'

export const storedCollections = ['evidence', 'legal-documents', 'document-templates', 'file-tasks'] as const

export type StoredCollection = (typeof storedCollections)[number]

/** UPLOADS_DIR, or DATA_DIR/uploads. */
export const uploadsRoot = () => path.resolve(process.env.UPLOADS_DIR ?? path.join(process.env.DATA_DIR ?? 'data', 'uploads'))

/** The collection's folder on local disk (its `staticDir`). */
export const localFolder = (collection: StoredCollection) => path.join(uploadsRoot(), collection)

/** The collection's key prefix in the bucket. */
export const storagePrefix = (collection: StoredCollection) => collection

/** The hidden `prefix` field of an upload collection: always the collection's own, whatever a request sends. */
export const prefixField = (collection: StoredCollection): TextField => ({
  name: 'prefix',
  type: 'text',
  admin: { hidden: true, readOnly: true },
  hooks: { beforeChange: [() => storagePrefix(collection)] },
  label: { vi: 'Thư mục lưu tệp', en: 'Storage prefix' },
})

/** Payload's S3 adapter's `_objectKey` (it adds the same field itself): server-owned, never taken from a request. */
export const objectKeyField = (): TextField => ({
  name: '_objectKey',
  type: 'text',
  admin: { hidden: true, readOnly: true },
  label: { vi: 'Khóa tệp trong kho lưu trữ', en: 'Storage object key' },
})

/** The fields every upload collection declares for its storage. */
export const storageFields = (collection: StoredCollection): TextField[] => [prefixField(collection), objectKeyField()]
