'use client'
/** Beside a verdict: what the unit wrote to explain its answer, and its evidence files to open. */
import { useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { unitAnswers, type UnitAnswer } from './dossierAnswers'

export const UnitEvidenceNote = ({ path }: { path?: string }) => {
  const rowPath = (path ?? '').replace(/\.[^.]+$/, '')
  const code = useFormFields(([fields]) => fields[`${rowPath}.indicator`]?.value) as string | undefined
  const dossier = useFormFields(([fields]) => fields.selfAssessment?.value) as number | string | { id: number } | undefined
  const dossierId = typeof dossier === 'object' && dossier !== null ? String(dossier.id) : dossier ? String(dossier) : null
  const [answer, setAnswer] = useState<UnitAnswer | null | undefined>(undefined)
  useEffect(() => {
    if (!dossierId || !code) return
    let isCurrent = true
    void unitAnswers(dossierId).then((answers) => isCurrent && setAnswer(answers.get(code) ?? null))
    return () => {
      isCurrent = false
    }
  }, [dossierId, code])
  if (!code || answer === undefined) return null
  return (
    <div className="unit-evidence-note" data-testid="unit-evidence-note" style={{ background: 'var(--theme-elevation-50)', borderRadius: 4, marginBottom: 16, padding: '8px 12px' }}>
      <div>
        <strong>Giải trình của đơn vị:</strong> {answer?.explanation?.trim() ? answer.explanation : <em>không có</em>}
      </div>
      <div>
        <strong>Minh chứng:</strong>{' '}
        {answer && answer.evidence.length > 0 ? (
          answer.evidence.map((item, index) => (
            <span key={item.id}>
              {index > 0 ? '; ' : ''}
              {item.url ? (
                <a href={item.url} rel="noreferrer" target="_blank">
                  {item.title}
                </a>
              ) : (
                item.title
              )}
            </span>
          ))
        ) : (
          <em>không có tệp</em>
        )}
      </div>
    </div>
  )
}
