import { describe, expect, it } from 'vitest'

import {
  checkRoundTransition,
  describePlanTiming,
  pickNewestSets,
  shiftIsoDateByYears,
  titleForYear,
} from '@criteria/rounds'

import { setSummary } from './fixtures'

const published = [{ code: 'tt24-2023-huyen-1', isPublished: true }]

describe('checkRoundTransition', () => {
  it.each([
    ['draft', 'open'],
    ['open', 'reviewing'],
    ['reviewing', 'open'],
    ['reviewing', 'closed'],
    ['open', 'open'],
  ])('%s → %s is allowed', (from, to) => {
    expect(checkRoundTransition({ from, to, criteriaSets: published, hasSubmissionDeadline: true })).toEqual([])
  })

  it.each([
    ['draft', 'closed'],
    ['draft', 'reviewing'],
    ['open', 'draft'],
    ['closed', 'open'],
    ['closed', 'draft'],
  ])('%s → %s is refused on the status field', (from, to) => {
    const issues = checkRoundTransition({ from, to, criteriaSets: published, hasSubmissionDeadline: true })
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['no-such-round-transition', 'status']])
  })

  it('opening needs a set, every set published and a submission deadline, each named', () => {
    expect(checkRoundTransition({ from: 'draft', to: 'open', criteriaSets: [], hasSubmissionDeadline: false }).map((issue) => issue.path.join('.'))).toEqual([
      'criteriaSets',
      'deadlines.submission',
    ])
    const issues = checkRoundTransition({
      from: 'draft',
      to: 'open',
      criteriaSets: [...published, { code: 'ban-nhap', isPublished: false }],
      hasSubmissionDeadline: true,
    })
    expect(issues).toHaveLength(1)
    expect(issues[0].message).toContain('ban-nhap')
    expect(issues[0].message).not.toContain('tt24-2023-huyen-1')
  })
})

describe('shiftIsoDateByYears', () => {
  it.each([
    ['2022-01-04', 1, '2023-01-04'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2023-02-28', 1, '2024-02-28'],
    ['2027-12-31', -1, '2026-12-31'],
  ])('%s + %i year → %s', (date, years, expected) => {
    expect(shiftIsoDateByYears({ date, years })).toBe(expected)
  })

  it.each([null, undefined, '', '2025-13-01', '04/01/2022'])('%s is not a date → null', (date) => {
    expect(shiftIsoDateByYears({ date, years: 1 })).toBeNull()
  })
})

describe('describePlanTiming reproduces the column of seed 001', () => {
  it.each([
    [{ due: '2022-01-04', kind: 'on' }, '04/01/2022'],
    [{ start: '2022-01-10', due: '2022-01-13', kind: 'on' }, 'Từ ngày 10/01/2022 đến ngày 13/01/2022'],
    [{ due: '2022-02-20', kind: 'before' }, 'Trước ngày 20/02/2022'],
    [{ due: '2022-02-20', kind: 'by' }, 'Đến hết ngày 20/02/2022'],
    [{ start: '2022-01-10' }, 'Từ ngày 10/01/2022'],
    [{}, ''],
  ])('%o → %s', (timing, expected) => {
    expect(describePlanTiming(timing)).toBe(expected)
  })
})

const set = setSummary

describe('pickNewestSets', () => {
  const national1 = set({ id: 1 })
  const national2 = set({ code: 'tt24-2023-huyen-2', id: 2, level: 2 })

  it('takes the newest published copy of the same regime, tier and level that the authority may use', () => {
    const provinceCopy = set({ authority: 10, code: 'cb-2026-huyen-1', createdAt: '2026-03-01T00:00:00.000Z', id: 3 })
    const otherProvince = set({ authority: 99, code: 'la-2026-huyen-1', createdAt: '2026-06-01T00:00:00.000Z', id: 4 })
    const newerDraft = set({ authority: 10, code: 'cb-2027-nhap', createdAt: '2026-09-01T00:00:00.000Z', id: 5, isPublished: false })
    const otherLevel = set({ authority: 10, code: 'cb-2026-huyen-2', createdAt: '2026-03-01T00:00:00.000Z', id: 6, level: 2 })
    const picked = pickNewestSets({
      candidates: [national1, national2, provinceCopy, otherProvince, newerDraft, otherLevel],
      current: [national1, national2],
      usableAuthorities: [10, 11],
    })
    expect(picked.map((picked) => picked.code)).toEqual(['cb-2026-huyen-1', 'cb-2026-huyen-2'])
  })

  it('keeps a set that has no published successor, and never lists one set twice', () => {
    expect(pickNewestSets({ candidates: [], current: [national1], usableAuthorities: [] })).toEqual([national1])
    const copyA = set({ id: 7, createdAt: '2026-01-01T00:00:00.000Z', authority: 10 })
    expect(pickNewestSets({ candidates: [national1, copyA], current: [national1, copyA], usableAuthorities: [10] }).map((s) => s.id)).toEqual([7])
  })
})

describe('titleForYear', () => {
  it('moves the evaluation year in the title, or adds it', () => {
    expect(titleForYear({ title: 'Đánh giá Đơn vị học tập năm 2026', fromYear: 2026, toYear: 2027 })).toBe('Đánh giá Đơn vị học tập năm 2027')
    expect(titleForYear({ title: 'Đánh giá Đơn vị học tập', fromYear: 2026, toYear: 2027 })).toBe('Đánh giá Đơn vị học tập (2027)')
    expect(titleForYear({ title: 'Đợt 12026', fromYear: 2026, toYear: 2027 })).toBe('Đợt 12026 (2027)')
  })
})
