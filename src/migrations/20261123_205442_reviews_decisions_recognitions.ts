import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rounds_consolidation_mode" AS ENUM('lead', 'majority');
  CREATE TYPE "public"."enum_self_assessments_team_outcome" AS ENUM('incomplete', 'met', 'not-met', 'tot', 'kha', 'trung-binh', 'chua-dat');
  CREATE TYPE "public"."enum__self_assessments_v_version_team_outcome" AS ENUM('incomplete', 'met', 'not-met', 'tot', 'kha', 'trung-binh', 'chua-dat');
  CREATE TYPE "public"."enum_review_verdicts_verdict" AS ENUM('met', 'not-met');
  CREATE TYPE "public"."enum_reviews_recommendation" AS ENUM('recognise', 'not-recognise', 'supplement');
  CREATE TYPE "public"."enum_decisions_status" AS ENUM('draft', 'issued');
  CREATE TABLE "review_verdicts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"indicator" varchar,
  	"text" varchar,
  	"unit_answer" varchar,
  	"verdict" "enum_review_verdicts_verdict",
  	"points" numeric,
  	"comment" varchar
  );
  
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"self_assessment_id" integer NOT NULL,
  	"reviewer_id" integer,
  	"conflict_of_interest" boolean,
  	"conflict_note" varchar,
  	"model" varchar,
  	"recommendation" "enum_reviews_recommendation",
  	"recommendation_note" varchar,
  	"result" jsonb,
  	"round_id" integer,
  	"unit_id" integer,
  	"authority_id" integer,
  	"is_decided" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "decisions_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"self_assessment_id" integer NOT NULL,
  	"outcome_label" varchar,
  	"is_removed" boolean,
  	"removal_reason" varchar,
  	"unit_id" integer,
  	"level" numeric,
  	"grade" varchar
  );
  
  CREATE TABLE "decisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"round_id" integer NOT NULL,
  	"number" varchar,
  	"signed_on" timestamp(3) with time zone,
  	"signer" varchar,
  	"status" "enum_decisions_status" DEFAULT 'draft' NOT NULL,
  	"authority_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recognitions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"unit_id" integer NOT NULL,
  	"unit_name" varchar,
  	"authority_id" integer NOT NULL,
  	"authority_name" varchar,
  	"regime" varchar,
  	"level" numeric,
  	"grade" varchar,
  	"outcome_label" varchar,
  	"year" numeric,
  	"decision_id" integer NOT NULL,
  	"decision_number" varchar,
  	"decided_on" timestamp(3) with time zone NOT NULL,
  	"valid_from" timestamp(3) with time zone NOT NULL,
  	"valid_until" timestamp(3) with time zone NOT NULL,
  	"self_assessment_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "rounds" ADD COLUMN "consolidation_mode" "enum_rounds_consolidation_mode" DEFAULT 'lead';
  ALTER TABLE "self_assessments" ADD COLUMN "team_outcome" "enum_self_assessments_team_outcome";
  ALTER TABLE "self_assessments" ADD COLUMN "team_level" numeric;
  ALTER TABLE "self_assessments" ADD COLUMN "team_points" numeric;
  ALTER TABLE "self_assessments" ADD COLUMN "disagreements" numeric;
  ALTER TABLE "self_assessments" ADD COLUMN "team_result" jsonb;
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_team_outcome" "enum__self_assessments_v_version_team_outcome";
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_team_level" numeric;
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_team_points" numeric;
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_disagreements" numeric;
  ALTER TABLE "_self_assessments_v" ADD COLUMN "version_team_result" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reviews_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "decisions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "recognitions_id" integer;
  ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_self_assessment_id_self_assessments_id_fk" FOREIGN KEY ("self_assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions_entries" ADD CONSTRAINT "decisions_entries_self_assessment_id_self_assessments_id_fk" FOREIGN KEY ("self_assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions_entries" ADD CONSTRAINT "decisions_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions_entries" ADD CONSTRAINT "decisions_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_self_assessment_id_self_assessments_id_fk" FOREIGN KEY ("self_assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "review_verdicts_order_idx" ON "review_verdicts" USING btree ("_order");
  CREATE INDEX "review_verdicts_parent_id_idx" ON "review_verdicts" USING btree ("_parent_id");
  CREATE INDEX "reviews_self_assessment_idx" ON "reviews" USING btree ("self_assessment_id");
  CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id");
  CREATE INDEX "reviews_round_idx" ON "reviews" USING btree ("round_id");
  CREATE INDEX "reviews_unit_idx" ON "reviews" USING btree ("unit_id");
  CREATE INDEX "reviews_authority_idx" ON "reviews" USING btree ("authority_id");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE UNIQUE INDEX "selfAssessment_reviewer_idx" ON "reviews" USING btree ("self_assessment_id","reviewer_id");
  CREATE INDEX "decisions_entries_order_idx" ON "decisions_entries" USING btree ("_order");
  CREATE INDEX "decisions_entries_parent_id_idx" ON "decisions_entries" USING btree ("_parent_id");
  CREATE INDEX "decisions_entries_self_assessment_idx" ON "decisions_entries" USING btree ("self_assessment_id");
  CREATE INDEX "decisions_entries_unit_idx" ON "decisions_entries" USING btree ("unit_id");
  CREATE INDEX "decisions_round_idx" ON "decisions" USING btree ("round_id");
  CREATE INDEX "decisions_authority_idx" ON "decisions" USING btree ("authority_id");
  CREATE INDEX "decisions_updated_at_idx" ON "decisions" USING btree ("updated_at");
  CREATE INDEX "decisions_created_at_idx" ON "decisions" USING btree ("created_at");
  CREATE INDEX "recognitions_unit_idx" ON "recognitions" USING btree ("unit_id");
  CREATE INDEX "recognitions_unit_name_idx" ON "recognitions" USING btree ("unit_name");
  CREATE INDEX "recognitions_authority_idx" ON "recognitions" USING btree ("authority_id");
  CREATE INDEX "recognitions_level_idx" ON "recognitions" USING btree ("level");
  CREATE INDEX "recognitions_year_idx" ON "recognitions" USING btree ("year");
  CREATE INDEX "recognitions_decision_idx" ON "recognitions" USING btree ("decision_id");
  CREATE INDEX "recognitions_decided_on_idx" ON "recognitions" USING btree ("decided_on");
  CREATE INDEX "recognitions_valid_until_idx" ON "recognitions" USING btree ("valid_until");
  CREATE INDEX "recognitions_self_assessment_idx" ON "recognitions" USING btree ("self_assessment_id");
  CREATE INDEX "recognitions_updated_at_idx" ON "recognitions" USING btree ("updated_at");
  CREATE INDEX "recognitions_created_at_idx" ON "recognitions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reviews_fk" FOREIGN KEY ("reviews_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_decisions_fk" FOREIGN KEY ("decisions_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recognitions_fk" FOREIGN KEY ("recognitions_id") REFERENCES "public"."recognitions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "self_assessments_team_outcome_idx" ON "self_assessments" USING btree ("team_outcome");
  CREATE INDEX "_self_assessments_v_version_version_team_outcome_idx" ON "_self_assessments_v" USING btree ("version_team_outcome");
  CREATE INDEX "payload_locked_documents_rels_reviews_id_idx" ON "payload_locked_documents_rels" USING btree ("reviews_id");
  CREATE INDEX "payload_locked_documents_rels_decisions_id_idx" ON "payload_locked_documents_rels" USING btree ("decisions_id");
  CREATE INDEX "payload_locked_documents_rels_recognitions_id_idx" ON "payload_locked_documents_rels" USING btree ("recognitions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "review_verdicts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reviews" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decisions_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decisions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recognitions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "review_verdicts" CASCADE;
  DROP TABLE "reviews" CASCADE;
  DROP TABLE "decisions_entries" CASCADE;
  DROP TABLE "decisions" CASCADE;
  DROP TABLE "recognitions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reviews_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_decisions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_recognitions_fk";
  
  DROP INDEX "self_assessments_team_outcome_idx";
  DROP INDEX "_self_assessments_v_version_version_team_outcome_idx";
  DROP INDEX "payload_locked_documents_rels_reviews_id_idx";
  DROP INDEX "payload_locked_documents_rels_decisions_id_idx";
  DROP INDEX "payload_locked_documents_rels_recognitions_id_idx";
  ALTER TABLE "rounds" DROP COLUMN "consolidation_mode";
  ALTER TABLE "self_assessments" DROP COLUMN "team_outcome";
  ALTER TABLE "self_assessments" DROP COLUMN "team_level";
  ALTER TABLE "self_assessments" DROP COLUMN "team_points";
  ALTER TABLE "self_assessments" DROP COLUMN "disagreements";
  ALTER TABLE "self_assessments" DROP COLUMN "team_result";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_team_outcome";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_team_level";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_team_points";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_disagreements";
  ALTER TABLE "_self_assessments_v" DROP COLUMN "version_team_result";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reviews_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "decisions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "recognitions_id";
  DROP TYPE "public"."enum_rounds_consolidation_mode";
  DROP TYPE "public"."enum_self_assessments_team_outcome";
  DROP TYPE "public"."enum__self_assessments_v_version_team_outcome";
  DROP TYPE "public"."enum_review_verdicts_verdict";
  DROP TYPE "public"."enum_reviews_recommendation";
  DROP TYPE "public"."enum_decisions_status";`)
}
