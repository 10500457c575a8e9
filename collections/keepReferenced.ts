/**
 * A record other records still point at is not deleted: the refusal names what still uses it.
 * Without it the database refuses the delete half-way (a required relation cannot become empty),
 * and in a bulk delete that failure aborts the whole request's transaction; or it quietly empties
 * an optional relation that history depends on (the actor of an audit row, a set's owner).
 * Checked before anything is deleted, for every caller, the system included.
 */
import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'
import { ValidationError } from 'payload'

export type Reference = { collection: CollectionSlug; field: string; label: string }

export const keepReferenced =
  ({ collection, references }: { collection: CollectionSlug; references: readonly Reference[] }): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const uses: string[] = []
    for (const reference of references) {
      const { totalDocs } = await req.payload.count({ collection: reference.collection, overrideAccess: true, req, where: { [reference.field]: { equals: id } } })
      if (totalDocs > 0) uses.push(`${totalDocs} ${reference.label}`)
    }
    if (uses.length === 0) return
    throw new ValidationError({ collection, errors: [{ message: `Không xóa được: còn ${uses.join(', ')} dùng đến bản ghi này.`, path: 'id' }], req }, req.t)
  }
