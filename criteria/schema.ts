/**
 * The zod schema of a criteria set (one regulation × tier × level) and `validateCriteriaSet`.
 * Structure is checked by zod; meaning (duplicate codes, thresholds that fit their measure,
 * points that add up, grade bands, recognition rules) by `checkCriteriaSet`, which runs inside
 * the schema so `criteriaSetSchema` alone refuses a bad set. Every refusal names its field path.
 */
import { z } from 'zod'
import type { Issue } from './issues'
import { makeError } from './issues'
import { measureKindCodes, measureKinds } from './measures/registry'
import { scoringModelCodes } from './models/codes'
import { scoringModels } from './models/registry'
import { validityAnchorCodes, waitMeasuredAtCodes } from './recognitionOptions'
import { isCatalogueCode } from './unitTypes'

export type { ScoringModelCode } from './models/codes'

const codeSchema = z.string().trim().min(1)
const textSchema = z.string().trim().min(1)
const levelSchema = z.literal([1, 2])

/**
 * A unit-type or tier code: any well-formed code (the catalogues hold which exist). A malformed one
 * is refused as `invalid-value`, the message naming the field and the value received.
 */
const catalogueCodeSchema = (name: string) =>
  z.string().refine(isCatalogueCode, { error: (issue) => `${name} không hợp lệ: ${JSON.stringify(issue.input)}.`, params: { code: 'invalid-value' } })

/**
 * A province's own document fixing an indicator's value where the circular's is UNKNOWN or left to
 * it (e.g. `KH 12/KH-UBND ngày 03/01/2025`). The indicator is settled by it only while the stored
 * threshold is the one confirmed.
 */
export const confirmationSchema = z.object({
  /** The confirmed value, written as the indicator's threshold (ratio 0.9, rank code; none for boolean and points). */
  threshold: z.union([z.number(), z.string()]).nullable().default(null),
  documentLabel: textSchema,
})

/**
 * A scoring guide (TT 22: the circular gives only maximum points; provinces write how partial
 * points are given). `step`: 0, step, 2·step, … up to maxPoints, and maxPoints itself; `levels`:
 * exactly the listed points, each named. Checked against maxPoints by `checkCriteriaSet`.
 */
export const rubricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), step: z.number() }),
  z.object({ kind: z.literal('levels'), levels: z.array(z.object({ label: z.string(), points: z.number() })) }),
])

export const indicatorSchema = z.object({
  code: codeSchema,
  /** The regulation's Vietnamese wording. */
  text: textSchema,
  measure: z.enum(measureKindCodes),
  /**
   * Ratio: a number in (0, 1]; rank: a code of `scale`; boolean and points: none. Null on a ratio or
   * rank while the value is UNKNOWN, which only an unverified indicator may be.
   */
  threshold: z.union([z.number(), z.string()]).nullable().default(null),
  /** Points models only: what the indicator is worth. */
  maxPoints: z.number().nullable().default(null),
  /** Rank only: ordered codes, low to high. */
  scale: z.array(codeSchema).default([]),
  /** Unit types the indicator applies to; empty = all. */
  appliesTo: z.array(catalogueCodeSchema('Mã loại đơn vị')).default([]),
  evidenceRequired: z.boolean().default(false),
  /** False until the text, value and applicability are checked against the official text. */
  isVerified: z.boolean().default(false),
  /** Where the wording comes from, e.g. `TT 24/2023 Điều 6.1 [S12]`. */
  source: z.string().nullable().default(null),
  /** A local document fixing the value, or null. */
  confirmation: confirmationSchema.nullable().default(null),
  /** Points only: the scores an answer may take; null = any score in [0, maxPoints] with 2 decimals. */
  rubric: rubricSchema.nullable().default(null),
})

export const criterionSchema = z.object({
  code: codeSchema,
  title: textSchema,
  maxPoints: z.number().nullable().default(null),
  /**
   * Points models only: the group's floor. A complete self-assessment with a group below its floor
   * gets the lowest grade, whatever its total. TT 22 states none (REGULATIONS §3.3): default none.
   */
  minPoints: z.number().nullable().default(null),
  indicators: z.array(indicatorSchema).min(1),
})

