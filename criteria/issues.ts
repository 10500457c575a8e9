/**
 * Issues: how the pure core reports refusals and warnings, shaped like zod's `{ code, path, message }`
 * so a Payload hook can turn an error into a `ValidationError` on the named field.
 */

export type IssuePath = (string | number)[]

export type IssueSeverity = 'error' | 'warning'

export interface Issue {
  /** Stable, kebab-case: `duplicate-indicator-code`, `unknown-indicator`, `unverified-indicator`… */
  code: string
  /** Where the problem is, e.g. `['criteria', 1, 'indicators', 2, 'threshold']` or `['answers', 'TC3.CT1']`. */
  path: IssuePath
  /** Vietnamese, for the person who has to fix it. */
  message: string
  severity: IssueSeverity
}

export const makeError = ({ code, path, message }: Omit<Issue, 'severity'>): Issue => ({
  code,
  path,
  message,
  severity: 'error',
})

export const makeWarning = ({ code, path, message }: Omit<Issue, 'severity'>): Issue => ({
  code,
  path,
  message,
  severity: 'warning',
})

/** `['criteria', 1, 'indicators', 2, 'threshold']` → `criteria.1.indicators.2.threshold` (Payload field paths). */
export const formatIssuePath = ({ path }: { path: IssuePath }): string => path.join('.')

export const hasErrors = ({ issues }: { issues: readonly Issue[] }): boolean =>
  issues.some((issue) => issue.severity === 'error')
