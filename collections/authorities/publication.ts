/**
 * An authority's publication settings (REGULATIONS §5.2.10) reach the register rows it decided: when
 * it changes which results its public register shows, the `isPublic` mark of its existing rows follows
 * (new rows take it when a decision is issued, decisions/hooks.ts). Straight through the adapter:
 * `isPublic` is the register's own derived mark and the register has no update hooks.
 */
import type { CollectionAfterChangeHook } from 'payload'

type Publication = { register?: string | null } | null | undefined

export const publishRegisterRows: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const register = (doc.publication as Publication)?.register ?? 'all'
  const before = (previousDoc?.publication as Publication)?.register ?? 'all'
  if (register === before) return doc
  const own = { authority: { equals: doc.id } }
  if (register === 'recognised') {
    // a level (TT 24) or the grade Tốt (TT 22) is a recognition; a lower grade is not shown
    await req.payload.db.updateMany({ collection: 'recognitions', data: { isPublic: true }, req, where: { and: [own, { or: [{ level: { exists: true } }, { grade: { equals: 'tot' } }] }] } })
    await req.payload.db.updateMany({ collection: 'recognitions', data: { isPublic: false }, req, where: { and: [own, { level: { exists: false } }, { or: [{ grade: { exists: false } }, { grade: { not_equals: 'tot' } }] }] } })
  } else {
    await req.payload.db.updateMany({ collection: 'recognitions', data: { isPublic: register !== 'none' }, req, where: own })
  }
  return doc
}