export const gradeBandSchema = z.object({
  code: codeSchema,
  label: textSchema,
  /** Inclusive lower bound; the band with the highest bound not above the total applies. */
  minPoints: z.number().min(0),
})

export const recognitionSchema = z.object({
  /** Level a unit must already hold (TT 24/2023: Level 1 before Level 2), or null. */
  prerequisiteLevel: levelSchema.nullable(),
  /** Calendar months between the prerequisite decision and the day `waitMeasuredAt` names. */
  monthsAfterPrerequisite: z.number().int().min(0),
  /**
   * The day the wait is measured at: the unit's application (TT 24/2023 "được đề nghị công nhận
   * mức độ 2 sau ít nhất 1 năm (12 tháng) kể từ ngày ra quyết định công nhận") or the decision's signing.
   */
  waitMeasuredAt: z.enum(waitMeasuredAtCodes).default('application'),
  /** Whether a prerequisite recognition past its validity still counts. REGULATIONS is silent (UNKNOWN): false. */
  expiredPrerequisiteCounts: z.boolean().default(false),
  /** Months the recognition is kept, from `validityAnchor`; null = the result has no validity period (TT 22 yearly grading). */
  validityMonths: z.number().int().min(1).nullable(),
  /** Where the validity months start; TT 24/2023 "tiếp theo năm được công nhận": 1 January after the decision's year. */
  validityAnchor: z.enum(validityAnchorCodes).default('after-decision-year'),
  /** The regulation's own words for the rule. */
  ruleText: z.string().nullable().default(null),
  /** False until the rule is checked against the official text. */
  isVerified: z.boolean().default(false),
  /** Where the rule comes from, e.g. `TT 24/2023 Điều 8 [S13]`. */
  source: z.string().nullable().default(null),
})

const criteriaSetShape = z.object({
  code: codeSchema,
  title: textSchema,
  /** `tt22-2020`, `tt24-2023`, or a province's own regime. */
  regime: codeSchema,
  model: z.enum(scoringModelCodes),
  tier: catalogueCodeSchema('Mã cấp đơn vị').nullable().default(null),
  level: levelSchema.nullable().default(null),
  criteria: z.array(criterionSchema).min(1),
  gradeBands: z.array(gradeBandSchema).default([]),
  recognition: recognitionSchema.nullable().default(null),
})

export type CriteriaSet = z.output<typeof criteriaSetShape>
/** What a seed file or an admin form provides: defaults may be left out. */
export type CriteriaSetInput = z.input<typeof criteriaSetShape>
export type CriterionInput = z.input<typeof criterionSchema>
export type IndicatorInput = z.input<typeof indicatorSchema>
export type Confirmation = z.output<typeof confirmationSchema>
export type Rubric = z.output<typeof rubricSchema>
export type CriterionDefinition = CriteriaSet['criteria'][number]
export type IndicatorDefinition = CriterionDefinition['indicators'][number]
export type GradeBand = CriteriaSet['gradeBands'][number]
export type RecognitionRule = z.output<typeof recognitionSchema>
/** A rule as an admin form or a seed gives it: the fields with defaults may be left out. */
export type RecognitionRuleInput = z.input<typeof recognitionSchema>

/**
 * A confirmation's threshold is written like the indicator's own and checked by the kind the same
 * way; a ratio or rank confirmation must name its value (confirming "no value" settles nothing).
 */
const checkConfirmation = ({ indicator, path }: { indicator: IndicatorDefinition; path: (string | number)[] }): Issue[] => {
  const { confirmation } = indicator
  if (confirmation === null) return []
  const kind = measureKinds[indicator.measure]
  const refusal = (message: string) =>
    makeError({
      code: 'invalid-confirmation-threshold',
      path: [...path, 'confirmation', 'threshold'],
      message: `Chỉ tiêu ${indicator.code}, ngưỡng theo ${confirmation.documentLabel}: ${message}`,
    })
  if (kind.needsThreshold && confirmation.threshold === null) {
    return [refusal('cần ghi ngưỡng mà văn bản này xác nhận.')]
  }
  return kind
    .checkDefinition({ indicator: { ...indicator, threshold: confirmation.threshold } })
    .filter((problem) => problem.field === 'threshold')
    .map((problem) => refusal(problem.message))
}

