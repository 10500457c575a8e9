/**
 * Exact arithmetic for thresholds and points. Ratio thresholds are held as integer parts per
 * million (0.9 → 900 000) and compared by cross-multiplication, so 90 % has no float drift;
 * points are held as integer hundredths, so 84.5 + 0.5 is exactly 85.
 */

export const partsPerMillion = 1_000_000

/** Largest member or learner count a ratio answer may carry: keeps every product a safe integer. */
export const maxRatioDenominator = 1_000_000_000

const toScaledInteger = ({ value, scale }: { value: number; scale: number }): number | null => {
  if (!Number.isFinite(value)) return null
  const scaled = value * scale
  const rounded = Math.round(scaled)
  // a tolerance of one millionth of a unit absorbs binary representation error (0.29 * 100)
  return Math.abs(scaled - rounded) <= 1e-6 && Number.isSafeInteger(rounded) ? rounded : null
}

/** 0.9 → 900000; null when the value has more than six decimals. */
export const toPartsPerMillion = (value: number): number | null =>
  toScaledInteger({ value, scale: partsPerMillion })

/** 84.5 → 8450; null when the value has more than two decimals. */
export const toHundredths = (value: number): number | null => toScaledInteger({ value, scale: 100 })

/** ⌈a / b⌉ for a non-negative safe integer a and positive safe integer b, without float division. */
export const ceilDivide = ({ dividend, divisor }: { dividend: number; divisor: number }): number => {
  const remainder = dividend % divisor
  return (dividend - remainder) / divisor + (remainder > 0 ? 1 : 0)
}

/** ⌊a / b⌋ for a non-negative safe integer a and positive safe integer b, without float division. */
export const floorDivide = ({ dividend, divisor }: { dividend: number; divisor: number }): number =>
  (dividend - (dividend % divisor)) / divisor

/** Formats an integer count of 1/10^decimals units the Vietnamese way: 8450, 2 → "84,5". */
export const formatScaled = ({ value, decimals }: { value: number; decimals: number }): string => {
  const scale = 10 ** decimals
  const sign = value < 0 ? '-' : ''
  const magnitude = Math.abs(value)
  const whole = floorDivide({ dividend: magnitude, divisor: scale })
  const fraction = String(magnitude - whole * scale)
    .padStart(decimals, '0')
    .replace(/0+$/, '')
  return fraction ? `${sign}${whole},${fraction}` : `${sign}${whole}`
}

export const formatHundredths = (hundredths: number): string => formatScaled({ value: hundredths, decimals: 2 })

/** 900000 ppm → "90%", 975000 → "97,5%". */
export const formatPartsPerMillionAsPercent = (ppm: number): string => `${formatScaled({ value: ppm, decimals: 4 })}%`

/** n/d as a percentage cut (not rounded) to two decimals, so 8999/10000 shows 89,99% and never 90%. */
export const formatRatioAsPercent = ({ numerator, denominator }: { numerator: number; denominator: number }): string =>
  `${formatScaled({ value: floorDivide({ dividend: numerator * 10_000, divisor: denominator }), decimals: 2 })}%`
