import type { CSSProperties } from 'react'

/** A field drawn by our own component takes its share of a row as Payload's fields do (its `mergeFieldStyles`). */
export const rowItemStyle = (field: { admin?: { width?: number | string } | null }): CSSProperties =>
  field.admin?.width ? ({ '--field-width': field.admin.width } as CSSProperties) : { flex: '1 1 auto' }
