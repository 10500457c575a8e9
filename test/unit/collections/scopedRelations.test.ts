import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { withScopedRelations } from '@collections/scopedRelations'

const componentsOf = (fields: Field[], name: string): unknown => {
  for (const field of fields) {
    if ('name' in field && field.name === name) return field.admin?.components
    if ('fields' in field && field.type !== 'array') {
      const found = componentsOf(field.fields, name)
      if (found) return found
    }
  }
  return undefined
}

describe('relations the viewer may not read', () => {
  const { fields } = withScopedRelations({
    slug: 'legal-documents',
    fields: [
      { name: 'authority', type: 'relationship', relationTo: 'authorities' },
      { type: 'row', fields: [{ name: 'submittedBy', type: 'relationship', relationTo: 'users' }] },
      { name: 'unit', type: 'relationship', relationTo: 'units' },
      { name: 'owner', type: 'relationship', admin: { hidden: true }, relationTo: 'authorities' },
      { name: 'team', type: 'array', fields: [{ name: 'user', type: 'relationship', relationTo: 'users' }] },
    ],
  })

  it('are drawn by our cell and field where they point at authorities or accounts, rows and groups included', () => {
    const drawn = { Cell: '@/components/admin/ScopedRelation#ScopedRelationCell', Field: '@/components/admin/ScopedRelation#ScopedRelationField' }
    expect(componentsOf(fields, 'authority')).toEqual(drawn)
    expect(componentsOf(fields, 'submittedBy')).toEqual(drawn)
  })

  it('leave other relations, hidden fields and rows of arrays to Payload', () => {
    expect(componentsOf(fields, 'unit')).toBeUndefined()
    expect(componentsOf(fields, 'owner')).toBeUndefined()
    const team = fields.find((field) => 'name' in field && field.name === 'team') as { fields: Field[] }
    expect(team.fields[0].admin?.components).toBeUndefined()
  })
})
