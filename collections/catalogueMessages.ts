/**
 * The words of a catalogue refusal (tiers, unit types), pure so the units import's row checks
 * (collections/units/importRows.ts) say exactly what a unit's own save says.
 */
export type TierRow = { id: string; label: string }
export type UnitTypeRow = { id: string; label: string; tier: string | null }

/** A value as a message shows it: in «», short, on one line. */
export const shownCode = (value: unknown) => {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).replace(/\s+/g, ' ')
  return `«${text.length > 60 ? `${text.slice(0, 57)}…` : text}»`
}

/** "Cấp huyện" reads "cấp huyện" inside a sentence; a label of another shape is quoted as it is. */
export const tierPhrase = (tier: TierRow | null | undefined, code?: string | null) => {
  if (!tier) return `cấp ${shownCode(code ?? '')}`
  return /^cấp\s/i.test(tier.label) ? `${tier.label.charAt(0).toLowerCase()}${tier.label.slice(1)}` : `cấp ${shownCode(tier.label)}`
}

export const unknownUnitTypeMessage = (code: unknown) => `Loại đơn vị ${shownCode(code)} không có trong danh mục loại đơn vị.`

export const unknownTierMessage = (code: unknown) => `Cấp đơn vị ${shownCode(code)} không có trong danh mục cấp đơn vị.`

/**
 * Null when a unit of `unitType` may be evaluated at the tier `tier`; otherwise the refusal naming
 * both labels (REGULATIONS §2.1): «Trường THPT» là đơn vị cấp tỉnh, không thể là đơn vị cấp huyện.
 * `tierOf` finds a tier row by its code (from the catalogue the caller holds).
 */
export const typeTierMessage = ({ unitType, tier, tierOf }: { unitType: UnitTypeRow; tier: string; tierOf: (code: string) => TierRow | null | undefined }): string | null => {
  if (unitType.tier === null || unitType.tier === tier) return null
  return `«${unitType.label}» là đơn vị ${tierPhrase(tierOf(unitType.tier), unitType.tier)}, không thể là đơn vị ${tierPhrase(tierOf(tier), tier)}.`
}
