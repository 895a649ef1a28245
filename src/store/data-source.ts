import "reflect-metadata"
import { DataSource } from "typeorm"
import { RECO_MIGRATIONS } from "../../migrations"
import { RECO_ENTITIES } from "./entities"

/** The plugin keeps its own migrations table so it never touches Medusa's migration history. */
export const RECO_MIGRATIONS_TABLE = "reco_migrations"

export type RecoDataSourceConfig = {
  url: string
  /** Postgres pool size for this process. */
  poolSize?: number
  /** Passed to pg as-is (e.g. {rejectUnauthorized: false}); mirrors Medusa's databaseDriverOptions. */
  ssl?: boolean | Record<string, unknown>
  applicationName?: string
}

/**
 * One TypeORM data source over the plugin tables. The Medusa module and the standalone
 * workers both build theirs here, so they share entities, migrations and settings.
 */
export function createRecoDataSource(config: RecoDataSourceConfig): DataSource {
  return new DataSource({
    type: "postgres",
    url: config.url,
    ssl: config.ssl as boolean | undefined,
    entities: RECO_ENTITIES,
    migrations: RECO_MIGRATIONS,
    migrationsTableName: RECO_MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: ["error"],
    poolSize: config.poolSize ?? 5,
    applicationName: config.applicationName ?? "medusa-plugin-recommendations",
  })
}
