/**
 * The self-assessment's outcomes (the unit's result and the team's conclusion) with their labels:
 * plain data, shared by the collection's select fields, the consolidation endpoint and the admin's
 * correction panel (a client component), so each shows the same words.
 */
export const outcomeOptions = [
  { label: { vi: 'Chưa đủ thông tin', en: 'Incomplete' }, value: 'incomplete' },
  { label: { vi: 'Đạt', en: 'Met' }, value: 'met' },
  { label: { vi: 'Chưa đạt', en: 'Not met' }, value: 'not-met' },
  { label: { vi: 'Tốt', en: 'Good' }, value: 'tot' },
  { label: { vi: 'Khá', en: 'Fair' }, value: 'kha' },
  { label: { vi: 'Trung bình', en: 'Average' }, value: 'trung-binh' },
  { label: { vi: 'Chưa đạt (xếp loại)', en: 'Not achieved' }, value: 'chua-dat' },
]

/** The Vietnamese label of an outcome code; the code itself when it has none. */
export const outcomeLabel = (value: string | null | undefined): string | null =>
  value ? (outcomeOptions.find((option) => option.value === value)?.label.vi ?? value) : null
