/**
 * How a stored criteria set reads as settled or not (collections/criteria-sets/settlement.ts): the
 * confirmation counts for the threshold it stamped, as stored — a threshold changed afterwards is
 * unsettled again — and the basis a result cites names each confirmation applicable to the unit.
 */
import { describe, expect, it } from 'vitest'

import { basisNote, unsettledOfDoc, valuePhrase } from '@collections/criteria-sets/settlement'
import { fromCriteriaSetInput, toCriteriaSetInput, type CriteriaSetDoc } from '@collections/criteria-sets/toCriteriaSet'
import { validateCriteriaSet } from '@criteria/index'
import { tt22Set, tt24HuyenLevel1Set } from '@seed/criteria'
import { scaleLabels } from '@seed/criteria/scaleLabels'

const label = 'KH 12/KH-UBND ngày 03/01/2025'

/** The seeded district Level 1 set as stored, every unverified indicator confirmed by `label` for `values`. */
const confirmedDoc = (values: Record<string, string> = { 'TC3.CT1': '90%', 'TC3.CT3': 'tap-the-lao-dong-tien-tien', 'TC3.CT4': 'dap-ung-co-ban' }) => {
  const doc = fromCriteriaSetInput({ input: tt24HuyenLevel1Set, scaleLabels }) as unknown as CriteriaSetDoc
  for (const criterion of doc.criteria ?? []) {
    for (const indicator of criterion.indicators ?? []) {
      if (indicator.isVerified) continue
      const threshold = values[indicator.code ?? ''] ?? indicator.threshold ?? ''
      indicator.threshold = threshold
      indicator.confirmation = { document: 7, documentLabel: label, threshold: threshold === '' ? null : threshold }
    }
  }
  return doc
}

const indicatorOf = (doc: CriteriaSetDoc, code: string) => (doc.criteria ?? []).flatMap((criterion) => criterion.indicators ?? []).find((indicator) => indicator.code === code)!

describe('unsettledOfDoc', () => {
  it('the seeded set as stored: every unverified indicator, with why', () => {
    const doc = fromCriteriaSetInput({ input: tt24HuyenLevel1Set, scaleLabels }) as unknown as CriteriaSetDoc
    expect(unsettledOfDoc({ doc }).map((entry) => [entry.code, entry.problem])).toEqual([
      ['TC1.CT3', 'not-confirmed'],
      ['TC1.CT5', 'not-confirmed'],
      ['TC2.CT1', 'threshold-not-confirmed'],
      ['TC2.CT2', 'threshold-not-confirmed'],
      ['TC3.CT1', 'no-threshold'],
      ['TC3.CT2', 'not-confirmed'],
      ['TC3.CT3', 'no-threshold'],
      ['TC3.CT4', 'no-threshold'],
    ])
    // a commune: the schools' digital level does not apply
    expect(unsettledOfDoc({ doc, unitType: 'xa' }).map((entry) => entry.code)).not.toContain('TC3.CT4')
  })

  it('confirmed for its values: settled; a threshold changed after the stamp: unsettled, saying both values', () => {
    const doc = confirmedDoc()
    expect(unsettledOfDoc({ doc })).toEqual([])
    indicatorOf(doc, 'TC3.CT1').threshold = '85%'
    expect(unsettledOfDoc({ doc })).toEqual([
      expect.objectContaining({ code: 'TC3.CT1', problem: 'threshold-not-confirmed', reason: `ngưỡng chưa được địa phương xác nhận (${label} xác nhận 90%, khác ngưỡng đang ghi 85%)` }),
    ])
  })

  it('a confirmation without its document settles nothing', () => {
    const doc = confirmedDoc()
    indicatorOf(doc, 'TC1.CT5').confirmation = { document: null, documentLabel: label, threshold: null }
    expect(unsettledOfDoc({ doc }).map((entry) => entry.code)).toEqual(['TC1.CT5'])
  })

  it('TT 22: a points indicator needs its scoring guide, then its confirmation', () => {
    const doc = fromCriteriaSetInput({ input: tt22Set, scaleLabels }) as unknown as CriteriaSetDoc
    const first = indicatorOf(doc, '1.1')
    expect(unsettledOfDoc({ doc })[0]).toMatchObject({ code: '1.1', problem: 'no-rubric' })
    first.rubric = { kind: 'step', levels: [], step: 2.5 }
    expect(unsettledOfDoc({ doc })[0]).toMatchObject({ code: '1.1', problem: 'not-confirmed' })
    first.confirmation = { document: 7, documentLabel: label, threshold: null }
    expect(unsettledOfDoc({ doc })[0].code).toBe('1.2')
    expect(valuePhrase({ indicator: first })).toBe('hướng dẫn chấm theo bước 2.5 điểm')
  })
})

describe('basisNote', () => {
  it('names each local confirmation applicable to the unit, with its value, in the set’s order', () => {
    const doc = confirmedDoc()
    const validation = validateCriteriaSet(toCriteriaSetInput({ doc }).input)
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues))
    expect(basisNote({ doc, set: validation.set, unitType: 'xa' })).toBe(
      [
        `TC1.CT3: đạt/không đạt theo ${label}`,
        `TC1.CT5: đạt/không đạt theo ${label}`,
        `TC2.CT1: ≥ 90% theo ${label}`,
        `TC2.CT2: ≥ 90% theo ${label}`,
        `TC3.CT1: ≥ 90% theo ${label}`,
        `TC3.CT2: đạt/không đạt theo ${label}`,
        `TC3.CT3: từ «Tập thể lao động tiên tiến» trở lên theo ${label}`,
      ].join('; '),
    )
    expect(basisNote({ doc, set: validation.set, unitType: 'thcs' })).toContain(`TC3.CT4: từ «Đáp ứng cơ bản» trở lên theo ${label}`)
  })
})
