import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_decisions_kind" AS ENUM('recognition', 'revocation');
  CREATE TYPE "public"."enum_recognitions_status" AS ENUM('valid', 'revoked');
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_self_assessments_fk";
  
  DROP INDEX "payload_locked_documents_rels_self_assessments_id_idx";
  ALTER TABLE "self_assessments" ADD COLUMN "decision_id" integer;
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_decision_id" integer;
  ALTER TABLE "decisions" ADD COLUMN "kind" "enum_decisions_kind" DEFAULT 'recognition';
  ALTER TABLE "decisions" ADD COLUMN "revokes_id" integer;
  ALTER TABLE "decisions" ADD COLUMN "reason" varchar;
  ALTER TABLE "recognitions" ADD COLUMN "status" "enum_recognitions_status" DEFAULT 'valid';
  ALTER TABLE "recognitions" ADD COLUMN "revoked_by_id" integer;
  ALTER TABLE "recognitions" ADD COLUMN "revoked_on" timestamp(3) with time zone;
  ALTER TABLE "recognitions" ADD COLUMN "revocation_reason" varchar;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_decision_id_decisions_id_fk" FOREIGN KEY ("version_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revokes_id_decisions_id_fk" FOREIGN KEY ("revokes_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_revoked_by_id_decisions_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "self_assessments_decision_idx" ON "self_assessments" USING btree ("decision_id");
  CREATE INDEX "_self_assessments_v_version_version_decision_idx" ON "_self_assessments_v" USING btree ("version_decision_id");
  CREATE INDEX "decisions_revokes_idx" ON "decisions" USING btree ("revokes_id");
  CREATE INDEX "recognitions_status_idx" ON "recognitions" USING btree ("status");
  CREATE INDEX "recognitions_revoked_by_idx" ON "recognitions" USING btree ("revoked_by_id");
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "self_assessments_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "self_assessments" DROP CONSTRAINT "self_assessments_decision_id_decisions_id_fk";
  
  ALTER TABLE "_self_assessments_v" DROP CONSTRAINT "_self_assessments_v_version_decision_id_decisions_id_fk";
  
  ALTER TABLE "decisions" DROP CONSTRAINT "decisions_revokes_id_decisions_id_fk";
  
  ALTER TABLE "recognitions" DROP CONSTRAINT "recognitions_revoked_by_id_decisions_id_fk";
  
  DROP INDEX "self_assessments_decision_idx";
  DROP INDEX "_self_assessments_v_version_version_decision_idx";
  DROP INDEX "decisions_revokes_idx";
  DROP INDEX "recognitions_status_idx";
  DROP INDEX "recognitions_revoked_by_idx";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "self_assessments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_self_assessments_fk" FOREIGN KEY ("self_assessments_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_self_assessments_id_idx" ON "payload_locked_documents_rels" USING btree ("self_assessments_id");
  ALTER TABLE "self_assessments" DROP COLUMN "decision_id";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_decision_id";
  ALTER TABLE "decisions" DROP COLUMN "kind";
  ALTER TABLE "decisions" DROP COLUMN "revokes_id";
  ALTER TABLE "decisions" DROP COLUMN "reason";
  ALTER TABLE "recognitions" DROP COLUMN "status";
  ALTER TABLE "recognitions" DROP COLUMN "revoked_by_id";
  ALTER TABLE "recognitions" DROP COLUMN "revoked_on";
  ALTER TABLE "recognitions" DROP COLUMN "revocation_reason";
  DROP TYPE "public"."enum_decisions_kind";
  DROP TYPE "public"."enum_recognitions_status";`)
}