/** Semantic checks of a structurally valid set; the issues' paths start at the set. */
export const checkCriteriaSet = ({ set }: { set: CriteriaSet }): Issue[] => {
  const issues: Issue[] = []
  const criterionIndexByCode = new Map<string, number>()
  const indicatorPathByCode = new Map<string, string>()

  set.criteria.forEach((criterion, criterionIndex) => {
    const firstIndex = criterionIndexByCode.get(criterion.code)
    if (firstIndex === undefined) {
      criterionIndexByCode.set(criterion.code, criterionIndex)
    } else {
      issues.push(
        makeError({
          code: 'duplicate-criterion-code',
          path: ['criteria', criterionIndex, 'code'],
          message: `Mã tiêu chí "${criterion.code}" bị trùng với tiêu chí thứ ${firstIndex + 1}.`,
        }),
      )
    }

    criterion.indicators.forEach((indicator, indicatorIndex) => {
      const path = ['criteria', criterionIndex, 'indicators', indicatorIndex]
      const firstPath = indicatorPathByCode.get(indicator.code)
      if (firstPath === undefined) {
        indicatorPathByCode.set(indicator.code, path.join('.'))
      } else {
        issues.push(
          makeError({
            code: 'duplicate-indicator-code',
            path: [...path, 'code'],
            message: `Mã chỉ tiêu "${indicator.code}" bị trùng (đã dùng ở ${firstPath}).`,
          }),
        )
      }

      const kind = measureKinds[indicator.measure]
      if (!kind.allowedModels.includes(set.model)) {
        issues.push(
          makeError({
            code: 'measure-not-allowed',
            path: [...path, 'measure'],
            message: `Loại đo "${kind.label}" không dùng được trong bộ tiêu chí "${scoringModels[set.model].label}".`,
          }),
        )
      }
      for (const problem of kind.checkDefinition({ indicator })) {
        issues.push(makeError({ code: problem.code, path: [...path, problem.field, ...(problem.at ?? [])], message: problem.message }))
      }
      issues.push(...checkConfirmation({ indicator, path }))
    })
  })

  issues.push(...scoringModels[set.model].checkSet({ set }))

  const prerequisiteLevel = set.recognition?.prerequisiteLevel ?? null
  if (prerequisiteLevel !== null && (set.level === null || prerequisiteLevel >= set.level)) {
    issues.push(
      makeError({
        code: 'invalid-prerequisite-level',
        path: ['recognition', 'prerequisiteLevel'],
        message: `Mức độ tiên quyết (${prerequisiteLevel}) phải thấp hơn mức độ của bộ tiêu chí (${set.level ?? 'không có'}).`,
      }),
    )
  }
  return issues
}

export const criteriaSetSchema = criteriaSetShape.superRefine((set, context) => {
  for (const issue of checkCriteriaSet({ set })) {
    context.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { code: issue.code } })
  }
})

const vietnameseErrors = z.locales.vi().localeError

const toIssue = (issue: z.core.$ZodIssue): Issue => {
  const customCode = issue.code === 'custom' ? issue.params?.code : undefined
  return makeError({
    code: typeof customCode === 'string' ? customCode : issue.code.replaceAll('_', '-'),
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    message: issue.message,
  })
}

export type CriteriaSetValidation = { ok: true; set: CriteriaSet } | { ok: false; issues: Issue[] }

/** Checks untrusted input (an admin form, a seed file, a request body). Never throws. */
export const validateCriteriaSet = (input: unknown): CriteriaSetValidation => {
  const result = criteriaSetSchema.safeParse(input, { error: vietnameseErrors })
  return result.success ? { ok: true, set: result.data } : { ok: false, issues: result.error.issues.map(toIssue) }
}
