import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rounds_report_deadlines_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_report_deadlines_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_rounds_deadlines_opening_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_opening_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_legal_documents_kind" AS ENUM('huong-dan', 'thanh-lap-doan', 'xac-nhan-nguong', 'khac');
  CREATE TYPE "public"."enum_authorities_publication_register" AS ENUM('all', 'recognised', 'none');
  CREATE TYPE "public"."enum_criteria_sets_criteria_indicators_rubric_kind" AS ENUM('step', 'levels');
  CREATE TYPE "public"."enum_criteria_sets_recognition_wait_measured_at" AS ENUM('application', 'decision');
  CREATE TYPE "public"."enum_criteria_sets_recognition_validity_anchor" AS ENUM('after-decision-year', 'signing-date', 'after-evaluation-year');
  CREATE TYPE "public"."enum__criteria_sets_v_version_criteria_indicators_rubric_kind" AS ENUM('step', 'levels');
  CREATE TYPE "public"."enum__criteria_sets_v_version_recognition_wait_measured_at" AS ENUM('application', 'decision');
  CREATE TYPE "public"."enum__criteria_sets_v_version_recognition_validity_anchor" AS ENUM('after-decision-year', 'signing-date', 'after-evaluation-year');
  CREATE TABLE "rounds_report_deadlines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"recipient" varchar NOT NULL,
  	"kind" "enum_rounds_report_deadlines_kind" DEFAULT 'before',
  	"day" numeric,
  	"month" numeric,
  	"year_offset" "enum_rounds_report_deadlines_year_offset" DEFAULT '1',
  	"text" varchar
  );
  
  CREATE TABLE "sa_dossier_files" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item" varchar,
  	"title" varchar,
  	"is_required" boolean
  );
  
  CREATE TABLE "_sa_dossier_files_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"item" varchar,
  	"title" varchar,
  	"is_required" boolean,
  	"_uuid" varchar
  );
  
  CREATE TABLE "legal_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"issued_on" timestamp(3) with time zone NOT NULL,
  	"issuer" varchar,
  	"title" varchar,
  	"kind" "enum_legal_documents_kind" DEFAULT 'huong-dan' NOT NULL,
  	"authority_id" integer,
  	"label" varchar,
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
  
  CREATE TABLE "tiers" (
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"evaluated_by" varchar,
  	"order" numeric DEFAULT 10,
  	"authority_id" integer,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "unit_types" (
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"tier_id" varchar,
  	"order" numeric DEFAULT 100,
  	"authority_id" integer,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  

  -- issue 11: the catalogues start with TT 24/2023's tiers and unit types (REGULATIONS §2.1); a
  -- type listed under one tier only there belongs to it, the others to any tier
  INSERT INTO "tiers" ("id", "label", "evaluated_by", "order", "source") VALUES
    ('huyen', 'Cấp huyện', 'UBND cấp huyện (hồ sơ gửi Phòng GDĐT)', 10, 'TT 24/2023/TT-BGDĐT Điều 6–10 (REGULATIONS §2.1, §2.9)'),
    ('tinh', 'Cấp tỉnh', 'UBND cấp tỉnh (hồ sơ gửi Sở GDĐT)', 20, 'TT 24/2023/TT-BGDĐT Điều 12–16 (REGULATIONS §2.1, §2.9)');
  INSERT INTO "unit_types" ("id", "label", "tier_id", "order", "source") VALUES
    ('xa', 'UBND cấp xã', 'huyen', 10, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('co_quan_dang', 'Cơ quan tham mưu, giúp việc cấp ủy', NULL, 20, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('co_quan_nha_nuoc', 'Cơ quan, đơn vị thuộc UBND', NULL, 30, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('doan_the', 'MTTQ, đoàn thể chính trị - xã hội', NULL, 40, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('luc_luong_vu_trang', 'Quân sự, công an', NULL, 50, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('doanh_nghiep', 'Doanh nghiệp, hợp tác xã', NULL, 60, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('mam_non_cong_lap', 'Nhà trẻ, mẫu giáo, mầm non công lập', 'huyen', 70, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('tieu_hoc', 'Trường tiểu học', 'huyen', 80, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('thcs', 'Trường THCS', 'huyen', 90, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('thpt', 'Trường THPT', 'tinh', 100, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('gdtx', 'Trung tâm GDNN-GDTX, GDTX', NULL, 110, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('gdnn', 'Cơ sở giáo dục nghề nghiệp', NULL, 120, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('dai_hoc', 'Cơ sở giáo dục đại học', NULL, 130, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('cao_dang', 'Trường cao đẳng', 'tinh', 140, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('hoi', 'Hội Khuyến học, tổ chức xã hội - nghề nghiệp', NULL, 150, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)'),
    ('khac', 'Đơn vị khác', NULL, 160, 'TT 24/2023/TT-BGDĐT Điều 2, theo KH tỉnh Hưng Yên (REGULATIONS §2.1)');

  CREATE TABLE "indicator_rubric_levels" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"points" numeric
  );
  
  CREATE TABLE "indicator_expected_evidence" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar
  );
  
  CREATE TABLE "_indicator_rubric_levels_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"points" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_indicator_expected_evidence_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_submission_day" DROP DEFAULT;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_submission_month" DROP DEFAULT;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_decision_day" DROP DEFAULT;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_decision_month" DROP DEFAULT;
  ALTER TABLE "decisions" ALTER COLUMN "round_id" DROP NOT NULL;
  ALTER TABLE "recognitions" ALTER COLUMN "valid_until" DROP NOT NULL;
  ALTER TABLE "rounds_dossier" ADD COLUMN "is_required" boolean DEFAULT true;
  ALTER TABLE "rounds" ADD COLUMN "tier_id" varchar;
  UPDATE "rounds" SET "tier_id" = "tier"::text;
  ALTER TABLE "rounds" ALTER COLUMN "tier_id" SET NOT NULL;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_opening_kind" "enum_rounds_deadlines_opening_kind" DEFAULT 'before';
  ALTER TABLE "rounds" ADD COLUMN "deadlines_opening_day" numeric;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_opening_month" numeric;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_opening_year_offset" "enum_rounds_deadlines_opening_year_offset" DEFAULT '1';
  ALTER TABLE "rounds" ADD COLUMN "deadlines_opening_text" varchar;
  ALTER TABLE "rounds" ADD COLUMN "team_decision_id" integer;
  ALTER TABLE "rounds_rels" ADD COLUMN "legal_documents_id" integer;
  ALTER TABLE "sa_answers" ADD COLUMN "threshold_basis" varchar;
  ALTER TABLE "sa_answers" ADD COLUMN "expected_evidence" varchar;
  ALTER TABLE "_sa_answers_v" ADD COLUMN "threshold_basis" varchar;
  ALTER TABLE "_sa_answers_v" ADD COLUMN "expected_evidence" varchar;
  ALTER TABLE "recognitions" ADD COLUMN "counts_for_emulation" boolean;
  ALTER TABLE "recognitions" ADD COLUMN "is_public" boolean DEFAULT true;
  ALTER TABLE "recognitions" ADD COLUMN "basis_note" varchar;
  ALTER TABLE "authorities" ADD COLUMN "publication_register" "enum_authorities_publication_register" DEFAULT 'all';
  ALTER TABLE "authorities" ADD COLUMN "publication_counts_for_emulation" boolean DEFAULT false;
  ALTER TABLE "authorities" ADD COLUMN "publication_channels" varchar;
  ALTER TABLE "units" ADD COLUMN "unit_type_id" varchar;
  UPDATE "units" SET "unit_type_id" = "unit_type"::text;
  ALTER TABLE "units" ALTER COLUMN "unit_type_id" SET NOT NULL;
  ALTER TABLE "units" ADD COLUMN "tier_id" varchar;
  UPDATE "units" SET "tier_id" = "tier"::text;
  ALTER TABLE "units" ALTER COLUMN "tier_id" SET NOT NULL;
  ALTER TABLE "indicators_applies_to" ADD COLUMN "unit_type_id" varchar;
  UPDATE "indicators_applies_to" SET "unit_type_id" = "unit_type"::text;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "rubric_kind" "enum_criteria_sets_criteria_indicators_rubric_kind";
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "rubric_step" numeric;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "confirmation_document_id" integer;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "confirmation_threshold" varchar;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "confirmation_confirmed_by_id" integer;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD COLUMN "confirmation_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "criteria_sets_criteria" ADD COLUMN "min_points" numeric;
  ALTER TABLE "criteria_sets" ADD COLUMN "tier_id" varchar;
  UPDATE "criteria_sets" SET "tier_id" = "tier"::text;
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_wait_measured_at" "enum_criteria_sets_recognition_wait_measured_at" DEFAULT 'application';
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_expired_prerequisite_counts" boolean DEFAULT false;
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_validity_anchor" "enum_criteria_sets_recognition_validity_anchor" DEFAULT 'after-decision-year';
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_rule_text" varchar;
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_is_verified" boolean DEFAULT false;
  ALTER TABLE "criteria_sets" ADD COLUMN "recognition_source" varchar;
  ALTER TABLE "criteria_sets" ADD COLUMN "unsettled_count" numeric;
  ALTER TABLE "_indicators_applies_to_v" ADD COLUMN "unit_type_id" varchar;
  UPDATE "_indicators_applies_to_v" SET "unit_type_id" = "unit_type"::text;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "rubric_kind" "enum__criteria_sets_v_version_criteria_indicators_rubric_kind";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "rubric_step" numeric;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "confirmation_document_id" integer;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "confirmation_threshold" varchar;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "confirmation_confirmed_by_id" integer;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD COLUMN "confirmation_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "_criteria_sets_v_version_criteria" ADD COLUMN "min_points" numeric;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_tier_id" varchar;
  UPDATE "_criteria_sets_v" SET "version_tier_id" = "version_tier"::text;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_wait_measured_at" "enum__criteria_sets_v_version_recognition_wait_measured_at" DEFAULT 'application';
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_expired_prerequisite_counts" boolean DEFAULT false;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_validity_anchor" "enum__criteria_sets_v_version_recognition_validity_anchor" DEFAULT 'after-decision-year';
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_rule_text" varchar;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_is_verified" boolean DEFAULT false;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_recognition_source" varchar;
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_unsettled_count" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "legal_documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tiers_id" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "unit_types_id" varchar;
  ALTER TABLE "rounds_report_deadlines" ADD CONSTRAINT "rounds_report_deadlines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sa_dossier_files" ADD CONSTRAINT "sa_dossier_files_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_sa_dossier_files_v" ADD CONSTRAINT "_sa_dossier_files_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_self_assessments_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tiers" ADD CONSTRAINT "tiers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "unit_types" ADD CONSTRAINT "unit_types_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "unit_types" ADD CONSTRAINT "unit_types_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "indicator_rubric_levels" ADD CONSTRAINT "indicator_rubric_levels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "indicator_expected_evidence" ADD CONSTRAINT "indicator_expected_evidence_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."criteria_sets_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_indicator_rubric_levels_v" ADD CONSTRAINT "_indicator_rubric_levels_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v_version_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_indicator_expected_evidence_v" ADD CONSTRAINT "_indicator_expected_evidence_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_criteria_sets_v_version_criteria_indicators"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "rounds_report_deadlines_order_idx" ON "rounds_report_deadlines" USING btree ("_order");
  CREATE INDEX "rounds_report_deadlines_parent_id_idx" ON "rounds_report_deadlines" USING btree ("_parent_id");
  CREATE INDEX "sa_dossier_files_order_idx" ON "sa_dossier_files" USING btree ("_order");
  CREATE INDEX "sa_dossier_files_parent_id_idx" ON "sa_dossier_files" USING btree ("_parent_id");
  CREATE INDEX "_sa_dossier_files_v_order_idx" ON "_sa_dossier_files_v" USING btree ("_order");
  CREATE INDEX "_sa_dossier_files_v_parent_id_idx" ON "_sa_dossier_files_v" USING btree ("_parent_id");
  CREATE INDEX "legal_documents_authority_idx" ON "legal_documents" USING btree ("authority_id");
  CREATE INDEX "legal_documents_updated_at_idx" ON "legal_documents" USING btree ("updated_at");
  CREATE INDEX "legal_documents_created_at_idx" ON "legal_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "legal_documents_filename_idx" ON "legal_documents" USING btree ("filename");
  CREATE INDEX "tiers_authority_idx" ON "tiers" USING btree ("authority_id");
  CREATE INDEX "tiers_updated_at_idx" ON "tiers" USING btree ("updated_at");
  CREATE INDEX "tiers_created_at_idx" ON "tiers" USING btree ("created_at");
  CREATE INDEX "unit_types_tier_idx" ON "unit_types" USING btree ("tier_id");
  CREATE INDEX "unit_types_authority_idx" ON "unit_types" USING btree ("authority_id");
  CREATE INDEX "unit_types_updated_at_idx" ON "unit_types" USING btree ("updated_at");
  CREATE INDEX "unit_types_created_at_idx" ON "unit_types" USING btree ("created_at");
  CREATE INDEX "indicator_rubric_levels_order_idx" ON "indicator_rubric_levels" USING btree ("_order");
  CREATE INDEX "indicator_rubric_levels_parent_id_idx" ON "indicator_rubric_levels" USING btree ("_parent_id");
  CREATE INDEX "indicator_expected_evidence_order_idx" ON "indicator_expected_evidence" USING btree ("_order");
  CREATE INDEX "indicator_expected_evidence_parent_id_idx" ON "indicator_expected_evidence" USING btree ("_parent_id");
  CREATE INDEX "_indicator_rubric_levels_v_order_idx" ON "_indicator_rubric_levels_v" USING btree ("_order");
  CREATE INDEX "_indicator_rubric_levels_v_parent_id_idx" ON "_indicator_rubric_levels_v" USING btree ("_parent_id");
  CREATE INDEX "_indicator_expected_evidence_v_order_idx" ON "_indicator_expected_evidence_v" USING btree ("_order");
  CREATE INDEX "_indicator_expected_evidence_v_parent_id_idx" ON "_indicator_expected_evidence_v" USING btree ("_parent_id");
  ALTER TABLE "rounds" ADD CONSTRAINT "rounds_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds" ADD CONSTRAINT "rounds_team_decision_id_legal_documents_id_fk" FOREIGN KEY ("team_decision_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rounds_rels" ADD CONSTRAINT "rounds_rels_legal_documents_fk" FOREIGN KEY ("legal_documents_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units" ADD CONSTRAINT "units_unit_type_id_unit_types_id_fk" FOREIGN KEY ("unit_type_id") REFERENCES "public"."unit_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "units" ADD CONSTRAINT "units_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "indicators_applies_to" ADD CONSTRAINT "indicators_applies_to_unit_type_id_unit_types_id_fk" FOREIGN KEY ("unit_type_id") REFERENCES "public"."unit_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD CONSTRAINT "criteria_sets_criteria_indicators_confirmation_document_id_legal_documents_id_fk" FOREIGN KEY ("confirmation_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "criteria_sets_criteria_indicators" ADD CONSTRAINT "criteria_sets_criteria_indicators_confirmation_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmation_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "criteria_sets" ADD CONSTRAINT "criteria_sets_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_indicators_applies_to_v" ADD CONSTRAINT "_indicators_applies_to_v_unit_type_id_unit_types_id_fk" FOREIGN KEY ("unit_type_id") REFERENCES "public"."unit_types"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD CONSTRAINT "_criteria_sets_v_version_criteria_indicators_confirmation_document_id_legal_documents_id_fk" FOREIGN KEY ("confirmation_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" ADD CONSTRAINT "_criteria_sets_v_version_criteria_indicators_confirmation_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmation_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_criteria_sets_v" ADD CONSTRAINT "_criteria_sets_v_version_tier_id_tiers_id_fk" FOREIGN KEY ("version_tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_documents_fk" FOREIGN KEY ("legal_documents_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tiers_fk" FOREIGN KEY ("tiers_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_unit_types_fk" FOREIGN KEY ("unit_types_id") REFERENCES "public"."unit_types"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "rounds_tier_idx" ON "rounds" USING btree ("tier_id");
  CREATE INDEX "rounds_team_decision_idx" ON "rounds" USING btree ("team_decision_id");
  CREATE INDEX "rounds_rels_legal_documents_id_idx" ON "rounds_rels" USING btree ("legal_documents_id");
  CREATE INDEX "recognitions_is_public_idx" ON "recognitions" USING btree ("is_public");
  CREATE INDEX "units_unit_type_idx" ON "units" USING btree ("unit_type_id");
  CREATE INDEX "units_tier_idx" ON "units" USING btree ("tier_id");
  CREATE INDEX "indicators_applies_to_unit_type_idx" ON "indicators_applies_to" USING btree ("unit_type_id");
  CREATE INDEX "criteria_sets_criteria_indicators_confirmation_confirmat_idx" ON "criteria_sets_criteria_indicators" USING btree ("confirmation_document_id");
  CREATE INDEX "criteria_sets_criteria_indicators_confirmation_confirm_1_idx" ON "criteria_sets_criteria_indicators" USING btree ("confirmation_confirmed_by_id");
  CREATE INDEX "criteria_sets_tier_idx" ON "criteria_sets" USING btree ("tier_id");
  CREATE INDEX "_indicators_applies_to_v_unit_type_idx" ON "_indicators_applies_to_v" USING btree ("unit_type_id");
  CREATE INDEX "_criteria_sets_v_version_criteria_indicators_confirmatio_idx" ON "_criteria_sets_v_version_criteria_indicators" USING btree ("confirmation_document_id");
  CREATE INDEX "_criteria_sets_v_version_criteria_indicators_confirmat_1_idx" ON "_criteria_sets_v_version_criteria_indicators" USING btree ("confirmation_confirmed_by_id");
  CREATE INDEX "_criteria_sets_v_version_version_tier_idx" ON "_criteria_sets_v" USING btree ("version_tier_id");
  CREATE INDEX "payload_locked_documents_rels_legal_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_documents_id");
  CREATE INDEX "payload_locked_documents_rels_tiers_id_idx" ON "payload_locked_documents_rels" USING btree ("tiers_id");
  CREATE INDEX "payload_locked_documents_rels_unit_types_id_idx" ON "payload_locked_documents_rels" USING btree ("unit_types_id");
  -- the single report-up deadline becomes the first row of the round's report deadlines
  INSERT INTO "rounds_report_deadlines" ("_order", "_parent_id", "id", "recipient", "kind", "day", "month", "year_offset", "text")
    SELECT 1, "id", substr(md5(random()::text || "id"::text), 1, 24), 'Cấp trên', "deadlines_report_up_kind"::text::"enum_rounds_report_deadlines_kind",
      "deadlines_report_up_day", "deadlines_report_up_month", "deadlines_report_up_year_offset"::text::"enum_rounds_report_deadlines_year_offset", "deadlines_report_up_text"
    FROM "rounds" WHERE "deadlines_report_up_day" IS NOT NULL AND "deadlines_report_up_month" IS NOT NULL;
  ALTER TABLE "rounds" DROP COLUMN "tier";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_report_up_kind";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_report_up_day";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_report_up_month";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_report_up_year_offset";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_report_up_text";
  ALTER TABLE "units" DROP COLUMN "unit_type";
  ALTER TABLE "units" DROP COLUMN "tier";
  ALTER TABLE "indicators_applies_to" DROP COLUMN "unit_type";
  ALTER TABLE "criteria_sets" DROP COLUMN "tier";
  ALTER TABLE "_indicators_applies_to_v" DROP COLUMN "unit_type";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_tier";
  DROP TYPE "public"."enum_rounds_tier";
  DROP TYPE "public"."enum_rounds_deadlines_report_up_kind";
  DROP TYPE "public"."enum_rounds_deadlines_report_up_year_offset";
  DROP TYPE "public"."enum_units_unit_type";
  DROP TYPE "public"."enum_units_tier";
  DROP TYPE "public"."enum_indicator_unit_type";
  DROP TYPE "public"."enum_criteria_sets_tier";
  DROP TYPE "public"."enum__criteria_sets_v_version_tier";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rounds_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum_rounds_deadlines_report_up_kind" AS ENUM('before', 'by');
  CREATE TYPE "public"."enum_rounds_deadlines_report_up_year_offset" AS ENUM('0', '1', '2');
  CREATE TYPE "public"."enum_units_unit_type" AS ENUM('xa', 'co_quan_dang', 'co_quan_nha_nuoc', 'doan_the', 'luc_luong_vu_trang', 'doanh_nghiep', 'mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'gdnn', 'dai_hoc', 'cao_dang', 'hoi', 'khac');
  CREATE TYPE "public"."enum_units_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum_indicator_unit_type" AS ENUM('xa', 'co_quan_dang', 'co_quan_nha_nuoc', 'doan_the', 'luc_luong_vu_trang', 'doanh_nghiep', 'mam_non_cong_lap', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'gdnn', 'dai_hoc', 'cao_dang', 'hoi', 'khac');
  CREATE TYPE "public"."enum_criteria_sets_tier" AS ENUM('huyen', 'tinh');
  CREATE TYPE "public"."enum__criteria_sets_v_version_tier" AS ENUM('huyen', 'tinh');
  ALTER TABLE "rounds_report_deadlines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sa_dossier_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_sa_dossier_files_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "legal_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "unit_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "indicator_rubric_levels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "indicator_expected_evidence" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_indicator_rubric_levels_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_indicator_expected_evidence_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "rounds_report_deadlines" CASCADE;
  DROP TABLE "sa_dossier_files" CASCADE;
  DROP TABLE "_sa_dossier_files_v" CASCADE;
  DROP TABLE "legal_documents" CASCADE;
  DROP TABLE "tiers" CASCADE;
  DROP TABLE "unit_types" CASCADE;
  DROP TABLE "indicator_rubric_levels" CASCADE;
  DROP TABLE "indicator_expected_evidence" CASCADE;
  DROP TABLE "_indicator_rubric_levels_v" CASCADE;
  DROP TABLE "_indicator_expected_evidence_v" CASCADE;
  ALTER TABLE "rounds" DROP CONSTRAINT "rounds_tier_id_tiers_id_fk";
  
  ALTER TABLE "rounds" DROP CONSTRAINT "rounds_team_decision_id_legal_documents_id_fk";
  
  ALTER TABLE "rounds_rels" DROP CONSTRAINT "rounds_rels_legal_documents_fk";
  
  ALTER TABLE "units" DROP CONSTRAINT "units_unit_type_id_unit_types_id_fk";
  
  ALTER TABLE "units" DROP CONSTRAINT "units_tier_id_tiers_id_fk";
  
  ALTER TABLE "indicators_applies_to" DROP CONSTRAINT "indicators_applies_to_unit_type_id_unit_types_id_fk";
  
  ALTER TABLE "criteria_sets_criteria_indicators" DROP CONSTRAINT "criteria_sets_criteria_indicators_confirmation_document_id_legal_documents_id_fk";
  
  ALTER TABLE "criteria_sets_criteria_indicators" DROP CONSTRAINT "criteria_sets_criteria_indicators_confirmation_confirmed_by_id_users_id_fk";
  
  ALTER TABLE "criteria_sets" DROP CONSTRAINT "criteria_sets_tier_id_tiers_id_fk";
  
  ALTER TABLE "_indicators_applies_to_v" DROP CONSTRAINT "_indicators_applies_to_v_unit_type_id_unit_types_id_fk";
  
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP CONSTRAINT "_criteria_sets_v_version_criteria_indicators_confirmation_document_id_legal_documents_id_fk";
  
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP CONSTRAINT "_criteria_sets_v_version_criteria_indicators_confirmation_confirmed_by_id_users_id_fk";
  
  ALTER TABLE "_criteria_sets_v" DROP CONSTRAINT "_criteria_sets_v_version_tier_id_tiers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_legal_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_tiers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_unit_types_fk";
  
  DROP INDEX "rounds_tier_idx";
  DROP INDEX "rounds_team_decision_idx";
  DROP INDEX "rounds_rels_legal_documents_id_idx";
  DROP INDEX "recognitions_is_public_idx";
  DROP INDEX "units_unit_type_idx";
  DROP INDEX "units_tier_idx";
  DROP INDEX "indicators_applies_to_unit_type_idx";
  DROP INDEX "criteria_sets_criteria_indicators_confirmation_confirmat_idx";
  DROP INDEX "criteria_sets_criteria_indicators_confirmation_confirm_1_idx";
  DROP INDEX "criteria_sets_tier_idx";
  DROP INDEX "_indicators_applies_to_v_unit_type_idx";
  DROP INDEX "_criteria_sets_v_version_criteria_indicators_confirmatio_idx";
  DROP INDEX "_criteria_sets_v_version_criteria_indicators_confirmat_1_idx";
  DROP INDEX "_criteria_sets_v_version_version_tier_idx";
  DROP INDEX "payload_locked_documents_rels_legal_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_tiers_id_idx";
  DROP INDEX "payload_locked_documents_rels_unit_types_id_idx";
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_submission_day" SET DEFAULT 15;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_submission_month" SET DEFAULT 1;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_decision_day" SET DEFAULT 15;
  ALTER TABLE "rounds" ALTER COLUMN "deadlines_decision_month" SET DEFAULT 2;
  ALTER TABLE "decisions" ALTER COLUMN "round_id" SET NOT NULL;
  ALTER TABLE "recognitions" ALTER COLUMN "valid_until" SET NOT NULL;
  ALTER TABLE "rounds" ADD COLUMN "tier" "enum_rounds_tier" DEFAULT 'huyen' NOT NULL;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_report_up_kind" "enum_rounds_deadlines_report_up_kind" DEFAULT 'before';
  ALTER TABLE "rounds" ADD COLUMN "deadlines_report_up_day" numeric;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_report_up_month" numeric;
  ALTER TABLE "rounds" ADD COLUMN "deadlines_report_up_year_offset" "enum_rounds_deadlines_report_up_year_offset" DEFAULT '1';
  ALTER TABLE "rounds" ADD COLUMN "deadlines_report_up_text" varchar;
  ALTER TABLE "units" ADD COLUMN "unit_type" "enum_units_unit_type" NOT NULL;
  ALTER TABLE "units" ADD COLUMN "tier" "enum_units_tier" DEFAULT 'huyen' NOT NULL;
  ALTER TABLE "indicators_applies_to" ADD COLUMN "unit_type" "enum_indicator_unit_type";
  ALTER TABLE "criteria_sets" ADD COLUMN "tier" "enum_criteria_sets_tier";
  ALTER TABLE "_indicators_applies_to_v" ADD COLUMN "unit_type" "enum_indicator_unit_type";
  ALTER TABLE "_criteria_sets_v" ADD COLUMN "version_tier" "enum__criteria_sets_v_version_tier";
  ALTER TABLE "rounds_dossier" DROP COLUMN "is_required";
  ALTER TABLE "rounds" DROP COLUMN "tier_id";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_opening_kind";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_opening_day";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_opening_month";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_opening_year_offset";
  ALTER TABLE "rounds" DROP COLUMN "deadlines_opening_text";
  ALTER TABLE "rounds" DROP COLUMN "team_decision_id";
  ALTER TABLE "rounds_rels" DROP COLUMN "legal_documents_id";
  ALTER TABLE "sa_answers" DROP COLUMN "threshold_basis";
  ALTER TABLE "sa_answers" DROP COLUMN "expected_evidence";
  ALTER TABLE "_sa_answers_v" DROP COLUMN "threshold_basis";
  ALTER TABLE "_sa_answers_v" DROP COLUMN "expected_evidence";
  ALTER TABLE "recognitions" DROP COLUMN "counts_for_emulation";
  ALTER TABLE "recognitions" DROP COLUMN "is_public";
  ALTER TABLE "recognitions" DROP COLUMN "basis_note";
  ALTER TABLE "authorities" DROP COLUMN "publication_register";
  ALTER TABLE "authorities" DROP COLUMN "publication_counts_for_emulation";
  ALTER TABLE "authorities" DROP COLUMN "publication_channels";
  ALTER TABLE "units" DROP COLUMN "unit_type_id";
  ALTER TABLE "units" DROP COLUMN "tier_id";
  ALTER TABLE "indicators_applies_to" DROP COLUMN "unit_type_id";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "rubric_kind";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "rubric_step";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "confirmation_document_id";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "confirmation_threshold";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "confirmation_confirmed_by_id";
  ALTER TABLE "criteria_sets_criteria_indicators" DROP COLUMN "confirmation_confirmed_at";
  ALTER TABLE "criteria_sets_criteria" DROP COLUMN "min_points";
  ALTER TABLE "criteria_sets" DROP COLUMN "tier_id";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_wait_measured_at";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_expired_prerequisite_counts";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_validity_anchor";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_rule_text";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_is_verified";
  ALTER TABLE "criteria_sets" DROP COLUMN "recognition_source";
  ALTER TABLE "criteria_sets" DROP COLUMN "unsettled_count";
  ALTER TABLE "_indicators_applies_to_v" DROP COLUMN "unit_type_id";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "rubric_kind";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "rubric_step";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "confirmation_document_id";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "confirmation_threshold";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "confirmation_confirmed_by_id";
  ALTER TABLE "_criteria_sets_v_version_criteria_indicators" DROP COLUMN "confirmation_confirmed_at";
  ALTER TABLE "_criteria_sets_v_version_criteria" DROP COLUMN "min_points";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_tier_id";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_wait_measured_at";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_expired_prerequisite_counts";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_validity_anchor";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_rule_text";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_is_verified";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_recognition_source";
  ALTER TABLE "_criteria_sets_v" DROP COLUMN "version_unsettled_count";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "legal_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tiers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "unit_types_id";
  DROP TYPE "public"."enum_rounds_report_deadlines_kind";
  DROP TYPE "public"."enum_rounds_report_deadlines_year_offset";
  DROP TYPE "public"."enum_rounds_deadlines_opening_kind";
  DROP TYPE "public"."enum_rounds_deadlines_opening_year_offset";
  DROP TYPE "public"."enum_legal_documents_kind";
  DROP TYPE "public"."enum_authorities_publication_register";
  DROP TYPE "public"."enum_criteria_sets_criteria_indicators_rubric_kind";
  DROP TYPE "public"."enum_criteria_sets_recognition_wait_measured_at";
  DROP TYPE "public"."enum_criteria_sets_recognition_validity_anchor";
  DROP TYPE "public"."enum__criteria_sets_v_version_criteria_indicators_rubric_kind";
  DROP TYPE "public"."enum__criteria_sets_v_version_recognition_wait_measured_at";
  DROP TYPE "public"."enum__criteria_sets_v_version_recognition_validity_anchor";`)
}
