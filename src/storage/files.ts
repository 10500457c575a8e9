/**
 * The bytes of a stored upload for the server's own use — a template the papers are filled from,
 * the evidence packed into a dossier's ZIP — from wherever it is stored (local disk or the S3
 * bucket), so that any node reads what any other node stored.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Env } from '../security/settings'
import { s3ClientConfig } from './clientConfig'
import { localFolder, storagePrefix, type StoredCollection } from './locations'
import { readStorageSettings, type S3Settings } from './settings'

type S3 = typeof import('@aws-sdk/client-s3')

let client: { key: string; s3: InstanceType<S3['S3Client']> } | null = null

/** One client per process and configuration (it keeps its own connections); the SDK is loaded only when S3 is used. */
const s3Client = async (settings: S3Settings) => {
  const sdk: S3 = await import('@aws-sdk/client-s3')
  const key = JSON.stringify(settings)
  if (client?.key !== key) client = { key, s3: new sdk.S3Client(s3ClientConfig(settings)) }
  return { s3: client.s3, sdk }
}

/**
 * The bytes of `filename` stored in `collection` (under the document's own `prefix` when it has
 * one), or null when it is not there.
 */
export const readStoredFile = async ({ collection, filename, prefix, env = process.env }: { collection: StoredCollection; filename: string; prefix?: string | null; env?: Env }): Promise<Buffer | null> => {
  // a stored name is one path segment; anything else is not a file of ours
  if (!filename || filename !== path.basename(filename) || filename === '..') return null
  const settings = readStorageSettings({ env })
  if (settings.kind === 'local') return readFile(path.join(localFolder(collection), filename)).catch(() => null)
  const { s3, sdk } = await s3Client(settings)
  try {
    const object = await s3.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: path.posix.join(prefix || storagePrefix(collection), filename) }))
    return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null
  } catch (error) {
    if (error instanceof sdk.NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null
    throw error
  }
}
