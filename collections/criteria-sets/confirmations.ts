/**
 * Local confirmations of a criteria set's unsettled values (REGULATIONS §0: an UNKNOWN value stays
 * empty until someone fixes it). An authority-admin picks, per indicator, the local document that
 * fixes its value (threshold, or scoring guide for points); the server — never the request — stamps
 * what was confirmed: the threshold as it stands, how the document is cited, who confirmed and when.
 *
 * - A document must be the set's own authority's, an authority's above it, or national (no authority).
 * - Setting or changing the document, or changing the value while a document is attached, confirms
 *   anew (the confirmer vouches that the document says the new value); removing the document clears
 *   the stamp. Each of these writes an audit event naming the indicator, the value and the document.
 * - A confirmation whose stamped threshold is not the indicator's threshold settles nothing (the
 *   core's `isSettled`, fed by `toCriteriaSet` with the stamp as stored).
 * - The set keeps `unsettledCount`: applicable or not, how many indicators are neither verified nor
 *   confirmed. Publishing with unsettled indicators is allowed (a set can be tried out); opening a
 *   round on it and issuing a decision on it are not (rounds/settledSets.ts, decisions/hooks.ts).
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { writeAuditEvent } from '@hooks/audit'

import { relationId } from '../access/roles'
import { authorityAncestry } from '../access/scope'
import { unsettledOfDoc, valuePhrase } from './settlement'
import type { CriteriaSetDoc, IndicatorDoc } from './toCriteriaSet'

type Maybe<T> = T | null | undefined
type ConfirmationDoc = { document?: unknown; threshold?: Maybe<string>; documentLabel?: Maybe<string>; confirmedBy?: unknown; confirmedAt?: Maybe<string> }
type IndicatorRow = IndicatorDoc & { id?: Maybe<string>; confirmation?: Maybe<ConfirmationDoc> }
type CriterionRow = { code?: Maybe<string>; indicators?: Maybe<IndicatorRow[]> }
type SetData = { authority?: unknown; code?: Maybe<string>; criteria?: Maybe<CriterionRow[]> }

type AuditNote = { action: 'confirm-indicator' | 'unconfirm-indicator'; comment: string; from: string | null; to: string | null }

const contextKey = (id: unknown) => `criteriaSetConfirmations:${String(id ?? 'new')}`

const rubricKey = (indicator: IndicatorDoc) => {
  const rubric = indicator.rubric
  if (!rubric?.kind) return ''
  return rubric.kind === 'step' ? `step:${rubric.step ?? ''}` : `levels:${(rubric.levels ?? []).map((level) => `${level.label ?? ''}=${level.points ?? ''}`).join('|')}`
}

const valueKey = (indicator: IndicatorDoc) => `${(indicator.threshold ?? '').trim()}#${rubricKey(indicator)}`

const fail = ({ errors, req }: { errors: { message: string; path: string }[]; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'criteria-sets', errors, req }, req.t)
}

const emptyStamp = { confirmedAt: null, confirmedBy: null, document: null, documentLabel: null, threshold: null }

export const stampConfirmations: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const original = (operation === 'update' ? (originalDoc ?? {}) : {}) as SetData
  const merged = { ...original, ...data } as SetData & CriteriaSetDoc
  const sent = data.criteria as Maybe<CriterionRow[]>
  if (Array.isArray(sent)) {
    const before = new Map<string, IndicatorRow>()
    for (const criterion of original.criteria ?? []) {
      for (const indicator of criterion.indicators ?? []) {
        if (indicator.id) before.set(`id:${indicator.id}`, indicator)
        if (indicator.code) before.set(`code:${indicator.code}`, indicator)
      }
    }
    const previousOf = (indicator: IndicatorRow) => (indicator.id ? before.get(`id:${indicator.id}`) : undefined) ?? (indicator.code ? before.get(`code:${indicator.code}`) : undefined)

    // the documents named, read once, with the authorities a document may belong to
    const documentIds = [...new Set(sent.flatMap((criterion) => (criterion.indicators ?? []).map((indicator) => relationId(indicator.confirmation?.document)).filter((id) => id !== null)))]
    const { docs: documents } =
      documentIds.length === 0
        ? { docs: [] }
        : await req.payload.find({ collection: 'legal-documents', depth: 0, limit: 0, overrideAccess: true, pagination: false, req, select: { authority: true, label: true }, where: { id: { in: documentIds } } })
    const documentById = new Map(documents.map((document) => [String(document.id), document]))
    const setAuthority = relationId(merged.authority)
    const allowed = new Set((setAuthority === null ? [] : await authorityAncestry({ authorityId: setAuthority, req })).map(String))
    const isCopy = req.context.criteriaSetCopy === true

    const notes: AuditNote[] = []
    const errors: { message: string; path: string }[] = []
    const now = new Date().toISOString()
    const userId = typeof req.user?.id === 'number' ? req.user.id : null
    sent.forEach((criterion, criterionIndex) => {
      ;(criterion.indicators ?? []).forEach((indicator, indicatorIndex) => {
        const path = `criteria.${criterionIndex}.indicators.${indicatorIndex}.confirmation.document`
        const previous = operation === 'update' ? previousOf(indicator) : undefined
        const documentId = relationId(indicator.confirmation?.document)
        const previousDocumentId = relationId(previous?.confirmation?.document)
        const code = indicator.code ?? '?'
        if (documentId === null) {
          indicator.confirmation = { ...emptyStamp }
          if (previousDocumentId !== null) {
            notes.push({ action: 'unconfirm-indicator', comment: `${code}: bỏ xác nhận theo ${previous?.confirmation?.documentLabel ?? ''}`, from: previous?.confirmation?.threshold ?? null, to: null })
          }
          return
        }
        const document = documentById.get(String(documentId))
        if (!document) {
          errors.push({ message: `Chỉ tiêu ${code}: không tìm thấy văn bản xác nhận.`, path })
          return
        }
        const documentAuthority = relationId(document.authority)
        if (documentAuthority !== null && !allowed.has(String(documentAuthority))) {
          if (isCopy) {
            // a copy for another authority does not carry the confirmations of the set it was copied from
            indicator.confirmation = { ...emptyStamp }
            return
          }
          errors.push({
            message: `Chỉ tiêu ${code}: văn bản ${document.label ?? ''} không phải của cấp quản lý sở hữu bộ tiêu chí hoặc cấp trên của nó, nên không xác nhận được ngưỡng của bộ tiêu chí này.`,
            path,
          })
          return
        }
        const isUnchanged = previous !== undefined && previousDocumentId !== null && String(previousDocumentId) === String(documentId) && valueKey(previous) === valueKey(indicator)
        if (isUnchanged) {
          // the stamp is the server's: whatever the request sent, the stored one stays
          const stored = previous?.confirmation ?? {}
          indicator.confirmation = {
            confirmedAt: stored.confirmedAt ?? null,
            confirmedBy: relationId(stored.confirmedBy),
            document: documentId,
            documentLabel: stored.documentLabel ?? document.label ?? null,
            threshold: stored.threshold ?? null,
          }
          return
        }
        const threshold = (indicator.threshold ?? '').trim()
        indicator.confirmation = { confirmedAt: now, confirmedBy: userId, document: documentId, documentLabel: document.label ?? null, threshold: threshold === '' ? null : threshold }
        notes.push({
          action: 'confirm-indicator',
          comment: `${code}: ${valuePhrase({ indicator })} theo ${document.label ?? ''}`,
          from: previous?.confirmation?.threshold ?? null,
          to: threshold === '' ? null : threshold,
        })
      })
    })
    if (errors.length > 0) fail({ errors, req })
    req.context[contextKey(operation === 'create' ? undefined : (originalDoc as { id?: unknown } | undefined)?.id)] = notes
  }
  data.unsettledCount = unsettledOfDoc({ doc: { ...merged, criteria: (sent ?? merged.criteria) as CriteriaSetDoc['criteria'] } }).length
  return data
}

/** The audit trail of the confirmations stamped by `stampConfirmations`, once the set is saved. */
export const auditConfirmations: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const key = contextKey(operation === 'create' ? undefined : doc.id)
  const notes = req.context[key] as AuditNote[] | undefined
  if (!notes) return doc
  delete req.context[key]
  for (const note of notes) {
    await writeAuditEvent({
      event: { action: note.action, authority: relationId(doc.authority), collection: 'criteria-sets', comment: `${doc.code}: ${note.comment}`, docId: doc.id, from: note.from, to: note.to },
      req,
    })
  }
  return doc
}
