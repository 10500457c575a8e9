/** The registry of scoring models, keyed by the set's `model` code. */
import type { ScoringModelCode } from './codes'
import { passFailModel } from './passFail'
import { pointsModel } from './points'
import type { ScoringModel } from './types'

export const scoringModels: Record<ScoringModelCode, ScoringModel> = {
  points: pointsModel,
  'pass-fail': passFailModel,
}
