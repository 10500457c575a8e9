/** Field validators with Vietnamese messages that name what is wrong. */
import type { Validate } from 'payload'

export const requiredText =
  ({ vi }: { vi: string }): Validate<string | null | undefined> =>
  (value) =>
    (typeof value === 'string' && value.trim().length > 0) || vi

export const nonNegativeInteger =
  ({ label, isRequired }: { label: string; isRequired: boolean }): Validate<number | null | undefined> =>
  (value) => {
    if (value === null || value === undefined || (value as unknown) === '') {
      return isRequired ? `${label} là bắt buộc.` : true
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      return `${label} phải là số nguyên không âm (đã nhập: ${String(value)}).`
    }
    return true
  }

export const optionalEmail: Validate<string | null | undefined> = (value) => {
  if (value === null || value === undefined || value === '') return true
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || `Địa chỉ thư điện tử "${value}" không hợp lệ.`
}
