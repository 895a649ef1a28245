import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Feedback loop: which recommendation earned which order line (reco_attribution, one row per
 * line, so a replayed order.placed never counts twice), a per-order ledger (reco_order_outcome:
 * what every placed order added to the daily order totals, so replays, cancels and returns can be
 * undone exactly), and daily metric tables updated incrementally (UPSERT x = x + EXCLUDED.x),
 * so the dashboard never scans events. Metric keys use '' for "no model / no experiment / no
 * arm", because a primary key cannot hold NULLs. Days are UTC.
 */
export class AddAttributionAndMetrics1764417600000 implements MigrationInterface {
  name = "AddAttributionAndMetrics1764417600000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_attribution" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "order_id" varchar(64) NOT NULL,
        "line_item_id" varchar(64) NOT NULL,
        "product_id" varchar(64) NOT NULL,
        "variant_id" varchar(64),
        "actor_type" varchar(16) NOT NULL CHECK ("actor_type" IN ('customer','anonymous')),
        "actor_id" varchar(128) NOT NULL,
        "recommendation_id" varchar(64),
        "placement" varchar(32) NOT NULL,
        "model_run_id" uuid,
        "experiment_id" varchar(64),
        "arm" varchar(64),
        "touch" varchar(16) NOT NULL CHECK ("touch" IN ('click','impression')),
        "touched_at" timestamptz NOT NULL,
        "quantity" integer NOT NULL CHECK ("quantity" > 0),
        "returned_quantity" integer NOT NULL DEFAULT 0 CHECK ("returned_quantity" >= 0 AND "returned_quantity" <= "quantity"),
        "revenue" numeric(20,4) NOT NULL,
        "reversed_revenue" numeric(20,4) NOT NULL DEFAULT 0,
        "currency_code" varchar(3) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN ('active','canceled','returned')),
        "ordered_at" timestamptz NOT NULL,
        "attributed_at" timestamptz NOT NULL DEFAULT now(),
        "reversed_at" timestamptz,
        CONSTRAINT "UQ_reco_attribution_order_line" UNIQUE ("order_id", "line_item_id")
      )`)
    await q.query(`CREATE INDEX "IDX_reco_attribution_experiment_arm" ON "reco_attribution" ("experiment_id", "arm")`)
    await q.query(`CREATE INDEX "IDX_reco_attribution_order" ON "reco_attribution" ("order_id")`)
    await q.query(`CREATE INDEX "IDX_reco_attribution_actor" ON "reco_attribution" ("actor_id")`)

    await q.query(`
      CREATE TABLE "reco_order_outcome" (
        "order_id" varchar(64) PRIMARY KEY,
        "actor_type" varchar(16) NOT NULL CHECK ("actor_type" IN ('customer','anonymous')),
        "actor_id" varchar(128) NOT NULL,
        "currency_code" varchar(3) NOT NULL,
        "revenue" numeric(20,4) NOT NULL,
        "returned_revenue" numeric(20,4) NOT NULL DEFAULT 0,
        "with_recommendations" boolean NOT NULL,
        "lines" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN ('active','canceled')),
        "ordered_at" timestamptz NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await q.query(`CREATE INDEX "IDX_reco_order_outcome_actor" ON "reco_order_outcome" ("actor_id")`)

    const key = `
        "day" date NOT NULL,
        "placement" varchar(32) NOT NULL,
        "model_run_id" text NOT NULL DEFAULT '',
        "experiment_id" text NOT NULL DEFAULT '',
        "arm" text NOT NULL DEFAULT ''`
    await q.query(`
      CREATE TABLE "reco_metric_daily" (${key},
        "served" bigint NOT NULL DEFAULT 0,
        "impressions" bigint NOT NULL DEFAULT 0,
        "clicks" bigint NOT NULL DEFAULT 0,
        "add_to_carts" bigint NOT NULL DEFAULT 0,
        "attributed_orders" bigint NOT NULL DEFAULT 0,
        "attributed_items" bigint NOT NULL DEFAULT 0,
        PRIMARY KEY ("day", "placement", "model_run_id", "experiment_id", "arm")
      )`)
    await q.query(`CREATE INDEX "IDX_reco_metric_daily_model" ON "reco_metric_daily" ("model_run_id", "day")`)
    await q.query(`
      CREATE TABLE "reco_metric_revenue_daily" (${key},
        "currency_code" varchar(3) NOT NULL,
        "revenue" numeric(20,4) NOT NULL DEFAULT 0,
        "orders" bigint NOT NULL DEFAULT 0,
        PRIMARY KEY ("day", "placement", "model_run_id", "experiment_id", "arm", "currency_code")
      )`)
    await q.query(`
      CREATE TABLE "reco_order_daily" (
        "day" date NOT NULL,
        "currency_code" varchar(3) NOT NULL,
        "with_recommendations" boolean NOT NULL,
        "orders" bigint NOT NULL DEFAULT 0,
        "revenue" numeric(20,4) NOT NULL DEFAULT 0,
        PRIMARY KEY ("day", "currency_code", "with_recommendations")
      )`)
    await q.query(`
      CREATE TABLE "reco_coverage_daily" (
        "day" date NOT NULL,
        "placement" varchar(32) NOT NULL,
        "product_id" varchar(64) NOT NULL,
        PRIMARY KEY ("day", "placement", "product_id")
      )`)
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "reco_coverage_daily",
      "reco_order_daily",
      "reco_metric_revenue_daily",
      "reco_metric_daily",
      "reco_order_outcome",
      "reco_attribution",
    ]) {
      await q.query(`DROP TABLE IF EXISTS "${table}"`)
    }
  }
}
