/**
 * A round's dossier checklist ("Thành phần hồ sơ", REGULATIONS §2.9) as attachment slots in each
 * unit's self-assessment: one slot per checklist item, named by the item's id, carrying the item's
 * title and whether it is required, and the unit's own files. The slots follow the checklist: an
 * item still listed keeps the files the unit attached, an item taken off the list loses its slot,
 * a new item gets an empty one. File ids are opaque here.
 */
import type { Issue } from './issues'
import { makeError } from './issues'

/** One row of the round's checklist. */
export type ChecklistItem = { id: string; title: string; isRequired: boolean }

/** One slot of a unit's dossier. `id` is the slot's own row id, kept across saves. */
export type DossierSlot<F> = { id?: string | null; item: string; title: string; isRequired: boolean; files: F[] }

/** A slot as a request sends it: its item (or its row id) and, when it changes them, its files. */
export type SentSlot<F> = { id?: string | null; item?: string | null; files?: readonly F[] | null }

/** The slots for `checklist`, in its order, keeping the files (and row id) of `stored` by item. */
export const syncDossierSlots = <F>({ checklist, stored }: { checklist: readonly ChecklistItem[]; stored: readonly DossierSlot<F>[] }): DossierSlot<F>[] => {
  const byItem = new Map(stored.map((slot) => [slot.item, slot]))
  return checklist.map((item) => {
    const old = byItem.get(item.id)
    const slot: DossierSlot<F> = { files: old ? [...old.files] : [], isRequired: item.isRequired, item: item.id, title: item.title }
    if (old?.id) slot.id = old.id
    return slot
  })
}

/**
 * The files a request sends merged into `slots` (already synced with the checklist) by item, or by
 * the row id of a slot in `stored` when the item is left out: files left out keep what is there,
 * `null` clears them. A sent slot of an item that was in `stored` but is no longer listed is
 * dropped with its item; one naming anything else comes back in `unknown` (its item or row id).
 */
export const mergeSentSlots = <F>({
  slots,
  stored,
  sent,
}: {
  slots: readonly DossierSlot<F>[]
  stored: readonly DossierSlot<F>[]
  sent: readonly SentSlot<F>[]
}): { slots: DossierSlot<F>[]; unknown: string[] } => {
  const itemByRowId = new Map(stored.filter((slot) => slot.id).map((slot) => [String(slot.id), slot.item]))
  const removed = new Set(stored.map((slot) => slot.item))
  const merged = new Map(slots.map((slot) => [slot.item, { ...slot, files: [...slot.files] }]))
  const unknown: string[] = []
  for (const row of sent) {
    const item = row.item ?? (row.id ? itemByRowId.get(String(row.id)) : undefined) ?? null
    const target = item === null ? undefined : merged.get(item)
    if (!target) {
      if (item === null || !removed.has(item)) unknown.push(item ?? String(row.id ?? ''))
      continue
    }
    if (row.files !== undefined) target.files = [...(row.files ?? [])]
  }
  return { slots: [...merged.values()], unknown }
}

/**
 * Why a dossier cannot be sent for its attachments: each required slot without a file, at
 * `['dossierFiles', index, 'files']`.
 */
export const checkDossierSlots = ({ slots }: { slots: readonly { title: string; isRequired: boolean; fileCount: number }[] }): Issue[] =>
  slots.flatMap((slot, index) =>
    slot.isRequired && slot.fileCount === 0
      ? [makeError({ code: 'dossier-item-missing', message: `Thiếu tài liệu bắt buộc «${slot.title}» trong thành phần hồ sơ.`, path: ['dossierFiles', index, 'files'] })]
      : [],
  )
