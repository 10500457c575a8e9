'use client'
/** Shown in an answer row whose indicator does not apply to the unit's type. */
export const NotApplicableNotice = () => (
  <p className="answer-not-applicable" style={{ color: 'var(--theme-elevation-600)', fontStyle: 'italic' }}>
    Chỉ tiêu này không áp dụng cho loại hình của đơn vị; không cần trả lời.
  </p>
)
