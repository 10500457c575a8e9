/**
 * What the label test (test/e2e/labels.test.ts) counts as untranslated in the text a user reads:
 * English words of Payload's and ours, the status and action codes the product stores, raw ids,
 * unresolved values and English dates. Data users type and read as codes stays allowed: criteria
 * codes (TC1.CT2), criteria-set codes (tt24-2023-huyen-1), unit codes, e-mails, addresses.
 */

/** English words seen (or likely) in Payload's admin and in our forms; whole words, any case. */
export const englishWords = [
  'Create New', 'Save', 'Delete', 'Edit', 'Search', 'Filters', 'Columns', 'Loading', 'Grade', 'Band', 'Row', 'Rows',
  'Dashboard', 'Collections', 'Add', 'Remove', 'Published', 'Draft', 'Submit', 'Untitled', 'Payload', 'API', 'block',
  'blocks', 'file', 'Upload', 'Toggle', 'Select', 'Items', 'Document', 'Documents', 'Versions', 'Cancel', 'Confirm',
  'Status', 'Level', 'Levels', 'Scale', 'Criteria', 'Indicator', 'Indicators', 'Round', 'Rounds', 'Unit', 'Units',
  'Review', 'Reviews', 'Decision', 'Decisions', 'Evidence', 'Authority', 'Authorities', 'Tier', 'Tiers',
]

/** Codes the product stores for statuses and actions (criteria/workflow.ts, criteria/rounds.ts, hooks' audit actions). */
export const storedCodes = [
  'draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised', 'open', 'reviewing', 'closed', 'issued',
  'accept', 'submit', 'withdraw', 'resubmit', 'close', 'recognise', 'reject', 'revoke', 'update', 'correct', 'revocation', 'recognition',
  'round-status', 'extend-deadline', 'confirm-indicator', 'unconfirm-indicator', 'issue-decision', 'revoke-decision', 'import-units',
  'boolean', 'ratio', 'points', 'rank', 'pass-fail', 'unit-editor', 'authority-admin', 'reviewer', 'admin',
]

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// a word not glued to letters, digits, "-", "_", "@", "." or "/" (so no part of an e-mail, an address or a code)
const standalone = (alternatives: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}_@./-])(?:${alternatives.map(escape).join('|')})(?![\\p{L}\\p{N}_@/-]|\\.[\\p{L}\\p{N}])`, 'giu')

export const patterns: readonly { name: string; pattern: RegExp }[] = [
  { name: 'từ tiếng Anh', pattern: standalone(englishWords) },
  { name: 'mã trạng thái/thao tác', pattern: standalone(storedCodes) },
  // kebab-case words of letters only (`in-review`, `tap-the-lao-dong-xuat-sac`): codes, not words;
  // a criteria-set code has digits (tt24-2023-huyen-1) and is left alone
  { name: 'mã dạng kebab-case', pattern: /(?<![\p{L}\p{N}_@./-])[a-z]+(?:-[a-z]+)+(?![\p{L}\p{N}_@/-]|\.[\p{L}\p{N}])/gu },
  // Payload's "Chưa có tiêu đề - ID: 5", "ID: huyen"
  { name: 'mã id thô', pattern: /\bID:\s*\S+/g },
  { name: 'giá trị chưa dịch', pattern: /\[object Object\]|(?<![\p{L}\p{N}_])(?:undefined|null|NaN)(?![\p{L}\p{N}_])/gu },
  // English dates: "Nov 29, 2026", "3:45 PM"
  { name: 'ngày kiểu tiếng Anh', pattern: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}\b|\b\d{1,2}:\d{2}\s?(?:AM|PM)\b/g },
]

export type Finding = { kind: string; match: string; context: string }

/** Every untranslated piece of `text`, with the line around it. */
export const untranslated = (text: string): Finding[] => {
  const findings: Finding[] = []
  for (const { name, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const start = text.lastIndexOf('\n', match.index) + 1
      const end = text.indexOf('\n', match.index)
      findings.push({ context: text.slice(start, end === -1 ? undefined : end).trim().slice(0, 160), kind: name, match: match[0] })
    }
  }
  return findings
}
