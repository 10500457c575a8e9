/** Field validators with Vietnamese messages that name what is wrong. */
import type { Validate } from 'payload'

export const requiredText =
  ({ vi }: { vi: string }): Validate<string | null | undefined> =>
  (value) =>
    (typeof value === 'string' && value.trim().length > 0) || vi

/** An upper bound for head counts: far above any unit, far below what breaks arithmetic. */
export const maxHeadcount = 10_000_000

export const nonNegativeInteger =
  ({ label, isRequired }: { label: string; isRequired: boolean }): Validate<number | null | undefined> =>
  (value) => {
    if (value === null || value === undefined || (value as unknown) === '') {
      return isRequired ? `${label} là bắt buộc.` : true
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      return `${label} phải là số nguyên không âm (đã nhập: ${String(value)}).`
    }
    // the largest units (a university, a corporation) count members in the tens of thousands
    if (value > maxHeadcount) return `${label} không thể lớn hơn ${maxHeadcount.toLocaleString('vi-VN')} (đã nhập: ${value.toLocaleString('vi-VN')}).`
    return true
  }

export const optionalEmail: Validate<string | null | undefined> = (value) => {
  if (value === null || value === undefined || value === '') return true
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || `Địa chỉ thư điện tử "${value}" không hợp lệ.`
}
