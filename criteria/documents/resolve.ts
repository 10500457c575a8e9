/**
 * Which template fills a paper: the most specific wins — one uploaded for the paper's own
 * authority, else the nearest of its parents up the tree, else the default (no authority). At one
 * authority a template made for the round's regime is preferred to one for every regime; a
 * template for another regime never applies. Null: none uploaded, the shell uses the built-in file.
 */
export type TemplateCandidate = { id: number | string; authority: number | string | null; docType: string; regime: string | null; isActive: boolean }

export const pickTemplate = <T extends TemplateCandidate>({
  candidates,
  chain,
  docType,
  regime,
}: {
  candidates: T[]
  /** The paper's authority first, then its parent, up to the root. */
  chain: (number | string)[]
  docType: string
  regime: string | null
}): T | null => {
  const usable = candidates.filter((candidate) => candidate.isActive && candidate.docType === docType && (candidate.regime === null || candidate.regime === regime))
  const at = (authority: number | string | null) => {
    const here = usable.filter((candidate) => String(candidate.authority) === String(authority))
    return here.find((candidate) => candidate.regime !== null) ?? here[0] ?? null
  }
  for (const authority of [...chain, null]) {
    const found = at(authority)
    if (found) return found
  }
  return null
}
