'use client'
/** "In danh sách": the browser's print dialog, which takes the register's print stylesheet. */
export const PrintButton = () => (
  <button className="register-button register-button--secondary no-print" onClick={() => window.print()} type="button">
    In danh sách
  </button>
)
