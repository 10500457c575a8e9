/**
 * A self-assessment's answer rows: one per indicator of its criteria set, in the set's order, each
 * carrying a snapshot of what the form needs (wording, measure, threshold and the local document it
 * stands on, scale, applicability, whether evidence is required and which evidence is expected) and the unit's answer in the input of its measure. These functions
 * build the rows from the set, turn them into the core's `{ [code]: value }`, and compare them.
 */
import type { MeasureKindCode } from '@criteria/index'
import type { UnitType } from '@criteria/unitTypes'

import { relationId } from '../access/roles'
import type { CriteriaSetDoc } from '../criteria-sets/toCriteriaSet'

type Maybe<T> = T | null | undefined

export type AnswerRow = {
  id?: Maybe<string>
  indicator?: Maybe<string>
  criterion?: Maybe<string>
  text?: Maybe<string>
  measure?: Maybe<string>
  threshold?: Maybe<string>
  /** "Theo <document>": the local document the threshold stands on, when the core counts its confirmation */
  thresholdBasis?: Maybe<string>
  /** the indicator's evidence catalogue (danh mục minh chứng), one "• title" a line */
  expectedEvidence?: Maybe<string>
  maxPoints?: Maybe<number>
  scale?: unknown
  isApplicable?: Maybe<boolean>
  evidenceRequired?: Maybe<boolean>
  status?: Maybe<string>
  yesNo?: Maybe<string>
  numerator?: Maybe<number>
  denominator?: Maybe<number>
  points?: Maybe<number>
  rank?: Maybe<string>
  evidence?: Maybe<unknown[]>
  explanation?: Maybe<string>
}

/** The input field that holds a measure's answer; core issues about an answer point at it. */
export const valueFieldOf: Record<MeasureKindCode, keyof AnswerRow> = { boolean: 'yesNo', points: 'points', rank: 'rank', ratio: 'numerator' }

const answerFields = ['yesNo', 'numerator', 'denominator', 'points', 'rank', 'explanation'] as const

export const evidenceIds = (row: AnswerRow): string[] =>
  (row.evidence ?? []).map((value) => relationId(value)).filter((id) => id !== null).map(String).sort()

/** An indicator's evidence catalogue as the row shows it: one "• title" a line; null when it lists none. */
export const expectedEvidenceText = (catalogue: Maybe<{ title?: Maybe<string> }[]>): string | null => {
  const titles = (catalogue ?? []).map((row) => (row.title ?? '').trim()).filter(Boolean)
  return titles.length === 0 ? null : titles.map((title) => `• ${title}`).join('\n')
}

/**
 * "Theo <document>" on each row whose indicator's result carries a local confirmation (the core
 * counts it only for the very threshold it was given for); null on the others.
 */
export const thresholdBasisOf = (confirmation: string | null | undefined): string | null => (confirmation ? `Theo ${confirmation}` : null)

/**
 * The rows for `set`, keeping the unit's answers from `previous` by indicator code. A new ratio row
 * has the unit's member count as its denominator.
 */
export const buildAnswerRows = ({
  set,
  unitType,
  memberCount,
  previous,
}: {
  set: CriteriaSetDoc
  unitType: UnitType | string
  memberCount: number | null
  previous: readonly AnswerRow[]
}): AnswerRow[] => {
  const byCode = new Map(previous.map((row) => [row.indicator ?? '', row]))
  return (set.criteria ?? []).flatMap((criterion) =>
    (criterion.indicators ?? []).map((indicator) => {
      const code = indicator.code ?? ''
      const old = byCode.get(code)
      const appliesTo = (indicator.appliesTo ?? []).map((row) => row.unitType)
      const measure = indicator.measure ?? 'boolean'
      const row: AnswerRow = {
        criterion: criterion.code ?? '',
        denominator: old ? (old.denominator ?? null) : measure === 'ratio' ? memberCount : null,
        evidence: old ? (old.evidence ?? []).map((value) => relationId(value)).filter((id) => id !== null) : [],
        evidenceRequired: indicator.evidenceRequired ?? false,
        expectedEvidence: expectedEvidenceText(indicator.expectedEvidence),
        explanation: old?.explanation ?? null,
        indicator: code,
        isApplicable: appliesTo.length === 0 || appliesTo.includes(unitType),
        maxPoints: indicator.maxPoints ?? null,
        measure,
        numerator: old?.numerator ?? null,
        points: old?.points ?? null,
        rank: old?.rank ?? null,
        scale: (indicator.scale ?? []).map((step) => ({ code: step.code ?? '', label: step.label ?? step.code ?? '' })),
        text: indicator.text ?? '',
        threshold: indicator.threshold ?? null,
        // written again from the evaluation on every save (thresholdBasisOf): whether a confirmation counts is the core's
        thresholdBasis: old?.thresholdBasis ?? null,
        yesNo: old?.yesNo ?? null,
      }
      if (old?.id) row.id = old.id
      return row
    }),
  )
}

