/**
 * A published criteria set that units are answering in an open round is not changed in place:
 * publishing a change to it is refused (saving a draft is fine and is published after the round,
 * or the set is copied), and a set any round uses is never deleted.
 */
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { roundStatusesInUse } from '@criteria/rounds'

const roundsUsing = async ({ id, req, statuses }: { id: number | string; req: PayloadRequest; statuses?: readonly string[] }) => {
  const { docs } = await req.payload.find({
    collection: 'rounds',
    depth: 0,
    limit: 5,
    overrideAccess: true,
    req,
    select: { title: true },
    where: { and: [{ criteriaSets: { in: [id] } }, ...(statuses ? [{ status: { in: [...statuses] } }] : [])] },
  })
  return docs.map((round) => `«${round.title}»`)
}

export const guardPublishedInUse: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || data._status !== 'published') return data
  const rounds = await roundsUsing({ id: originalDoc.id, req, statuses: roundStatusesInUse })
  if (rounds.length === 0) return data
  throw new ValidationError(
    {
      collection: 'criteria-sets',
      errors: [
        {
          message: `Bộ tiêu chí đang được dùng trong đợt đánh giá ${rounds.join(', ')}, không sửa trực tiếp bản đã xuất bản. Hãy lưu bản nháp và xuất bản khi đợt kết thúc, hoặc tạo bản sao cho đợt sau.`,
          path: '_status',
        },
      ],
      req,
    },
    req.t,
  )
}

export const keepSetsInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const rounds = await roundsUsing({ id, req })
  if (rounds.length === 0) return
  throw new ValidationError(
    { collection: 'criteria-sets', errors: [{ message: `Bộ tiêu chí đã được dùng trong đợt đánh giá ${rounds.join(', ')}, không xóa được.`, path: 'code' }], req },
    req.t,
  )
}
