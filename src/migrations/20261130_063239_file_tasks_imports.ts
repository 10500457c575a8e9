import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_file_tasks_kind" ADD VALUE 'unit-import';
  ALTER TYPE "public"."enum_file_tasks_format" ADD VALUE 'csv';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'import-units';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'import-units';
  ALTER TABLE "file_tasks" ALTER COLUMN "format" DROP NOT NULL;
  ALTER TABLE "file_tasks" ADD COLUMN "result" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "file_tasks" ALTER COLUMN "kind" SET DATA TYPE text;
  ALTER TABLE "file_tasks" ALTER COLUMN "kind" SET DEFAULT 'round-document'::text;
  DROP TYPE "public"."enum_file_tasks_kind";
  CREATE TYPE "public"."enum_file_tasks_kind" AS ENUM('round-document');
  ALTER TABLE "file_tasks" ALTER COLUMN "kind" SET DEFAULT 'round-document'::"public"."enum_file_tasks_kind";
  ALTER TABLE "file_tasks" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_file_tasks_kind" USING "kind"::"public"."enum_file_tasks_kind";
  ALTER TABLE "file_tasks" ALTER COLUMN "format" SET DATA TYPE text;
  DROP TYPE "public"."enum_file_tasks_format";
  CREATE TYPE "public"."enum_file_tasks_format" AS ENUM('docx', 'xlsx', 'pdf');
  ALTER TABLE "file_tasks" ALTER COLUMN "format" SET DATA TYPE "public"."enum_file_tasks_format" USING "format"::"public"."enum_file_tasks_format";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliver-outbox', 'send-reminders', 'generate-round-document');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliver-outbox', 'send-reminders', 'generate-round-document');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "file_tasks" ALTER COLUMN "format" SET NOT NULL;
  ALTER TABLE "file_tasks" DROP COLUMN "result";`)
}
