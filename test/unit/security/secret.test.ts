/**
 * Which PAYLOAD_SECRET a production start on PostgreSQL refuses: missing, short, placeholder or
 * trivial, each with a Vietnamese reason and how to make a good one. The start itself:
 * test/int/hardening.test.ts.
 */
import { describe, expect, it } from 'vitest'

import { minimumSecretLength, weakSecretReason } from '@/security/secret'

const strong = 'f3a9c1e07b5d4862a1c3e5f7092b4d6e8f0a2c4e6b8d0f1a3c5e7092b4d6e8f0'

describe('weakSecretReason', () => {
  it.each([
    [undefined, 'là bắt buộc'],
    ['', 'là bắt buộc'],
    ['test-secret-do-not-use-in-production', 'giá trị mẫu'],
    ['migrate-create', 'giá trị mẫu'],
    ['changeme', 'giá trị mẫu'],
    ['CHANGE-ME-please-this-is-long-enough-to-pass-length', 'giá trị mẫu'],
    ['secret', 'giá trị mẫu'],
    ['your-secret-here-0123456789abcdef0123456789', 'giá trị mẫu'],
    ['openssl rand -hex 32', 'giá trị mẫu'],
    ['x'.repeat(64), 'giá trị mẫu'],
    ['a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d', 'quá ngắn (31 ký tự; cần ít nhất 32)'],
    ['abababababababababababababababababab', 'quá đơn giản'],
  ])('refuses %j (%s)', (secret, expected) => {
    expect(weakSecretReason(secret)).toContain(expected)
    expect(weakSecretReason(secret)).toContain('openssl rand -hex 32')
  })

  it('accepts a random secret of 32 characters or more', () => {
    expect(weakSecretReason(strong)).toBeNull()
    expect(weakSecretReason(strong.slice(0, minimumSecretLength))).toBeNull()
  })
})
