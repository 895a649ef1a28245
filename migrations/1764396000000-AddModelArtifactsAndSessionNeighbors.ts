import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Model artifacts (weights of tfjs models such as the ranker and the intent model, which run
 * at serving time) and the "next" neighbour kind the session model materialises
 * (product -> what shoppers view next, recency-weighted at serving time).
 */
export class AddModelArtifactsAndSessionNeighbors1764396000000 implements MigrationInterface {
  name = "AddModelArtifactsAndSessionNeighbors1764396000000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_model_artifact" (
        "model_run_id" uuid NOT NULL REFERENCES "reco_model_run"("id") ON DELETE CASCADE,
        "name" varchar(64) NOT NULL,
        "format" varchar(32) NOT NULL,
        "content" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("model_run_id", "name")
      )`)
    await q.query(`ALTER TABLE "reco_item_neighbor" DROP CONSTRAINT IF EXISTS "reco_item_neighbor_kind_check"`)
    await q.query(
      `ALTER TABLE "reco_item_neighbor" ADD CONSTRAINT "reco_item_neighbor_kind_check" CHECK ("kind" IN ('similar','complement','content','next'))`
    )
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "reco_item_neighbor" WHERE "kind" = 'next'`)
    await q.query(`ALTER TABLE "reco_item_neighbor" DROP CONSTRAINT IF EXISTS "reco_item_neighbor_kind_check"`)
    await q.query(
      `ALTER TABLE "reco_item_neighbor" ADD CONSTRAINT "reco_item_neighbor_kind_check" CHECK ("kind" IN ('similar','complement','content'))`
    )
    await q.query(`DROP TABLE IF EXISTS "reco_model_artifact"`)
  }
}
