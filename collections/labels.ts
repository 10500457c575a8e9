/**
 * Labels as Payload's admin needs them. Ours are `{ vi, en }`; Payload 3.90 puts such a label raw
 * into some accessible names: "Thêm mới: [object Object]" on every relationship's add button,
 * "Tạo mới [object Object]" on the dashboard, "Sắp xếp theo [object Object]" on every list column.
 * A label given as a function is resolved to the admin language's text before any component sees
 * it, so the labels of every collection and of every field are turned into functions here, once,
 * for the whole config. Our own code reads them through `labelOf` (hooks/inputGuards.ts).
 */
import type { CollectionConfig, Field, Tab } from 'payload'

type Bilingual = { vi: string; en: string }

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).vi === 'string' && typeof (value as Bilingual).en === 'string'

/** A `{ vi, en }` label as a function of the admin's language (Vietnamese unless English is chosen). */
export const inLanguage =
  (label: Bilingual) =>
  // Payload passes `{ i18n, t }`; a caller that passes no language gets Vietnamese, the default
  ({ i18n }: { i18n?: { language: string } }): string =>
    i18n?.language === 'en' ? label.en : label.vi

const resolvedPair = <T extends { plural?: unknown; singular?: unknown } | undefined>(labels: T): T =>
  labels && isBilingual(labels.plural) && isBilingual(labels.singular) ? ({ ...labels, plural: inLanguage(labels.plural), singular: inLanguage(labels.singular) } as T) : labels

// a tab's own label stays `{ vi, en }`: Payload calls a tab's label function without the language
const resolvedTab = (tab: Tab): Tab => ({ ...tab, fields: tab.fields.map(resolvedField) }) as Tab

const resolvedField = (field: Field): Field => {
  const resolved = { ...field } as Field & { fields?: Field[]; label?: unknown; labels?: { plural?: unknown; singular?: unknown }; tabs?: Tab[] }
  if (isBilingual(resolved.label)) resolved.label = inLanguage(resolved.label)
  if (resolved.labels) resolved.labels = resolvedPair(resolved.labels)
  if (Array.isArray(resolved.fields)) resolved.fields = resolved.fields.map(resolvedField)
  if (Array.isArray(resolved.tabs)) resolved.tabs = resolved.tabs.map(resolvedTab)
  return resolved
}

export const withResolvedLabels = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: collection.fields.map(resolvedField),
  labels: resolvedPair(collection.labels),
})
