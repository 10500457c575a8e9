/* The public pages' root layout: plain HTML in Vietnamese, no admin chrome. */
import type React from 'react'

export const metadata = { title: 'Đơn vị học tập · Công bố công khai' }

const Layout = ({ children }: { children: React.ReactNode }) => (
  <html lang="vi">
    <body style={{ color: '#222', fontFamily: 'system-ui, sans-serif', margin: '0 auto', maxWidth: 1100, padding: '24px 16px' }}>{children}</body>
  </html>
)

export default Layout
