import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Merchant rules applied after the model: pin, boost, bury or exclude a product, category or
 * collection, on one placement or all (placement NULL), optionally within a time window.
 */
export class AddMerchantRules1764410400000 implements MigrationInterface {
  name = "AddMerchantRules1764410400000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_merchant_rule" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "action" varchar(16) NOT NULL CHECK ("action" IN ('pin', 'boost', 'bury', 'exclude')),
        "target_type" varchar(16) NOT NULL CHECK ("target_type" IN ('product', 'category', 'collection')),
        "target_id" varchar(64) NOT NULL,
        "placement" varchar(32),
        "position" smallint CHECK ("position" IS NULL OR "position" >= 0),
        "weight" real CHECK ("weight" IS NULL OR ("weight" >= 0 AND "weight" <= 10)),
        "starts_at" timestamptz,
        "ends_at" timestamptz,
        "note" text,
        "created_by" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("starts_at" IS NULL OR "ends_at" IS NULL OR "starts_at" < "ends_at")
      )`)
    await q.query(`CREATE INDEX "IDX_reco_merchant_rule_placement" ON "reco_merchant_rule" ("placement")`)
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "reco_merchant_rule"`)
  }
}
