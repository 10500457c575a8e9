/** Every collection's field-write rules, by slug (the tables the server enforces and the tests walk). */
import type { WriteRules } from '../fieldRules'
import { decisionWrites } from './decisions'
import { auditEventWrites, authorityWrites, criteriaSetWrites, documentTemplateWrites, legalDocumentWrites, tierWrites, unitTypeWrites, unitWrites, userWrites } from './directory'
import { evidenceWrites } from './evidence'
import { fileTaskWrites } from './fileTasks'
import { holidayWrites, messageTemplateWrites, outboxWrites } from './notifications'
import { recognitionWrites } from './recognitions'
import { reviewWrites } from './reviews'
import { roundWrites } from './rounds'
import { selfAssessmentWrites } from './selfAssessments'

export const writeRulesBySlug: Readonly<Record<string, WriteRules>> = {
  'audit-events': auditEventWrites,
  authorities: authorityWrites,
  'criteria-sets': criteriaSetWrites,
  decisions: decisionWrites,
  'document-templates': documentTemplateWrites,
  evidence: evidenceWrites,
  'file-tasks': fileTaskWrites,
  holidays: holidayWrites,
  'message-templates': messageTemplateWrites,
  outbox: outboxWrites,
  'legal-documents': legalDocumentWrites,
  recognitions: recognitionWrites,
  reviews: reviewWrites,
  rounds: roundWrites,
  'self-assessments': selfAssessmentWrites,
  tiers: tierWrites,
  'unit-types': unitTypeWrites,
  units: unitWrites,
  users: userWrites,
}

export { auditEventWrites, authorityWrites, criteriaSetWrites, documentTemplateWrites, legalDocumentWrites, tierWrites, unitTypeWrites, decisionWrites, evidenceWrites, recognitionWrites, reviewWrites, roundWrites, selfAssessmentWrites, unitWrites, userWrites }
export { holidayWrites, messageTemplateWrites, outboxWrites } from './notifications'
export { fileTaskWrites } from './fileTasks'
export { evidenceStates } from './evidence'
export { reviewStates } from './reviews'
