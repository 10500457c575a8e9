/**
 * Uploaded files on local disk or in an S3-compatible bucket (settings.ts): Payload's S3 adapter
 * (`@payloadcms/storage-s3`) for every upload collection when S3_BUCKET is set — uploads, downloads
 * (`/api/<collection>/file/<name>`, with the collection's read access) and deletes then go to the
 * bucket and nothing is written to the node's disk; without it, no plugin (Payload's local
 * `staticDir`). The server's own reads of stored files are files.ts's.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { Env } from '../security/settings'
import { s3ClientConfig } from './clientConfig'
import { storagePrefix, storedCollections } from './locations'
import { readStorageSettings } from './settings'

/** Payload's S3 adapter for every upload collection when S3 is configured; none otherwise (local disk). */
export const storagePlugins = ({ env = process.env }: { env?: Env } = {}): Plugin[] => {
  const settings = readStorageSettings({ env })
  if (settings.kind !== 's3') return []
  return [
    s3Storage({
      bucket: settings.bucket,
      collections: Object.fromEntries(storedCollections.map((collection) => [collection, { prefix: storagePrefix(collection) }])),
      config: s3ClientConfig(settings),
    }),
  ]
}

