/**
 * The audit trail in words: what each recorded action is called, what each kind of record is
 * called, and how its "from" and "to" values read. The trail stores codes (`accept`, `in-review`,
 * `round-status`, an ISO day); people read these labels. An unknown code is shown as it is, so
 * nothing recorded is ever hidden.
 */
import { formatVietnameseDate, parseIsoDate } from './calendar'
import { roundStatusLabels } from './rounds'
import { actionLabels, statusLabels } from './workflow'

export const auditActionLabels: Readonly<Record<string, string>> = {
  ...actionLabels,
  // a change to a self-assessment that is no longer a draft, without a change of status
  update: 'Sửa hồ sơ đã nộp',
  // a dossier's status changed by the system itself, not by a person's step (the demo's past years, a seed)
  'set-status': 'Đổi trạng thái hồ sơ (hệ thống)',
  'round-status': 'Đổi trạng thái đợt đánh giá',
  'extend-deadline': 'Gia hạn nộp hồ sơ',
  correct: 'Sửa sai (quản trị hệ thống)',
  'confirm-indicator': 'Xác nhận ngưỡng chỉ tiêu',
  'unconfirm-indicator': 'Bỏ xác nhận ngưỡng chỉ tiêu',
  'issue-decision': 'Ban hành quyết định công nhận',
  'revoke-decision': 'Ban hành quyết định thu hồi',
  'import-units': 'Nhập danh sách đơn vị',
  // boundary changes (REGULATIONS §5): from and to hold the names of the authorities or units
  'move-unit': 'Chuyển đơn vị sang cấp quản lý khác',
  'merge-unit': 'Sáp nhập đơn vị',
  'move-authority': 'Chuyển cấp quản lý sang cấp trên khác',
  'merge-authority': 'Sáp nhập cấp quản lý',
  'abolish-authority': 'Giải thể cấp quản lý',
}

export const auditRecordLabels: Readonly<Record<string, string>> = {
  'self-assessments': 'Hồ sơ tự đánh giá',
  rounds: 'Đợt đánh giá',
  decisions: 'Quyết định công nhận',
  'criteria-sets': 'Bộ tiêu chí',
  units: 'Đơn vị',
  authorities: 'Cấp quản lý',
  reviews: 'Phiếu đánh giá',
  recognitions: 'Sổ công nhận',
}

export const decisionStatusLabels: Readonly<Record<string, string>> = { draft: 'Dự thảo', issued: 'Đã ban hành' }

type ValueReader = (args: { value: string; rankLabel?: (code: string) => string | undefined }) => string

const fromTable =
  (labels: Readonly<Record<string, string>>): ValueReader =>
  ({ value }) =>
    labels[value] ?? value

const asDay: ValueReader = ({ value }) => {
  const day = parseIsoDate(value.slice(0, 10))
  return day ? formatVietnameseDate(day) : value
}

// a confirmed threshold: "90%" as written, a rank code as its level's name when the set is known
const asThreshold: ValueReader = ({ value, rankLabel }) => rankLabel?.(value) ?? value

const selfAssessmentStatus = fromTable(statusLabels)

/** How the values of each action read; actions not listed keep their values as recorded. */
const valueReaders: Readonly<Record<string, ValueReader>> = {
  ...Object.fromEntries(Object.keys(actionLabels).map((action) => [action, selfAssessmentStatus])),
  update: selfAssessmentStatus,
  'set-status': selfAssessmentStatus,
  'round-status': fromTable(roundStatusLabels),
  'extend-deadline': asDay,
  'confirm-indicator': asThreshold,
  'unconfirm-indicator': asThreshold,
  'issue-decision': fromTable(decisionStatusLabels),
  'revoke-decision': fromTable(decisionStatusLabels),
}

export const auditActionLabel = (action: string): string => auditActionLabels[action] ?? action

export const auditRecordLabel = (collection: string): string => auditRecordLabels[collection] ?? collection

/** A recorded "from" or "to" value in words, for the action that recorded it. */
export const auditValueLabel = ({ action, value, rankLabel }: { action: string; value: string; rankLabel?: (code: string) => string | undefined }): string =>
  (valueReaders[action] ?? (({ value: recorded }) => recorded))({ rankLabel, value })

/** Whether a value of this action may be a rank code to look up in the criteria set's scale. */
export const isThresholdAction = (action: string): boolean => valueReaders[action] === asThreshold
