import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Several app nodes (issue 16): each upload collection records its files' key prefix in an S3
 * bucket (`prefix`, the collection's name; src/storage/locations.ts), existing rows included, so
 * that files copied to the bucket under the same folder names are found, and the storage
 * adapter's own `_objectKey`; and the request limits' counters shared by every process and node
 * (`rate_limit_windows`, src/security/sharedRateLimit.ts: outside Payload's schema, written only
 * by that module). Re-created on top of the file-tasks, boundary and index migrations of the same
 * day; the UPDATEs and the table are added by hand, as in the first version.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "evidence" ADD COLUMN "prefix" varchar;
  ALTER TABLE "evidence" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "legal_documents" ADD COLUMN "prefix" varchar;
  ALTER TABLE "legal_documents" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "document_templates" ADD COLUMN "prefix" varchar;
  ALTER TABLE "document_templates" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "file_tasks" ADD COLUMN "prefix" varchar;
  ALTER TABLE "file_tasks" ADD COLUMN "_objectkey" varchar;
  UPDATE "evidence" SET "prefix" = 'evidence';
  UPDATE "legal_documents" SET "prefix" = 'legal-documents';
  UPDATE "document_templates" SET "prefix" = 'document-templates';
  UPDATE "file_tasks" SET "prefix" = 'file-tasks';
  CREATE TABLE IF NOT EXISTS "rate_limit_windows" (
  	"key" varchar PRIMARY KEY NOT NULL,
  	"count" integer NOT NULL,
  	"reset_at" timestamp(3) with time zone NOT NULL,
  	"is_allowed" boolean NOT NULL
  );`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "rate_limit_windows";
  ALTER TABLE "evidence" DROP COLUMN "prefix";
  ALTER TABLE "evidence" DROP COLUMN "_objectkey";
  ALTER TABLE "legal_documents" DROP COLUMN "prefix";
  ALTER TABLE "legal_documents" DROP COLUMN "_objectkey";
  ALTER TABLE "document_templates" DROP COLUMN "prefix";
  ALTER TABLE "document_templates" DROP COLUMN "_objectkey";
  ALTER TABLE "file_tasks" DROP COLUMN "prefix";
  ALTER TABLE "file_tasks" DROP COLUMN "_objectkey";`)
}
