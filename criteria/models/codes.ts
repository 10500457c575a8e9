/** Codes of the scoring models: TT 22/2020 scores points and grades; TT 24/2023 passes or fails per level. */
export const scoringModelCodes = ['points', 'pass-fail'] as const

export type ScoringModelCode = (typeof scoringModelCodes)[number]
