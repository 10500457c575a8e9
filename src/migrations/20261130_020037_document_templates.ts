import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_document_templates_doc_type" AS ENUM('to-trinh', 'bao-cao-tu-danh-gia', 'ban-tong-hop', 'bieu-tu-cham-diem', 'quyet-dinh-thanh-lap-doan', 'bien-ban', 'bao-cao-tong-hop', 'quyet-dinh');
  CREATE TABLE "document_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"doc_type" "enum_document_templates_doc_type" NOT NULL,
  	"regime" varchar,
  	"authority_id" integer,
  	"is_active" boolean DEFAULT true,
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
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "document_templates_id" integer;
  ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "document_templates_authority_idx" ON "document_templates" USING btree ("authority_id");
  CREATE INDEX "document_templates_updated_at_idx" ON "document_templates" USING btree ("updated_at");
  CREATE INDEX "document_templates_created_at_idx" ON "document_templates" USING btree ("created_at");
  CREATE UNIQUE INDEX "document_templates_filename_idx" ON "document_templates" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_document_templates_fk" FOREIGN KEY ("document_templates_id") REFERENCES "public"."document_templates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_document_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("document_templates_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "document_templates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "document_templates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_document_templates_fk";
  
  DROP INDEX "payload_locked_documents_rels_document_templates_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "document_templates_id";
  DROP TYPE "public"."enum_document_templates_doc_type";`)
}
