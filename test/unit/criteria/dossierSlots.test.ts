/**
 * A round's dossier checklist as a unit's attachment slots (criteria/dossier.ts), and the opening
 * day before which a unit cannot submit (criteria/deadlines.ts `checkOpening`).
 */
import { describe, expect, it } from 'vitest'

import type { DeadlineRule } from '@criteria/deadlines'
import { checkOpening, describeOpening, openingFor } from '@criteria/deadlines'
import { checkDossierSlots, mergeSentSlots, syncDossierSlots, type ChecklistItem, type DossierSlot } from '@criteria/dossier'

const checklist: ChecklistItem[] = [
  { id: 'to-trinh', isRequired: true, title: 'Tờ trình' },
  { id: 'bao-cao', isRequired: true, title: 'Báo cáo tự đánh giá' },
  { id: 'anh', isRequired: false, title: 'Ảnh hoạt động' },
]

const slot = (item: string, files: number[], id?: string): DossierSlot<number> => ({
  files,
  isRequired: checklist.find((row) => row.id === item)?.isRequired ?? true,
  item,
  title: checklist.find((row) => row.id === item)?.title ?? item,
  ...(id ? { id } : {}),
})

describe('syncDossierSlots: one slot per checklist item', () => {
  it('a new dossier gets an empty slot for each item, in the checklist order, with its title and requirement', () => {
    expect(syncDossierSlots<number>({ checklist, stored: [] })).toEqual([
      { files: [], isRequired: true, item: 'to-trinh', title: 'Tờ trình' },
      { files: [], isRequired: true, item: 'bao-cao', title: 'Báo cáo tự đánh giá' },
      { files: [], isRequired: false, item: 'anh', title: 'Ảnh hoạt động' },
    ])
  })

  it('keeps the files and row id of items still listed, drops removed items, adds new ones, follows renamed titles', () => {
    const stored = [slot('bao-cao', [7, 8], 'row-2'), { ...slot('cu', [9], 'row-old'), title: 'Mục đã bỏ' }, slot('to-trinh', [5], 'row-1')]
    const renamed = checklist.map((item) => (item.id === 'to-trinh' ? { ...item, isRequired: false, title: 'Tờ trình đề nghị' } : item))
    expect(syncDossierSlots({ checklist: renamed, stored })).toEqual([
      { files: [5], id: 'row-1', isRequired: false, item: 'to-trinh', title: 'Tờ trình đề nghị' },
      { files: [7, 8], id: 'row-2', isRequired: true, item: 'bao-cao', title: 'Báo cáo tự đánh giá' },
      { files: [], isRequired: false, item: 'anh', title: 'Ảnh hoạt động' },
    ])
  })

  it('an empty checklist leaves no slot', () => {
    expect(syncDossierSlots({ checklist: [], stored: [slot('to-trinh', [1])] })).toEqual([])
  })
})

describe('mergeSentSlots: the files a request sends', () => {
  const stored = [slot('to-trinh', [1], 'row-1'), slot('bao-cao', [], 'row-2'), slot('cu', [3], 'row-old')]
  const slots = syncDossierSlots({ checklist, stored })

  it('by item or by row id; files left out are kept, null clears', () => {
    const { slots: merged, unknown } = mergeSentSlots({
      sent: [{ files: [4, 5], id: 'row-2' }, { item: 'to-trinh' }, { files: null, item: 'anh' }],
      slots,
      stored,
    })
    expect(unknown).toEqual([])
    expect(merged.map((row) => [row.item, row.files])).toEqual([
      ['to-trinh', [1]],
      ['bao-cao', [4, 5]],
      ['anh', []],
    ])
    // the input is not changed
    expect(slots[1].files).toEqual([])
  })

  it('a slot of an item taken off the checklist is dropped; one of no item at all is unknown', () => {
    const { slots: merged, unknown } = mergeSentSlots({ sent: [{ files: [6], item: 'cu' }, { files: [6], item: 'la' }, { files: [6], id: 'row-x' }], slots, stored })
    expect(unknown).toEqual(['la', 'row-x'])
    expect(merged.map((row) => row.files)).toEqual([[1], [], []])
  })
})

describe('checkDossierSlots: a required slot without a file stops the submission', () => {
  it('names each empty required slot by its title, at its row', () => {
    const issues = checkDossierSlots({
      slots: [
        { fileCount: 1, isRequired: true, title: 'Tờ trình' },
        { fileCount: 0, isRequired: true, title: 'Báo cáo tự đánh giá' },
        { fileCount: 0, isRequired: false, title: 'Ảnh hoạt động' },
      ],
    })
    expect(issues).toEqual([
      { code: 'dossier-item-missing', message: 'Thiếu tài liệu bắt buộc «Báo cáo tự đánh giá» trong thành phần hồ sơ.', path: ['dossierFiles', 1, 'files'], severity: 'error' },
    ])
  })

  it('filled or optional slots, or none at all, pass', () => {
    expect(checkDossierSlots({ slots: [] })).toEqual([])
    expect(checkDossierSlots({ slots: [{ fileCount: 2, isRequired: true, title: 'Tờ trình' }, { fileCount: 0, isRequired: false, title: 'Ảnh' }] })).toEqual([])
  })
})

describe('checkOpening: a unit submits from the opening day on, that day included', () => {
  const firstOfDecember: DeadlineRule = { day: 1, kind: 'before', month: 12, yearOffset: 0 }

  it.each([
    { on: '2025-11-30', isRefused: true },
    { on: '2025-12-01', isRefused: false },
    { on: '2026-01-10', isRefused: false },
    { on: '2024-12-31', isRefused: true },
  ])('opening 01/12/2025, on $on → refused: $isRefused', ({ on, isRefused }) => {
    const issues = checkOpening({ on, rule: firstOfDecember, year: 2025 })
    expect(issues.length > 0).toBe(isRefused)
    if (isRefused) expect(issues).toEqual([{ code: 'before-opening', message: 'Đợt đánh giá nhận hồ sơ từ ngày 01/12/2025.', path: ['opening'], severity: 'error' }])
  })

  it('the kind of the row does not move the day; the year offset does', () => {
    expect(checkOpening({ on: '2025-12-01', rule: { ...firstOfDecember, kind: 'by' }, year: 2025 })).toEqual([])
    expect(checkOpening({ on: '2025-12-01', rule: { ...firstOfDecember, yearOffset: 1 }, year: 2025 })[0]?.message).toBe('Đợt đánh giá nhận hồ sơ từ ngày 01/12/2026.')
  })

  it('says the day as "từ ngày", and 29/02 falls back to 28/02 in a common year', () => {
    expect(describeOpening({ rule: firstOfDecember, year: 2025 })).toBe('từ ngày 01/12/2025')
    expect(openingFor({ rule: { day: 29, kind: 'before', month: 2, yearOffset: 1 }, year: 2025 })).toBe('2026-02-28')
  })

  it('a malformed day is an issue, never a pass', () => {
    expect(checkOpening({ on: '2025-13-01', rule: firstOfDecember, year: 2025 }).map((issue) => issue.code)).toEqual(['invalid-date'])
  })
})
