import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_indicator_unit_type" AS ENUM('xa', 'co_quan_dang', 'co_quan_nha_nuoc', 'doan_the', 'luc_luong_vu_trang', 'doanh_nghiep', 'mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'gdnn', 'dai_hoc', 'cao_dang', 'hoi', 'khac');
  CREATE TYPE "public"."enum_criteria_sets_criteria_indicators_measure" AS ENUM('boolean', 'ratio', 'points', 'rank');
  CREATE TYPE "public"."enum_criteria_sets_model" AS ENUM('pass-fail', 'points');
  CREATE TYPE "public"."enum_criteria_sets_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum_criteria_sets_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__criteria_sets_v_version_criteria_indicators_measure" AS ENUM('boolean', 'ratio', 'points', 'rank');
  CREATE TYPE "public"."enum__criteria_sets_v_version_model" AS ENUM('pass-fail', 'points');
  CREATE TYPE "public"."enum__criteria_sets_v_version_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum__criteria_sets_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "indicator_scale" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "indicators_applies_to" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"unit_type" "enum_indicator_unit_type"
  );
  
  CREATE TABLE "criteria_sets_criteria_indicators" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"measure" "enum_criteria_sets_criteria_indicators_measure" DEFAULT 'boolean',
  	"threshold" varchar,
  	"max_points" numeric,
  	"text" varchar,
  	"evidence_required" boolean DEFAULT true,
  	"is_verified" boolean DEFAULT false,
  	"source" varchar
  );
  
  CREATE TABLE "criteria_sets_criteria" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"title" varchar,
  	"max_points" numeric
  );
  
  CREATE TABLE "criteria_sets_grade_bands" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"label" varchar,
  	"min_points" numeric
  );
  
  CREATE TABLE "criteria_sets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"regime" varchar DEFAULT 'tt24-2023',
  	"title" varchar,
  	"model" "enum_criteria_sets_model" DEFAULT 'pass-fail',
  	"tier" "enum_criteria_sets_tier",
  	"level" numeric,
  	"authority_id" integer,
  	"recognition_prerequisite_level" numeric,
  	"recognition_months_after_prerequisite" numeric,
  	"recognition_validity_months" numeric,
  	"unverified_count" numeric,
  	"unverified_indicators" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_criteria_sets_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_indicator_scale_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_indicators_applies_to_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"unit_type" "enum_indicator_unit_type",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_criteria_sets_v_version_criteria_indicators" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"measure" "enum__criteria_sets_v_version_criteria_indicators_measure" DEFAULT 'boolean',
  	"threshold" varchar,
  	"max_points" numeric,
  	"text" varchar,
  	"evidence_required" boolean DEFAULT true,
  	"is_verified" boolean DEFAULT false,
  	"source" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_criteria_sets_v_version_criteria" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"title" varchar,
  	"max_points" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_criteria_sets_v_version_grade_bands" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"label" varchar,
  	"min_points" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_criteria_sets_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_code" varchar,
  	"version_regime" varchar DEFAULT 'tt24-2023',
  	"version_title" varchar,
  	"version_model" "enum__criteria_sets_v_version_model" DEFAULT 'pass-fail',
  	"version_tier" "enum__criteria_sets_v_version_tier",
  	"version_level" numeric,
  	"version_authority_id" integer,
  	"version_recognition_prerequisite_level" numeric,
  	"version_recognition_months_after_prerequisite" numeric,
  	"version_recognition_validity_months" numeric,
  	"version_unverified_count" numeric,
  	"version_unverified_indicators" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__criteria_sets_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "criteria_sets_id" integer;
  ALTER TABLE "indicator_scale" ADD CONSTRAINT "indicator_scale_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "indicators_applies_to" ADD CONSTRAINT "indicators_applies_to_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD CONSTRAINT "criteria_sets_criteria_indicators_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets_criteria"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "criteria_sets_criteria" ADD CONSTRAINT "criteria_sets_criteria_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "criteria_sets_grade_bands" ADD CONSTRAINT "criteria_sets_grade_bands_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "criteria_sets" ADD CONSTRAINT "criteria_sets_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_indicator_scale_v" ADD CONSTRAINT "_indicator_scale_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v_version_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_indicators_applies_to_v" ADD CONSTRAINT "_indicators_applies_to_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v_version_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD CONSTRAINT "_criteria_sets_v_version_criteria_indicators_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v_version_criteria"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v_version_criteria" ADD CONSTRAINT "_criteria_sets_v_version_criteria_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v_version_grade_bands" ADD CONSTRAINT "_criteria_sets_v_version_grade_bands_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v" ADD CONSTRAINT "_criteria_sets_v_parent_id_criteria_sets_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."criteria_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v" ADD CONSTRAINT "_criteria_sets_v_version_authority_id_authorities_id_fk" FOREIGN KEY ("version_authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "indicator_scale_order_idx" ON "indicator_scale" USING btree ("_order");
  CREATE INDEX "indicator_scale_parent_id_idx" ON "indicator_scale" USING btree ("_parent_id");
  CREATE INDEX "indicators_applies_to_order_idx" ON "indicators_applies_to" USING btree ("_order");
  CREATE INDEX "indicators_applies_to_parent_id_idx" ON "indicators_applies_to" USING btree ("_parent_id");
  CREATE INDEX "criteria_sets_criteria_indicators_order_idx" ON "criteria_sets_criteria_indicators" USING btree ("_order");
  CREATE INDEX "criteria_sets_criteria_indicators_parent_id_idx" ON "criteria_sets_criteria_indicators" USING btree ("_parent_id");
  CREATE INDEX "criteria_sets_criteria_order_idx" ON "criteria_sets_criteria" USING btree ("_order");
  CREATE INDEX "criteria_sets_criteria_parent_id_idx" ON "criteria_sets_criteria" USING btree ("_parent_id");
  CREATE INDEX "criteria_sets_grade_bands_order_idx" ON "criteria_sets_grade_bands" USING btree ("_order");
  CREATE INDEX "criteria_sets_grade_bands_parent_id_idx" ON "criteria_sets_grade_bands" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "criteria_sets_code_idx" ON "criteria_sets" USING btree ("code");
  CREATE INDEX "criteria_sets_authority_idx" ON "criteria_sets" USING btree ("authority_id");
  CREATE INDEX "criteria_sets_updated_at_idx" ON "criteria_sets" USING btree ("updated_at");
  CREATE INDEX "criteria_sets_created_at_idx" ON "criteria_sets" USING btree ("created_at");
  CREATE INDEX "criteria_sets__status_idx" ON "criteria_sets" USING btree ("_status");
  CREATE INDEX "_indicator_scale_v_order_idx" ON "_indicator_scale_v" USING btree ("_order");
  CREATE INDEX "_indicator_scale_v_parent_id_idx" ON "_indicator_scale_v" USING btree ("_parent_id");
  CREATE INDEX "_indicators_applies_to_v_order_idx" ON "_indicators_applies_to_v" USING btree ("_order");
  CREATE INDEX "_indicators_applies_to_v_parent_id_idx" ON "_indicators_applies_to_v" USING btree ("_parent_id");
  CREATE INDEX "_criteria_sets_v_version_criteria_indicators_order_idx" ON "_criteria_sets_v_version_criteria_indicators" USING btree ("_order");
  CREATE INDEX "_criteria_sets_v_version_criteria_indicators_parent_id_idx" ON "_criteria_sets_v_version_criteria_indicators" USING btree ("_parent_id");
  CREATE INDEX "_criteria_sets_v_version_criteria_order_idx" ON "_criteria_sets_v_version_criteria" USING btree ("_order");
  CREATE INDEX "_criteria_sets_v_version_criteria_parent_id_idx" ON "_criteria_sets_v_version_criteria" USING btree ("_parent_id");
  CREATE INDEX "_criteria_sets_v_version_grade_bands_order_idx" ON "_criteria_sets_v_version_grade_bands" USING btree ("_order");
  CREATE INDEX "_criteria_sets_v_version_grade_bands_parent_id_idx" ON "_criteria_sets_v_version_grade_bands" USING btree ("_parent_id");
  CREATE INDEX "_criteria_sets_v_parent_idx" ON "_criteria_sets_v" USING btree ("parent_id");
  CREATE INDEX "_criteria_sets_v_version_version_code_idx" ON "_criteria_sets_v" USING btree ("version_code");
  CREATE INDEX "_criteria_sets_v_version_version_authority_idx" ON "_criteria_sets_v" USING btree ("version_authority_id");
  CREATE INDEX "_criteria_sets_v_version_version_updated_at_idx" ON "_criteria_sets_v" USING btree ("version_updated_at");
  CREATE INDEX "_criteria_sets_v_version_version_created_at_idx" ON "_criteria_sets_v" USING btree ("version_created_at");
  CREATE INDEX "_criteria_sets_v_version_version__status_idx" ON "_criteria_sets_v" USING btree ("version__status");
  CREATE INDEX "_criteria_sets_v_created_at_idx" ON "_criteria_sets_v" USING btree ("created_at");
  CREATE INDEX "_criteria_sets_v_updated_at_idx" ON "_criteria_sets_v" USING btree ("updated_at");
  CREATE INDEX "_criteria_sets_v_latest_idx" ON "_criteria_sets_v" USING btree ("latest");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_criteria_sets_fk" FOREIGN KEY ("criteria_sets_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_criteria_sets_id_idx" ON "payload_locked_documents_rels" USING btree ("criteria_sets_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "indicator_scale" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "indicators_applies_to" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "criteria_sets_criteria_indicators" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "criteria_sets_criteria" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "criteria_sets_grade_bands" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "criteria_sets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_indicator_scale_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_indicators_applies_to_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_criteria_sets_v_version_criteria" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_criteria_sets_v_version_grade_bands" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_criteria_sets_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "indicator_scale" CASCADE;
  DROP TABLE "indicators_applies_to" CASCADE;
  DROP TABLE "criteria_sets_criteria_indicators" CASCADE;
  DROP TABLE "criteria_sets_criteria" CASCADE;
  DROP TABLE "criteria_sets_grade_bands" CASCADE;
  DROP TABLE "criteria_sets" CASCADE;
  DROP TABLE "_indicator_scale_v" CASCADE;
  DROP TABLE "_indicators_applies_to_v" CASCADE;
  DROP TABLE "_criteria_sets_v_version_criteria_indicators" CASCADE;
  DROP TABLE "_criteria_sets_v_version_criteria" CASCADE;
  DROP TABLE "_criteria_sets_v_version_grade_bands" CASCADE;
  DROP TABLE "_criteria_sets_v" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_criteria_sets_fk";
  
  DROP INDEX "payload_locked_documents_rels_criteria_sets_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "criteria_sets_id";
  DROP TYPE "public"."enum_indicator_unit_type";
  DROP TYPE "public"."enum_criteria_sets_criteria_indicators_measure";
  DROP TYPE "public"."enum_criteria_sets_model";
  DROP TYPE "public"."enum_criteria_sets_tier";
  DROP TYPE "public"."enum_criteria_sets_status";
  DROP TYPE "public"."enum__criteria_sets_v_version_criteria_indicators_measure";
  DROP TYPE "public"."enum__criteria_sets_v_version_model";
  DROP TYPE "public"."enum__criteria_sets_v_version_tier";
  DROP TYPE "public"."enum__criteria_sets_v_version_status";`)
}
