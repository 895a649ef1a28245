import type { MigrationInterface, QueryRunner } from "typeorm"

/**
 * A/B experiments: arms (jsonb) with traffic shares per placement. The partial unique index
 * keeps at most one running experiment per placement, whatever races between admin requests.
 */
export class AddExperiments1764421200000 implements MigrationInterface {
  name = "AddExperiments1764421200000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_experiment" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "placement" varchar(32) NOT NULL,
        "status" varchar(16) NOT NULL CHECK ("status" IN ('running', 'stopped')),
        "arms" jsonb NOT NULL CHECK (jsonb_typeof("arms") = 'array'),
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "stopped_at" timestamptz,
        "winner_arm" varchar(64),
        "created_by" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("status" = 'running') = ("stopped_at" IS NULL))
      )`)
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reco_experiment_running_placement" ON "reco_experiment" ("placement") WHERE "status" = 'running'`
    )
    await q.query(`CREATE INDEX "IDX_reco_experiment_created_at" ON "reco_experiment" ("created_at")`)
    // Results count each arm's distinct visitors from the served log.
    await q.query(
      `CREATE INDEX "IDX_reco_served_experiment_arm" ON "reco_served_recommendation" ("experiment_id", "arm", "actor_id")
         WHERE "experiment_id" IS NOT NULL`
    )
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_reco_served_experiment_arm"`)
    await q.query(`DROP TABLE IF EXISTS "reco_experiment"`)
  }
}
