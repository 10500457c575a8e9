/**
 * Who writes the directory: authorities, units, accounts and criteria sets. The admin, or the
 * authority-admin of the subtree the document belongs to; a relation that scopes access (a unit's
 * or account's authority, an authority's parent, a set's owner) may only point inside the writer's
 * own subtree. An account's holder edits its own name only; roles, authority and unit are assigned
 * by administrators (and nobody changes their own role: users/guardAssignment.ts).
 */
import type { WriteRules } from '../fieldRules'
import { derived, fixed, input, managers, noWorkflow, step } from './shared'

const managed = input({ create: managers, update: managers })

/** Moving, merging and abolishing (collections/boundary/): the only writer of the merge links and of an authority's active flag. */
const boundarySteps = { 'boundary-change': 'Thay đổi địa giới (chuyển, sáp nhập, giải thể)' }

export const authorityWrites: WriteRules = {
  ...noWorkflow,
  collection: 'authorities',
  fields: {
    code: managed,
    deciderTitle: managed,
    isActive: step('boundary-change'),
    mergedInto: step('boundary-change'),
    name: managed,
    publication: managed,
    parent: input({ create: managers, target: 'authority-in-subtree', update: managers }),
    receivingOffice: managed,
    tierLabel: managed,
  },
  noun: 'cấp quản lý',
  steps: boundarySteps,
}

export const unitWrites: WriteRules = {
  ...noWorkflow,
  collection: 'units',
  fields: {
    authority: input({ create: managers, target: 'authority-in-subtree', update: managers }),
    code: managed,
    email: managed,
    isActive: managed,
    learnerCount: managed,
    memberCount: managed,
    mergedInto: step('boundary-change'),
    mergedPrerequisite: step('boundary-change'),
    name: managed,
    tier: managed,
    unitType: managed,
  },
  noun: 'đơn vị',
  steps: boundarySteps,
}

export const userWrites: WriteRules = {
  ...noWorkflow,
  collection: 'users',
  fields: {
    authority: input({ create: managers, target: 'authority-in-subtree', update: managers }),
    name: input({ create: managers, update: ['admin', 'authority-admin', 'self'] }),
    roles: input({ create: managers, update: managers }),
    unit: input({ create: managers, target: 'unit-in-subtree', update: managers }),
  },
  noun: 'tài khoản',
  steps: {},
}

export const criteriaSetWrites: WriteRules = {
  ...noWorkflow,
  collection: 'criteria-sets',
  fields: {
    authority: input({ create: managers, target: 'set-owner', update: managers }),
    code: managed,
    criteria: managed,
    gradeBands: managed,
    level: managed,
    model: managed,
    recognition: managed,
    regime: managed,
    tier: managed,
    title: managed,
    unsettledCount: derived,
    unverifiedCount: derived,
    unverifiedIndicators: derived,
  },
  noun: 'bộ tiêu chí',
  steps: {},
}

/** A province's own catalogue row: the owner may only be inside the writer's subtree (none: national, the admin's). */
const catalogueFields = {
  authority: input({ create: managers, target: 'catalogue-owner', update: managers }),
  id: fixed({ create: managers }),
  label: managed,
  order: managed,
  source: managed,
}

export const tierWrites: WriteRules = {
  ...noWorkflow,
  collection: 'tiers',
  fields: { ...catalogueFields, evaluatedBy: managed },
  noun: 'cấp đơn vị',
  steps: {},
}

export const unitTypeWrites: WriteRules = {
  ...noWorkflow,
  collection: 'unit-types',
  fields: { ...catalogueFields, tier: managed },
  noun: 'loại đơn vị',
  steps: {},
}

/** Reference documents (a province's guide, plan, team decision): entered by the authority that issued or received them. */
export const legalDocumentWrites: WriteRules = {
  ...noWorkflow,
  collection: 'legal-documents',
  fields: {
    _objectKey: derived,
    authority: input({ create: managers, target: 'catalogue-owner', update: managers }),
    issuedOn: managed,
    issuer: managed,
    kind: managed,
    label: derived,
    number: managed,
    prefix: derived,
    title: managed,
  },
  noun: 'văn bản',
  steps: {},
}

/** Templates of the generated papers: the admin's defaults (no authority), an authority-admin's own subtree's. */
export const documentTemplateWrites: WriteRules = {
  ...noWorkflow,
  collection: 'document-templates',
  fields: {
    _objectKey: derived,
    authority: input({ create: managers, target: 'catalogue-owner', update: managers }),
    docType: managed,
    isActive: managed,
    prefix: derived,
    regime: managed,
    title: managed,
  },
  noun: 'mẫu văn bản',
  steps: {},
}

/** The audit trail is append-only: written by the hooks that record each change, never through the API. */
export const auditEventWrites: WriteRules = {
  ...noWorkflow,
  collection: 'audit-events',
  fields: Object.fromEntries(['action', 'actor', 'at', 'authority', 'collection', 'comment', 'docId', 'from', 'round', 'to', 'unit'].map((field) => [field, { kind: 'step', step: 'audit' }])),
  noun: 'nhật ký',
  steps: { audit: 'Ghi nhật ký' },
}
