'use client'
/**
 * The unit's answers of one dossier as a reviewer reads them beside each verdict: its explanation
 * and its evidence files. Read once per page (every verdict row asks; one request answers them all).
 */
export type UnitAnswer = { explanation: string | null; evidence: { id: number; title: string; url: string | null }[] }

const cache = new Map<string, Promise<Map<string, UnitAnswer>>>()

type Row = { indicator?: string | null; explanation?: string | null; evidence?: ({ id: number; title?: string | null; filename?: string | null; url?: string | null } | number)[] | null }

export const unitAnswers = (selfAssessmentId: string): Promise<Map<string, UnitAnswer>> => {
  const known = cache.get(selfAssessmentId)
  if (known) return known
  const loading = fetch(`/api/self-assessments/${selfAssessmentId}?depth=1&select[answers]=true`, { credentials: 'include' })
    .then((response) => (response.ok ? response.json() : { answers: [] }))
    .then((doc: { answers?: Row[] }) => {
      const byCode = new Map<string, UnitAnswer>()
      for (const row of doc.answers ?? []) {
        byCode.set(row.indicator ?? '', {
          evidence: (row.evidence ?? [])
            .filter((item): item is Exclude<typeof item, number> => typeof item === 'object' && item !== null)
            .map((item) => ({ id: item.id, title: item.title ?? item.filename ?? `Minh chứng ${item.id}`, url: item.url ?? null })),
          explanation: row.explanation ?? null,
        })
      }
      return byCode
    })
    .catch(() => new Map<string, UnitAnswer>())
  cache.set(selfAssessmentId, loading)
  return loading
}
