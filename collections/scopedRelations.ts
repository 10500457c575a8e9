/**
 * Relations to authorities and accounts, the two collections whose rows a viewer often may not read
 * though it reads the rows pointing at them (a district's parent province; the clerk who submitted
 * a dossier). They are drawn by src/components/admin/ScopedRelation.tsx, which names such a relation
 * "… ngoài phạm vi của bạn" instead of Payload's "Chưa có tiêu đề - ID: 1". Fields inside arrays
 * keep Payload's drawing; so do hidden fields and fields with their own components.
 */
import type { CollectionConfig, Field } from 'payload'

const scopedCollections = new Set(['authorities', 'users'])

const components = {
  Cell: '@/components/admin/ScopedRelation#ScopedRelationCell',
  Field: '@/components/admin/ScopedRelation#ScopedRelationField',
}

const scoped = (field: Field): Field => {
  if (field.type === 'relationship') {
    const isScoped = typeof field.relationTo === 'string' && scopedCollections.has(field.relationTo)
    if (!isScoped || field.admin?.hidden || field.admin?.components?.Field || field.admin?.components?.Cell) return field
    return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, ...components } } }
  }
  if (field.type === 'row' || field.type === 'collapsible' || field.type === 'group') return { ...field, fields: field.fields.map(scoped) } as Field
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(scoped) })) }
  return field
}

export const withScopedRelations = (collection: CollectionConfig): CollectionConfig => ({ ...collection, fields: collection.fields.map(scoped) })
