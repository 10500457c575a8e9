/**
 * The registry of measure kinds. Adding a kind = one file implementing `MeasureKind` plus one line
 * here; the schema's `measure` enum and the evaluator pick it up from this object.
 */
import { booleanMeasure } from './boolean'
import { pointsMeasure } from './points'
import { rankMeasure } from './rank'
import { ratioMeasure } from './ratio'
import type { MeasureKind } from './types'

export const measureKinds = {
  boolean: booleanMeasure,
  ratio: ratioMeasure,
  points: pointsMeasure,
  rank: rankMeasure,
} as const satisfies Record<string, MeasureKind>

export type MeasureKindCode = keyof typeof measureKinds

export const measureKindCodes = Object.keys(measureKinds) as [MeasureKindCode, ...MeasureKindCode[]]
