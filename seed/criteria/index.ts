/**
 * The seeded criteria sets (TT 22/2020 and the four TT 24/2023 sets), checked with the core's
 * schema when this module loads: a seed that does not validate is a programming error and fails
 * loudly here rather than in the database. Also lists the indicators still to be verified.
 */
import type { CriteriaSet, CriteriaSetInput } from '@criteria/schema'
import { formatIssuePath } from '@criteria/issues'
import { validateCriteriaSet } from '@criteria/schema'
import { tt22Set } from './tt22-2020'
import { tt24HuyenLevel1Set } from './tt24-2023-huyen-1'
import { tt24HuyenLevel2Set } from './tt24-2023-huyen-2'
import { tt24TinhLevel1Set } from './tt24-2023-tinh-1'
import { tt24TinhLevel2Set } from './tt24-2023-tinh-2'

export { tt22Set, tt24HuyenLevel1Set, tt24HuyenLevel2Set, tt24TinhLevel1Set, tt24TinhLevel2Set }

/** The raw seed inputs, as an admin would type them (defaults left out). */
export const criteriaSetInputs: readonly CriteriaSetInput[] = [
  tt22Set,
  tt24HuyenLevel1Set,
  tt24HuyenLevel2Set,
  tt24TinhLevel1Set,
  tt24TinhLevel2Set,
]

const parseSeed = (input: CriteriaSetInput): CriteriaSet => {
  const result = validateCriteriaSet(input)
  if (result.ok) return result.set
  const details = result.issues.map((issue) => `${formatIssuePath(issue)}: ${issue.message}`).join('; ')
  throw new Error(`Seed criteria set ${input.code} is invalid: ${details}`)
}

export const criteriaSets: readonly CriteriaSet[] = criteriaSetInputs.map(parseSeed)

export interface UnverifiedIndicator {
  set: string
  indicator: string
  source: string | null
}

/** Every seeded indicator not yet checked against the official text, computed from the data. */
export const unverifiedIndicators: readonly UnverifiedIndicator[] = criteriaSets.flatMap((set) =>
  set.criteria.flatMap((criterion) =>
    criterion.indicators
      .filter((indicator) => !indicator.isVerified)
      .map((indicator) => ({ set: set.code, indicator: indicator.code, source: indicator.source })),
  ),
)
