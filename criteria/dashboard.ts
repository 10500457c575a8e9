/**
 * What each role's start page counts and says (issue 12): a round's funnel from the units that have
 * not started to those decided, the days left to a deadline in words, the recognitions that expire
 * within a year, the set a unit should start on, and a team's progress on a dossier. Pure: the
 * caller reads the records and passes today's date.
 */
import { addMonths, compareDates, parseIsoDate, type CalendarDate } from './calendar'
import { checkPrerequisiteOn, type PrerequisiteRule } from './recognition'
import type { SelfAssessmentStatus } from './workflow'

/** The stages of a round's funnel, in the order a dossier passes them. */
export const funnelStages = [
  { code: 'not-started', label: 'Chưa bắt đầu', statuses: [] },
  { code: 'draft', label: 'Đang soạn', statuses: ['draft', 'returned'] },
  { code: 'submitted', label: 'Đã nộp, chờ tiếp nhận', statuses: ['submitted'] },
  { code: 'in-review', label: 'Đang thẩm định', statuses: ['in-review'] },
  { code: 'reviewed', label: 'Đã đánh giá, chờ quyết định', statuses: ['reviewed'] },
  { code: 'decided', label: 'Đã có quyết định', statuses: ['recognised', 'not-recognised'] },
] as const satisfies readonly { code: string; label: string; statuses: readonly SelfAssessmentStatus[] }[]

export type FunnelStage = (typeof funnelStages)[number]['code']

export type FunnelCount = { code: FunnelStage; label: string; count: number; statuses: readonly SelfAssessmentStatus[] }

/**
 * The funnel from counts already made: dossiers by status and units without a dossier. What the
 * database's GROUP BY answers for many rounds at once (src/dashboard/funnels.ts), and what
 * `roundFunnel` counts from the rows of one.
 */
export const funnelFromCounts = ({ byStatus, notStarted }: { byStatus: Readonly<Partial<Record<string, number>>>; notStarted: number }): FunnelCount[] =>
  funnelStages.map((stage) => ({
    code: stage.code,
    count: stage.code === 'not-started' ? notStarted : (stage.statuses as readonly string[]).reduce((sum, status) => sum + (byStatus[status] ?? 0), 0),
    label: stage.label,
    statuses: stage.statuses,
  }))

/**
 * The dossier stages alone, from dossiers counted by status: the funnel without its "not started"
 * stage, which needs every unit of the round matched against its dossiers. The system admin's
 * start page shows the whole country's open rounds this way; each round's own page and its
 * authority's start page keep the full funnel.
 */
export const dossierStages = ({ byStatus }: { byStatus: Readonly<Partial<Record<string, number>>> }): FunnelCount[] =>
  funnelFromCounts({ byStatus, notStarted: 0 }).filter((stage) => stage.code !== 'not-started')

/**
 * How many of the round's units stand at each stage. A unit with no dossier has not started; a
 * dossier of a unit outside `unitIds` (moved or deactivated since) still counts where it stands.
 */
export const roundFunnel = ({
  unitIds,
  assessments,
}: {
  unitIds: readonly (number | string)[]
  assessments: readonly { unit: number | string | null; status: string | null | undefined }[]
}): FunnelCount[] => {
  const started = new Set(assessments.map((assessment) => String(assessment.unit)))
  const byStatus: Record<string, number> = {}
  for (const assessment of assessments) byStatus[assessment.status ?? ''] = (byStatus[assessment.status ?? ''] ?? 0) + 1
  return funnelFromCounts({ byStatus, notStarted: unitIds.filter((id) => !started.has(String(id))).length })
}

const dayNumber = ({ year, month, day }: CalendarDate) => Math.round(Date.UTC(year, month - 1, day) / 86_400_000)

/** Whole days from `today` to `date` (ISO days): negative once it has passed; null when either is unreadable. */
export const daysUntil = ({ today, date }: { today: string; date: string | null | undefined }): number | null => {
  const from = parseIsoDate(today)
  const to = date ? parseIsoDate(date) : null
  return from && to ? dayNumber(to) - dayNumber(from) : null
}

