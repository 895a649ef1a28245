import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SignalProducer } from "../../../queue/signal-producer"
import { resolveRedisUrl } from "../../../queue/redis-connection"
import { createRecoDataSource } from "../../../store/data-source"
import { runRecoMigrations } from "../../../store/run-migrations"
import { defaultSettings, readSettings } from "../../../store/repositories/settings"
import { RECO_DATA_SOURCE, RECO_OPTIONS, RECO_SIGNAL_PRODUCER } from "../container-keys"
import { parsePluginOptions } from "../options"

type ProjectConfigSlice = {
  projectConfig?: {
    databaseUrl?: string
    redisUrl?: string
    databaseDriverOptions?: { connection?: { ssl?: boolean | Record<string, unknown> } }
  }
}

/**
 * Validates the plugin options, opens the TypeORM data source over the plugin tables,
 * applies pending migrations under an advisory lock and prepares the signal producer.
 * A bad option throws here, which fails Medusa's start-up with the option named.
 */
export default async function connectRecommendationStore({
  container,
  options,
  logger,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const parsed = parsePluginOptions(stripMedusaKeys(options))
  const config = container.resolve<ProjectConfigSlice>(ContainerRegistrationKeys.CONFIG_MODULE, {
    allowUnregistered: true,
  })
  const url = parsed.databaseUrl ?? config?.projectConfig?.databaseUrl ?? process.env.DATABASE_URL
  if (!url) {
    throw new Error(
      'medusa-plugin-recommendations: no database URL. Set the "databaseUrl" option or Medusa\'s projectConfig.databaseUrl.'
    )
  }
  const dataSource = createRecoDataSource({
    url,
    ssl: config?.projectConfig?.databaseDriverOptions?.connection?.ssl,
  })
  await dataSource.initialize()
  if (parsed.migrateOnStart) {
    const { applied } = await runRecoMigrations(dataSource)
    if (applied.length > 0) {
      logger?.info(`medusa-plugin-recommendations: applied migrations ${applied.join(", ")}`)
    }
  }
  const producer = new SignalProducer(
    resolveRedisUrl(parsed.redisUrl ?? config?.projectConfig?.redisUrl),
    parsed.queuePrefix,
    { warn: (m) => (logger ? logger.warn(m) : console.warn(m)) }
  )
  // Fire and forget: start-up never waits on Redis for this. An admin's retention setting wins
  // over the option (a restart must not undo it).
  void readSettings(dataSource, defaultSettings(parsed))
    .then((s) => s.retention_days, () => parsed.retentionDays)
    .then((days) => producer.ensureRetentionSchedule(days))
  container.register({
    [RECO_DATA_SOURCE]: asValue(dataSource),
    [RECO_SIGNAL_PRODUCER]: asValue(producer),
    [RECO_OPTIONS]: asValue(parsed),
  })
}

/** Medusa attaches its own keys (database, providers) to module options; they are not the plugin's. */
function stripMedusaKeys(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const { providers: _providers, database: _database, ...rest } = options ?? {}
  return rest
}
