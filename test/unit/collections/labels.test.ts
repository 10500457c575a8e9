import { describe, expect, it } from 'vitest'

import { inLanguage, withResolvedLabels } from '@collections/labels'

describe('labels resolved for the admin', () => {
  it('turn { vi, en } into the admin language’s text, Vietnamese unless English is chosen', () => {
    const label = inLanguage({ en: 'Round', vi: 'Đợt đánh giá' })
    expect(label({ i18n: { language: 'vi' } })).toBe('Đợt đánh giá')
    expect(label({ i18n: { language: 'en' } })).toBe('Round')
    expect(label({ i18n: { language: 'fr' } })).toBe('Đợt đánh giá')
    expect(label({})).toBe('Đợt đánh giá')
  })

  it('reach the collection, its fields at any depth (inside tabs too) and array rows', () => {
    const resolved = withResolvedLabels({
      slug: 'sets',
      fields: [
        { name: 'code', type: 'text', label: { en: 'Code', vi: 'Mã' } },
        { type: 'tabs', tabs: [{ fields: [{ name: 'bands', type: 'array', fields: [{ name: 'min', type: 'number', label: { en: 'From', vi: 'Từ điểm' } }], labels: { plural: { en: 'Bands', vi: 'Mức xếp loại' }, singular: { en: 'Band', vi: 'Mức xếp loại' } } }], label: { en: 'Grading', vi: 'Xếp loại' } }] },
      ],
      labels: { plural: { en: 'Sets', vi: 'Bộ tiêu chí' }, singular: { en: 'Set', vi: 'Bộ tiêu chí' } },
    })
    const vi = { i18n: { language: 'vi' }, t: (key: string) => key } as never
    const call = (label: unknown) => (label as (args: never) => string)(vi)
    expect(call(resolved.labels?.singular)).toBe('Bộ tiêu chí')
    const [code, tabs] = resolved.fields as unknown as [{ label: unknown }, { tabs: { label: unknown; fields: { labels: { singular: unknown }; fields: { label: unknown }[] }[] }[] }]
    expect(call(code.label)).toBe('Mã')
    // Payload calls a tab's label function without the language: it stays as it was
    expect(tabs.tabs[0].label).toEqual({ en: 'Grading', vi: 'Xếp loại' })
    expect(call(tabs.tabs[0].fields[0].labels.singular)).toBe('Mức xếp loại')
    expect(call(tabs.tabs[0].fields[0].fields[0].label)).toBe('Từ điểm')
  })
})
