/** The admin form's flat field state read back as a document, for panels that judge the set as it stands in the form. */
export type FormFields = Record<string, { value?: unknown; rows?: unknown[] } | undefined>

/**
 * The form's flat state ("criteria.0.indicators.2.code") as the document it stands for. Payload's
 * own unflattening keeps an array field's row count and drops its rows, so it is rebuilt here: a
 * numeric segment makes a list; an array field without rows is an empty list.
 */
export const formToDoc = (fields: FormFields): Record<string, unknown> => {
  const parents = new Set<string>()
  for (const path of Object.keys(fields)) {
    const parts = path.split('.')
    for (let index = 1; index < parts.length; index += 1) parents.add(parts.slice(0, index).join('.'))
  }
  const root: Record<string | number, unknown> = {}
  for (const [path, state] of Object.entries(fields)) {
    if (parents.has(path)) continue
    const parts = path.split('.')
    let node = root as Record<string | number, unknown>
    parts.forEach((part, index) => {
      const key = /^\d+$/.test(part) ? Number(part) : part
      if (index === parts.length - 1) {
        node[key] = state?.rows !== undefined ? [] : state?.value
        return
      }
      if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(parts[index + 1] ?? '') ? [] : {}
      node = node[key] as Record<string | number, unknown>
    })
  }
  return root
}
