/**
 * A self-assessment's dossier slots (`dossierFiles`): the round's checklist (`rounds.dossier`) as
 * one row per item — the item's row id, its title and whether it is required, copied from the
 * round — with the files the unit attaches. The rows follow the checklist on every save while the
 * dossier is the unit's (criteria/dossier.ts); a request changes only the files. These functions
 * turn stored and sent rows into the core's slots and back, and compare them.
 */
import { mergeSentSlots, syncDossierSlots, type ChecklistItem, type DossierSlot, type SentSlot } from '@criteria/index'

import { relationId } from '../access/roles'

type Maybe<T> = T | null | undefined

export type FileId = number | string

/** A dossier slot as Payload stores it (files as ids or populated documents). */
export type SlotRow = { id?: Maybe<string>; item?: Maybe<string>; title?: Maybe<string>; isRequired?: Maybe<boolean>; files?: Maybe<unknown[]> }

/** A row of the round's checklist. */
export type ChecklistRow = { id?: Maybe<string>; title?: Maybe<string>; isRequired?: Maybe<boolean> }

export const fileIds = (files: Maybe<unknown[]>): FileId[] => (files ?? []).map((value) => relationId(value)).filter((id): id is FileId => id !== null)

/** The round's checklist as the core's items; a row not yet saved (no id) is no item yet. */
export const checklistOf = (dossier: Maybe<ChecklistRow[]>): ChecklistItem[] =>
  (dossier ?? []).filter((row) => row.id).map((row) => ({ id: String(row.id), isRequired: row.isRequired !== false, title: row.title ?? '' }))

export const slotsOf = (rows: Maybe<SlotRow[]>): DossierSlot<FileId>[] =>
  (rows ?? []).map((row) => ({ files: fileIds(row.files), id: row.id ?? null, isRequired: Boolean(row.isRequired), item: row.item ?? '', title: row.title ?? '' }))

const sentSlotsOf = (rows: Maybe<SlotRow[]>): SentSlot<FileId>[] =>
  (rows ?? []).map((row) => ({ files: row.files === undefined ? undefined : row.files === null ? null : fileIds(row.files), id: row.id ?? null, item: row.item ?? null }))

/** The stored form of slots: row id (when it has one), item, title, requirement, file ids. */
export const slotRows = (slots: readonly DossierSlot<FileId>[]): SlotRow[] =>
  slots.map((slot) => ({ ...(slot.id ? { id: slot.id } : {}), files: [...slot.files], isRequired: slot.isRequired, item: slot.item, title: slot.title }))

const slotKey = (slot: DossierSlot<FileId>) => JSON.stringify([slot.id ?? null, slot.item, slot.title, slot.isRequired, slot.files.map(String).sort()])

/** Whether two lists of slots hold the same in the same order (then a save writes nothing to them). */
export const sameSlots = ({ a, b }: { a: readonly DossierSlot<FileId>[]; b: readonly DossierSlot<FileId>[] }) =>
  a.length === b.length && a.every((slot, index) => slotKey(slot) === slotKey(b[index]))

/**
 * The slots a save leaves: the stored ones brought in step with the round's checklist, with the
 * files the request sends; `unknown` lists what the request names that the checklist never had.
 */
export const nextSlots = ({ dossier, stored, sent }: { dossier: Maybe<ChecklistRow[]>; stored: Maybe<SlotRow[]>; sent: Maybe<SlotRow[]> }) => {
  const before = slotsOf(stored)
  const synced = syncDossierSlots({ checklist: checklistOf(dossier), stored: before })
  const { slots, unknown } = mergeSentSlots({ sent: sentSlotsOf(sent), slots: synced, stored: before })
  return { before, slots, unknown }
}

/** The files of `slots` not attached to the same item in `before`, each with where it is. */
export const newlyAttached = ({ before, slots }: { before: readonly DossierSlot<FileId>[]; slots: readonly DossierSlot<FileId>[] }) => {
  const had = new Map(before.map((slot) => [slot.item, new Set(slot.files.map(String))]))
  return slots.flatMap((slot, index) => slot.files.filter((id) => !had.get(slot.item)?.has(String(id))).map((id) => ({ id: String(id), index, slot })))
}

/** What a request's dossierFiles change, for the write rules: only the files count, by item. */
export const changesSlotFiles = ({ previous, value }: { previous: unknown; value: unknown }): boolean => {
  if (!Array.isArray(value)) return value !== undefined && value !== null
  const stored = slotsOf(Array.isArray(previous) ? (previous as SlotRow[]) : [])
  const { slots, unknown } = mergeSentSlots({ sent: sentSlotsOf(value as SlotRow[]), slots: stored, stored })
  return unknown.length > 0 || !sameSlots({ a: slots, b: stored })
}
