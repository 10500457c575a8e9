/**
 * The code of a catalogue row (a tier, a unit type) is its id: what units, sets and rounds store and
 * what the public evaluation endpoint takes (`unitType: "thpt"`). Lower-case letters, digits, "_"
 * and "-", so it reads the same in a URL, a spreadsheet and a query.
 */
import type { Field } from 'payload'

import { isCatalogueCode } from '@criteria/unitTypes'

export { isCatalogueCode }

export const catalogueCode = ({ example, label }: { example: string; label: { vi: string; en: string } }): Field => ({
  name: 'id',
  type: 'text',
  admin: {
    // the list shows the code itself, not Payload's "ID: thcs"
    components: { Cell: '@/components/admin/CatalogueCodeCell#CatalogueCodeCell' },
    description: { vi: `Chữ thường không dấu, số, "_" hoặc "-", ví dụ ${example}. Không đổi được sau khi tạo.`, en: `Lower case, digits, _ or -, e.g. ${example}.` },
  },
  label,
  required: true,
  validate: (value: unknown) =>
    isCatalogueCode(value) || `${label.vi} "${String(value ?? '')}" không hợp lệ: chỉ dùng chữ thường không dấu, số, "_" hoặc "-" (tối đa 40 ký tự), ví dụ ${example}.`,
})

/**
 * A relation to a catalogue row that stays its code everywhere: never populated (maxDepth 0), typed
 * as a string, so `unit.tier` is `"huyen"` in REST, the Local API and the generated types alike.
 */
export const codeRelation = <T extends Record<string, unknown>>(field: T & { relationTo: 'tiers' | 'unit-types' }) => ({
  ...field,
  type: 'relationship' as const,
  maxDepth: 0,
  typescriptSchema: [() => (field.required === true ? { type: 'string' as const } : { type: ['string', 'null'] as ('string' | 'null')[] })],
})
