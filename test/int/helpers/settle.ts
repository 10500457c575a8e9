/**
 * Criteria sets a round can open on, for tests about something else: every unsettled indicator of
 * the set (neither verified nor confirmed) gets a value where it has none — a ratio 90 %, a rank the
 * second step of its scale, a points indicator a one-point scoring guide — and is confirmed by a
 * test document, through the product's own confirmation hook. The values are test data, not the law.
 * Idempotent: a settled set is left alone. Tests of the gates themselves use sets of their own.
 */
import type { Payload } from 'payload'

import type { CriteriaSet as CriteriaSetDocument } from '@/payload-types'
import { unsettledOfDoc } from '@collections/criteria-sets/settlement'
import { fromCriteriaSetInput, type CriteriaSetDoc } from '@collections/criteria-sets/toCriteriaSet'
import type { CriteriaSetInput } from '@criteria/index'
import { scaleLabels } from '@seed/criteria/scaleLabels'

const testDocumentNumber = 'KT 01/HD-KT (dữ liệu kiểm thử)'

/** The national test document (no authority: it may confirm any set), made once per database. */
export const testDocument = async ({ payload }: { payload: Payload }) => {
  const { docs } = await payload.find({ collection: 'legal-documents', depth: 0, limit: 1, where: { and: [{ number: { equals: testDocumentNumber } }, { authority: { exists: false } }] } })
  if (docs[0]) return docs[0]
  return payload.create({ collection: 'legal-documents', data: { issuedOn: '2025-01-03T00:00:00.000Z', kind: 'xac-nhan-nguong', number: testDocumentNumber, title: 'Ngưỡng dùng trong kiểm thử, không phải quy định' } })
}

type Indicator = NonNullable<NonNullable<NonNullable<CriteriaSetDocument['criteria']>[number]['indicators']>[number]>

const settled = ({ indicator, document }: { indicator: Indicator; document: number }): Indicator => {
  if (indicator.isVerified) return indicator
  const threshold = (indicator.threshold ?? '').trim()
  const value =
    threshold !== '' ? threshold : indicator.measure === 'ratio' ? '90%' : indicator.measure === 'rank' ? (indicator.scale?.[1]?.code ?? indicator.scale?.[0]?.code ?? '') : ''
  const rubric = indicator.measure === 'points' && !indicator.rubric?.kind ? { kind: 'step' as const, levels: [], step: 1 } : indicator.rubric
  return { ...indicator, confirmation: { ...(indicator.confirmation ?? {}), document }, rubric, threshold: value === '' ? null : value }
}

/** A stored set's criteria with every unsettled indicator given a test value and confirmed by `document` (REST or Local API). */
export const settledCriteria = ({ criteria, document }: { criteria: CriteriaSetDocument['criteria']; document: number }) =>
  (criteria ?? []).map((criterion) => ({ ...criterion, indicators: (criterion.indicators ?? []).map((indicator) => settled({ document, indicator })) }))

/** Confirms every unsettled indicator of the published sets `setIds` (see above); returns nothing. */
export const settleSets = async ({ payload, setIds }: { payload: Payload; setIds: readonly (number | string)[] }) => {
  for (const id of setIds) {
    const set = await payload.findByID({ collection: 'criteria-sets', depth: 0, id })
    if (unsettledOfDoc({ doc: set as CriteriaSetDoc }).length === 0) continue
    const document = (await testDocument({ payload })).id
    const criteria = settledCriteria({ criteria: set.criteria, document })
    await payload.update({ collection: 'criteria-sets', data: { _status: 'published', criteria }, id })
  }
}

/** A published set made from a seed input under its own code (national, or owned by `authority`), as a province's copy would start. */
export const createSetFromSeed = async ({ payload, input, code, authority, change }: { payload: Payload; input: CriteriaSetInput; code: string; authority?: number; change?: (input: CriteriaSetInput) => CriteriaSetInput }) => {
  const data = fromCriteriaSetInput({ input: (change ?? ((same) => same))({ ...input, code, title: `${input.title} — ${code}` }), scaleLabels })
  return payload.create({ collection: 'criteria-sets', data: { ...data, _status: 'published', authority: authority ?? null } as never, depth: 0 })
}
