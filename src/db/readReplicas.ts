/**
 * DATABASE_READ_URL: one or more read replicas of the PostgreSQL primary (comma-separated URLs),
 * given to Payload's adapter as `readReplicas`. Reads made outside a transaction (lists, counts,
 * the public register, the dashboard) then go to a replica, except in the 2 seconds after this
 * process's own write (the adapter's read-after-write window); every write and every read inside a
 * transaction (a transition under its row lock) stays on the primary. A malformed value, or one
 * without DATABASE_URL, stops the start naming the variable.
 */
import { ConfigurationError, type Env } from '../security/settings'

export const readReplicaUrls = ({ env = process.env }: { env?: Env } = {}): string[] | undefined => {
  const raw = env.DATABASE_READ_URL?.trim()
  if (!raw) return undefined
  if (!env.DATABASE_URL?.trim()) throw new ConfigurationError('DATABASE_READ_URL chỉ dùng cùng DATABASE_URL (máy chủ PostgreSQL chính); cơ sở dữ liệu nhúng không có bản sao đọc.')
  const urls = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  for (const url of urls) {
    let protocol = ''
    try {
      protocol = new URL(url).protocol
    } catch {
      protocol = ''
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      // the value may carry a password: name the variable, not the value
      throw new ConfigurationError(`Biến môi trường DATABASE_READ_URL không hợp lệ: mỗi địa chỉ (cách nhau bằng dấu phẩy) phải có dạng postgres://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl.`)
    }
  }
  return urls
}
