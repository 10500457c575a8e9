import { describe, expect, it } from 'vitest'

import { navigableCollections, withApiTabForAdmins } from '@collections/access/navigation'

const slugs = ['rounds', 'self-assessments', 'reviews', 'evidence', 'audit-events', 'decisions', 'recognitions', 'legal-documents', 'authorities', 'units', 'tiers', 'unit-types', 'criteria-sets', 'users', 'file-tasks']

describe('the admin menu by role', () => {
  it.each([
    ['admin', slugs],
    ['authority-admin', slugs],
    ['reviewer', ['rounds', 'self-assessments', 'reviews', 'evidence', 'decisions', 'units', 'criteria-sets', 'file-tasks']],
    ['unit-editor', ['rounds', 'self-assessments', 'evidence', 'units']],
  ])('%s sees %j', (role, expected) => {
    expect(navigableCollections({ slugs, user: { roles: [role] } })).toEqual(expected)
  })

  it('keeps the order it is given and lists only collections it is given (those the user may read)', () => {
    expect(navigableCollections({ slugs: ['units', 'evidence', 'audit-events'], user: { roles: ['unit-editor'] } })).toEqual(['units', 'evidence'])
  })

  it('gives a user with several roles the union, and nobody without a known role anything', () => {
    expect(navigableCollections({ slugs, user: { roles: ['unit-editor', 'reviewer'] } })).toEqual(['rounds', 'self-assessments', 'reviews', 'evidence', 'decisions', 'units', 'criteria-sets', 'file-tasks'])
    expect(navigableCollections({ slugs, user: { roles: ['unit-editor', 'admin'] } })).toEqual(slugs)
    expect(navigableCollections({ slugs, user: { roles: ['guest'] } })).toEqual([])
    expect(navigableCollections({ slugs, user: null })).toEqual([])
  })
})

describe('the API tab', () => {
  const condition = (collection = withApiTabForAdmins({ slug: 'rounds', fields: [] })) => {
    const edit = collection.admin?.components?.views?.edit as { api?: { tab?: { condition?: (args: never) => boolean } } }
    return (roles: string[], hideAPIURL = false) => edit.api?.tab?.condition?.({ collectionConfig: { admin: { hideAPIURL } }, req: { user: { roles } } } as never)
  }

  it('is shown to system administrators only', () => {
    expect(condition()(['admin'])).toBe(true)
    for (const role of ['authority-admin', 'reviewer', 'unit-editor']) expect(condition()([role]), role).toBe(false)
  })

  it('stays hidden where the collection hides its API address', () => {
    expect(condition()(['admin'], true)).toBe(false)
  })
})
