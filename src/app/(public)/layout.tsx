/* The public pages' root layout: plain HTML in Vietnamese, no admin chrome, system fonts only (public.css). */
import type React from 'react'

import './public.css'

export const metadata = { title: 'Đơn vị học tập · Công bố công khai' }

const Layout = ({ children }: { children: React.ReactNode }) => (
  <html lang="vi">
    <body className="public">
      {children}
      <footer className="public-footer">
        <p>
          Đơn vị học tập — trang công bố công khai kết quả đánh giá, công nhận. Dữ liệu lấy từ sổ công nhận; mỗi cơ quan công nhận quyết định kết quả nào được công bố trên trang
          này.
        </p>
      </footer>
    </body>
  </html>
)

export default Layout
