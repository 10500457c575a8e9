/**
 * Whether a PAYLOAD_SECRET is fit for production: it signs every sign-in token, so a short one, a
 * placeholder copied from an example, or one of our own test/tool secrets would let anyone forge a
 * session. Returns the Vietnamese reason to refuse, or null when the secret is acceptable.
 */

export const minimumSecretLength = 32

/** Secrets this project itself uses outside production, and the usual example values. */
export const knownPlaceholders = [
  'test-secret-do-not-use-in-production',
  'migrate-create',
  'doi-mat-khau-nay',
  'changeme',
  'change-me',
  'secret',
  'your-secret',
  'your-secret-here',
  'payload-secret',
  'supersecret',
  'password',
]

// example phrasings, wherever they appear in a longer value
const placeholderPatterns = [/change[-_ .]?me/, /your[-_ .]?secret/, /do[-_ .]?not[-_ .]?use/, /openssl rand/, /^(?:x+|0+|secret[-_ .]?\d*|test[-_ .]?secret.*|example.*|placeholder.*)$/]

const distinctCharacters = (value: string) => new Set(value).size

export const weakSecretReason = (secret: string | undefined): string | null => {
  const hint = `Tạo một khóa ngẫu nhiên, ví dụ: openssl rand -hex 32`
  if (!secret) return `PAYLOAD_SECRET là bắt buộc khi dùng DATABASE_URL trong môi trường production. ${hint}`
  const normalised = secret.trim().toLowerCase()
  if (knownPlaceholders.includes(normalised) || placeholderPatterns.some((pattern) => pattern.test(normalised))) {
    return `PAYLOAD_SECRET đang là giá trị mẫu hoặc giá trị dùng để thử nghiệm, không được dùng trong production. ${hint}`
  }
  if (secret.length < minimumSecretLength) {
    return `PAYLOAD_SECRET quá ngắn (${secret.length} ký tự; cần ít nhất ${minimumSecretLength}). ${hint}`
  }
  if (distinctCharacters(secret) < 8) return `PAYLOAD_SECRET quá đơn giản (chỉ ${distinctCharacters(secret)} ký tự khác nhau). ${hint}`
  return null
}
