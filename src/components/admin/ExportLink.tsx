'use client'
/**
 * «Xuất Excel (theo bộ lọc đang chọn)» above a list: the list's own query string — its filters,
 * search box and sort — handed to `GET /api/<collection>/export` (collections/exportSheet.ts), so
 * the file holds what the list shows, every page of it.
 */
import { useSearchParams } from 'next/navigation'

export const ExportLink = ({ slug }: { slug: string }) => {
  const params = useSearchParams()
  const query = new URLSearchParams(params?.toString() ?? '')
  // the file holds every row, not the page the list shows
  query.delete('page')
  query.delete('limit')
  const search = query.toString()
  return (
    <p className="list-export" style={{ margin: '0 0 12px' }}>
      <a className="btn btn--style-secondary btn--size-small" download href={`/api/${slug}/export${search ? `?${search}` : ''}`} style={{ margin: 0 }}>
        Xuất Excel (theo bộ lọc đang chọn)
      </a>
    </p>
  )
}
