import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_file_tasks_kind" AS ENUM('round-document');
  CREATE TYPE "public"."enum_file_tasks_format" AS ENUM('docx', 'xlsx', 'pdf');
  CREATE TYPE "public"."enum_file_tasks_status" AS ENUM('queued', 'running', 'done', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'generate-round-document';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'generate-round-document';
  CREATE TABLE "file_tasks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"kind" "enum_file_tasks_kind" DEFAULT 'round-document' NOT NULL,
  	"round_id" integer,
  	"doc_type" varchar,
  	"format" "enum_file_tasks_format" NOT NULL,
  	"requested_by_id" integer,
  	"status" "enum_file_tasks_status" DEFAULT 'queued' NOT NULL,
  	"progress" numeric DEFAULT 0,
  	"stage" varchar,
  	"error" varchar,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "file_tasks_id" integer;
  ALTER TABLE "file_tasks" ADD CONSTRAINT "file_tasks_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "file_tasks" ADD CONSTRAINT "file_tasks_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "file_tasks_round_idx" ON "file_tasks" USING btree ("round_id");
  CREATE INDEX "file_tasks_requested_by_idx" ON "file_tasks" USING btree ("requested_by_id");
  CREATE INDEX "file_tasks_status_idx" ON "file_tasks" USING btree ("status");
  CREATE INDEX "file_tasks_updated_at_idx" ON "file_tasks" USING btree ("updated_at");
  CREATE INDEX "file_tasks_created_at_idx" ON "file_tasks" USING btree ("created_at");
  CREATE UNIQUE INDEX "file_tasks_filename_idx" ON "file_tasks" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_file_tasks_fk" FOREIGN KEY ("file_tasks_id") REFERENCES "public"."file_tasks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_file_tasks_id_idx" ON "payload_locked_documents_rels" USING btree ("file_tasks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "file_tasks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "file_tasks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_file_tasks_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliver-outbox', 'send-reminders');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliver-outbox', 'send-reminders');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_file_tasks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "file_tasks_id";
  DROP TYPE "public"."enum_file_tasks_kind";
  DROP TYPE "public"."enum_file_tasks_format";
  DROP TYPE "public"."enum_file_tasks_status";`)
}
