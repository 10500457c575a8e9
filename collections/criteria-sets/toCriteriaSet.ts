/**
 * Maps a `criteria-sets` document (as Payload stores and the admin form sends it) to the pure
 * core's input, and back for seeding. Thresholds are typed as text in the admin ("90%"); their
 * parse errors come back as issues on the field, like the core's own.
 */
import type { CriteriaSetInput, Issue } from '@criteria/index'
import { formatThresholdText, parseThresholdText } from '@criteria/thresholdText'
import type { MeasureKindCode } from '@criteria/measures/registry'

type Maybe<T> = T | null | undefined

export type IndicatorDoc = {
  appliesTo?: Maybe<{ unitType?: Maybe<string> }[]>
  code?: Maybe<string>
  evidenceRequired?: Maybe<boolean>
  isVerified?: Maybe<boolean>
  maxPoints?: Maybe<number>
  measure?: Maybe<string>
  scale?: Maybe<{ code?: Maybe<string>; label?: Maybe<string> }[]>
  source?: Maybe<string>
  text?: Maybe<string>
  threshold?: Maybe<string>
}

export type CriteriaSetDoc = {
  code?: Maybe<string>
  criteria?: Maybe<{ code?: Maybe<string>; indicators?: Maybe<IndicatorDoc[]>; maxPoints?: Maybe<number>; title?: Maybe<string> }[]>
  gradeBands?: Maybe<{ code?: Maybe<string>; label?: Maybe<string>; minPoints?: Maybe<number> }[]>
  level?: Maybe<number | string>
  model?: Maybe<string>
  recognition?: Maybe<{ monthsAfterPrerequisite?: Maybe<number>; prerequisiteLevel?: Maybe<number | string>; validityMonths?: Maybe<number> }>
  regime?: Maybe<string>
  tier?: Maybe<string>
  title?: Maybe<string>
}

const levelOf = (value: Maybe<number | string>) => (value === null || value === undefined || value === '' ? null : Number(value))

export const toCriteriaSetInput = ({ doc }: { doc: CriteriaSetDoc }): { input: CriteriaSetInput; issues: Issue[] } => {
  const issues: Issue[] = []
  const criteria = (doc.criteria ?? []).map((criterion, criterionIndex) => ({
    code: criterion.code ?? '',
    indicators: (criterion.indicators ?? []).map((indicator, indicatorIndex) => {
      const parsed = parseThresholdText({ measure: (indicator.measure ?? 'boolean') as MeasureKindCode, text: indicator.threshold })
      if (!parsed.ok) {
        issues.push({
          code: 'invalid-threshold',
          message: `Chỉ tiêu ${indicator.code ?? ''}: ${parsed.message}`,
          path: ['criteria', criterionIndex, 'indicators', indicatorIndex, 'threshold'],
          severity: 'error',
        })
      }
      return {
        appliesTo: (indicator.appliesTo ?? []).map((row) => row.unitType ?? '') as CriteriaSetInput['criteria'][number]['indicators'][number]['appliesTo'],
        code: indicator.code ?? '',
        evidenceRequired: indicator.evidenceRequired ?? false,
        isVerified: indicator.isVerified ?? false,
        maxPoints: indicator.maxPoints ?? null,
        measure: (indicator.measure ?? 'boolean') as MeasureKindCode,
        scale: (indicator.scale ?? []).map((step) => step.code ?? ''),
        source: indicator.source ?? null,
        text: indicator.text ?? '',
        threshold: parsed.ok ? parsed.threshold : null,
      }
    }),
    maxPoints: criterion.maxPoints ?? null,
    title: criterion.title ?? '',
  }))
  const recognition = doc.recognition
  const hasRecognition = Boolean(recognition && (recognition.validityMonths ?? recognition.prerequisiteLevel ?? null) !== null)
  const input: CriteriaSetInput = {
    code: doc.code ?? '',
    criteria,
    gradeBands: (doc.gradeBands ?? []).map((band) => ({ code: band.code ?? '', label: band.label ?? '', minPoints: band.minPoints ?? 0 })),
    level: levelOf(doc.level) as CriteriaSetInput['level'],
    model: (doc.model ?? 'pass-fail') as CriteriaSetInput['model'],
    recognition: hasRecognition
      ? {
          monthsAfterPrerequisite: recognition?.monthsAfterPrerequisite ?? 0,
          prerequisiteLevel: levelOf(recognition?.prerequisiteLevel) as 1 | 2 | null,
          validityMonths: recognition?.validityMonths ?? 36,
        }
      : null,
    regime: doc.regime ?? '',
    tier: (doc.tier || null) as CriteriaSetInput['tier'],
    title: doc.title ?? '',
  }
  return { input, issues }
}

/** The document data for a seeded set: thresholds as the text an administrator would type. */
export const fromCriteriaSetInput = ({ input, scaleLabels }: { input: CriteriaSetInput; scaleLabels: Record<string, string> }) => ({
  code: input.code,
  criteria: input.criteria.map((criterion) => ({
    code: criterion.code,
    indicators: criterion.indicators.map((indicator) => ({
      appliesTo: (indicator.appliesTo ?? []).map((unitType) => ({ unitType })),
      code: indicator.code,
      evidenceRequired: indicator.evidenceRequired ?? false,
      isVerified: indicator.isVerified ?? false,
      maxPoints: indicator.maxPoints ?? null,
      measure: indicator.measure,
      scale: (indicator.scale ?? []).map((code) => ({ code, label: scaleLabels[code] ?? code })),
      source: indicator.source ?? null,
      text: indicator.text,
      threshold: formatThresholdText({ threshold: indicator.threshold ?? null }),
    })),
    maxPoints: criterion.maxPoints ?? null,
    title: criterion.title,
  })),
  gradeBands: (input.gradeBands ?? []).map((band) => ({ ...band })),
  level: input.level ?? null,
  model: input.model,
  recognition: input.recognition ?? { monthsAfterPrerequisite: null, prerequisiteLevel: null, validityMonths: null },
  regime: input.regime,
  tier: input.tier ?? null,
  title: input.title,
})

/** Codes of the indicators not yet checked against the official text. */
export const unverifiedCodes = ({ doc }: { doc: CriteriaSetDoc }) =>
  (doc.criteria ?? []).flatMap((criterion) => (criterion.indicators ?? []).filter((indicator) => !indicator.isVerified).map((indicator) => indicator.code ?? '?'))
