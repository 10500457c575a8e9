import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Issue 16, national bench: the start pages count the open rounds' dossiers by status from the
 * (round, status) index alone; the public register's name search (`unitName like`, an ILIKE per
 * word) finds its rows through a trigram index instead of reading the whole register twice (the
 * page and its count). pg_trgm ships with PostgreSQL (Debian's postgresql package, managed
 * services) and is a trusted extension: the database's owner may create it. The embedded PGlite
 * loads it when it starts (src/db/embeddedProcess.ts). Payload's schema cannot declare a GIN index,
 * so this one is written by hand; the `down` leaves the extension, which costs nothing.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "round_status_idx" ON "self_assessments" USING btree ("round_id","status");
  CREATE INDEX "version_round_version_status_idx" ON "_self_assessments_v" USING btree ("version_round_id","version_status");
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX "recognitions_unit_name_trgm_idx" ON "recognitions" USING gin ("unit_name" gin_trgm_ops);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "round_status_idx";
  DROP INDEX "version_round_version_status_idx";
  DROP INDEX "recognitions_unit_name_trgm_idx";`)
}
