import { UnrecoverableError, Worker } from "bullmq"
import { existsSync } from "node:fs"
import { join } from "node:path"
import type { DataSource } from "typeorm"
import { processEventsIngested } from "./queue/processors/events-ingested"
import {
  SANDBOX_DATABASE_URL_ENV,
  SANDBOX_QUEUE_PREFIX_ENV,
  SANDBOX_REDIS_URL_ENV,
  SHARD_SIZE_ENV,
  SHARD_THRESHOLD_ENV,
} from "./queue/processors/sandbox-env"
import { MATERIALISE_QUEUE, SIGNAL_JOBS, SIGNAL_QUEUE, TRAINING_QUEUE } from "./queue/queue-names"
import { createWorkerConnection } from "./queue/redis-connection"
import type { EventsIngestedSignal } from "./queue/signal-producer"
import type { TrainingJobData, TrainingJobResult } from "./queue/training-jobs"
import { TrainingRequests } from "./queue/training-requests"
import { createRecoDataSource } from "./store/data-source"
import { purgeOlderThan } from "./store/repositories/retention"
import { runRecoMigrations } from "./store/run-migrations"

export type WorkerConfig = {
  databaseUrl: string
  redisUrl: string
  queuePrefix: string
  concurrency?: number
  /** Cron of the full retrain (default nightly at 03:00); null disables the schedule. */
  retrainCron?: string | null
  /** At most one incremental refresh per this many ms after new behaviour (default 60 s). */
  refreshDebounceMs?: number
  /** How often the worker looks for admin cancel requests (default 2 s). */
  cancelPollMs?: number
  /** Sandboxed training processor: defaults to the compiled sibling file. */
  trainingProcessor?: { file: string; execArgv?: string[] }
  /** Sandboxed materialise-shard processor: defaults to the compiled sibling file. */
  materialiseProcessor?: { file: string; execArgv?: string[] }
  /** Shard per-shopper lists when a run has more shoppers than this (default 20,000). */
  shardThreshold?: number
  /** Shoppers per shard (default 5,000). */
  shardSize?: number
  /** Shards written at once by this worker (default 1; run more workers to scale out). */
  materialiseConcurrency?: number
  log?: (message: string) => void
}

export type RunningWorker = {
  dataSource: DataSource
  worker: Worker
  materialiseWorker: Worker
  trainingWorker: Worker<TrainingJobData, TrainingJobResult>
  requests: TrainingRequests
  /** Finishes jobs in flight, then closes Redis and Postgres. Safe to call twice. */
  close(): Promise<void>
}

export const DEFAULT_RETRAIN_CRON = "0 3 * * *"

function defaultProcessorFile(name: string): string {
  const compiled = join(__dirname, "queue", "processors", `${name}.js`)
  if (existsSync(compiled)) return compiled
  return join(__dirname, "queue", "processors", `${name}.ts`)
}

/**
 * The standalone worker: a plain Node process (no Medusa boot) that reaches the plugin tables
 * through the same TypeORM data source as the module and consumes the plugin's queues:
 * signals (ledger + debounced refresh) and training (sandboxed processors). Many workers on
 * many hosts can share one Redis.
 */
