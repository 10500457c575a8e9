/**
 * The demo's earlier years (seed/demo/history.ts) placed in time: moved to the demo round's year,
 * never later than today (a demo started on 5 January has not yet seen the decisions of February),
 * in the order their decisions were signed, and without a level-2 application the set's own rule
 * would refuse on the days that come out (the decision would refuse it; the seed leaves it out
 * instead). Pure: the loader (loadDemoHistory.ts) passes today and the rules.
 */
import { checkPrerequisiteOn, validityOf } from '@criteria/recognition'
import { shiftIsoDateByYears } from '@criteria/rounds'
import type { RecognitionRule } from '@criteria/schema'
import { demoHistorySourceYear, type DemoHistoryDossier, type DemoHistoryRound } from '@seed/demo/history'

export type PlannedRound = Omit<DemoHistoryRound, 'yearsBefore'> & { year: number }

const earlier = (a: string, b: string) => (a <= b ? a : b)

export const planDemoHistory = ({
  demoYear,
  history,
  rules,
  today,
}: {
  /** the open demo round's evaluation year (N) */
  demoYear: number
  history: readonly DemoHistoryRound[]
  /** the recognition rule of the set each level is applied for */
  rules: Readonly<Record<1 | 2, RecognitionRule>>
  /** `YYYY-MM-DD` in Vietnam */
  today: string
}): PlannedRound[] => {
  const shift = demoYear - demoHistorySourceYear
  const day = (date: string) => earlier(shiftIsoDateByYears({ date, years: shift }) as string, today)
  const rounds = history
    .map(({ yearsBefore, ...round }) => ({
      ...round,
      decision: { ...round.decision, signedOn: day(round.decision.signedOn) },
      dossiers: round.dossiers.map((dossier) => ({ ...dossier, submittedOn: day(dossier.submittedOn) })),
      year: demoYear - yearsBefore,
    }))
    .sort((a, b) => (a.decision.signedOn < b.decision.signedOn ? -1 : a.decision.signedOn > b.decision.signedOn ? 1 : 0))
  // the register as the planned decisions write it, for the next round's level-2 applications
  const register: { unitCode: string; level: number; decidedOn: string; validUntil: string | null }[] = []
  return rounds.map((round) => {
    const { signedOn } = round.decision
    const isAllowed = (dossier: DemoHistoryDossier) => {
      const rule = rules[dossier.level]
      if (rule.prerequisiteLevel === null) return true
      const prior = register.filter((row) => row.unitCode === dossier.unitCode && row.decidedOn <= signedOn).sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1))[0] ?? null
      return checkPrerequisiteOn({ appliedOn: dossier.submittedOn, level: dossier.level, prior, recognition: rule, signedOn })?.isMet ?? true
    }
    const dossiers = round.dossiers.filter(isAllowed)
    for (const dossier of dossiers) {
      const validity = validityOf({ decidedOn: signedOn, evaluationYear: round.year, rule: rules[dossier.level] })
      register.push({ decidedOn: signedOn, level: dossier.level, unitCode: dossier.unitCode, validUntil: validity.ok ? validity.validUntil : null })
    }
    return { ...round, dossiers }
  })
}
