import { Queue } from "bullmq"
import type IORedis from "ioredis"
import { RETENTION_SCHEDULER, SIGNAL_JOBS, SIGNAL_QUEUE, TRAINING_JOBS } from "./queue-names"
import { createProducerConnection } from "./redis-connection"
import { TRAINING_JOB_OPTIONS, type TrainingMode, type TrainingTrigger, trainingJobId } from "./training-jobs"
import { TrainingRequests } from "./training-requests"

export type EventsIngestedSignal = {
  /** Where the events came from (storefront, subscriber, backfill, import). */
  source: string
  /** How many new rows were committed. */
  count: number
  /** received_at of the newest committed row, ISO 8601. */
  received_at: string
}

type Logger = { warn(message: string): void }

/** Redis could not take a request that must not be silently dropped (an admin's retrain, a schedule). */
export class QueueUnavailableError extends Error {
  override name = "QueueUnavailableError"
}

/** How long a request may wait on Redis for a signal before giving up on it. */
const SIGNAL_TIMEOUT_MS = 1_500

/** ioredis states in which a command cannot be sent now (BullMQ would wait for "ready" forever). */
const UNAVAILABLE = new Set(["reconnecting", "close", "end"])

/**
 * Queues small signal jobs after events are committed. Signals are hints: the rows are
 * already durable in Postgres, so a Redis outage only delays learning and is logged.
 */
export class SignalProducer {
  private readonly connection: IORedis
  private readonly queue: Queue
  private training_: TrainingRequests | null = null

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger
  ) {
    this.connection = createProducerConnection(redisUrl)
    // ioredis emits "error" while Redis is down; without a listener Node would crash.
    this.connection.on("error", () => undefined)
    this.queue = new Queue(SIGNAL_QUEUE, {
      connection: this.connection,
      prefix,
      defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 1000 },
    })
    this.queue.on("error", () => undefined)
  }

  /** Never throws: returns false (and logs a warning) when the signal could not be queued. */
  async eventsIngested(signal: EventsIngestedSignal): Promise<boolean> {
    if (signal.count === 0) {
      return true
    }
    try {
      if (UNAVAILABLE.has(this.connection.status)) {
        throw new Error(`connection is ${this.connection.status}`)
      }
      await withTimeout(this.queue.add(SIGNAL_JOBS.eventsIngested, signal), SIGNAL_TIMEOUT_MS)
      return true
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      this.logger.warn(
        `medusa-plugin-recommendations: ${signal.count} event(s) are stored in Postgres but the learning signal could not be queued (Redis: ${reason}). The worker catches up from the table.`
      )
      return false
    }
  }

  /**
   * Registers the daily purge of behaviour older than the plugin's retentionDays (idempotent,
   * so every Medusa start may call it). Never throws: without Redis it logs and moves on.
   */
  async ensureRetentionSchedule(retentionDays: number, cron = "30 4 * * *"): Promise<boolean> {
    try {
      await withTimeout(this.queue.waitUntilReady(), SIGNAL_TIMEOUT_MS * 2)
      await withTimeout(
        this.queue.upsertJobScheduler(
          RETENTION_SCHEDULER,
          { pattern: cron },
          { name: SIGNAL_JOBS.retention, data: { retention_days: retentionDays } }
        ),
        SIGNAL_TIMEOUT_MS * 2
      )
      return true
    } catch (e) {
      this.logger.warn(
        `medusa-plugin-recommendations: the retention schedule could not be registered (Redis: ${e instanceof Error ? e.message : String(e)}); it is retried at the next start.`
      )
      return false
    }
  }

  /**
   * Queues a training run over the data up to `watermark` (same id as the CLI and the worker's
   * own requests, so a double trigger trains once). When that job already finished, a new one
   * is queued: an admin who asks for a retrain gets one. Fails fast without Redis.
   */
  async requestTraining(mode: TrainingMode, trigger: TrainingTrigger, watermark: Date | null): Promise<string> {
    return this.withRedis("the training job could not be queued", async () => {
      const training = this.training()
      const id = trainingJobId(mode, watermark)
      const existing = await training.queue.getJob(id)
      const state = existing ? await existing.getState() : null
      const finished = state === "completed" || state === "failed"
      const job = await training.queue.add(
        TRAINING_JOBS.train,
        { mode, trigger },
        { ...TRAINING_JOB_OPTIONS, jobId: finished ? `${id}-${trigger}-${Date.now()}` : id }
      )
      return job.id ?? id
    })
  }

  /** Training jobs waiting for a worker (waiting, delayed, prioritized). Fails fast without Redis. */
  queuedTrainingJobs(): Promise<number> {
    return this.withRedis("the training queue could not be read", () =>
      this.training().queue.getJobCountByTypes("waiting", "delayed", "prioritized")
    )
  }

  /**
   * (Re)registers the full-retrain scheduler under the worker's scheduler id, so there is only
   * one; "off" removes it. Fails fast without Redis.
   */
  async ensureRetrainSchedule(cron: string): Promise<void> {
    await this.withRedis("the retrain schedule could not be registered", async () => {
      if (cron === "off") await this.training().removeSchedule()
      else await this.training().ensureSchedule(cron)
    })
  }

  /** Like ensureRetentionSchedule, but throws QueueUnavailableError instead of logging (admin changes). */
  async replaceRetentionSchedule(retentionDays: number): Promise<void> {
    if (!(await this.ensureRetentionSchedule(retentionDays))) {
      throw new QueueUnavailableError("Redis is unreachable: the retention schedule could not be registered")
    }
  }

  private training(): TrainingRequests {
    if (!this.training_) {
      this.training_ = new TrainingRequests(this.connection, this.prefix)
      this.training_.queue.on("error", () => undefined)
    }
    return this.training_
  }

  private async withRedis<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      if (UNAVAILABLE.has(this.connection.status)) throw new Error(`connection is ${this.connection.status}`)
      return await withTimeout(work(), SIGNAL_TIMEOUT_MS * 2)
    } catch (e) {
      throw new QueueUnavailableError(`Redis is unreachable: ${what} (${e instanceof Error ? e.message : String(e)})`)
    }
  }

  async close(): Promise<void> {
    await this.training_?.close().catch(() => undefined)
    await this.queue.close().catch(() => undefined)
    this.connection.disconnect()
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
