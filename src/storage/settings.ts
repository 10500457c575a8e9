/**
 * Where uploaded files live, read once from the environment: local disk under UPLOADS_DIR (the
 * default, one server), or an S3-compatible bucket (S3_BUCKET and its companions) so that any
 * number of app nodes serve the same files. A half or malformed S3 configuration stops the start
 * with a Vietnamese message naming the variable (exit 78), rather than silently writing to a disk
 * the other nodes cannot see.
 */
import { ConfigurationError, type Env } from '../security/settings'

export type S3Settings = {
  kind: 's3'
  bucket: string
  /** an S3-compatible server (MinIO, a provider's endpoint); unset = Amazon S3 of the region */
  endpoint: string | undefined
  region: string
  /** both or neither: without them the AWS SDK's own chain (instance role, AWS_* variables) */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined
  /** bucket in the path (http://host/bucket/key), as MinIO and most S3-compatible servers need */
  forcePathStyle: boolean
}

export type StorageSettings = { kind: 'local' } | S3Settings

export const s3Variables = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const

export const defaultS3Region = 'us-east-1'

const read = (env: Env, name: string) => {
  const value = env[name]?.trim()
  return value ? value : undefined
}

// S3's rule for bucket names: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit
const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

const readBoolean = ({ env, name }: { env: Env; name: string }) => {
  const raw = read(env, name)
  if (raw === undefined) return undefined
  const value = raw.toLowerCase()
  if (['true', '1', 'yes'].includes(value)) return true
  if (['false', '0', 'no'].includes(value)) return false
  throw new ConfigurationError(`Biến môi trường ${name}="${raw}" không hợp lệ: cần true hoặc false.`)
}

export const readStorageSettings = ({ env = process.env }: { env?: Env } = {}): StorageSettings => {
  const bucket = read(env, 'S3_BUCKET')
  if (!bucket) {
    const stray = s3Variables.filter((name) => name !== 'S3_BUCKET' && read(env, name) !== undefined)
    if (stray.length > 0) throw new ConfigurationError(`Đã đặt ${stray.join(', ')} nhưng thiếu S3_BUCKET: đặt tên bucket để lưu tệp trên S3, hoặc bỏ các biến S3_* để lưu trên đĩa.`)
    return { kind: 'local' }
  }
  if (!bucketPattern.test(bucket) || bucket.includes('..')) {
    throw new ConfigurationError(`Biến môi trường S3_BUCKET="${bucket}" không hợp lệ: tên bucket gồm 3–63 chữ thường, chữ số, dấu chấm hoặc gạch nối, bắt đầu và kết thúc bằng chữ hoặc số.`)
  }
  const endpoint = read(env, 'S3_ENDPOINT')
  if (endpoint !== undefined) {
    let url: URL | null = null
    try {
      url = new URL(endpoint)
    } catch {
      url = null
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
      throw new ConfigurationError(`Biến môi trường S3_ENDPOINT="${endpoint}" không hợp lệ: cần một địa chỉ http:// hoặc https://, ví dụ http://minio:9000.`)
    }
  }
  const region = read(env, 'S3_REGION') ?? defaultS3Region
  if (!/^[a-z0-9-]+$/i.test(region)) throw new ConfigurationError(`Biến môi trường S3_REGION="${region}" không hợp lệ: cần tên vùng như ap-southeast-1 hoặc us-east-1.`)
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY')
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    const missing = accessKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'
    throw new ConfigurationError(`Thiếu ${missing}: S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY phải đặt cùng nhau (hoặc bỏ cả hai để dùng quyền của máy chủ).`)
  }
  return {
    bucket,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    endpoint,
    forcePathStyle: readBoolean({ env, name: 'S3_FORCE_PATH_STYLE' }) ?? endpoint !== undefined,
    kind: 's3',
    region,
  }
}
