/**
 * A relation to an authority or an account the viewer may not read (a district admin looking at
 * its province above it, a reviewer at the clerk who submitted): Payload draws it as
 * "Chưa có tiêu đề - ID: 1". Here it reads "Cấp quản lý ngoài phạm vi của bạn" instead, with no
 * id and no name — the server's read access decides, as it does for everything else. A relation
 * the viewer may read is drawn as Payload draws it (the edit view) or by its title (the list).
 */
import type { CollectionSlug, DefaultServerCellComponentProps, Payload, RelationshipFieldServerProps, TypedUser } from 'payload'
import { getTranslation } from '@payloadcms/translations'
import { FieldLabel, RelationshipField } from '@payloadcms/ui'
import { headers } from 'next/headers'
import { cache } from 'react'

import { relationId } from '@collections/access/roles'

import { rowItemStyle } from './rowItemStyle'

type Id = number | string

/** The list's cell gets no user: the viewer is read from the request, once. */
const viewerOf = cache(async (payload: Payload) => (await payload.auth({ headers: await headers() })).user)

/** The related document's title if the viewer may read it, else null; once per request and document. */
const readableTitle = cache(async (payload: Payload, user: TypedUser | null, collection: string, id: string): Promise<string | null> => {
  const config = payload.collections[collection as CollectionSlug]?.config
  if (!config) return null
  const doc = await payload
    .findByID({ collection: collection as CollectionSlug, depth: 0, disableErrors: true, id, overrideAccess: false, user })
    .catch(() => null)
  if (!doc) return null
  const title = (doc as unknown as Record<string, unknown>)[config.admin.useAsTitle ?? 'id']
  return typeof title === 'string' && title ? title : String(id)
})

const outOfScope = ({ payload, collection, i18n }: { payload: Payload; collection: string; i18n: Parameters<typeof getTranslation>[1] }) =>
  `${getTranslation(payload.collections[collection as CollectionSlug]?.config.labels.singular ?? collection, i18n)} ngoài phạm vi của bạn`

const idsOf = (value: unknown): Id[] => (Array.isArray(value) ? value : [value]).map(relationId).filter((id): id is Id => id !== null)

export const ScopedRelationCell = async ({ cellData, field, i18n, payload }: DefaultServerCellComponentProps) => {
  const collection = 'relationTo' in field && typeof field.relationTo === 'string' ? field.relationTo : null
  const ids = idsOf(cellData)
  // as Payload writes an empty relation: "<Không có Người thực hiện>"
  if (!collection || ids.length === 0) {
    const label = 'label' in field && field.label ? getTranslation(field.label as Parameters<typeof getTranslation>[0], i18n) : 'name' in field ? field.name : ''
    return <span>{i18n.t('general:noLabel', { label })}</span>
  }
  const user = await viewerOf(payload)
  const titles = await Promise.all(ids.map(async (id) => (await readableTitle(payload, user, collection, String(id))) ?? outOfScope({ collection, i18n, payload })))
  return <span>{titles.join(', ')}</span>
}

export const ScopedRelationField = async (props: RelationshipFieldServerProps & { path: string; readOnly?: boolean; schemaPath?: string }) => {
  const { clientField, field, i18n, path, payload, permissions, readOnly, req, schemaPath, value } = props
  const collection = typeof field.relationTo === 'string' ? field.relationTo : null
  const ids = collection ? idsOf(value) : []
  const titles = collection ? await Promise.all(ids.map((id) => readableTitle(payload, req.user, collection, String(id)))) : []
  if (collection && titles.some((title) => title === null)) {
    const text = titles.map((title) => title ?? outOfScope({ collection, i18n, payload })).join(', ')
    return (
      <div className="field-type text read-only" style={rowItemStyle(clientField)}>
        <FieldLabel label={clientField.label} path={path} />
        <div className="field-type__wrap">
          <input disabled id={`field-${path.replace(/\./g, '__')}`} readOnly type="text" value={text} />
        </div>
      </div>
    )
  }
  return <RelationshipField field={clientField as Parameters<typeof RelationshipField>[0]['field']} path={path} permissions={permissions} readOnly={readOnly} schemaPath={schemaPath} />
}
