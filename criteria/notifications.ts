/**
 * Notifications, the pure part: filling a message template with a message's values (HTML escaped
 * for the HTML body, plain for the text one), the delay before a failed delivery is tried again,
 * and which reminders are due on a day. No clock: `today` is an argument.
 */
import { compareDates, formatIsoDate, formatVietnameseDate, parseIsoDate, previousDay } from './calendar'
import { deadlineFor, type DeadlineRule } from './deadlines'

/** A message's values: words, or a list (the documents still missing) shown as bullet lines. */
export type MessageValues = Readonly<Record<string, string | readonly string[] | null | undefined>>

export type MessageTemplate = { subject: string; html: string; text: string }
export type RenderedMessage = MessageTemplate

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const placeholder = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g

const asText = (value: MessageValues[string]) => (Array.isArray(value) ? value.map((line) => `- ${line}`).join('\n') : ((value as string | null | undefined) ?? ''))

const asHtml = (value: MessageValues[string]) =>
  Array.isArray(value) ? (value.length === 0 ? '' : `<ul>${value.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`) : escapeHtml((value as string | null | undefined) ?? '').replace(/\n/g, '<br>')

/** `{{name}}` → the value; an unknown name is left empty, never shown as braces to the reader. */
export const renderMessage = ({ template, values }: { template: MessageTemplate; values: MessageValues }): RenderedMessage => ({
  html: template.html.replace(placeholder, (_, name: string) => asHtml(values[name])),
  subject: template.subject.replace(placeholder, (_, name: string) => asText(values[name]).replace(/\s*\n\s*/g, '; ')),
  text: template.text.replace(placeholder, (_, name: string) => asText(values[name])),
})

/** The placeholders a template uses that the event does not provide (shown to the admin editing it). */
export const unknownPlaceholders = ({ template, known }: { template: MessageTemplate; known: readonly string[] }): string[] => {
  const used = new Set<string>()
  for (const part of [template.subject, template.html, template.text]) for (const match of part.matchAll(placeholder)) used.add(match[1])
  return [...used].filter((name) => !known.includes(name)).sort()
}

/** Delivery attempts before a message is marked failed (the admin can resend it). */
export const maxDeliveryAttempts = 5

/** Minutes to wait after the `attempts`-th failed attempt: 1, 5, 25, 125 … capped at a day. */
export const retryDelayMinutes = ({ attempts }: { attempts: number }): number => Math.min(24 * 60, 5 ** Math.max(0, attempts - 1))

/** After a failed attempt: try again later, or give up and show it as failed. */
export const afterFailedAttempt = ({ attempts }: { attempts: number }): { status: 'queued'; delayMinutes: number } | { status: 'failed' } =>
  attempts >= maxDeliveryAttempts ? { status: 'failed' } : { delayMinutes: retryDelayMinutes({ attempts }), status: 'queued' }

/** TT-free default: remind 14, 7 and 1 days before a deadline (a round sets its own). */
export const defaultReminderOffsets = [14, 7, 1] as const

const dayNumber = (iso: string): number => {
  const date = parseIsoDate(iso)
  if (!date) throw new Error(`Ngày không hợp lệ: ${iso}`)
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000)
}

/** Calendar days from `today` to `deadline` (0 on the day itself, negative once past). */
export const daysUntil = ({ today, deadline }: { today: string; deadline: string }): number => dayNumber(deadline) - dayNumber(today)

/**
 * The offset whose reminder is due today, or null: the smallest offset not smaller than the days
 * left. A job that did not run for a while sends the nearest reminder only, not every one it
 * missed; the deadline's own day still gets the last one; none once the deadline has passed.
 */
export const dueOffset = ({ today, deadline, offsets }: { today: string; deadline: string; offsets: readonly number[] }): number | null => {
  const left = daysUntil({ deadline, today })
  if (left < 0) return null
  const candidates = offsets.filter((offset) => Number.isInteger(offset) && offset >= 0 && offset >= left)
  if (candidates.length === 0) return null
  return Math.min(...candidates)
}

/** The key that makes a reminder unique: one per recipient scope, deadline kind, offset and deadline. */
export const reminderKey = ({ kind, scope, offset, deadline }: { kind: string; scope: string; offset: number; deadline: string }) => `reminder:${kind}:${scope}:${deadline}:${offset}`

/** `2027-01-14` → `14/01/2027`; anything else unchanged. */
export const vietnameseDay = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const date = parseIsoDate(iso.slice(0, 10))
  return date ? formatVietnameseDate(date) : iso
}

/** Whether a recognition valid until `validUntil` expires within `months` months of `today` (not yet expired). */
export const isExpiringWithin = ({ today, validUntil, months }: { today: string; validUntil: string; months: number }): boolean => {
  const end = parseIsoDate(validUntil.slice(0, 10))
  const now = parseIsoDate(today)
  if (!end || !now) return false
  if (compareDates(end, now) < 0) return false
  const index = now.year * 12 + (now.month - 1) + months
  const limit = { day: now.day, month: (index % 12) + 1, year: Math.floor(index / 12) }
  return compareDates(end, limit) <= 0
}

/** The last day a deadline rule allows: the named day for "đến hết ngày", the day before for "trước ngày". */
export const lastAllowedDay = ({ rule, year }: { rule: DeadlineRule; year: number }): string => {
  const named = parseIsoDate(deadlineFor({ rule, year }))!
  return formatIsoDate(rule.kind === 'before' ? previousDay(named) : named)
}
