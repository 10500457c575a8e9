/**
 * The self-assessment workflow (DESIGN.md "Self-assessment workflow") as data: the statuses with
 * their Vietnamese labels, the allowed transitions with the roles that may take them, and
 * `checkTransition`, which a hook calls before saving a status change. Round roles such as
 * `team-lead` and the `system` role (a decision being issued) are passed in by the caller.
 */
import type { Issue } from './issues'
import { makeError } from './issues'

export const selfAssessmentStatuses = [
  'draft',
  'submitted',
  'in-review',
  'returned',
  'reviewed',
  'recognised',
  'not-recognised',
] as const

export type SelfAssessmentStatus = (typeof selfAssessmentStatuses)[number]

export const statusLabels: Record<SelfAssessmentStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã nộp',
  'in-review': 'Đang thẩm định',
  returned: 'Trả lại để bổ sung',
  reviewed: 'Đã đánh giá',
  recognised: 'Được công nhận',
  'not-recognised': 'Không được công nhận',
}

export const workflowActions = ['submit', 'withdraw', 'accept', 'return', 'resubmit', 'close', 'recognise', 'reject', 'revoke'] as const

export type WorkflowAction = (typeof workflowActions)[number]

export const actionLabels: Record<WorkflowAction, string> = {
  submit: 'Nộp hồ sơ',
  withdraw: 'Rút lại hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  return: 'Trả lại để bổ sung',
  resubmit: 'Nộp lại hồ sơ',
  close: 'Kết thúc thẩm định',
  recognise: 'Công nhận',
  reject: 'Không công nhận',
  revoke: 'Thu hồi quyết định',
}

/** Site roles, plus `team-lead` (a round role) and `system` (the status set by issuing a decision). */
export const roleLabels: Record<string, string> = {
  admin: 'quản trị hệ thống',
  'authority-admin': 'quản trị cơ quan quản lý',
  reviewer: 'thành viên đoàn đánh giá',
  'unit-editor': 'người cập nhật của đơn vị',
  'team-lead': 'trưởng đoàn đánh giá',
  system: 'hệ thống (khi ban hành quyết định)',
}

export interface WorkflowTransition {
  action: WorkflowAction
  from: SelfAssessmentStatus
  to: SelfAssessmentStatus
  roles: readonly string[]
  requiresReason: boolean
}

/**
 * `admin` takes the authority's transitions (accept, return) but none of the unit's (submit,
 * withdraw, resubmit: nobody sends a unit's answers but the unit) and none that records a result
 * (close is the team lead's; recognise, reject and revoke are the decision's own steps, `system`).
 * A wrong result is corrected through the audited correction action or a revoking decision.
 */
export const workflowTransitions: readonly WorkflowTransition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', roles: ['unit-editor'], requiresReason: false },
  { action: 'withdraw', from: 'submitted', to: 'draft', roles: ['unit-editor'], requiresReason: false },
  { action: 'accept', from: 'submitted', to: 'in-review', roles: ['authority-admin', 'admin'], requiresReason: false },
  { action: 'return', from: 'submitted', to: 'returned', roles: ['authority-admin', 'admin'], requiresReason: true },
  { action: 'return', from: 'in-review', to: 'returned', roles: ['authority-admin', 'admin'], requiresReason: true },
  { action: 'resubmit', from: 'returned', to: 'submitted', roles: ['unit-editor'], requiresReason: false },
  { action: 'close', from: 'in-review', to: 'reviewed', roles: ['team-lead'], requiresReason: false },
  { action: 'recognise', from: 'reviewed', to: 'recognised', roles: ['system'], requiresReason: false },
  { action: 'reject', from: 'reviewed', to: 'not-recognised', roles: ['system'], requiresReason: false },
  // a revoking decision sends the dossiers of the decision it revokes back to the team's conclusion
  { action: 'revoke', from: 'recognised', to: 'reviewed', roles: ['system'], requiresReason: false },
  { action: 'revoke', from: 'not-recognised', to: 'reviewed', roles: ['system'], requiresReason: false },
]

export type TransitionCheck = { ok: true; action: WorkflowAction } | { ok: false; issues: Issue[] }

const statusLabel = (status: string): string =>
  (statusLabels as Record<string, string | undefined>)[status] ?? status

const quote = (text: string): string => `«${text}»`

const hasAnyRole = ({ transition, roles }: { transition: WorkflowTransition; roles: readonly string[] }): boolean =>
  transition.roles.some((role) => roles.includes(role))

/** Whether a user with `roles` may move a self-assessment from `from` to `to`, and why not. */
export const checkTransition = ({
  from,
  to,
  roles,
  reason,
}: {
  from: string
  to: string
  roles: readonly string[]
  reason?: string | null
}): TransitionCheck => {
  const transition = workflowTransitions.find((candidate) => candidate.from === from && candidate.to === to)
  if (!transition) {
    return {
      ok: false,
      issues: [
        makeError({
          code: 'no-such-transition',
          path: ['status'],
          message: `Không thể chuyển hồ sơ từ trạng thái ${quote(statusLabel(from))} sang ${quote(statusLabel(to))}.`,
        }),
      ],
    }
  }
  const issues: Issue[] = []
  if (!hasAnyRole({ transition, roles })) {
    const allowed = transition.roles.map((role) => roleLabels[role] ?? role).join(', ')
    issues.push(
      makeError({
        code: 'role-not-allowed',
        path: ['status'],
        message: `Bạn không có quyền ${quote(actionLabels[transition.action])} (chuyển từ ${quote(statusLabel(from))} sang ${quote(statusLabel(to))}); chỉ ${allowed} được làm việc này.`,
      }),
    )
  }
  if (transition.requiresReason && (reason ?? '').trim() === '') {
    issues.push(
      makeError({
        code: 'reason-required',
        path: ['reason'],
        message: `Cần ghi rõ lý do khi ${quote(actionLabels[transition.action])} hồ sơ.`,
      }),
    )
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, action: transition.action }
}

/** The transitions a user with `roles` may take now from `from` (the buttons to show). */
export const transitionsFrom = ({
  from,
  roles,
}: {
  from: string
  roles: readonly string[]
}): WorkflowTransition[] =>
  workflowTransitions.filter((transition) => transition.from === from && hasAnyRole({ transition, roles }))

/** The unit may edit its answers only while the self-assessment is a draft or has been returned. */
export const isEditableByUnit = ({ status }: { status: string }): boolean => status === 'draft' || status === 'returned'
