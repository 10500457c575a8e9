/**
 * A REST list of self-assessments leaves out what only the dossier's own page needs: the answer
 * rows (the regulation's wording of every indicator) and the computed results. Fifty dossiers with
 * them were 1.64 MB (issue 10). A client that wants them asks with `select` (for example
 * `select[answers]=true`), or reads one dossier by id. The Local API, GraphQL (which selects by
 * its query) and reads by id are untouched.
 */
import type { CollectionBeforeOperationHook } from 'payload'

export const heavyFields = ['answers', 'result', 'teamResult'] as const

export const lightRestLists: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const listArgs = args as { id?: unknown; select?: unknown }
  if (operation !== 'read' || req.payloadAPI !== 'REST' || listArgs.id !== undefined || listArgs.select !== undefined) return args
  return { ...args, select: Object.fromEntries(heavyFields.map((field) => [field, false])) }
}
