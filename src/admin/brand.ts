/**
 * Our name and mark, for the admin's pages and the browser tab: a roof line over an open book (a
 * place of learning), drawn with three strokes on a 32 × 32 grid. No external asset.
 */
export const productName = 'Đơn vị học tập'

export const productDescription = 'Đánh giá, công nhận “Đơn vị học tập” theo Thông tư 24/2023 và Thông tư 22/2020 của Bộ GDĐT'

/** The mark's strokes (SVG path data, 32 × 32, stroked, no fill). */
export const markPaths = ['M4 11 16 4l12 7', 'M16 14c-3-2-7-2.5-10-2v13c3-.5 7 0 10 2 3-2 7-2.5 10-2V12c-3-.5-7 0-10 2Z', 'M16 14v13'] as const

/** The mark as an SVG data address, for the browser tab's icon. */
export const markIconUrl = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" fill="none" stroke="#1f2937" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round">${markPaths.map((d) => `<path d="${d}"/>`).join('')}</svg>`,
)}`
