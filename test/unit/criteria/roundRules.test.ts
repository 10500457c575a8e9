/**
 * Round status rules: the refusals an administrator sees when moving a round, word for word, and
 * which of them apply to which move (only opening needs sets and a deadline). Also the copy to next
 * year's choice of sets, where a wrong regime, tier or owner must never be picked.
 */
import { describe, expect, it } from 'vitest'

import {
  checkRoundTransition,
  pickNewestSets,
  roundStatuses,
  roundStatusesInUse,
  roundStatusLabels,
  roundTransitionList,
  titleForYear,
} from '@criteria/rounds'

import { setSummary } from './fixtures'

const published = { code: 'tt24-2023-huyen-1', isPublished: true }

describe('round statuses', () => {
  it('each has the Vietnamese label the admin shows', () => {
    expect(roundStatuses.map((status) => roundStatusLabels[status])).toEqual(['Đang chuẩn bị', 'Đang nhận hồ sơ', 'Đang đánh giá', 'Đã kết thúc'])
  })

  it('moves forward one step at a time, or back from review to take late dossiers; each move is a named button', () => {
    expect(roundTransitionList.map(({ action, from, to, label }) => `${from} → ${to}: ${action} «${label}»`)).toEqual([
      'draft → open: open «Mở nhận hồ sơ»',
      'open → reviewing: start-review «Chuyển sang đánh giá»',
      'reviewing → open: reopen «Mở lại nhận hồ sơ»',
      'reviewing → closed: close «Kết thúc đợt»',
    ])
  })

  it('a published set is in use while the round takes or reviews dossiers, not while prepared or closed', () => {
    expect([...roundStatusesInUse].sort()).toEqual(['open', 'reviewing'])
  })
})

describe('checkRoundTransition: the messages', () => {
  it.each([
    { from: 'draft', to: 'closed', message: 'Không thể chuyển đợt đánh giá từ «Đang chuẩn bị» sang «Đã kết thúc».' },
    { from: 'open', to: 'draft', message: 'Không thể chuyển đợt đánh giá từ «Đang nhận hồ sơ» sang «Đang chuẩn bị».' },
    { from: 'closed', to: 'reviewing', message: 'Không thể chuyển đợt đánh giá từ «Đã kết thúc» sang «Đang đánh giá».' },
    { from: 'archived', to: 'open', message: 'Không thể chuyển đợt đánh giá từ «archived» sang «Đang nhận hồ sơ».' },
  ])('$from → $to', ({ from, to, message }) => {
    expect(checkRoundTransition({ from, to, criteriaSets: [published], hasSubmissionDeadline: true })).toEqual([
      { code: 'no-such-round-transition', path: ['status'], message, severity: 'error' },
    ])
  })

  it('opening with nothing ready names each missing piece on its field', () => {
    expect(checkRoundTransition({ from: 'draft', to: 'open', criteriaSets: [], hasSubmissionDeadline: false })).toEqual([
      { code: 'no-criteria-sets', path: ['criteriaSets'], message: 'Chọn ít nhất một bộ tiêu chí trước khi mở đợt đánh giá.', severity: 'error' },
      { code: 'no-submission-deadline', path: ['deadlines', 'submission'], message: 'Cần có hạn nộp hồ sơ trước khi mở đợt đánh giá.', severity: 'error' },
    ])
  })

  it('opening with unpublished sets lists each of them', () => {
    const criteriaSets = [published, { code: 'cb-2026-nhap', isPublished: false }, { code: 'cb-2026-nhap-2', isPublished: false }]
    expect(checkRoundTransition({ from: 'reviewing', to: 'open', criteriaSets, hasSubmissionDeadline: true })).toEqual([
      {
        code: 'unpublished-criteria-set',
        path: ['criteriaSets'],
        message: 'Bộ tiêu chí chưa xuất bản, đơn vị chưa dùng được: cb-2026-nhap, cb-2026-nhap-2. Hãy xuất bản trước khi mở đợt.',
        severity: 'error',
      },
    ])
  })

  it.each([
    { from: 'open', to: 'reviewing' },
    { from: 'reviewing', to: 'closed' },
  ])('$from → $to needs neither sets nor a deadline (only opening does)', ({ from, to }) => {
    expect(checkRoundTransition({ from, to, criteriaSets: [{ code: 'nhap', isPublished: false }], hasSubmissionDeadline: false })).toEqual([])
    expect(checkRoundTransition({ from, to, criteriaSets: [], hasSubmissionDeadline: false })).toEqual([])
  })
})

const summary = setSummary

describe('pickNewestSets never crosses regime, tier or owner', () => {
  const current = summary({ id: 1 })
  it.each([
    { name: 'another regime', candidate: summary({ code: 'tt22-2020', createdAt: '2026-01-01T00:00:00.000Z', id: 2, regime: 'tt22-2020' }) },
    { name: 'another tier', candidate: summary({ code: 'tt24-2023-tinh-1', createdAt: '2026-01-01T00:00:00.000Z', id: 2, tier: 'tinh' }) },
    { name: 'another level', candidate: summary({ code: 'tt24-2023-huyen-2', createdAt: '2026-01-01T00:00:00.000Z', id: 2, level: 2 }) },
    { name: 'an unusable province', candidate: summary({ authority: 99, code: 'la-huyen-1', createdAt: '2026-01-01T00:00:00.000Z', id: 2 }) },
    { name: 'a draft', candidate: summary({ code: 'nhap', createdAt: '2026-01-01T00:00:00.000Z', id: 2, isPublished: false }) },
  ])('a newer set of $name is not picked', ({ candidate }) => {
    expect(pickNewestSets({ candidates: [current, candidate], current: [current], usableAuthorities: [10] })).toEqual([current])
  })

  it('a newer national set is picked whatever authorities are usable', () => {
    const newer = summary({ code: 'tt24-2023-huyen-1-2026', createdAt: '2026-01-01T00:00:00.000Z', id: 2 })
    expect(pickNewestSets({ candidates: [current, newer], current: [current], usableAuthorities: [] })).toEqual([newer])
  })

  it('the newest wins in whatever order the candidates come', () => {
    const older = summary({ code: 'b-2025', createdAt: '2025-06-01T00:00:00.000Z', id: 2 })
    const newest = summary({ code: 'c-2026', createdAt: '2026-06-01T00:00:00.000Z', id: 3 })
    for (const candidates of [[current, older, newest], [newest, older, current], [older, newest, current]]) {
      expect(pickNewestSets({ candidates, current: [current], usableAuthorities: [] }).map((set) => set.code)).toEqual(['c-2026'])
    }
  })

  it('of two sets created at the same instant, the first candidate is kept', () => {
    const first = summary({ code: 'first', createdAt: '2026-06-01T00:00:00.000Z', id: 2 })
    const second = summary({ code: 'second', createdAt: '2026-06-01T00:00:00.000Z', id: 3 })
    expect(pickNewestSets({ candidates: [first, second], current: [current], usableAuthorities: [] }).map((set) => set.code)).toEqual(['first'])
    expect(pickNewestSets({ candidates: [second, first], current: [current], usableAuthorities: [] }).map((set) => set.code)).toEqual(['second'])
  })
})

describe('titleForYear', () => {
  it('moves every mention of the year', () => {
    expect(titleForYear({ title: 'Năm 2026: đánh giá ĐVHT năm 2026', fromYear: 2026, toYear: 2027 })).toBe('Năm 2027: đánh giá ĐVHT năm 2027')
  })
})
