import type { DataSource } from "typeorm"

/**
 * Arbitrary but fixed key of the Postgres advisory lock that serialises plugin migrations,
 * so Medusa servers and workers starting together never race on the schema.
 */
const MIGRATION_LOCK_KEY = 7_317_042_025

export type MigrationOutcome = { applied: string[] }

/**
 * Applies pending plugin migrations under a session-level advisory lock held on one
 * dedicated connection. Each migration runs in its own transaction; running it again
 * when nothing is pending changes nothing.
 */
export async function runRecoMigrations(dataSource: DataSource): Promise<MigrationOutcome> {
  const runner = dataSource.createQueryRunner()
  await runner.connect()
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY])
    try {
      const applied = await dataSource.runMigrations({ transaction: "each" })
      return { applied: applied.map((m) => m.name) }
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
    }
  } finally {
    await runner.release()
  }
}
