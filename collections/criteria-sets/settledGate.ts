/**
 * Unknowns are gated, not guessed (REGULATIONS §0, §9): a round does not open on a criteria set
 * while any of its indicators is unsettled — neither verified against the official text nor
 * confirmed by a local document for its current value. Trying the set out stays possible; so does
 * publishing it. Called from the round's own hook (rounds/hooks.ts) on the move to «Đang mở».
 */
import type { PayloadRequest } from 'payload'

import type { Issue } from '@criteria/index'

import { relationId } from '../access/roles'
import { loadPublishedSet } from './publishedSet'
import { unsettledOfDoc } from './settlement'

/** The refusals of a round's move to `open` (none for any other move), one per unsettled set, on `status`. */
export const unsettledSetsOnOpening = async ({ criteriaSets, from, req, to }: { criteriaSets: unknown[] | null | undefined; from: string; req: PayloadRequest; to: string }): Promise<Issue[]> => {
  if (to !== 'open' || from === 'open') return []
  const issues: Issue[] = []
  for (const id of (criteriaSets ?? []).map(relationId).filter((value): value is number | string => value !== null)) {
    const published = await loadPublishedSet({ id, req })
    // an unpublished set is refused by the round's own transition check
    if (!published || (published.doc as { _status?: string | null })._status !== 'published') continue
    const unsettled = unsettledOfDoc({ doc: published.doc })
    if (unsettled.length === 0) continue
    const list = unsettled.map((entry) => `${entry.code} (${entry.reason})`).join('; ')
    issues.push({
      code: 'unsettled-criteria-set',
      message:
        `Chưa mở đợt được: bộ tiêu chí «${published.doc.code ?? published.doc.title}» còn ${unsettled.length} chỉ tiêu chưa xác định — ${list}. ` +
        'Hãy nhập ngưỡng (hoặc hướng dẫn chấm điểm) và xác nhận bằng văn bản của địa phương ở từng chỉ tiêu, hoặc đánh dấu đã đối chiếu văn bản gốc, rồi xuất bản lại bộ tiêu chí.',
      path: ['status'],
      severity: 'error',
    })
  }
  return issues
}
