/**
 * What a transition reads besides the dossier's own row, with plain SELECTs on the tables Payload
 * made for the collections (no relational query, no field traversal): the answer rows as the
 * submission check needs them, with their evidence, the dossier slots with their files, and the
 * round's opening and submission rules, extensions and dossier checklist. A submission read them through the adapter's relational queries, whose building was
 * the largest part of its CPU (issue 10's crunch). The tables and columns are the adapter's own
 * (`payload.db.tables`, keyed by field name), so they follow the collections' config.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { and, asc, eq, inArray, like } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { transactionSession } from '@hooks/lockRow'

import type { AnswerRow } from './answers'
import type { SlotRow } from './dossierSlots'
import type { RoundForSteps } from './steps'

type Table = Record<string, any>

/** The request's transaction, or the pool when there is none (the embedded default). */
const databaseOf = async ({ req }: { req: PayloadRequest }) => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const { session } = await transactionSession({ req })
  return { db: (session ?? adapter.drizzle) as PostgresAdapter['drizzle'], tables: adapter.tables as Record<string, Table> }
}

/** The answer rows of dossier `id` in their order, each with the ids of its evidence. */
export const storedAnswerRows = async ({ id, req }: { id: number; req: PayloadRequest }): Promise<AnswerRow[]> => {
  const { db, tables } = await databaseOf({ req })
  const rows = tables.sa_answers
  const links = tables.self_assessments_rels
  // one after the other: inside a transaction they share one connection
  const answers = await db
    .select({
      evidenceRequired: rows.evidenceRequired,
      explanation: rows.explanation,
      indicator: rows.indicator,
      isApplicable: rows.isApplicable,
      measure: rows.measure,
      points: rows.points,
      status: rows.status,
    })
    .from(rows as never)
    .where(eq(rows._parentID, id))
    .orderBy(asc(rows._order))
  const evidence = await db
    .select({ evidence: links.evidenceID, path: links.path })
    .from(links as never)
    .where(and(eq(links.parent, id), like(links.path, 'answers.%.evidence')))
  // a row's evidence is stored under the path `answers.<index>.evidence`
  const byIndex = new Map<number, number[]>()
  for (const link of evidence as { evidence: number | null; path: string }[]) {
    const index = Number(link.path.split('.')[1])
    if (link.evidence !== null) byIndex.set(index, [...(byIndex.get(index) ?? []), link.evidence])
  }
  return (answers as AnswerRow[]).map((row, index) => ({ ...row, evidence: byIndex.get(index) ?? [] }))
}

/** The dossier slots of dossier `id` in their order, each with the ids of its files. */
export const storedDossierSlots = async ({ id, req }: { id: number; req: PayloadRequest }): Promise<SlotRow[]> => {
  const { db, tables } = await databaseOf({ req })
  const rows = tables.sa_dossier_files
  const links = tables.self_assessments_rels
  const slots = await db
    .select({ id: rows.id, isRequired: rows.isRequired, item: rows.item, title: rows.title })
    .from(rows as never)
    .where(eq(rows._parentID, id))
    .orderBy(asc(rows._order))
  const files = await db
    .select({ evidence: links.evidenceID, path: links.path })
    .from(links as never)
    .where(and(eq(links.parent, id), like(links.path, 'dossierFiles.%.files')))
    .orderBy(asc(links.order))
  // a slot's files are stored under the path `dossierFiles.<index>.files`
  const byIndex = new Map<number, number[]>()
  for (const link of files as { evidence: number | null; path: string }[]) {
    const index = Number(link.path.split('.')[1])
    if (link.evidence !== null) byIndex.set(index, [...(byIndex.get(index) ?? []), link.evidence])
  }
  return (slots as SlotRow[]).map((slot, index) => ({ ...slot, files: byIndex.get(index) ?? [] }))
}

/**
 * What the submission check reads of round `id`: status, title, year, the opening and submission
 * rules, extensions, and the dossier checklist.
 */
export const storedRoundForSubmission = async ({ id, req }: { id: number; req: PayloadRequest }): Promise<RoundForSteps | null> => {
  const { db, tables } = await databaseOf({ req })
  const rounds = tables.rounds
  const extensions = tables.rounds_extensions
  const checklist = tables.rounds_dossier
  const found = await db
      .select({
        day: rounds.deadlines_submission_day,
        id: rounds.id,
        kind: rounds.deadlines_submission_kind,
        month: rounds.deadlines_submission_month,
        openingDay: rounds.deadlines_opening_day,
        openingKind: rounds.deadlines_opening_kind,
        openingMonth: rounds.deadlines_opening_month,
        openingYearOffset: rounds.deadlines_opening_yearOffset,
        status: rounds.status,
        text: rounds.deadlines_submission_text,
        title: rounds.title,
        year: rounds.year,
        yearOffset: rounds.deadlines_submission_yearOffset,
      })
      .from(rounds as never)
      .where(eq(rounds.id, id))
  const granted = await db.select({ unit: extensions.unit, until: extensions.until }).from(extensions as never).where(eq(extensions._parentID, id))
  const dossier = await db
    .select({ id: checklist.id, isRequired: checklist.isRequired, title: checklist.title })
    .from(checklist as never)
    .where(eq(checklist._parentID, id))
    .orderBy(asc(checklist._order))
  const round = (found as Record<string, any>[])[0]
  if (!round) return null
  return {
    deadlines: {
      opening: { day: round.openingDay, kind: round.openingKind, month: round.openingMonth, yearOffset: round.openingYearOffset },
      submission: { day: round.day, kind: round.kind, month: round.month, text: round.text, yearOffset: round.yearOffset },
    },
    dossier: dossier as RoundForSteps['dossier'],
    extensions: granted as RoundForSteps['extensions'],
    id: round.id,
    status: round.status,
    title: round.title,
    year: round.year,
  }
}

/** An answer row as an export shows it: the indicator, the unit's value and the computed status. */
export type ExportedAnswer = {
  dossier: number
  criterion: string | null
  indicator: string | null
  text: string | null
  isApplicable: boolean | null
  status: string | null
  yesNo: string | null
  numerator: number | null
  denominator: number | null
  points: number | null
  rank: string | null
  explanation: string | null
}

/**
 * The answer rows of many dossiers (already read with the user's access), grouped by dossier, in
 * their order: one SELECT per thousand dossiers. A round's XLSX export of 3,000 dossiers read them
 * through `find` at several seconds per 300 (the bench's «sheets»).
 */
export const storedAnswersOf = async ({ ids, req }: { ids: readonly number[]; req: PayloadRequest }): Promise<Map<number, ExportedAnswer[]>> => {
  const { db, tables } = await databaseOf({ req })
  const rows = tables.sa_answers
  const byDossier = new Map<number, ExportedAnswer[]>()
  for (let start = 0; start < ids.length; start += 1_000) {
    const answers = (await db
      .select({
        criterion: rows.criterion,
        denominator: rows.denominator,
        dossier: rows._parentID,
        explanation: rows.explanation,
        indicator: rows.indicator,
        isApplicable: rows.isApplicable,
        numerator: rows.numerator,
        points: rows.points,
        rank: rows.rank,
        status: rows.status,
        text: rows.text,
        yesNo: rows.yesNo,
      })
      .from(rows as never)
      .where(inArray(rows._parentID, ids.slice(start, start + 1_000) as number[]))
      .orderBy(asc(rows._parentID), asc(rows._order))) as ExportedAnswer[]
    for (const answer of answers) byDossier.set(answer.dossier, [...(byDossier.get(answer.dossier) ?? []), answer])
  }
  return byDossier
}
