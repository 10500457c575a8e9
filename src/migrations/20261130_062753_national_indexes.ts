import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "authority_status_idx" ON "self_assessments" USING btree ("authority_id","status");
  CREATE INDEX "status_submittedAt_idx" ON "self_assessments" USING btree ("status","submitted_at");
  CREATE INDEX "version_authority_version_status_idx" ON "_self_assessments_v" USING btree ("version_authority_id","version_status");
  CREATE INDEX "version_status_version_submittedAt_idx" ON "_self_assessments_v" USING btree ("version_status","version_submitted_at");
  CREATE INDEX "authority_decidedOn_idx" ON "recognitions" USING btree ("authority_id","decided_on");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "authority_status_idx";
  DROP INDEX "status_submittedAt_idx";
  DROP INDEX "version_authority_version_status_idx";
  DROP INDEX "version_status_version_submittedAt_idx";
  DROP INDEX "authority_decidedOn_idx";`)
}
