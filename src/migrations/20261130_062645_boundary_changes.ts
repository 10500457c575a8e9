import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "authorities" ADD COLUMN "is_active" boolean DEFAULT true;
  ALTER TABLE "authorities" ADD COLUMN "merged_into_id" integer;
  ALTER TABLE "units" ADD COLUMN "merged_into_id" integer;
  ALTER TABLE "units" ADD COLUMN "merged_prerequisite" boolean DEFAULT false;
  ALTER TABLE "authorities" ADD CONSTRAINT "authorities_merged_into_id_authorities_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."authorities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "units" ADD CONSTRAINT "units_merged_into_id_units_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "authorities_merged_into_idx" ON "authorities" USING btree ("merged_into_id");
  CREATE INDEX "units_merged_into_idx" ON "units" USING btree ("merged_into_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "authorities" DROP CONSTRAINT "authorities_merged_into_id_authorities_id_fk";
  
  ALTER TABLE "units" DROP CONSTRAINT "units_merged_into_id_units_id_fk";
  
  DROP INDEX "authorities_merged_into_idx";
  DROP INDEX "units_merged_into_idx";
  ALTER TABLE "authorities" DROP COLUMN "is_active";
  ALTER TABLE "authorities" DROP COLUMN "merged_into_id";
  ALTER TABLE "units" DROP COLUMN "merged_into_id";
  ALTER TABLE "units" DROP COLUMN "merged_prerequisite";`)
}
