import { describe, expect, it } from 'vitest'

import { chooseSets, daysUntil, describeDaysLeft, dossierStages, expiringSoon, funnelFromCounts, roundFunnel, teamProgress, urgencyOf, type OfferedSet } from '@criteria/dashboard'

describe('roundFunnel: where the round’s units stand', () => {
  it('counts units without a dossier as not started, and each status in its stage', () => {
    const funnel = roundFunnel({
      assessments: [
        { status: 'draft', unit: 1 },
        { status: 'returned', unit: 2 },
        { status: 'submitted', unit: 3 },
        { status: 'in-review', unit: 4 },
        { status: 'reviewed', unit: 5 },
        { status: 'recognised', unit: 6 },
        { status: 'not-recognised', unit: 7 },
      ],
      unitIds: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    })
    expect(Object.fromEntries(funnel.map((stage) => [stage.code, stage.count]))).toEqual({
      decided: 2,
      draft: 2,
      'in-review': 1,
      'not-started': 2,
      reviewed: 1,
      submitted: 1,
    })
    expect(funnel.map((stage) => stage.code)).toEqual(['not-started', 'draft', 'submitted', 'in-review', 'reviewed', 'decided'])
  })

  it('matches units by id whether numbers or strings, and counts a dossier of a unit no longer listed', () => {
    const funnel = roundFunnel({ assessments: [{ status: 'submitted', unit: '1' }, { status: 'draft', unit: 99 }], unitIds: [1, '2'] })
    expect(funnel.find((stage) => stage.code === 'not-started')?.count).toBe(1)
    expect(funnel.find((stage) => stage.code === 'draft')?.count).toBe(1)
    expect(funnel.find((stage) => stage.code === 'submitted')?.count).toBe(1)
  })
})

describe('funnelFromCounts: the funnel from the database’s counts', () => {
  it('sums each stage’s statuses and takes the units without a dossier as given', () => {
    const funnel = funnelFromCounts({ byStatus: { draft: 5, 'not-recognised': 1, recognised: 2, returned: 3, reviewed: 4, submitted: 7 }, notStarted: 11 })
    expect(funnel.map((stage) => [stage.code, stage.count])).toEqual([
      ['not-started', 11],
      ['draft', 8],
      ['submitted', 7],
      ['in-review', 0],
      ['reviewed', 4],
      ['decided', 3],
    ])
  })

  it('gives what roundFunnel counts from the rows, labels and statuses included', () => {
    const assessments = [
      { status: 'draft', unit: 1 },
      { status: 'draft', unit: 2 },
      { status: 'in-review', unit: 3 },
      { status: 'recognised', unit: 4 },
    ]
    expect(funnelFromCounts({ byStatus: { draft: 2, 'in-review': 1, recognised: 1 }, notStarted: 3 })).toEqual(roundFunnel({ assessments, unitIds: [1, 2, 3, 4, 5, 6, 7] }))
  })
})

describe('dossierStages: the dossiers’ stages without "not started" (the system admin’s cards)', () => {
  it('sums each stage’s statuses, in the funnel’s order, and has no "not started" stage', () => {
    const stages = dossierStages({ byStatus: { draft: 5, 'not-recognised': 1, recognised: 2, returned: 3, reviewed: 4, submitted: 7 } })
    expect(stages.map((stage) => [stage.code, stage.count])).toEqual([
      ['draft', 8],
      ['submitted', 7],
      ['in-review', 0],
      ['reviewed', 4],
      ['decided', 3],
    ])
    expect(stages).toEqual(funnelFromCounts({ byStatus: { draft: 5, 'not-recognised': 1, recognised: 2, returned: 3, reviewed: 4, submitted: 7 }, notStarted: 9 }).slice(1))
  })
})

