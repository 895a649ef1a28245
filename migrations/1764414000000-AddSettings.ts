import type { MigrationInterface, QueryRunner } from "typeorm"

/** Settings an admin changes at run time (over the plugin options' defaults), one row per key. */
export class AddSettings1764414000000 implements MigrationInterface {
  name = "AddSettings1764414000000"

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reco_setting" (
        "key" varchar(64) PRIMARY KEY,
        "value" jsonb NOT NULL,
        "updated_by" varchar(64),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "reco_setting"`)
  }
}
