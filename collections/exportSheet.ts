/**
 * `GET /api/<collection>/export`: the documents a list view shows, as an XLSX file. The list's own
 * query string is passed as it is — `where` (its filters), `search` (its search box), `sort` — so
 * the «Xuất Excel» link above a list exports what the clerk filtered. Read as the signed-in user
 * (`overrideAccess: false`): nobody exports a row they could not open.
 *
 * Each collection says what its sheets hold (collections/<slug>/export.ts); related documents are
 * named by their title (a unit's name, a round's title), read once per export.
 */
import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'

import { workbookBytes, xlsxResponse, type SheetSpec } from '@/spreadsheet/write'

import { relationId } from './access/roles'

type Doc = Record<string, unknown> & { id: number | string }

/** The list view's filters and search box as one `Where`. */
export const listWhere = ({ req, slug }: { req: PayloadRequest; slug: CollectionSlug }): Where | undefined => {
  const query = (req.query ?? {}) as { where?: Where; search?: unknown }
  const parts: Where[] = []
  if (query.where && typeof query.where === 'object') parts.push(query.where)
  const search = typeof query.search === 'string' ? query.search.trim() : ''
  if (search !== '') {
    const admin = req.payload.collections[slug].config.admin
    const fields = admin.listSearchableFields?.length ? admin.listSearchableFields : [admin.useAsTitle ?? 'id']
    parts.push({ or: fields.map((field) => ({ [field]: { like: search } })) })
  }
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { and: parts }
}

/** Titles of related documents by id (the title field of their collection), in one read. */
export const titlesOf = async ({ req, collection, values }: { req: PayloadRequest; collection: CollectionSlug; values: unknown[] }): Promise<Map<string, string>> => {
  const ids = [...new Set(values.map(relationId).filter((id): id is number | string => id !== null))]
  if (ids.length === 0) return new Map()
  const field = req.payload.collections[collection].config.admin.useAsTitle ?? 'id'
  const titles = new Map<string, string>()
  for (let start = 0; start < ids.length; start += 1_000) {
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      limit: 0,
      // the title of a document another readable document points to: a name, not the document
      overrideAccess: true,
      pagination: false,
      req,
      select: { [field]: true },
      where: { id: { in: ids.slice(start, start + 1_000) } },
    })
    for (const doc of docs) titles.set(String(doc.id), String((doc as unknown as Doc)[field] ?? doc.id))
  }
  return titles
}

/** The title of the document a relation value points to, or empty. */
export const titleOf = (titles: ReadonlyMap<string, string>, value: unknown) => {
  const id = relationId(value)
  return id === null ? null : (titles.get(String(id)) ?? String(id))
}

/** A day as Vietnamese readers write it (dd/mm/yyyy, Việt Nam time), or empty. */
export const vietnameseDay = (value: unknown) =>
  typeof value === 'string' && value !== '' ? new Date(value).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }) : null

export const yesNo = (value: unknown) => (value === true ? 'Có' : value === false ? 'Không' : null)

export const exportEndpoint = ({
  slug,
  filename,
  select,
  sort,
  sheets,
}: {
  slug: CollectionSlug
  filename: string
  select?: Record<string, unknown>
  sort: string
  sheets: (args: { req: PayloadRequest; docs: Doc[] }) => Promise<SheetSpec[]>
}): Endpoint => ({
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Cần đăng nhập để xuất dữ liệu.', path: '' }] }, { status: 401 })
    const query = req.query as { sort?: unknown }
    const { docs } = await req.payload.find({
      collection: slug,
      depth: 0,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      ...(select ? { select: select as never } : {}),
      sort: typeof query.sort === 'string' && query.sort !== '' ? query.sort : sort,
      user: req.user,
      where: listWhere({ req, slug }),
    })
    const bytes = await workbookBytes({ sheets: await sheets({ docs: docs as unknown as Doc[], req }) })
    return xlsxResponse({ bytes, filename })
  },
  method: 'get',
  path: '/export',
})
