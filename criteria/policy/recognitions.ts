/**
 * The register (Sổ công nhận) is written only by issuing decisions: a recognition decision adds
 * rows, a revoking decision marks them revoked. Nobody writes a row through the API, the admin
 * included, and no row is ever deleted: the register keeps its history.
 */
import type { WriteRules } from '../fieldRules'
import { noWorkflow, step } from './shared'

const issued = step('issue-decision')
const revoked = step('revoke-decision')

export const recognitionWrites: WriteRules = {
  ...noWorkflow,
  collection: 'recognitions',
  fields: {
    authority: issued,
    authorityName: issued,
    basisNote: issued,
    countsForEmulation: issued,
    decidedOn: issued,
    decision: issued,
    decisionNumber: issued,
    grade: issued,
    isPublic: issued,
    level: issued,
    outcomeLabel: issued,
    regime: issued,
    revocationReason: revoked,
    revokedBy: revoked,
    revokedOn: revoked,
    selfAssessment: issued,
    status: revoked,
    unit: issued,
    unitName: issued,
    validFrom: issued,
    validUntil: issued,
    year: issued,
  },
  noun: 'dòng sổ công nhận',
  steps: { 'issue-decision': 'Ban hành quyết định công nhận', 'revoke-decision': 'Ban hành quyết định thu hồi' },
}
