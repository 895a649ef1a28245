import { resolveRedisUrl } from "../queue/redis-connection"

export type CliConnectionOptions = { databaseUrl?: string; redisUrl?: string; queuePrefix?: string }

/** Connection settings for commands that run without booting Medusa: flags, then environment. */
export function connectionSettings(flags: CliConnectionOptions) {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL
  if (!databaseUrl) {
    throw new MissingSettingError("no database: pass --database-url or set DATABASE_URL (the Medusa database)")
  }
  const queuePrefix = flags.queuePrefix ?? process.env.RECO_QUEUE_PREFIX ?? "reco"
  if (queuePrefix === "bull") {
    throw new MissingSettingError("queue prefix 'bull' is Medusa's own; use the plugin's queuePrefix option value")
  }
  return { databaseUrl, redisUrl: resolveRedisUrl(flags.redisUrl), queuePrefix }
}

export class MissingSettingError extends Error {
  override name = "MissingSettingError"
}