const isBlank = (value: unknown) => value === null || value === undefined || value === ''

/** The core's answers: only applicable rows with something entered. */
export const coreAnswers = ({ rows }: { rows: readonly AnswerRow[] }): Record<string, unknown> => {
  const answers: Record<string, unknown> = {}
  for (const row of rows) {
    if (!row.isApplicable || !row.indicator) continue
    switch (row.measure as MeasureKindCode) {
      case 'boolean':
        if (!isBlank(row.yesNo)) answers[row.indicator] = row.yesNo === 'yes'
        break
      case 'ratio':
        // the denominator comes prefilled: the indicator is answered once the numerator is entered
        if (!isBlank(row.numerator)) answers[row.indicator] = { denominator: row.denominator, numerator: row.numerator }
        break
      case 'points':
        if (!isBlank(row.points)) answers[row.indicator] = row.points
        break
      case 'rank':
        if (!isBlank(row.rank)) answers[row.indicator] = row.rank
        break
    }
  }
  return answers
}

/** What the unit entered in a row, comparable across saves (snapshots and statuses left out). */
const answerKey = (row: AnswerRow) =>
  JSON.stringify([row.indicator ?? '', ...answerFields.map((field) => (isBlank(row[field]) ? null : row[field])), evidenceIds(row)])

/** The codes of the indicators whose answer, evidence or explanation differ. */
export const changedIndicators = ({ before, after }: { before: readonly AnswerRow[]; after: readonly AnswerRow[] }): string[] => {
  const old = new Map(before.map((row) => [row.indicator ?? '', answerKey(row)]))
  const changed = new Set<string>()
  for (const row of after) if (old.get(row.indicator ?? '') !== answerKey(row)) changed.add(row.indicator ?? '')
  for (const row of before) if (!after.some((other) => other.indicator === row.indicator)) changed.add(row.indicator ?? '')
  return [...changed]
}

/** What the unit enters in a row; everything else in a row is the set's snapshot, rebuilt on every save. */
export const enteredFields = ['yesNo', 'numerator', 'denominator', 'points', 'rank', 'evidence', 'explanation'] as const

/**
 * Rows sent by a request merged into the stored ones by indicator code (a row sent without its code
 * is matched by its row id): a row or a value left out keeps what is stored, `null` clears it. A
 * partial update of one indicator never blanks the others. Codes the dossier does not have are
 * returned as `unknown` (compared as map keys, so `__proto__` is just another unknown code).
 */
export const mergeAnswerRows = ({ stored, sent }: { stored: readonly AnswerRow[]; sent: readonly AnswerRow[] }): { rows: AnswerRow[]; unknown: string[] } => {
  const byCode = new Map(stored.map((row) => [row.indicator ?? '', row]))
  const codeById = new Map(stored.filter((row) => row.id).map((row) => [String(row.id), row.indicator ?? '']))
  const incoming = new Map<string, AnswerRow>()
  const unknown: string[] = []
  for (const row of sent) {
    const code = row.indicator ?? (row.id ? codeById.get(String(row.id)) : undefined) ?? ''
    if (!byCode.has(code)) {
      unknown.push(code)
      continue
    }
    incoming.set(code, { ...incoming.get(code), ...row })
  }
  const rows = stored.map((row) => {
    const update = incoming.get(row.indicator ?? '')
    if (!update) return row
    const merged: AnswerRow = { ...row }
    for (const field of enteredFields) if (update[field] !== undefined) (merged as Record<string, unknown>)[field] = update[field]
    return merged
  })
  return { rows, unknown }
}

const rowFields = ['id', 'indicator', 'criterion', 'text', 'measure', 'threshold', 'thresholdBasis', 'expectedEvidence', 'maxPoints', 'scale', 'isApplicable', 'evidenceRequired', 'status', ...answerFields] as const

const rowKey = (row: AnswerRow) => JSON.stringify([...rowFields.map((field) => (isBlank(row[field]) ? null : row[field])), evidenceIds(row)])

/**
 * Whether two lists of rows hold the same thing in the same order, snapshot and status included:
 * then a save has nothing to write to the rows (a transition, a change of another field).
 */
export const sameRows = ({ a, b }: { a: readonly AnswerRow[]; b: readonly AnswerRow[] }) => a.length === b.length && a.every((row, index) => rowKey(row) === rowKey(b[index]))
