/**
 * What a dossier still lacks before it can be sent, as the clerk reads it: each gap names the
 * indicator by its code and wording (not the bare code) or the document by its title, and links to
 * its row in the form. The same core checks as the submission (`checkSubmission`,
 * `checkDossierSlots`) run on the stored rows, so the list and the refusal never disagree.
 */
import { checkDossierSlots } from '@criteria/dossier'
import type { IndicatorStatus } from '@criteria/results'
import { checkSubmission } from '@criteria/submission'
import { shortWording } from '@criteria/wording'

import { evidenceIds, type AnswerRow } from './answers'

export type DossierGap = { kind: 'answer' | 'evidence' | 'paper'; code: string | null; name: string; problem: string; href: string }

type StoredRow = AnswerRow & { text?: string | null; status?: string | null }
type StoredSlot = { title?: string | null; isRequired?: boolean | null; files?: unknown[] | null }

/** "TC1.CT2 — Có kế hoạch học tập…" cut at a word near `max` characters. */
export const indicatorName = ({ code, text, max = 90 }: { code: string; text?: string | null; max?: number }) => {
  const wording = shortWording({ max, min: 40, text: text ?? '' })
  return wording ? `${code} — ${wording}` : code
}

export const dossierGaps = ({ id, rows, slots }: { id: number | string; rows: readonly StoredRow[]; slots: readonly StoredSlot[] }): DossierGap[] => {
  const indexOf = new Map(rows.map((row, index) => [row.indicator ?? '', index]))
  const issues = checkSubmission({
    answers: rows.map((row) => ({ code: row.indicator ?? '', evidenceCount: evidenceIds(row).length, evidenceRequired: Boolean(row.evidenceRequired), explanation: row.explanation })),
    report: { indicators: rows.map((row) => ({ code: row.indicator ?? '', status: (row.isApplicable === false ? 'not-applicable' : (row.status ?? 'missing')) as IndicatorStatus })) as never },
  })
  // one line per indicator, whatever it lacks
  const gaps: DossierGap[] = []
  for (const issue of issues) {
    const code = String(issue.path[1])
    const index = indexOf.get(code) ?? 0
    const isEvidence = issue.code === 'evidence-missing'
    const problem = isEvidence ? 'cần tệp minh chứng hoặc lời giải trình' : 'chưa trả lời'
    const known = gaps.find((gap) => gap.code === code)
    if (known) {
      known.problem = `${known.problem}; ${problem}`
      continue
    }
    gaps.push({ code, href: `/admin/collections/self-assessments/${id}#answers-row-${index}`, kind: isEvidence ? 'evidence' : 'answer', name: indicatorName({ code, text: rows[index]?.text }), problem })
  }
  const slotIssues = checkDossierSlots({ slots: slots.map((slot) => ({ fileCount: (slot.files ?? []).length, isRequired: Boolean(slot.isRequired), title: slot.title ?? '' })) })
  for (const issue of slotIssues) {
    const index = Number(issue.path[1])
    gaps.push({
      code: null,
      href: `/admin/collections/self-assessments/${id}#dossierFiles-row-${index}`,
      kind: 'paper',
      name: slots[index]?.title ?? '',
      problem: 'chưa đính kèm tài liệu bắt buộc',
    })
  }
  return gaps
}
