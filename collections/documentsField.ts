import type { UIField } from 'payload'

/**
 * The sidebar's «Văn bản» box: the papers generated from this document (dossier, round, decision).
 * A new object for each collection: Payload sanitises a field config in place.
 */
export const documentsField = (): UIField => ({
  name: 'documents',
  type: 'ui',
  admin: { components: { Field: '@/components/DocumentButtons#DocumentButtons' }, position: 'sidebar' },
  label: { vi: 'Văn bản', en: 'Documents' },
})
