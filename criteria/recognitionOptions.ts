/**
 * The choices a recognition rule offers (criteria/schema.ts `recognitionSchema`), with the labels
 * an admin form shows. Kept apart from recognition.ts so the schema can use them without a cycle.
 */

export const waitMeasuredAtOptions = [
  { code: 'application', vi: 'Tính đến ngày đơn vị nộp hồ sơ đề nghị', en: 'Until the day the unit applies' },
  { code: 'decision', vi: 'Tính đến ngày ký quyết định công nhận', en: 'Until the day the decision is signed' },
] as const
export type WaitMeasuredAt = (typeof waitMeasuredAtOptions)[number]['code']
export const waitMeasuredAtCodes = waitMeasuredAtOptions.map((option) => option.code) as [WaitMeasuredAt, ...WaitMeasuredAt[]]

export const validityAnchorOptions = [
  {
    code: 'after-decision-year',
    vi: 'Từ ngày 01/01 của năm sau năm ra quyết định công nhận',
    en: 'From 1 January after the year of the decision',
  },
  { code: 'signing-date', vi: 'Từ ngày ký quyết định công nhận', en: 'From the day the decision is signed' },
  {
    code: 'after-evaluation-year',
    vi: 'Từ ngày 01/01 của năm sau năm đánh giá',
    en: 'From 1 January after the evaluation year',
  },
] as const
export type ValidityAnchor = (typeof validityAnchorOptions)[number]['code']
export const validityAnchorCodes = validityAnchorOptions.map((option) => option.code) as [ValidityAnchor, ...ValidityAnchor[]]
