/**
 * The admin's menu, as Payload draws it, listing only the collections the signed-in user's role
 * works with (collections/access/navigation.ts). Routes and access are untouched.
 */
import type { CollectionSlug, PayloadRequest, ServerProps } from 'payload'
import { DefaultNav } from '@payloadcms/next/rsc'

import { navigableCollections } from '@collections/access/navigation'

export const RoleNav = (props: ServerProps & { req?: PayloadRequest }) => {
  const visible = props.visibleEntities ?? { collections: [], globals: [] }
  // roles from the full principal: `user` is the copy with field read access applied
  const user = props.req?.user ?? props.user
  return <DefaultNav {...props} visibleEntities={{ collections: navigableCollections({ slugs: visible.collections, user }) as CollectionSlug[], globals: visible.globals }} />
}
