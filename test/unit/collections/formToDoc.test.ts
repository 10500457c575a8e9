import { describe, expect, it } from 'vitest'

import { formToDoc } from '@collections/criteria-sets/formToDoc'
import { unsettledOfDoc } from '@collections/criteria-sets/settlement'
import type { CriteriaSetDoc } from '@collections/criteria-sets/toCriteriaSet'

describe('the criteria-set form read back as a document', () => {
  const fields = {
    code: { value: 'cb-demo' },
    criteria: { rows: [{ id: 'a' }], value: 1 },
    'criteria.0.code': { value: 'TC3' },
    'criteria.0.title': { value: 'Hiệu quả' },
    'criteria.0.indicators': { rows: [{ id: 'b' }, { id: 'c' }], value: 2 },
    'criteria.0.indicators.0.appliesTo': { rows: [], value: 0 },
    'criteria.0.indicators.0.code': { value: 'TC3.CT1' },
    'criteria.0.indicators.0.confirmation.document': { value: 7 },
    'criteria.0.indicators.0.confirmation.documentLabel': { value: 'KH 12/KH-UBND ngày 03/01/2025' },
    'criteria.0.indicators.0.confirmation.threshold': { value: '90%' },
    'criteria.0.indicators.0.isVerified': { value: false },
    'criteria.0.indicators.0.measure': { value: 'ratio' },
    'criteria.0.indicators.0.text': { value: 'Có ít nhất …% Thành viên …' },
    'criteria.0.indicators.0.threshold': { value: '90%' },
    'criteria.0.indicators.1.appliesTo': { rows: [{ id: 'd' }], value: 1 },
    'criteria.0.indicators.1.appliesTo.0.unitType': { value: 'thpt' },
    'criteria.0.indicators.1.code': { value: 'TC3.CT2' },
    'criteria.0.indicators.1.isVerified': { value: false },
    'criteria.0.indicators.1.measure': { value: 'ratio' },
    'criteria.0.indicators.1.text': { value: 'Có ít nhất …% người học …' },
    'criteria.0.indicators.1.threshold': { value: '' },
    model: { value: 'pass-fail' },
  }

  it('keeps the rows of arrays (Payload’s own unflattening keeps only their count)', () => {
    const doc = formToDoc(fields) as { criteria: { code: string; indicators: { code: string; appliesTo: unknown[] }[] }[] }
    expect(doc.criteria).toHaveLength(1)
    expect(doc.criteria[0].indicators.map((indicator) => indicator.code)).toEqual(['TC3.CT1', 'TC3.CT2'])
    expect(doc.criteria[0].indicators[0].appliesTo).toEqual([])
    expect(doc.criteria[0].indicators[1].appliesTo).toEqual([{ unitType: 'thpt' }])
  })

  it('gives the sidebar the same unsettled list the server computes: the confirmed one is settled, the empty one is not', () => {
    const unsettled = unsettledOfDoc({ doc: formToDoc(fields) as CriteriaSetDoc })
    expect(unsettled.map((entry) => entry.code)).toEqual(['TC3.CT2'])
  })
})
