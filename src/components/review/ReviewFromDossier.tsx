'use client'
/**
 * In a dossier's sidebar, for a member of the evaluation team while it is in review: "Tạo phiếu
 * đánh giá" (the review of this dossier, opened at once), or a link to the review already begun.
 */
import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { CreateAndOpen } from '../dashboard/CreateAndOpen'

export const ReviewFromDossier = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ id: number; roles?: string[] }>()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const isReviewer = Boolean(user?.roles?.includes('reviewer'))
  const [own, setOwn] = useState<{ id: number } | null | undefined>(undefined)
  useEffect(() => {
    if (!id || !user || !isReviewer || status !== 'in-review') return
    void fetch(`/api/reviews?depth=0&limit=1&select[id]=true&where[selfAssessment][equals]=${id}&where[reviewer][equals]=${user.id}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: { id: number }[] }) => setOwn(body.docs?.[0] ?? null))
      .catch(() => setOwn(null))
  }, [id, user, isReviewer, status])
  if (!id || !isReviewer || status !== 'in-review' || own === undefined) return null
  return (
    <div className="review-from-dossier" data-testid="review-from-dossier" style={{ marginBottom: 24 }}>
      {own ? (
        <a className="btn btn--style-secondary btn--size-small" href={`/admin/collections/reviews/${own.id}`} style={{ margin: 0 }}>
          Mở phiếu đánh giá của bạn
        </a>
      ) : (
        <CreateAndOpen collection="reviews" data={{ selfAssessment: id }} label="Tạo phiếu đánh giá" />
      )}
    </div>
  )
}
