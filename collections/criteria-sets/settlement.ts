/**
 * What a criteria set still leaves open, read from the document as stored or as the admin form holds
 * it (pure: the sidebar notice runs it in the browser, the hooks on the server): the indicators
 * neither verified nor confirmed by a local document, with why, and the confirmations a result rests on.
 */
import { formatThresholdText, indicatorSchema, isApplicable, isSettled, unsettledIndicators } from '@criteria/index'
import type { CriteriaSet, UnitType, UnsettledIndicator } from '@criteria/index'

import { toCriteriaSetInput, type CriteriaSetDoc, type IndicatorDoc } from './toCriteriaSet'

/** The value an indicator's confirmation is about, as an admin reads it: "≥ 90%", "≥ tap-the-lao-dong-tien-tien", a scoring guide. */
export const valuePhrase = ({ indicator }: { indicator: IndicatorDoc }): string => {
  const threshold = (indicator.threshold ?? '').trim()
  if (indicator.measure === 'points') {
    const rubric = indicator.rubric
    if (rubric?.kind === 'step' && rubric.step != null) return `hướng dẫn chấm theo bước ${rubric.step} điểm`
    if (rubric?.kind === 'levels') return `hướng dẫn chấm theo các mức ${(rubric.levels ?? []).map((level) => `${level.label ?? ''} (${level.points ?? 0} điểm)`).join(', ')}`
    return 'chưa có hướng dẫn chấm'
  }
  if (threshold === '') return indicator.measure === 'boolean' ? 'đạt/không đạt' : 'chưa có ngưỡng'
  if (indicator.measure === 'rank') {
    const label = (indicator.scale ?? []).find((step) => step.code === threshold)?.label
    return `từ «${label ?? threshold}» trở lên`
  }
  return `≥ ${threshold}`
}

/**
 * The set's indicators that are neither verified nor confirmed for their current value, with why
 * (the core's `unsettledIndicators`), applicable to `unitType` when given. Indicators are read one by
 * one, so a draft that does not validate as a whole still gets its count; an indicator that cannot
 * be read at all counts as unsettled.
 */
export const unsettledOfDoc = ({ doc, unitType }: { doc: CriteriaSetDoc; unitType?: UnitType | null }): UnsettledIndicator[] => {
  const { input } = toCriteriaSetInput({ doc })
  const unreadable: UnsettledIndicator[] = []
  const criteria = input.criteria.map((criterion) => ({
    code: criterion.code,
    indicators: criterion.indicators.flatMap((indicator) => {
      const parsed = indicatorSchema.safeParse(indicator)
      if (parsed.success) return [parsed.data]
      const reason = 'chưa nhập đủ nội dung, cách đo'
      unreadable.push({ code: indicator.code || '?', criterionCode: criterion.code, message: `Chỉ tiêu ${indicator.code || '?'}: ${reason}.`, problem: 'not-confirmed', reason })
      return []
    }),
  }))
  const set = { criteria } as unknown as CriteriaSet
  return [...unsettledIndicators({ set, unitType: unitType ?? null }), ...(unitType ? [] : unreadable)]
}

/** "TC3.CT1: ≥ 90% theo KH 12/KH-UBND ngày 03/01/2025; …": the local confirmations a unit's result rests on. */
export const basisNote = ({ doc, set, unitType }: { doc: CriteriaSetDoc; set: CriteriaSet; unitType: UnitType }): string => {
  const rows = new Map((doc.criteria ?? []).flatMap((criterion) => (criterion.indicators ?? []).map((indicator) => [indicator.code ?? '', indicator] as const)))
  return set.criteria
    .flatMap((criterion) => criterion.indicators)
    .filter((indicator) => !indicator.isVerified && indicator.confirmation !== null && isApplicable({ indicator, unitType }) && isSettled(indicator))
    .map((indicator) => {
      const row = rows.get(indicator.code)
      const value = row ? valuePhrase({ indicator: row }) : formatThresholdText({ threshold: indicator.threshold })
      return `${indicator.code}: ${value} theo ${indicator.confirmation?.documentLabel ?? ''}`
    })
    .join('; ')
}
