import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Product mirror (the workers never boot Medusa, so product features reach them through
 * this table, kept in sync by product subscribers through Query), per-segment lists for
 * trending, and cancellation / trigger bookkeeping on model runs.
 */
export class AddCatalogMirrorAndSegmentLists1764388800000 implements MigrationInterface {
  name = "AddCatalogMirrorAndSegmentLists1764388800000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_product" (
        "product_id" varchar(64) PRIMARY KEY,
        "title" text NOT NULL,
        "handle" varchar(255),
        "status" varchar(16) NOT NULL,
        "description" text,
        "type_id" varchar(64),
        "collection_id" varchar(64),
        "category_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "tag_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "sales_channel_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "prices" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "created_at" timestamptz,
        "deleted" boolean NOT NULL DEFAULT false,
        "synced_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await q.query(`
      CREATE TABLE "reco_segment_list" (
        "model_run_id" uuid NOT NULL REFERENCES "reco_model_run"("id") ON DELETE CASCADE,
        "segment" varchar(160) NOT NULL,
        "rank" smallint NOT NULL,
        "product_id" varchar(64) NOT NULL,
        "score" double precision NOT NULL,
        PRIMARY KEY ("model_run_id", "segment", "rank")
      )`)
    await q.query(`ALTER TABLE "reco_model_run" ADD COLUMN "trigger" varchar(16)`)
    await q.query(`ALTER TABLE "reco_model_run" ADD COLUMN "cancel_requested" boolean NOT NULL DEFAULT false`)
    await q.query(`CREATE INDEX "IDX_reco_model_run_job" ON "reco_model_run" ("job_id")`)
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_reco_model_run_job"`)
    await q.query(`ALTER TABLE "reco_model_run" DROP COLUMN IF EXISTS "cancel_requested"`)
    await q.query(`ALTER TABLE "reco_model_run" DROP COLUMN IF EXISTS "trigger"`)
    await q.query(`DROP TABLE IF EXISTS "reco_segment_list"`)
    await q.query(`DROP TABLE IF EXISTS "reco_product"`)
  }
}
