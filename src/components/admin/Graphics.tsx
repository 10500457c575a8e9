/**
 * Our mark and name in place of Payload's: the mark (an open book under a roof line — a place of
 * learning) in the admin's header, the mark with "Đơn vị học tập" on the login page. Plain SVG in
 * the theme's text colour, no external asset.
 */
const BookMark = ({ size }: { size: number }) => (
  <svg aria-hidden="true" fill="none" height={size} stroke="currentColor" strokeLinecap="round" strokeLinejoin="round" strokeWidth={2} viewBox="0 0 32 32" width={size}>
    {/* the roof of the school */}
    <path d="M4 11 16 4l12 7" />
    {/* the open book */}
    <path d="M16 14c-3-2-7-2.5-10-2v13c3-.5 7 0 10 2 3-2 7-2.5 10-2V12c-3-.5-7 0-10 2Z" />
    <path d="M16 14v13" />
  </svg>
)

/** The header's mark and name, first in the breadcrumb (Payload's `graphics.Icon`). */
export const AppIcon = () => (
  <span className="app-icon" style={{ alignItems: 'center', color: 'var(--theme-text)', display: 'inline-flex', gap: 6, whiteSpace: 'nowrap' }}>
    <BookMark size={22} />
    <strong style={{ fontSize: 14 }}>Đơn vị học tập</strong>
  </span>
)

/** The login page's logo (Payload's `graphics.Logo`). */
export const AppLogo = () => (
  <div className="app-logo" style={{ alignItems: 'center', color: 'var(--theme-text)', display: 'flex', gap: 14 }}>
    <BookMark size={52} />
    <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2 }}>
      <strong style={{ fontSize: 26 }}>Đơn vị học tập</strong>
      <span style={{ color: 'var(--theme-elevation-600)', fontSize: 14 }}>Đánh giá, công nhận theo TT 24/2023 và TT 22/2020</span>
    </div>
  </div>
)
