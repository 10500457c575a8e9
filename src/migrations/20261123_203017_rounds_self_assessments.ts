import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rounds_plan_kind" AS ENUM('on', 'before', 'by');
  CREATE TYPE "public"."enum_rounds_team_role" AS ENUM('truong-doan', 'thu-ky', 'thanh-vien');
  CREATE TYPE "public"."enum_rounds_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum_rounds_status" AS ENUM('draft', 'open', 'reviewing', 'closed');
  CREATE TYPE "public"."enum_rounds_deadlines_submission_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_submission_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_rounds_deadlines_review_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_review_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_rounds_deadlines_decision_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_decision_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_rounds_deadlines_report_up_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_report_up_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_sa_answers_yes_no" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum_self_assessments_status" AS ENUM('draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised');
  CREATE TYPE "public"."enum_self_assessments_outcome" AS ENUM('incomplete', 'met', 'not-met', 'tot', 'kha', 'trung-binh', 'chua-dat');
  CREATE TYPE "public"."enum__sa_answers_v_yes_no" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum__self_assessments_v_version_status" AS ENUM('draft', 'submitted', 'in-review', 'returned', 'reviewed', 'recognised', 'not-recognised');
  CREATE TYPE "public"."enum__self_assessments_v_version_outcome" AS ENUM('incomplete', 'met', 'not-met', 'tot', 'kha', 'trung-binh', 'chua-dat');
  CREATE TABLE "rounds_plan" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"task" varchar NOT NULL,
  	"lead" varchar,
  	"coordinating" varchar,
  	"kind" "enum_rounds_plan_kind" DEFAULT 'on',
  	"start" timestamp(3) with time zone,
  	"due" timestamp(3) with time zone,
  	"timing" varchar
  );
  
  CREATE TABLE "rounds_extensions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"unit_id" integer NOT NULL,
  	"until" timestamp(3) with time zone NOT NULL,
  	"reason" varchar NOT NULL
  );
  
  CREATE TABLE "rounds_team" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"role" "enum_rounds_team_role" DEFAULT 'thanh-vien' NOT NULL
  );
  
  CREATE TABLE "rounds_dossier" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"note" varchar
  );
  
  CREATE TABLE "rounds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"year" numeric NOT NULL,
  	"authority_id" integer NOT NULL,
  	"tier" "enum_rounds_tier" DEFAULT 'huyen' NOT NULL,
  	"status" "enum_rounds_status" DEFAULT 'draft' NOT NULL,
  	"deadlines_submission_kind" "enum_rounds_deadlines_submission_kind" DEFAULT 'before',
  	"deadlines_submission_day" numeric DEFAULT 15,
  	"deadlines_submission_month" numeric DEFAULT 1,
  	"deadlines_submission_year_offset" "enum_rounds_deadlines_submission_year_offset" DEFAULT '1',
  	"deadlines_submission_text" varchar,
  	"deadlines_review_kind" "enum_rounds_deadlines_review_kind" DEFAULT 'before',
  	"deadlines_review_day" numeric,
  	"deadlines_review_month" numeric,
  	"deadlines_review_year_offset" "enum_rounds_deadlines_review_year_offset" DEFAULT '1',
  	"deadlines_review_text" varchar,
  	"deadlines_decision_kind" "enum_rounds_deadlines_decision_kind" DEFAULT 'before',
  	"deadlines_decision_day" numeric DEFAULT 15,
  	"deadlines_decision_month" numeric DEFAULT 2,
  	"deadlines_decision_year_offset" "enum_rounds_deadlines_decision_year_offset" DEFAULT '1',
  	"deadlines_decision_text" varchar,
  	"deadlines_report_up_kind" "enum_rounds_deadlines_report_up_kind" DEFAULT 'before',
  	"deadlines_report_up_day" numeric,
  	"deadlines_report_up_month" numeric,
  	"deadlines_report_up_year_offset" "enum_rounds_deadlines_report_up_year_offset" DEFAULT '1',
  	"deadlines_report_up_text" varchar,
  	"copied_from_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rounds_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"criteria_sets_id" integer
  );
  
  CREATE TABLE "sa_answers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"indicator" varchar,
  	"criterion" varchar,
  	"measure" varchar,
  	"max_points" numeric,
  	"scale" jsonb,
  	"is_applicable" boolean,
  	"status" varchar,
  	"text" varchar,
  	"threshold" varchar,
  	"evidence_required" boolean,
  	"yes_no" "enum_sa_answers_yes_no",
  	"numerator" numeric,
  	"denominator" numeric,
  	"points" numeric,
  	"rank" varchar,
  	"explanation" varchar
  );
  
  CREATE TABLE "self_assessments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"round_id" integer NOT NULL,
  	"criteria_set_id" integer NOT NULL,
  	"unit_id" integer NOT NULL,
  	"status" "enum_self_assessments_status" DEFAULT 'draft' NOT NULL,
  	"return_reason" varchar,
  	"deadline_text" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"submitted_by_id" integer,
  	"outcome" "enum_self_assessments_outcome",
  	"level" numeric,
  	"points" numeric,
  	"is_complete" boolean,
  	"missing_count" numeric,
  	"result" jsonb,
  	"authority_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "self_assessments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"evidence_id" integer
  );
  
  CREATE TABLE "_sa_answers_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"indicator" varchar,
  	"criterion" varchar,
  	"measure" varchar,
  	"max_points" numeric,
  	"scale" jsonb,
  	"is_applicable" boolean,
  	"status" varchar,
  	"text" varchar,
  	"threshold" varchar,
  	"evidence_required" boolean,
  	"yes_no" "enum__sa_answers_v_yes_no",
  	"numerator" numeric,
  	"denominator" numeric,
  	"points" numeric,
  	"rank" varchar,
  	"explanation" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_self_assessments_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_round_id" integer NOT NULL,
  	"version_criteria_set_id" integer NOT NULL,
  	"version_unit_id" integer NOT NULL,
  	"version_status" "enum__self_assessments_v_version_status" DEFAULT 'draft' NOT NULL,
  	"version_return_reason" varchar,
  	"version_deadline_text" varchar,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_submitted_by_id" integer,
  	"version_outcome" "enum__self_assessments_v_version_outcome",
  	"version_level" numeric,
  	"version_points" numeric,
  	"version_is_complete" boolean,
  	"version_missing_count" numeric,
  	"version_result" jsonb,
  	"version_authority_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_self_assessments_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"evidence_id" integer
  );
  
  CREATE TABLE "evidence" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"document_number" varchar,
  	"issued_on" timestamp(3) with time zone,
  	"unit_id" integer NOT NULL,
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
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor_id" integer,
  	"action" varchar NOT NULL,
  	"collection" varchar NOT NULL,
  	"doc_id" varchar NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"comment" varchar,
  	"authority_id" integer,
  	"round_id" integer,
  	"unit_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rounds_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "self_assessments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "evidence_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  ALTER TABLE "rounds_plan" ADD CONSTRAINT "rounds_plan_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rounds_extensions" ADD CONSTRAINT "rounds_extensions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds_extensions" ADD CONSTRAINT "rounds_extensions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rounds_team" ADD CONSTRAINT "rounds_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds_team" ADD CONSTRAINT "rounds_team_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rounds_dossier" ADD CONSTRAINT "rounds_dossier_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rounds" ADD CONSTRAINT "rounds_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds" ADD CONSTRAINT "rounds_copied_from_id_rounds_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds_rels" ADD CONSTRAINT "rounds_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rounds_rels" ADD CONSTRAINT "rounds_rels_criteria_sets_fk" FOREIGN KEY ("criteria_sets_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sa_answers" ADD CONSTRAINT "sa_answers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "self_assessments_rels" ADD CONSTRAINT "self_assessments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "self_assessments_rels" ADD CONSTRAINT "self_assessments_rels_evidence_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_sa_answers_v" ADD CONSTRAINT "_sa_answers_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_self_assessments_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_parent_id_self_assessments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."self_assessments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_round_id_rounds_id_fk" FOREIGN KEY ("version_round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("version_criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_unit_id_units_id_fk" FOREIGN KEY ("version_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v" ADD CONSTRAINT "_self_assessments_v_version_authority_id_authorities_id_fk" FOREIGN KEY ("version_authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_self_assessments_v_rels" ADD CONSTRAINT "_self_assessments_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_self_assessments_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_self_assessments_v_rels" ADD CONSTRAINT "_self_assessments_v_rels_evidence_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "evidence" ADD CONSTRAINT "evidence_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "rounds_plan_order_idx" ON "rounds_plan" USING btree ("_order");
  CREATE INDEX "rounds_plan_parent_id_idx" ON "rounds_plan" USING btree ("_parent_id");
  CREATE INDEX "rounds_extensions_order_idx" ON "rounds_extensions" USING btree ("_order");
  CREATE INDEX "rounds_extensions_parent_id_idx" ON "rounds_extensions" USING btree ("_parent_id");
  CREATE INDEX "rounds_extensions_unit_idx" ON "rounds_extensions" USING btree ("unit_id");
  CREATE INDEX "rounds_team_order_idx" ON "rounds_team" USING btree ("_order");
  CREATE INDEX "rounds_team_parent_id_idx" ON "rounds_team" USING btree ("_parent_id");
  CREATE INDEX "rounds_team_user_idx" ON "rounds_team" USING btree ("user_id");
  CREATE INDEX "rounds_dossier_order_idx" ON "rounds_dossier" USING btree ("_order");
  CREATE INDEX "rounds_dossier_parent_id_idx" ON "rounds_dossier" USING btree ("_parent_id");
  CREATE INDEX "rounds_authority_idx" ON "rounds" USING btree ("authority_id");
  CREATE INDEX "rounds_status_idx" ON "rounds" USING btree ("status");
  CREATE INDEX "rounds_copied_from_idx" ON "rounds" USING btree ("copied_from_id");
  CREATE INDEX "rounds_updated_at_idx" ON "rounds" USING btree ("updated_at");
  CREATE INDEX "rounds_created_at_idx" ON "rounds" USING btree ("created_at");
  CREATE INDEX "rounds_rels_order_idx" ON "rounds_rels" USING btree ("order");
  CREATE INDEX "rounds_rels_parent_idx" ON "rounds_rels" USING btree ("parent_id");
  CREATE INDEX "rounds_rels_path_idx" ON "rounds_rels" USING btree ("path");
  CREATE INDEX "rounds_rels_criteria_sets_id_idx" ON "rounds_rels" USING btree ("criteria_sets_id");
  CREATE INDEX "sa_answers_order_idx" ON "sa_answers" USING btree ("_order");
  CREATE INDEX "sa_answers_parent_id_idx" ON "sa_answers" USING btree ("_parent_id");
  CREATE INDEX "self_assessments_round_idx" ON "self_assessments" USING btree ("round_id");
  CREATE INDEX "self_assessments_criteria_set_idx" ON "self_assessments" USING btree ("criteria_set_id");
  CREATE INDEX "self_assessments_unit_idx" ON "self_assessments" USING btree ("unit_id");
  CREATE INDEX "self_assessments_status_idx" ON "self_assessments" USING btree ("status");
  CREATE INDEX "self_assessments_submitted_at_idx" ON "self_assessments" USING btree ("submitted_at");
  CREATE INDEX "self_assessments_submitted_by_idx" ON "self_assessments" USING btree ("submitted_by_id");
  CREATE INDEX "self_assessments_outcome_idx" ON "self_assessments" USING btree ("outcome");
  CREATE INDEX "self_assessments_authority_idx" ON "self_assessments" USING btree ("authority_id");
  CREATE INDEX "self_assessments_updated_at_idx" ON "self_assessments" USING btree ("updated_at");
  CREATE INDEX "self_assessments_created_at_idx" ON "self_assessments" USING btree ("created_at");
  CREATE UNIQUE INDEX "unit_round_idx" ON "self_assessments" USING btree ("unit_id","round_id");
  CREATE INDEX "self_assessments_rels_order_idx" ON "self_assessments_rels" USING btree ("order");
  CREATE INDEX "self_assessments_rels_parent_idx" ON "self_assessments_rels" USING btree ("parent_id");
  CREATE INDEX "self_assessments_rels_path_idx" ON "self_assessments_rels" USING btree ("path");
  CREATE INDEX "self_assessments_rels_evidence_id_idx" ON "self_assessments_rels" USING btree ("evidence_id");
  CREATE INDEX "_sa_answers_v_order_idx" ON "_sa_answers_v" USING btree ("_order");
  CREATE INDEX "_sa_answers_v_parent_id_idx" ON "_sa_answers_v" USING btree ("_parent_id");
  CREATE INDEX "_self_assessments_v_parent_idx" ON "_self_assessments_v" USING btree ("parent_id");
  CREATE INDEX "_self_assessments_v_version_version_round_idx" ON "_self_assessments_v" USING btree ("version_round_id");
  CREATE INDEX "_self_assessments_v_version_version_criteria_set_idx" ON "_self_assessments_v" USING btree ("version_criteria_set_id");
  CREATE INDEX "_self_assessments_v_version_version_unit_idx" ON "_self_assessments_v" USING btree ("version_unit_id");
  CREATE INDEX "_self_assessments_v_version_version_status_idx" ON "_self_assessments_v" USING btree ("version_status");
  CREATE INDEX "_self_assessments_v_version_version_submitted_at_idx" ON "_self_assessments_v" USING btree ("version_submitted_at");
  CREATE INDEX "_self_assessments_v_version_version_submitted_by_idx" ON "_self_assessments_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_self_assessments_v_version_version_outcome_idx" ON "_self_assessments_v" USING btree ("version_outcome");
  CREATE INDEX "_self_assessments_v_version_version_authority_idx" ON "_self_assessments_v" USING btree ("version_authority_id");
  CREATE INDEX "_self_assessments_v_version_version_updated_at_idx" ON "_self_assessments_v" USING btree ("version_updated_at");
  CREATE INDEX "_self_assessments_v_version_version_created_at_idx" ON "_self_assessments_v" USING btree ("version_created_at");
  CREATE INDEX "_self_assessments_v_created_at_idx" ON "_self_assessments_v" USING btree ("created_at");
  CREATE INDEX "_self_assessments_v_updated_at_idx" ON "_self_assessments_v" USING btree ("updated_at");
  CREATE INDEX "version_unit_version_round_idx" ON "_self_assessments_v" USING btree ("version_unit_id","version_round_id");
  CREATE INDEX "_self_assessments_v_rels_order_idx" ON "_self_assessments_v_rels" USING btree ("order");
  CREATE INDEX "_self_assessments_v_rels_parent_idx" ON "_self_assessments_v_rels" USING btree ("parent_id");
  CREATE INDEX "_self_assessments_v_rels_path_idx" ON "_self_assessments_v_rels" USING btree ("path");
  CREATE INDEX "_self_assessments_v_rels_evidence_id_idx" ON "_self_assessments_v_rels" USING btree ("evidence_id");
  CREATE INDEX "evidence_unit_idx" ON "evidence" USING btree ("unit_id");
  CREATE INDEX "evidence_updated_at_idx" ON "evidence" USING btree ("updated_at");
  CREATE INDEX "evidence_created_at_idx" ON "evidence" USING btree ("created_at");
  CREATE UNIQUE INDEX "evidence_filename_idx" ON "evidence" USING btree ("filename");
  CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");
  CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_doc_id_idx" ON "audit_events" USING btree ("doc_id");
  CREATE INDEX "audit_events_authority_idx" ON "audit_events" USING btree ("authority_id");
  CREATE INDEX "audit_events_round_idx" ON "audit_events" USING btree ("round_id");
  CREATE INDEX "audit_events_unit_idx" ON "audit_events" USING btree ("unit_id");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rounds_fk" FOREIGN KEY ("rounds_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_self_assessments_fk" FOREIGN KEY ("self_assessments_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evidence_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_rounds_id_idx" ON "payload_locked_documents_rels" USING btree ("rounds_id");
  CREATE INDEX "payload_locked_documents_rels_self_assessments_id_idx" ON "payload_locked_documents_rels" USING btree ("self_assessments_id");
  CREATE INDEX "payload_locked_documents_rels_evidence_id_idx" ON "payload_locked_documents_rels" USING btree ("evidence_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "rounds_plan" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rounds_extensions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rounds_team" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rounds_dossier" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rounds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rounds_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sa_answers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "self_assessments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "self_assessments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_sa_answers_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_self_assessments_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_self_assessments_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "evidence" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "rounds_plan" CASCADE;
  DROP TABLE "rounds_extensions" CASCADE;
  DROP TABLE "rounds_team" CASCADE;
  DROP TABLE "rounds_dossier" CASCADE;
  DROP TABLE "rounds" CASCADE;
  DROP TABLE "rounds_rels" CASCADE;
  DROP TABLE "sa_answers" CASCADE;
  DROP TABLE "self_assessments" CASCADE;
  DROP TABLE "self_assessments_rels" CASCADE;
  DROP TABLE "_sa_answers_v" CASCADE;
  DROP TABLE "_self_assessments_v" CASCADE;
  DROP TABLE "_self_assessments_v_rels" CASCADE;
  DROP TABLE "evidence" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rounds_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_self_assessments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_evidence_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  DROP INDEX "payload_locked_documents_rels_rounds_id_idx";
  DROP INDEX "payload_locked_documents_rels_self_assessments_id_idx";
  DROP INDEX "payload_locked_documents_rels_evidence_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rounds_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "self_assessments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "evidence_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";
  DROP TYPE "public"."enum_rounds_plan_kind";
  DROP TYPE "public"."enum_rounds_team_role";
  DROP TYPE "public"."enum_rounds_tier";
  DROP TYPE "public"."enum_rounds_status";
  DROP TYPE "public"."enum_rounds_deadlines_submission_kind";
  DROP TYPE "public"."enum_rounds_deadlines_submission_year_offset";
  DROP TYPE "public"."enum_rounds_deadlines_review_kind";
  DROP TYPE "public"."enum_rounds_deadlines_review_year_offset";
  DROP TYPE "public"."enum_rounds_deadlines_decision_kind";
  DROP TYPE "public"."enum_rounds_deadlines_decision_year_offset";
  DROP TYPE "public"."enum_rounds_deadlines_report_up_kind";
  DROP TYPE "public"."enum_rounds_deadlines_report_up_year_offset";
  DROP TYPE "public"."enum_sa_answers_yes_no";
  DROP TYPE "public"."enum_self_assessments_status";
  DROP TYPE "public"."enum_self_assessments_outcome";
  DROP TYPE "public"."enum__sa_answers_v_yes_no";
  DROP TYPE "public"."enum__self_assessments_v_version_status";
  DROP TYPE "public"."enum__self_assessments_v_version_outcome";`)
}
