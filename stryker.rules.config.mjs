/**
 * Mutation testing of the access and workflow rules (`npm run mutate:rules`); fails below 80 %:
 * the self-assessment workflow, submission checks, the authority tree, the round status rules,
 * and the field-write rules and access policies (criteria/fieldRules.ts, criteria/policy/**).
 * A pattern that matches nothing (a file renamed or removed) is only a warning.
 */
import { readFileSync } from 'node:fs'

import { strykerTarget } from './stryker.shared.mjs'

/**
 * rounds.ts also holds plan wording and "copy to next year"; only its status rules belong here:
 * from the top of the file to the end of `checkRoundTransition`, found by name so edits above or
 * inside it move the range with them. The whole file if the function is not found.
 */
const roundStatusRules = () => {
  const file = 'criteria/rounds.ts'
  const lines = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').split('\n')
  const start = lines.findIndex((line) => line.startsWith('export const checkRoundTransition'))
  const end = start === -1 ? -1 : lines.findIndex((line, index) => index > start && /^}\s*$/.test(line))
  return end === -1 ? file : `${file}:1-${end + 1}`
}

export default strykerTarget({
  name: 'rules',
  mutate: [
    'criteria/workflow.ts',
    'criteria/submission.ts',
    'criteria/authorityTree.ts',
    roundStatusRules(),
    'criteria/fieldRules.ts',
    'criteria/policy/**/*.ts',
  ],
  thresholds: { high: 90, low: 80, break: 80 },
})
