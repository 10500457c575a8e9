'use client'
/**
 * "Văn bản": the papers of this dossier, round or decision as download links (Word; PDF where the
 * server has LibreOffice, else said plainly; Excel for the upward report), and the dossier's ZIP.
 * The server checks the access of each; this only lists what the type registry offers.
 */
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { documentTypesFor, type DocumentScope } from '@criteria/documents'

const collectionScopes: Record<string, DocumentScope> = { decisions: 'decision', rounds: 'round', 'self-assessments': 'self-assessment' }
const formatLabels: Record<string, string> = { docx: 'Word', pdf: 'PDF', xlsx: 'Excel' }

export const DocumentButtons = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const criteriaSet = useFormFields(([fields]) => fields.criteriaSet?.value as number | undefined)
  const [canMakePdf, setCanMakePdf] = useState<boolean | null>(null)
  const [regime, setRegime] = useState<string | null>(null)
  useEffect(() => {
    void fetch('/api/document-types', { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { canMakePdf?: boolean }) => setCanMakePdf(Boolean(body.canMakePdf)))
      .catch(() => setCanMakePdf(false))
  }, [])
  useEffect(() => {
    if (!criteriaSet) return
    void fetch(`/api/criteria-sets/${criteriaSet}?depth=0&select[regime]=true`, { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { regime?: string }) => setRegime(body.regime ?? null))
      .catch(() => setRegime(null))
  }, [criteriaSet])
  const scope = collectionScopes[collectionSlug ?? '']
  if (!id || !scope) return null
  // a unit's clerk reads its rounds, but the round's papers are the authority's and the team's
  if (scope === 'round' && (user?.roles ?? []).every((role) => role === 'unit-editor')) return null
  const types = documentTypesFor({ regime, scope })
  const base = `/api/${collectionSlug}/${id}`
  return (
    <div className="document-buttons" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 6px' }}>Văn bản</h4>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {types.map((type) => (
          <li key={type.code} style={{ marginBottom: 6 }}>
            <span>{type.title}: </span>
            {type.formats
              .filter((format) => format !== 'pdf' || canMakePdf)
              .map((format, index) => (
                <span key={format}>
                  {index > 0 ? ' · ' : ''}
                  <a download href={`${base}/documents/${type.code}?format=${format}`}>
                    {formatLabels[format]}
                  </a>
                </span>
              ))}
          </li>
        ))}
      </ul>
      {scope === 'self-assessment' ? (
        <p style={{ margin: '6px 0' }}>
          <a download href={`${base}/dossier.zip`}>
            Tải cả bộ hồ sơ (.zip, kèm minh chứng)
          </a>
        </p>
      ) : null}
      {canMakePdf === false ? (
        <p role="note" style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '4px 0' }}>
          Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF; hãy tải bản Word rồi in hoặc lưu thành PDF.
        </p>
      ) : null}
      <p style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '4px 0' }}>Lưu trước khi tải để văn bản có số liệu mới nhất. Mẫu văn bản: Danh mục › Mẫu văn bản.</p>
    </div>
  )
}
