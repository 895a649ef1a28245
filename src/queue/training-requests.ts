import { Queue } from "bullmq"
import type IORedis from "ioredis"
import { FULL_RETRAIN_SCHEDULER, REFRESH_DEDUP_ID, TRAINING_JOBS, TRAINING_QUEUE } from "./queue-names"
import {
  TRAINING_JOB_OPTIONS,
  type TrainingJobData,
  type TrainingMode,
  type TrainingTrigger,
  trainingJobId,
} from "./training-jobs"

/** Adds training jobs: on demand, debounced after new behaviour, and on a cron schedule. */
export class TrainingRequests {
  readonly queue: Queue<TrainingJobData>

  constructor(connection: IORedis, prefix: string) {
    this.queue = new Queue<TrainingJobData>(TRAINING_QUEUE, { connection, prefix })
  }

  /** Queues a run over the data up to `watermark`; the same watermark twice is one job. */
  async request(mode: TrainingMode, trigger: TrainingTrigger, watermark: Date | null): Promise<string> {
    const jobId = trainingJobId(mode, watermark)
    const job = await this.queue.add(TRAINING_JOBS.train, { mode, trigger }, { ...TRAINING_JOB_OPTIONS, jobId })
    return job.id ?? jobId
  }

  /**
   * After new behaviour: one incremental refresh at most every `debounceMs`, however many
   * signals arrive (BullMQ deduplication keeps the first job until its ttl passes).
   */
  async scheduleRefresh(debounceMs: number): Promise<void> {
    await this.queue.add(
      TRAINING_JOBS.train,
      { mode: "incremental", trigger: "signal" },
      { ...TRAINING_JOB_OPTIONS, delay: debounceMs, deduplication: { id: REFRESH_DEDUP_ID, ttl: debounceMs } }
    )
  }

  /** Registers (or updates) the recurring full retrain. */
  async ensureSchedule(cron: string, timezone?: string): Promise<void> {
    await this.queue.upsertJobScheduler(
      FULL_RETRAIN_SCHEDULER,
      { pattern: cron, ...(timezone ? { tz: timezone } : {}) },
      { name: TRAINING_JOBS.train, data: { mode: "full", trigger: "schedule" }, opts: TRAINING_JOB_OPTIONS }
    )
  }

  /** Removes the recurring full retrain (settings: retrain cron "off"). */
  async removeSchedule(): Promise<void> {
    await this.queue.removeJobScheduler(FULL_RETRAIN_SCHEDULER)
  }

  close(): Promise<void> {
    return this.queue.close()
  }
}
