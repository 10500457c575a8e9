/** The deployment settings read at start for several nodes: S3 storage, read replicas, the jobs' interval — accepted forms and refusals naming the variable. */
import { describe, expect, it } from 'vitest'

import { readReplicaUrls } from '@/db/readReplicas'
import { jobsIntervalMs } from '@/notifications/settings'
import { ConfigurationError } from '@/security/settings'
import { readStorageSettings } from '@/storage/settings'

const s3 = { S3_ACCESS_KEY_ID: 'minio', S3_BUCKET: 'don-vi-hoc-tap', S3_ENDPOINT: 'http://minio:9000', S3_SECRET_ACCESS_KEY: 'minio-secret' }

const refusal = (read: () => unknown) => {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('not refused')
}

describe('readStorageSettings', () => {
  it('keeps files on local disk when no S3 variable is set (the default, unchanged)', () => {
    expect(readStorageSettings({ env: {} })).toEqual({ kind: 'local' })
    expect(readStorageSettings({ env: { S3_BUCKET: '  ' } })).toEqual({ kind: 'local' })
  })

  it('reads a MinIO-style bucket: path-style by default with an endpoint, region us-east-1', () => {
    expect(readStorageSettings({ env: s3 })).toEqual({
      bucket: 'don-vi-hoc-tap',
      credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      kind: 's3',
      region: 'us-east-1',
    })
  })

  it('reads Amazon S3 with the instance role: no endpoint, no keys, virtual-hosted unless told', () => {
    expect(readStorageSettings({ env: { S3_BUCKET: 'dvht.tinh', S3_REGION: 'ap-southeast-1' } })).toEqual({
      bucket: 'dvht.tinh',
      credentials: undefined,
      endpoint: undefined,
      forcePathStyle: false,
      kind: 's3',
      region: 'ap-southeast-1',
    })
    expect(readStorageSettings({ env: { ...s3, S3_FORCE_PATH_STYLE: 'false' } })).toMatchObject({ forcePathStyle: false })
  })

  it.each([
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_BUCKET'],
    [{ S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'Hồ_Sơ' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'ab' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'a..b' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'dvht', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'dvht', S3_ENDPOINT: 'ftp://minio' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'dvht', S3_REGION: 'hà nội' }, 'S3_REGION'],
    [{ S3_ACCESS_KEY_ID: 'a', S3_BUCKET: 'dvht' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_BUCKET: 'dvht', S3_SECRET_ACCESS_KEY: 'b' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_BUCKET: 'dvht', S3_FORCE_PATH_STYLE: 'có' }, 'S3_FORCE_PATH_STYLE'],
  ])('refuses %j naming %s', (env, name) => {
    expect(refusal(() => readStorageSettings({ env }))).toContain(name)
  })
})

describe('readReplicaUrls', () => {
  it('is off without DATABASE_READ_URL and reads one or several replicas', () => {
    expect(readReplicaUrls({ env: { DATABASE_URL: 'postgres://u:p@primary/db' } })).toBeUndefined()
    expect(readReplicaUrls({ env: { DATABASE_READ_URL: 'postgres://u:p@r1/db, postgresql://u:p@r2:5433/db', DATABASE_URL: 'postgres://u:p@primary/db' } })).toEqual([
      'postgres://u:p@r1/db',
      'postgresql://u:p@r2:5433/db',
    ])
  })

  it('refuses a replica without a primary, and a value that is not a PostgreSQL address (without echoing its password)', () => {
    expect(refusal(() => readReplicaUrls({ env: { DATABASE_READ_URL: 'postgres://u:p@r1/db' } }))).toContain('DATABASE_URL')
    const message = refusal(() => readReplicaUrls({ env: { DATABASE_READ_URL: 'mysql://u:bi-mat@r1/db', DATABASE_URL: 'postgres://u:p@primary/db' } }))
    expect(message).toContain('DATABASE_READ_URL')
    expect(message).not.toContain('bi-mat')
  })
})

describe('jobsIntervalMs', () => {
  it('runs a pass every minute by default, or every JOBS_INTERVAL_SECONDS', () => {
    expect(jobsIntervalMs({})).toBe(60_000)
    expect(jobsIntervalMs({ JOBS_INTERVAL_SECONDS: '2' })).toBe(2000)
  })

  it.each(['0', '-5', '1.5', 'mỗi phút'])('refuses JOBS_INTERVAL_SECONDS=%s naming it', (raw) => {
    expect(refusal(() => jobsIntervalMs({ JOBS_INTERVAL_SECONDS: raw }))).toContain('JOBS_INTERVAL_SECONDS')
  })
})
