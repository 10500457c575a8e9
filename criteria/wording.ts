/**
 * A long wording shortened for a line of a list (a dossier's gaps, a refused submission): the
 * whitespace collapsed, cut at the last space before `max` when that space keeps at least `min`
 * characters, else at `max`, and marked with "…".
 */
export const shortWording = ({ text, max, min }: { text: string; max: number; min: number }): string => {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const space = clean.lastIndexOf(' ', max)
  return `${clean.slice(0, space > min ? space : max)}…`
}