describe('daysUntil and describeDaysLeft', () => {
  it.each([
    { today: '2026-11-29', date: '2026-12-01', days: 2, text: 'còn 2 ngày', urgency: 'soon' },
    { today: '2026-11-29', date: '2026-11-29', days: 0, text: 'hôm nay là ngày cuối', urgency: 'soon' },
    { today: '2026-11-29', date: '2026-11-26', days: -3, text: 'đã quá 3 ngày', urgency: 'past' },
    { today: '2026-12-31', date: '2027-01-15', days: 15, text: 'còn 15 ngày', urgency: 'later' },
    { today: '2028-02-28', date: '2028-03-01', days: 2, text: 'còn 2 ngày', urgency: 'soon' },
  ])('$today → $date: $text', ({ today, date, days, text, urgency }) => {
    expect(daysUntil({ date, today })).toBe(days)
    expect(describeDaysLeft(days)).toBe(text)
    expect(urgencyOf(days)).toBe(urgency)
  })

  it('has no distance without a readable date', () => {
    expect(daysUntil({ date: null, today: '2026-11-29' })).toBeNull()
    expect(daysUntil({ date: '2026-02-30', today: '2026-11-29' })).toBeNull()
    expect(describeDaysLeft(null)).toBe('chưa có hạn')
    expect(urgencyOf(null)).toBe('none')
  })
})

describe('expiringSoon: valid recognitions that end within a year', () => {
  const rows = [
    { id: 'a', status: 'valid', validUntil: '2027-06-30' },
    { id: 'b', status: 'valid', validUntil: '2027-11-29' },
    { id: 'c', status: 'valid', validUntil: '2027-11-30' },
    { id: 'd', status: 'revoked', validUntil: '2027-01-31' },
    { id: 'e', status: 'valid', validUntil: null },
    { id: 'f', status: 'valid', validUntil: '2026-11-28' },
    { id: 'g', status: 'valid', validUntil: '2026-12-31T00:00:00.000Z' },
  ]
  it('keeps those ending from today to a year ahead, soonest first', () => {
    expect(expiringSoon({ rows, today: '2026-11-29' }).map((row) => row.id)).toEqual(['g', 'a', 'b'])
  })
  it('takes another horizon', () => {
    expect(expiringSoon({ months: 2, rows, today: '2026-11-29' }).map((row) => row.id)).toEqual(['g'])
  })
})

describe('chooseSets: the set a unit should start on', () => {
  const level1: OfferedSet = { id: 1, level: 1, recognition: { monthsAfterPrerequisite: 0, prerequisiteLevel: null }, title: 'Mức độ 1' }
  const level2: OfferedSet = { id: 2, level: 2, recognition: { monthsAfterPrerequisite: 24, prerequisiteLevel: 1, waitMeasuredAt: 'application' }, title: 'Mức độ 2' }

  it('recommends level 1 to a unit never recognised, and says why level 2 is not open to it', () => {
    const choices = chooseSets({ offered: [level2, level1], prior: null, today: '2026-11-29' })
    expect(choices.map((choice) => [choice.set.id, choice.isRecommended])).toEqual([
      [1, true],
      [2, false],
    ])
    expect(choices[1].reason).toMatch(/^Mức độ 2: /)
  })

  it('recommends level 2 once a level-1 recognition is old enough and still valid', () => {
    const prior = { decidedOn: '2024-01-15', level: 1, validUntil: '2029-06-30' }
    const choices = chooseSets({ offered: [level1, level2], prior, today: '2026-11-29' })
    expect(choices[0]).toMatchObject({ isRecommended: true, set: { id: 2 } })
    expect(choices[1].isRecommended).toBe(false)
  })

  it('keeps level 1 while the wait is not over', () => {
    const prior = { decidedOn: '2025-12-15', level: 1, validUntil: '2030-06-30' }
    expect(chooseSets({ offered: [level1, level2], prior, today: '2026-11-29' })[0].set.id).toBe(1)
  })

  it('recommends a points set, which has no prerequisite', () => {
    const points: OfferedSet = { id: 9, level: null, recognition: null, title: 'TT 22' }
    expect(chooseSets({ offered: [points], prior: null, today: '2026-11-29' })).toEqual([{ isRecommended: true, reason: expect.stringContaining('không cần điều kiện'), set: points }])
  })
})

describe('teamProgress', () => {
  it('counts members who sent a review, leaves out reviews of non-members, and excuses a declared conflict', () => {
    const team = [{ user: 1 }, { user: 2 }, { user: 3 }]
    expect(teamProgress({ reviews: [{ reviewer: 1 }, { reviewer: 9 }], team })).toEqual({ done: 1, excused: 0, expected: 3 })
    expect(teamProgress({ reviews: [{ reviewer: 1 }, { conflictOfInterest: true, reviewer: '2' }], team })).toEqual({ done: 1, excused: 1, expected: 2 })
  })
})
