/**
 * Environment the worker passes to its sandboxed children (never job data: jobs live in Redis,
 * and connection strings are secrets).
 */
export const SANDBOX_DATABASE_URL_ENV = "RECO_SANDBOX_DATABASE_URL"
export const SANDBOX_REDIS_URL_ENV = "RECO_SANDBOX_REDIS_URL"
export const SANDBOX_QUEUE_PREFIX_ENV = "RECO_SANDBOX_QUEUE_PREFIX"
/** More shoppers than this and a run's for-you lists are written by materialise shards. */
export const SHARD_THRESHOLD_ENV = "RECO_SHARD_ACTORS"
export const SHARD_SIZE_ENV = "RECO_SHARD_SIZE"
