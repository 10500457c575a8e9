/** Field groups of a round that several parts share: a deadline rule relative to the evaluation year. */
import type { Field } from 'payload'

import type { DeadlineRule } from '@criteria/deadlines'

export const deadlineKeys = ['opening', 'submission', 'review', 'decision'] as const
export type DeadlineKey = (typeof deadlineKeys)[number]

export const deadlineLabels: Record<DeadlineKey, { vi: string; en: string }> = {
  opening: { vi: 'Đơn vị bắt đầu nộp hồ sơ từ ngày', en: 'Self-assessment opens' },
  submission: { vi: 'Hạn đơn vị nộp hồ sơ', en: 'Submission deadline' },
  review: { vi: 'Hạn đoàn đánh giá hoàn thành', en: 'Review deadline' },
  decision: { vi: 'Hạn ra quyết định công nhận', en: 'Decision deadline' },
}

export type DeadlineGroup = { kind?: string | null; day?: number | null; month?: number | null; yearOffset?: string | null; text?: string | null }

/** The row of a deadline rule: kind, day, month, year (relative to N) and the date it makes for this round. */
export const deadlineRow = ({ defaults }: { defaults?: DeadlineRule } = {}): Field => ({
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          admin: { width: '20%' },
          defaultValue: defaults?.kind ?? 'before',
          label: { vi: 'Cách tính', en: 'Kind' },
          options: [
            { label: { vi: 'Trước ngày', en: 'Before' }, value: 'before' },
            { label: { vi: 'Đến hết ngày', en: 'Up to and including' }, value: 'by' },
          ],
        },
        { name: 'day', type: 'number', admin: { width: '11%' }, defaultValue: defaults?.day, label: { vi: 'Ngày', en: 'Day' }, max: 31, min: 1 },
        { name: 'month', type: 'number', admin: { width: '11%' }, defaultValue: defaults?.month, label: { vi: 'Tháng', en: 'Month' }, max: 12, min: 1 },
        {
          name: 'yearOffset',
          type: 'select',
          admin: { width: '22%' },
          defaultValue: String(defaults?.yearOffset ?? 1),
          label: { vi: 'Năm', en: 'Year' },
          options: [
            { label: { vi: 'N (năm đánh giá)', en: 'Evaluation year (N)' }, value: '0' },
            { label: { vi: 'N+1 (năm sau)', en: 'N+1' }, value: '1' },
            { label: { vi: 'N+2', en: 'N+2' }, value: '2' },
          ],
        },
        {
          name: 'text',
          type: 'text',
          admin: { readOnly: true, width: '36%' },
          label: { vi: 'Thành ngày', en: 'Date' },
        },
      ],
})

export const deadlineField = ({ key, defaults }: { key: DeadlineKey; defaults?: DeadlineRule }): Field => ({
  name: key,
  type: 'group',
  fields: [deadlineRow({ defaults })],
  label: deadlineLabels[key],
})

/** The rule a deadline group holds, or null when it is left empty. */
export const ruleOf = (group: DeadlineGroup | null | undefined): DeadlineRule | null => {
  if (!group || group.day == null || group.month == null) return null
  // numbers also when read as the database's numeric text (the transition's plain SELECT)
  return { day: Number(group.day), kind: group.kind === 'by' ? 'by' : 'before', month: Number(group.month), yearOffset: Number(group.yearOffset ?? 1) }
}
