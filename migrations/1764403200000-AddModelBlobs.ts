import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Binary model state (v8-serialised typed arrays) for jobs that continue a run in another
 * process, e.g. the shards that materialise per-shopper lists of a large store.
 */
export class AddModelBlobs1764403200000 implements MigrationInterface {
  name = "AddModelBlobs1764403200000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_model_blob" (
        "model_run_id" uuid NOT NULL REFERENCES "reco_model_run"("id") ON DELETE CASCADE,
        "name" varchar(64) NOT NULL,
        "content" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("model_run_id", "name")
      )`)
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "reco_model_blob"`)
  }
}
