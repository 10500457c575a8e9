import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "confirmation_document_label" varchar;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "confirmation_document_label" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "confirmation_document_label";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "confirmation_document_label";`)
}
