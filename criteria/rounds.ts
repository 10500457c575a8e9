/**
 * Assessment rounds as data: their statuses and allowed changes, the evaluation team's roles,
 * the plan's timing wording, and "copy this round to next year" (dates shifted by whole years,
 * criteria sets replaced by the newest published ones of the same kind). Pure: the caller passes
 * the documents in and saves what comes out.
 */
import type { Issue } from './issues'
import { makeError } from './issues'
import { daysInMonth, formatIsoDate, formatVietnameseDate, parseIsoDate } from './calendar'

export const roundStatuses = ['draft', 'open', 'reviewing', 'closed'] as const
export type RoundStatus = (typeof roundStatuses)[number]

export const roundStatusLabels: Record<RoundStatus, string> = {
  draft: 'Đang chuẩn bị',
  open: 'Đang nhận hồ sơ',
  reviewing: 'Đang đánh giá',
  closed: 'Đã kết thúc',
}

/** Forward one step at a time; a round under review may be reopened for late dossiers. */
export const roundTransitionList: readonly { action: string; label: string; from: RoundStatus; to: RoundStatus }[] = [
  { action: 'open', from: 'draft', label: 'Mở nhận hồ sơ', to: 'open' },
  { action: 'start-review', from: 'open', label: 'Chuyển sang đánh giá', to: 'reviewing' },
  { action: 'reopen', from: 'reviewing', label: 'Mở lại nhận hồ sơ', to: 'open' },
  { action: 'close', from: 'reviewing', label: 'Kết thúc đợt', to: 'closed' },
]

/** Rounds whose criteria sets units are answering: a published set they use must not change in place. */
export const roundStatusesInUse: readonly RoundStatus[] = ['open', 'reviewing']

export const teamRoles = [
  { code: 'truong-doan', vi: 'Trưởng đoàn', en: 'Team lead' },
  { code: 'thu-ky', vi: 'Thư ký', en: 'Secretary' },
  { code: 'thanh-vien', vi: 'Thành viên', en: 'Member' },
] as const
export type TeamRole = (typeof teamRoles)[number]['code']

const label = (status: string) => (roundStatusLabels as Record<string, string | undefined>)[status] ?? status

/**
 * Whether a round may move from `from` to `to`. Opening needs what units need to start: at least
 * one criteria set, every set published, and a submission deadline.
 */
export const checkRoundTransition = ({
  from,
  to,
  criteriaSets,
  hasSubmissionDeadline,
}: {
  from: string
  to: string
  criteriaSets: readonly { code: string; isPublished: boolean }[]
  hasSubmissionDeadline: boolean
}): Issue[] => {
  if (from === to) return []
  if (!roundTransitionList.some((transition) => transition.from === from && transition.to === to)) {
    return [
      makeError({
        code: 'no-such-round-transition',
        path: ['status'],
        message: `Không thể chuyển đợt đánh giá từ «${label(from)}» sang «${label(to)}».`,
      }),
    ]
  }
  if (to !== 'open') return []
  const issues: Issue[] = []
  if (criteriaSets.length === 0) {
    issues.push(makeError({ code: 'no-criteria-sets', path: ['criteriaSets'], message: 'Chọn ít nhất một bộ tiêu chí trước khi mở đợt đánh giá.' }))
  }
  const drafts = criteriaSets.filter((set) => !set.isPublished).map((set) => set.code)
  if (drafts.length > 0) {
    issues.push(
      makeError({
        code: 'unpublished-criteria-set',
        path: ['criteriaSets'],
        message: `Bộ tiêu chí chưa xuất bản, đơn vị chưa dùng được: ${drafts.join(', ')}. Hãy xuất bản trước khi mở đợt.`,
      }),
    )
  }
  if (!hasSubmissionDeadline) {
    issues.push(makeError({ code: 'no-submission-deadline', path: ['deadlines', 'submission'], message: 'Cần có hạn nộp hồ sơ trước khi mở đợt đánh giá.' }))
  }
  return issues
}

/** `2025-02-29`-safe: `2024-02-29` + 1 year → `2025-02-28`. Null for anything that is not a date. */
export const shiftIsoDateByYears = ({ date, years }: { date: string | null | undefined; years: number }): string | null => {
  const parsed = parseIsoDate(date ?? null)
  if (!parsed) return null
  const year = parsed.year + years
  return formatIsoDate({ year, month: parsed.month, day: Math.min(parsed.day, daysInMonth({ year, month: parsed.month })) })
}

export const planTimingKinds = [
  { code: 'on', vi: 'Ngày', en: 'On' },
  { code: 'before', vi: 'Trước ngày', en: 'Before' },
  { code: 'by', vi: 'Đến hết ngày', en: 'By' },
] as const
export type PlanTimingKind = (typeof planTimingKinds)[number]['code']

/**
 * The "Thời gian" column of a plan table, as a province writes it (seed 001): `04/01/2022`,
 * `Từ ngày 10/01/2022 đến ngày 13/01/2022`, `Trước ngày 20/02/2022`.
 */
export const describePlanTiming = ({ start, due, kind }: { start?: string | null; due?: string | null; kind?: string | null }): string => {
  const startDate = parseIsoDate(start ?? null)
  const dueDate = parseIsoDate(due ?? null)
  if (startDate && dueDate) return `Từ ngày ${formatVietnameseDate(startDate)} đến ngày ${formatVietnameseDate(dueDate)}`
  if (!dueDate) return startDate ? `Từ ngày ${formatVietnameseDate(startDate)}` : ''
  if (kind === 'before') return `Trước ngày ${formatVietnameseDate(dueDate)}`
  if (kind === 'by') return `Đến hết ngày ${formatVietnameseDate(dueDate)}`
  return formatVietnameseDate(dueDate)
}

/** What identifies a criteria set's kind across years: the same regulation, tier and level. */
export type CriteriaSetSummary = {
  id: number | string
  code: string
  regime: string
  tier: string | null
  level: number | null
  isPublished: boolean
  /** `null` for a national set, else the authority that owns the copy. */
  authority: number | string | null
  /** ISO timestamp; the newest wins. */
  createdAt: string
}

/**
 * For next year's round: each set replaced by the newest published set of the same regime, tier and
 * level among those the round's authority may use (national sets and its own or its ancestors').
 * A set with no published candidate is kept as it is.
 */
export const pickNewestSets = ({
  current,
  candidates,
  usableAuthorities,
}: {
  current: readonly CriteriaSetSummary[]
  candidates: readonly CriteriaSetSummary[]
  usableAuthorities: readonly (number | string)[]
}): CriteriaSetSummary[] => {
  const usable = new Set(usableAuthorities.map(String))
  const picked = current.map((set) => {
    const sameKind = candidates.filter(
      (candidate) =>
        candidate.isPublished &&
        candidate.regime === set.regime &&
        candidate.tier === set.tier &&
        candidate.level === set.level &&
        (candidate.authority === null || usable.has(String(candidate.authority))),
    )
    const newest = [...sameKind].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0]
    return newest ?? set
  })
  // two old sets of one kind collapse into the one newest set
  return picked.filter((set, index) => picked.findIndex((other) => String(other.id) === String(set.id)) === index)
}

/** The title with its evaluation year moved on: "Đánh giá ĐVHT năm 2025" → "… năm 2026". */
export const titleForYear = ({ title, fromYear, toYear }: { title: string; fromYear: number; toYear: number }): string => {
  const pattern = new RegExp(`\\b${fromYear}\\b`, 'g')
  return pattern.test(title) ? title.replace(pattern, String(toYear)) : `${title} (${toYear})`
}
