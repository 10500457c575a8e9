/**
 * Publishing a criteria set checks it with the pure core (duplicate codes, thresholds that fit
 * their measure, points that add up, recognition rules) and refuses it with every field named.
 * Drafts may be incomplete. Also keeps the list of unverified indicators on the document.
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { formatIssuePath, validateCriteriaSet } from '@criteria/index'

import { toCriteriaSetInput, unverifiedCodes, type CriteriaSetDoc } from './toCriteriaSet'

export const validateOnPublish: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const doc = { ...(originalDoc ?? {}), ...data } as CriteriaSetDoc & { _status?: string }
  const unverified = unverifiedCodes({ doc })
  data.unverifiedCount = unverified.length
  data.unverifiedIndicators = unverified.join(', ')
  if (doc._status !== 'published') return data

  const { input, issues } = toCriteriaSetInput({ doc })
  const validation = validateCriteriaSet(input)
  // a threshold the admin typed wrongly is reported once, in the words of the parse error
  const parsedPaths = new Set(issues.map((issue) => formatIssuePath({ path: issue.path })))
  const coreIssues = validation.ok ? [] : validation.issues.filter((issue) => !parsedPaths.has(formatIssuePath({ path: issue.path })))
  const errors = [...issues, ...coreIssues].filter((issue) => issue.severity === 'error')
  if (errors.length > 0) {
    throw new ValidationError({
      collection: 'criteria-sets',
      errors: errors.map((issue) => ({ message: issue.message, path: formatIssuePath({ path: issue.path }) })),
      req,
    }, req.t)
  }
  return data
}