export async function startRecoWorker(config: WorkerConfig): Promise<RunningWorker> {
  const log = config.log ?? ((m: string) => console.log(m))
  const dataSource = createRecoDataSource({ url: config.databaseUrl, applicationName: "medusa-reco-worker" })
  await dataSource.initialize()
  await runRecoMigrations(dataSource)

  const connection = createWorkerConnection(config.redisUrl)
  const trainingConnection = createWorkerConnection(config.redisUrl)
  const queueConnection = createWorkerConnection(config.redisUrl)
  const materialiseConnection = createWorkerConnection(config.redisUrl)
  const requests = new TrainingRequests(queueConnection, config.queuePrefix)
  const debounce = config.refreshDebounceMs ?? 60_000

  const worker = new Worker<EventsIngestedSignal | { retention_days: number }>(
    SIGNAL_QUEUE,
    async (job) => {
      if (job.name === SIGNAL_JOBS.retention) {
        const days = Number("retention_days" in job.data ? job.data.retention_days : Number.NaN)
        if (!Number.isInteger(days) || days < 1) throw new UnrecoverableError(`retention job without valid retention_days`)
        return purgeOlderThan(dataSource, days)
      }
      if (job.name !== SIGNAL_JOBS.eventsIngested) {
        throw new UnrecoverableError(`unknown job "${job.name}" on ${SIGNAL_QUEUE}`)
      }
      const ledger = await processEventsIngested(dataSource, { data: job.data as EventsIngestedSignal })
      await requests.scheduleRefresh(debounce)
      return ledger
    },
    { connection, prefix: config.queuePrefix, concurrency: config.concurrency ?? 1 }
  )
  worker.on("error", (e) => log(`medusa-reco worker: ${e.message}`))

  const sandboxEnv = {
    ...process.env,
    [SANDBOX_DATABASE_URL_ENV]: config.databaseUrl,
    [SANDBOX_REDIS_URL_ENV]: config.redisUrl,
    [SANDBOX_QUEUE_PREFIX_ENV]: config.queuePrefix,
    [SHARD_THRESHOLD_ENV]: String(config.shardThreshold ?? process.env[SHARD_THRESHOLD_ENV] ?? 20_000),
    [SHARD_SIZE_ENV]: String(config.shardSize ?? process.env[SHARD_SIZE_ENV] ?? 5_000),
  }
  const processor = config.trainingProcessor ?? { file: defaultProcessorFile("train-sandbox") }
  const trainingWorker = new Worker<TrainingJobData, TrainingJobResult>(TRAINING_QUEUE, processor.file, {
    connection: trainingConnection,
    prefix: config.queuePrefix,
    concurrency: 1,
    workerForkOptions: { env: sandboxEnv, execArgv: processor.execArgv ?? process.execArgv },
  })
  const materialiser = config.materialiseProcessor ?? { file: defaultProcessorFile("materialise-sandbox") }
  const materialiseWorker = new Worker(MATERIALISE_QUEUE, materialiser.file, {
    connection: materialiseConnection,
    prefix: config.queuePrefix,
    concurrency: config.materialiseConcurrency ?? 1,
    workerForkOptions: { env: sandboxEnv, execArgv: materialiser.execArgv ?? process.execArgv },
  })
  materialiseWorker.on("error", (e) => log(`medusa-reco materialiser: ${e.message}`))
  trainingWorker.on("error", (e) => log(`medusa-reco trainer: ${e.message}`))
  trainingWorker.on("failed", (job, e) => log(`medusa-reco trainer: job ${job?.id} failed: ${e.message}`))
  trainingWorker.on("completed", (job) => log(`medusa-reco trainer: job ${job.id} completed`))

  // An explicit cron (or null) wins; otherwise the admin's setting, so a restart keeps it.
  const cron = config.retrainCron !== undefined ? config.retrainCron : await storedRetrainCron(dataSource)
  if (cron === "off") await requests.removeSchedule()
  else if (cron !== null) await requests.ensureSchedule(cron ?? DEFAULT_RETRAIN_CRON)
  await Promise.all([worker.waitUntilReady(), trainingWorker.waitUntilReady(), materialiseWorker.waitUntilReady()])

  // Admins cancel from the Medusa process; the running job lives here, so poll for requests.
  const poll = setInterval(() => {
    void dataSource
      // A cancel flag on any run of a job cancels the whole job (later kinds included).
      .query(
        `SELECT DISTINCT job_id FROM reco_model_run
          WHERE cancel_requested AND job_id IS NOT NULL AND created_at > now() - interval '1 day'`
      )
      .then((rows: Array<{ job_id: string }>) => rows.forEach((r) => trainingWorker.cancelJob(r.job_id, "canceled by an admin")))
      .catch(() => undefined)
  }, config.cancelPollMs ?? 2_000)
  poll.unref()

  log(
    `medusa-reco worker: consuming "${SIGNAL_QUEUE}", "${TRAINING_QUEUE}" and "${MATERIALISE_QUEUE}" with prefix "${config.queuePrefix}"`
  )

  let closing: Promise<void> | null = null
  return {
    dataSource,
    worker,
    materialiseWorker,
    trainingWorker,
    requests,
    close() {
      closing ??= (async () => {
        clearInterval(poll)
        await Promise.all([worker.close(), trainingWorker.close(), materialiseWorker.close()])
        await requests.close()
        for (const c of [connection, trainingConnection, queueConnection, materialiseConnection]) c.disconnect()
        if (dataSource.isInitialized) await dataSource.destroy()
        log("medusa-reco worker: stopped")
      })()
      return closing
    },
  }
}

/** The retrain cron an admin stored in settings ("off" for none), or undefined when never set. */
async function storedRetrainCron(dataSource: DataSource): Promise<string | undefined> {
  const rows: Array<{ value: unknown }> = await dataSource.query(`SELECT value FROM reco_setting WHERE key = 'retrain_cron'`)
  const value = rows[0]?.value
  return typeof value === "string" ? value : undefined
}
