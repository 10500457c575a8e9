/**
 * A published criteria set as the self-assessment hook needs it — the document and the core's
 * validated set — kept in memory per process and reused while the set's stored row is unchanged.
 * Every save of a dossier used to read the whole set (criteria → indicators → scales, a large
 * relational query) and parse it again; now a save reads one timestamp (issue 10). The cache is
 * keyed by id and `updatedAt` of the published row, which changes whenever the set is published
 * again, so a process never evaluates with an old wording, also beside other processes.
 */
import type { PayloadRequest } from 'payload'

import { validateCriteriaSet, type CriteriaSet, type Issue } from '@criteria/index'

import { toCriteriaSetInput, type CriteriaSetDoc } from './toCriteriaSet'

export type PublishedSet = {
  doc: CriteriaSetDoc & { id: number; title: string; updatedAt: string }
  /** the core's set, or null when the stored set does not validate */
  set: CriteriaSet | null
  issues: readonly Issue[]
}

const limit = 64
const cache = new Map<string, PublishedSet>()

const keyOf = ({ id, updatedAt }: { id: number | string; updatedAt: string }) => `${id}@${updatedAt}`

/**
 * The published set `id` (null when there is none), from the cache when its row is unchanged; asked
 * again within one request (a decision's twenty entries share a set), the same answer.
 */
export const loadPublishedSet = ({ id, req }: { id: number | string; req: PayloadRequest }): Promise<PublishedSet | null> => {
  const asked = (req.context.publishedSets ??= new Map()) as Map<string, Promise<PublishedSet | null>>
  const key = String(id)
  const known = asked.get(key)
  if (known) return known
  const loading = readPublishedSet({ id, req })
  asked.set(key, loading)
  loading.catch(() => asked.delete(key))
  return loading
}

const readPublishedSet = async ({ id, req }: { id: number | string; req: PayloadRequest }): Promise<PublishedSet | null> => {
  const stamp = await req.payload.db.findOne<{ id: number; updatedAt: string }>({ collection: 'criteria-sets', req, select: { updatedAt: true }, where: { id: { equals: id } } })
  if (!stamp) return null
  const cached = cache.get(keyOf({ id, updatedAt: stamp.updatedAt }))
  if (cached) return cached
  const doc = await req.payload.findByID({ collection: 'criteria-sets', depth: 0, disableErrors: true, draft: false, id, overrideAccess: true, req })
  if (!doc) return null
  const { input, issues } = toCriteriaSetInput({ doc: doc as CriteriaSetDoc })
  const validation = validateCriteriaSet(input)
  const entry: PublishedSet = {
    doc: doc as PublishedSet['doc'],
    issues: [...issues, ...(validation.ok ? [] : validation.issues)],
    set: issues.length === 0 && validation.ok ? validation.set : null,
  }
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
  cache.set(keyOf({ id, updatedAt: doc.updatedAt }), entry)
  return entry
}
