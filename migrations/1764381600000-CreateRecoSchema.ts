import type { MigrationInterface, QueryRunner } from "typeorm"

/** The plugin's first schema: behaviour events, cart snapshots, aliases, model runs and their lists. */
export class CreateRecoSchema1764381600000 implements MigrationInterface {
  name = "CreateRecoSchema1764381600000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_event" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "type" varchar(16) NOT NULL
          CHECK ("type" IN ('view','search','impression','click','cart_add','cart_remove','purchase')),
        "actor_type" varchar(16) NOT NULL CHECK ("actor_type" IN ('customer','anonymous')),
        "actor_id" varchar(128) NOT NULL,
        "product_id" varchar(64),
        "variant_id" varchar(64),
        "quantity" integer NOT NULL DEFAULT 1 CHECK ("quantity" > 0),
        "unit_price" numeric(20,6) CHECK ("unit_price" >= 0),
        "currency_code" varchar(3),
        "region_id" varchar(64),
        "sales_channel_id" varchar(64),
        "search_query" text,
        "placement" varchar(32),
        "recommendation_id" varchar(64),
        "position" integer CHECK ("position" >= 0),
        "order_id" varchar(64),
        "line_item_id" varchar(64),
        "cart_id" varchar(64),
        "source" varchar(16) NOT NULL CHECK ("source" IN ('storefront','subscriber','backfill','import')),
        "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN ('active','canceled','returned')),
        "occurred_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "idempotency_key" varchar(200) NOT NULL,
        "metadata" jsonb,
        CONSTRAINT "UQ_reco_event_idempotency_key" UNIQUE ("idempotency_key")
      )`)
    // Reads: a shopper's history (for-you, recently viewed, erase), a product's history
    // (neighbours, trending), incremental training by arrival, order cancel, attribution.
    await q.query(`CREATE INDEX "IDX_reco_event_actor_time" ON "reco_event" ("actor_id", "occurred_at" DESC)`)
    await q.query(`CREATE INDEX "IDX_reco_event_type_time" ON "reco_event" ("type", "occurred_at")`)
    await q.query(`CREATE INDEX "IDX_reco_event_received" ON "reco_event" ("received_at")`)
    await q.query(
      `CREATE INDEX "IDX_reco_event_product_time" ON "reco_event" ("product_id", "occurred_at") WHERE "product_id" IS NOT NULL`
    )
    await q.query(`CREATE INDEX "IDX_reco_event_order" ON "reco_event" ("order_id") WHERE "order_id" IS NOT NULL`)
    await q.query(
      `CREATE INDEX "IDX_reco_event_recommendation" ON "reco_event" ("recommendation_id") WHERE "recommendation_id" IS NOT NULL`
    )

    await q.query(`
      CREATE TABLE "reco_cart_snapshot" (
        "cart_id" varchar(64) PRIMARY KEY,
        "actor_type" varchar(16) NOT NULL CHECK ("actor_type" IN ('customer','anonymous')),
        "actor_id" varchar(128) NOT NULL,
        "version" integer NOT NULL DEFAULT 0,
        "lines" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await q.query(`CREATE INDEX "IDX_reco_cart_snapshot_actor" ON "reco_cart_snapshot" ("actor_id")`)

    await q.query(`
      CREATE TABLE "reco_actor_alias" (
        "anonymous_id" varchar(128) PRIMARY KEY,
        "customer_id" varchar(64) NOT NULL,
        "merged_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await q.query(`CREATE INDEX "IDX_reco_actor_alias_customer" ON "reco_actor_alias" ("customer_id")`)

    await q.query(`
      CREATE TABLE "reco_model_run" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "model_kind" varchar(48) NOT NULL,
        "algorithm" varchar(48) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'queued'
          CHECK ("status" IN ('queued','running','succeeded','failed','rejected','canceled')),
        "is_active" boolean NOT NULL DEFAULT false,
        "backend" varchar(32),
        "progress" real NOT NULL DEFAULT 0,
        "params" jsonb,
        "metrics" jsonb,
        "baseline_metrics" jsonb,
        "reason" text,
        "error" text,
        "job_id" varchar(128),
        "data_cutoff" timestamptz,
        "event_count" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "activated_at" timestamptz,
        CONSTRAINT "CHK_reco_model_run_active_succeeded" CHECK (NOT "is_active" OR "status" = 'succeeded')
      )`)
    // Exactly one active run per model kind: activation is a single transaction that flips it.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reco_model_run_active_kind" ON "reco_model_run" ("model_kind") WHERE "is_active"`
    )
    await q.query(`CREATE INDEX "IDX_reco_model_run_kind_created" ON "reco_model_run" ("model_kind", "created_at" DESC)`)

    await q.query(`
      CREATE TABLE "reco_item_neighbor" (
        "model_run_id" uuid NOT NULL REFERENCES "reco_model_run"("id") ON DELETE CASCADE,
        "kind" varchar(16) NOT NULL CHECK ("kind" IN ('similar','complement','content')),
        "product_id" varchar(64) NOT NULL,
        "rank" smallint NOT NULL,
        "neighbor_product_id" varchar(64) NOT NULL,
        "score" double precision NOT NULL,
        PRIMARY KEY ("model_run_id", "kind", "product_id", "rank")
      )`)

    await q.query(`
      CREATE TABLE "reco_actor_list" (
        "model_run_id" uuid NOT NULL REFERENCES "reco_model_run"("id") ON DELETE CASCADE,
        "list" varchar(24) NOT NULL,
        "actor_id" varchar(128) NOT NULL,
        "rank" smallint NOT NULL,
        "product_id" varchar(64) NOT NULL,
        "score" double precision NOT NULL,
        "reason" jsonb,
        PRIMARY KEY ("model_run_id", "list", "actor_id", "rank")
      )`)
    // Erasure of one shopper across every run.
    await q.query(`CREATE INDEX "IDX_reco_actor_list_actor" ON "reco_actor_list" ("actor_id")`)

    await q.query(`
      CREATE TABLE "reco_served_recommendation" (
        "id" varchar(64) PRIMARY KEY,
        "actor_type" varchar(16) NOT NULL CHECK ("actor_type" IN ('customer','anonymous')),
        "actor_id" varchar(128) NOT NULL,
        "placement" varchar(32) NOT NULL,
        "model_run_id" uuid,
        "experiment_id" varchar(64),
        "arm" varchar(64),
        "context" jsonb,
        "items" jsonb NOT NULL,
        "served_at" timestamptz NOT NULL DEFAULT now()
      )`)
    // Attribution looks up what an actor was shown within a window; metrics scan by day.
    await q.query(
      `CREATE INDEX "IDX_reco_served_actor_time" ON "reco_served_recommendation" ("actor_id", "served_at" DESC)`
    )
    await q.query(`CREATE INDEX "IDX_reco_served_time" ON "reco_served_recommendation" ("served_at")`)

    await q.query(`
      CREATE TABLE "reco_checkpoint" (
        "name" varchar(64) PRIMARY KEY,
        "state" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "reco_checkpoint",
      "reco_served_recommendation",
      "reco_actor_list",
      "reco_item_neighbor",
      "reco_model_run",
      "reco_actor_alias",
      "reco_cart_snapshot",
      "reco_event",
    ]) {
      await q.query(`DROP TABLE IF EXISTS "${table}"`)
    }
  }
}
