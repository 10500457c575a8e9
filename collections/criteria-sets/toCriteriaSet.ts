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
  confirmation?: Maybe<{ document?: unknown; documentLabel?: Maybe<string>; threshold?: Maybe<string> }>
  expectedEvidence?: Maybe<{ title?: Maybe<string> }[]>
  rubric?: Maybe<{ kind?: Maybe<string>; step?: Maybe<number>; levels?: Maybe<{ label?: Maybe<string>; points?: Maybe<number> }[]> }>
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
  criteria?: Maybe<{ code?: Maybe<string>; indicators?: Maybe<IndicatorDoc[]>; maxPoints?: Maybe<number>; minPoints?: Maybe<number>; title?: Maybe<string> }[]>
  gradeBands?: Maybe<{ code?: Maybe<string>; label?: Maybe<string>; minPoints?: Maybe<number> }[]>
  level?: Maybe<number | string>
  model?: Maybe<string>
  recognition?: Maybe<{
    expiredPrerequisiteCounts?: Maybe<boolean>
    isVerified?: Maybe<boolean>
    monthsAfterPrerequisite?: Maybe<number>
    prerequisiteLevel?: Maybe<number | string>
    ruleText?: Maybe<string>
    source?: Maybe<string>
    validityAnchor?: Maybe<string>
    validityMonths?: Maybe<number>
    waitMeasuredAt?: Maybe<string>
  }>
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
      const measure = (indicator.measure ?? 'boolean') as MeasureKindCode
      // a confirmation counts once it names its document; its value is the threshold it was given for
      const confirmation = indicator.confirmation
      const hasConfirmation = Boolean(confirmation && confirmation.document !== null && confirmation.document !== undefined && confirmation.documentLabel)
      const confirmed = hasConfirmation ? parseThresholdText({ measure, text: confirmation?.threshold }) : null
      const rubric = indicator.rubric
      return {
        appliesTo: (indicator.appliesTo ?? []).map((row) => row.unitType ?? ''),
        code: indicator.code ?? '',
        confirmation: hasConfirmation ? { documentLabel: confirmation?.documentLabel ?? '', threshold: confirmed?.ok ? confirmed.threshold : null } : null,
        evidenceRequired: indicator.evidenceRequired ?? false,
        isVerified: indicator.isVerified ?? false,
        maxPoints: indicator.maxPoints ?? null,
        measure,
        rubric:
          rubric?.kind === 'step'
            ? { kind: 'step' as const, step: rubric.step ?? 0 }
            : rubric?.kind === 'levels'
              ? { kind: 'levels' as const, levels: (rubric.levels ?? []).map((level) => ({ label: level.label ?? '', points: level.points ?? 0 })) }
              : null,
        scale: (indicator.scale ?? []).map((step) => step.code ?? ''),
        source: indicator.source ?? null,
        text: indicator.text ?? '',
        threshold: parsed.ok ? parsed.threshold : null,
      }
    }),
    maxPoints: criterion.maxPoints ?? null,
    minPoints: criterion.minPoints ?? null,
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
          expiredPrerequisiteCounts: recognition?.expiredPrerequisiteCounts ?? false,
          isVerified: recognition?.isVerified ?? false,
          monthsAfterPrerequisite: recognition?.monthsAfterPrerequisite ?? 0,
          prerequisiteLevel: levelOf(recognition?.prerequisiteLevel) as 1 | 2 | null,
          ruleText: recognition?.ruleText ?? null,
          source: recognition?.source ?? null,
          validityAnchor: (recognition?.validityAnchor ?? 'after-decision-year') as 'after-decision-year',
          // an empty validity is the set saying "no validity period" (TT 22 grading is yearly)
          validityMonths: recognition?.validityMonths ?? null,
          waitMeasuredAt: (recognition?.waitMeasuredAt ?? 'application') as 'application',
        }
      : null,
    regime: doc.regime ?? '',
    tier: doc.tier || null,
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
      expectedEvidence: [] as { title: string }[],
      evidenceRequired: indicator.evidenceRequired ?? false,
      isVerified: indicator.isVerified ?? false,
      maxPoints: indicator.maxPoints ?? null,
      measure: indicator.measure,
      rubric: indicator.rubric ? (indicator.rubric.kind === 'step' ? { kind: 'step' as const, levels: [], step: indicator.rubric.step } : { kind: 'levels' as const, levels: indicator.rubric.levels.map((level) => ({ ...level })), step: null }) : { kind: null, levels: [], step: null },
      scale: (indicator.scale ?? []).map((code) => ({ code, label: scaleLabels[code] ?? code })),
      source: indicator.source ?? null,
      text: indicator.text,
      threshold: formatThresholdText({ threshold: indicator.threshold ?? null }),
    })),
    maxPoints: criterion.maxPoints ?? null,
    minPoints: criterion.minPoints ?? null,
    title: criterion.title,
  })),
  gradeBands: (input.gradeBands ?? []).map((band) => ({ ...band })),
  level: input.level ?? null,
  model: input.model,
  recognition: input.recognition ? { ...input.recognition } : { monthsAfterPrerequisite: null, prerequisiteLevel: null, validityMonths: null },
  regime: input.regime,
  tier: input.tier ?? null,
  title: input.title,
})

/** Codes of the indicators not yet checked against the official text. */
export const unverifiedCodes = ({ doc }: { doc: CriteriaSetDoc }) =>
  (doc.criteria ?? []).flatMap((criterion) => (criterion.indicators ?? []).filter((indicator) => !indicator.isVerified).map((indicator) => indicator.code ?? '?'))
