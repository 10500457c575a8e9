/**
 * The demo's earlier years placed in time: moved to the demo's year, never after today, and without a
 * level-2 application the set's rule would refuse on the days that come out.
 */
import { describe, expect, it } from 'vitest'

import { recognitionSchema } from '@criteria/schema'
import { criteriaSetInputs } from '@seed/criteria'
import { demoHistory } from '@seed/demo/history'
import { planDemoHistory } from '@/seed/demoHistory'

const ruleOf = (code: string) => recognitionSchema.parse(criteriaSetInputs.find((set) => set.code === code)?.recognition)
const rules = { 1: ruleOf('tt24-2023-huyen-1'), 2: ruleOf('tt24-2023-huyen-2') }

/** Per round: year, decision day, and each dossier as unit:level@applied. */
const shape = (plan: ReturnType<typeof planDemoHistory>) =>
  plan.map((round) => ({ dossiers: round.dossiers.map((dossier) => `${dossier.unitCode}:${dossier.level}@${dossier.submittedOn}`), signedOn: round.decision.signedOn, year: round.year }))

describe('planDemoHistory', () => {
  it('late in the demo year: both earlier years as written, Xuân Hòa’s level 2 twelve months after its level 1', () => {
    expect(shape(planDemoHistory({ demoYear: 2026, history: demoHistory, rules, today: '2026-11-29' }))).toEqual([
      { dossiers: ['HQ-XH:1@2025-01-03', 'HQ-SH:1@2025-01-06'], signedOn: '2025-01-10', year: 2024 },
      { dossiers: ['HQ-XH:2@2026-01-12', 'HQ-QQ:1@2026-01-08', 'HQ-MNXH:1@2026-01-13'], signedOn: '2026-02-05', year: 2025 },
    ])
  })

  it('moves every day to the demo’s year', () => {
    const plan = planDemoHistory({ demoYear: 2030, history: demoHistory, rules, today: '2030-03-01' })
    expect(plan.map((round) => [round.year, round.decision.signedOn])).toEqual([
      [2028, '2029-01-10'],
      [2029, '2030-02-05'],
    ])
    expect(plan[1].dossiers[0]).toMatchObject({ level: 2, submittedOn: '2030-01-12', unitCode: 'HQ-XH' })
  })

  it('early in January: last year’s round is decided today at the latest, and a level 2 whose twelve months have not passed is left out', () => {
    expect(shape(planDemoHistory({ demoYear: 2026, history: demoHistory, rules, today: '2026-01-09' }))).toEqual([
      { dossiers: ['HQ-XH:1@2025-01-03', 'HQ-SH:1@2025-01-06'], signedOn: '2025-01-10', year: 2024 },
      { dossiers: ['HQ-QQ:1@2026-01-08', 'HQ-MNXH:1@2026-01-09'], signedOn: '2026-01-09', year: 2025 },
    ])
    // from the day the twelve months are complete, the application counts again
    const tenth = planDemoHistory({ demoYear: 2026, history: demoHistory, rules, today: '2026-01-10' })
    expect(shape(tenth)[1].dossiers).toContain('HQ-XH:2@2026-01-10')
  })

  it('follows the set’s own rule: a longer wait leaves the level 2 out', () => {
    const plan = planDemoHistory({ demoYear: 2026, history: demoHistory, rules: { ...rules, 2: { ...rules[2], monthsAfterPrerequisite: 13 } }, today: '2026-11-29' })
    expect(plan[1].dossiers.map((dossier) => dossier.level)).toEqual([1, 1])
  })
})
