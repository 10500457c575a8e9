/**
 * Baseline A of `npm run bench`: a bare Payload collection of the same shape as `self-assessments`
 * (the same stored fields, the 17-field answers array, the result json, the same relationships as
 * plain relationship fields) with Payload's defaults — no hooks of ours, no versions, access for
 * the admin only. Its cost is what Payload itself charges for a save of such a document; the app's
 * save is compared with it. Present only when BENCH_BASELINE=true (benchExtras), with its table
 * from bench/migrations/, so the product and its migration chain never see it.
 */
import type { Access, CollectionConfig, Field, Migration } from 'payload'

import { migration as bareMigration } from './migrations/20261129_bench_bare'

const isAdmin: Access = ({ req }) => Boolean((req.user as { roles?: string[] } | null)?.roles?.includes('admin'))

const outcomes = ['incomplete', 'met', 'not-met', 'tot', 'kha', 'trung-binh', 'chua-dat']

const answerFields: Field[] = [
  { name: 'indicator', type: 'text' },
  { name: 'criterion', type: 'text' },
  { name: 'measure', type: 'text' },
  { name: 'maxPoints', type: 'number' },
  { name: 'scale', type: 'json' },
  { name: 'isApplicable', type: 'checkbox' },
  { name: 'status', type: 'text' },
  { name: 'text', type: 'textarea' },
  { name: 'threshold', type: 'text' },
  { name: 'evidenceRequired', type: 'checkbox' },
  { name: 'yesNo', type: 'select', options: ['yes', 'no'] },
  { name: 'numerator', type: 'number' },
  { name: 'denominator', type: 'number' },
  { name: 'points', type: 'number' },
  { name: 'rank', type: 'text' },
  { name: 'evidence', type: 'relationship', hasMany: true, relationTo: 'evidence' },
  { name: 'explanation', type: 'textarea' },
]

export const benchBareSlug = 'bench-bare'

export const BenchBare: CollectionConfig = {
  slug: benchBareSlug,
  access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  fields: [
    { name: 'title', type: 'text' },
    { name: 'round', type: 'relationship', relationTo: 'rounds', required: true },
    { name: 'criteriaSet', type: 'relationship', relationTo: 'criteria-sets', required: true },
    { name: 'unit', type: 'relationship', index: true, relationTo: 'units', required: true },
    { name: 'answers', type: 'array', dbName: 'bench_bare_answers', fields: answerFields },
    { name: 'status', type: 'select', defaultValue: 'draft', index: true, options: ['draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised'], required: true },
    { name: 'returnReason', type: 'textarea' },
    { name: 'deadlineText', type: 'text' },
    { name: 'submittedAt', type: 'date', index: true },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
    { name: 'outcome', type: 'select', index: true, options: outcomes },
    { name: 'level', type: 'number' },
    { name: 'points', type: 'number' },
    { name: 'isComplete', type: 'checkbox' },
    { name: 'missingCount', type: 'number' },
    { name: 'result', type: 'json' },
    { name: 'teamOutcome', type: 'select', index: true, options: outcomes },
    { name: 'teamLevel', type: 'number' },
    { name: 'teamPoints', type: 'number' },
    { name: 'disagreements', type: 'number' },
    { name: 'teamResult', type: 'json' },
    { name: 'authority', type: 'relationship', index: true, relationTo: 'authorities' },
    { name: 'decision', type: 'relationship', relationTo: 'decisions' },
  ],
}

export const isBenchBaseline = ({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}) => env.BENCH_BASELINE === 'true'

/**
 * What a bench build adds to the app: the bare collection and the migration creating its tables,
 * appended after the app's own; nothing at all unless BENCH_BASELINE=true.
 */
export const benchExtras = ({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): { collections: CollectionConfig[]; migrations: Migration[] } =>
  isBenchBaseline({ env }) ? { collections: [BenchBare], migrations: [bareMigration as unknown as Migration] } : { collections: [], migrations: [] }