/** "còn 5 ngày", "hôm nay là ngày cuối", "đã quá 3 ngày": a deadline's distance as people say it. */
export const describeDaysLeft = (days: number | null): string => {
  if (days === null) return 'chưa có hạn'
  if (days > 0) return `còn ${days} ngày`
  if (days === 0) return 'hôm nay là ngày cuối'
  return `đã quá ${-days} ngày`
}

/** How urgent a deadline is, for its colour: past, within a week, or further. */
export const urgencyOf = (days: number | null): 'past' | 'soon' | 'later' | 'none' =>
  days === null ? 'none' : days < 0 ? 'past' : days <= 7 ? 'soon' : 'later'

/**
 * The recognitions still valid today whose validity ends within `months` (a year by default),
 * soonest first. Rows without a validity date (a yearly grade) never expire here.
 */
export const expiringSoon = <Row extends { validUntil?: string | null; status?: string | null }>({
  rows,
  today,
  months = 12,
}: {
  rows: readonly Row[]
  today: string
  months?: number
}): Row[] => {
  const from = parseIsoDate(today)
  if (!from) return []
  const until = addMonths({ date: from, months })
  return rows
    .filter((row) => (row.status ?? 'valid') === 'valid')
    .map((row) => ({ row, date: row.validUntil ? parseIsoDate(row.validUntil.slice(0, 10)) : null }))
    .filter((entry): entry is { row: Row; date: CalendarDate } => entry.date !== null && compareDates(entry.date, from) >= 0 && compareDates(entry.date, until) <= 0)
    .sort((a, b) => compareDates(a.date, b.date))
    .map((entry) => entry.row)
}

export type OfferedSet = { id: number | string; title: string; level: number | null; recognition: PrerequisiteRule | null }
export type PriorRecognition = { level: number; decidedOn: string; validUntil?: string | null }

export type SetChoice = { set: OfferedSet; isRecommended: boolean; reason: string }

/**
 * The sets a unit may start its dossier on, the recommended one first: the highest level whose
 * prerequisite the unit meets today (a level-2 set needs a level-1 recognition old enough and still
 * valid, by the set's own rule), else the lowest level offered. Sets without a level (TT 22 points)
 * have no prerequisite.
 */
export const chooseSets = ({ offered, prior, today }: { offered: readonly OfferedSet[]; prior: PriorRecognition | null; today: string }): SetChoice[] => {
  const checked = offered.map((set) => {
    const check = checkPrerequisiteOn({ appliedOn: today, level: set.level, prior, recognition: set.recognition })
    return { check, set }
  })
  const eligible = checked.filter(({ check }) => check === null || check.isMet)
  const byLevelDesc = [...eligible].sort((a, b) => (b.set.level ?? 0) - (a.set.level ?? 0))
  const recommended = byLevelDesc[0]?.set ?? null
  const reasonOf = ({ check, set }: (typeof checked)[number]) => {
    if (check === null) return set.level === null ? 'Bộ tiêu chí chấm điểm, không cần điều kiện trước.' : `Mức độ ${set.level}: không cần công nhận trước.`
    if (check.isMet) return `Mức độ ${set.level}: đơn vị đã đủ điều kiện công nhận trước đó.`
    return `Mức độ ${set.level}: ${check.reason}`
  }
  return checked
    .map((entry) => ({ isRecommended: recommended !== null && entry.set.id === recommended.id, reason: reasonOf(entry), set: entry.set }))
    .sort((a, b) => Number(b.isRecommended) - Number(a.isRecommended) || (a.set.level ?? 0) - (b.set.level ?? 0))
}

/** A team's progress on one dossier: the members who have sent a review, of those not excused. */
export const teamProgress = ({
  team,
  reviews,
}: {
  team: readonly { user: number | string | null; role?: string | null }[]
  reviews: readonly { reviewer: number | string | null; conflictOfInterest?: boolean | null }[]
}): { done: number; excused: number; expected: number } => {
  const members = new Set(team.map((member) => String(member.user)))
  const byMember = new Map(reviews.filter((review) => members.has(String(review.reviewer))).map((review) => [String(review.reviewer), review]))
  const excused = [...byMember.values()].filter((review) => review.conflictOfInterest).length
  return { done: byMember.size - excused, excused, expected: members.size - excused }
}
