/** Queue carrying "new behaviour arrived" signals (ids and counts only, never rows). */
export const SIGNAL_QUEUE = "reco-signals"

export const SIGNAL_JOBS = {
  eventsIngested: "events-ingested",
  retention: "retention",
} as const

/** Id of the daily retention purge registered with upsertJobScheduler. */
export const RETENTION_SCHEDULER = "reco-retention"

/** Queue of training runs, processed by sandboxed processors in the worker process. */
export const TRAINING_QUEUE = "reco-training"

export const TRAINING_JOBS = {
  train: "train",
} as const

/** Id of the recurring full retrain registered with upsertJobScheduler. */
export const FULL_RETRAIN_SCHEDULER = "reco-full-retrain"

/** Deduplication id that collapses bursts of signals into one incremental refresh. */
export const REFRESH_DEDUP_ID = "reco-incremental-refresh"

/** Queue of materialisation shards (a BullMQ flow per large run: one child per actor range). */
export const MATERIALISE_QUEUE = "reco-materialise"

export const MATERIALISE_JOBS = {
  /** Parent of a flow: completes when every shard of a run has written its lists. */
  shards: "for-you-shards",
  shard: "for-you-shard",
} as const
