/**
 * Our mark and name in place of Payload's (src/admin/brand.ts): in the admin's header and, larger,
 * on the login page. Plain SVG in the theme's text colour.
 */
import { markPaths, productName } from '@/admin/brand'

const BookMark = ({ size }: { size: number }) => (
  <svg aria-hidden="true" fill="none" height={size} stroke="currentColor" strokeLinecap="round" strokeLinejoin="round" strokeWidth={2} viewBox="0 0 32 32" width={size}>
    {markPaths.map((d) => (
      <path d={d} key={d} />
    ))}
  </svg>
)

/** The header's mark and name, first in the breadcrumb (Payload's `graphics.Icon`). */
export const AppIcon = () => (
  <span className="app-icon" style={{ alignItems: 'center', color: 'var(--theme-text)', display: 'inline-flex', gap: 6, whiteSpace: 'nowrap' }}>
    <BookMark size={22} />
    <strong style={{ fontSize: 14 }}>{productName}</strong>
  </span>
)

/** The login page's logo (Payload's `graphics.Logo`). */
export const AppLogo = () => (
  <div className="app-logo" style={{ alignItems: 'center', color: 'var(--theme-text)', display: 'flex', gap: 14 }}>
    <BookMark size={52} />
    <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2 }}>
      <strong style={{ fontSize: 26 }}>{productName}</strong>
      <span style={{ color: 'var(--theme-elevation-600)', fontSize: 14 }}>Đánh giá, công nhận theo TT 24/2023 và TT 22/2020</span>
    </div>
  </div>
)
