import { type Job, UnrecoverableError } from "bullmq"
import type { DataSource } from "typeorm"
import { initTf } from "../../ml/tf"
import { createRecoDataSource } from "../../store/data-source"
import { isCancelRequested } from "../../training/model-runs"
import { runTraining } from "../../training/run-training"
import { defaultModelSpecs } from "../../training/specs"
import { materialiseFlow } from "../materialise-flow"
import type { TrainingJobData, TrainingJobResult } from "../training-jobs"
import {
  SANDBOX_DATABASE_URL_ENV,
  SANDBOX_QUEUE_PREFIX_ENV,
  SANDBOX_REDIS_URL_ENV,
  SHARD_SIZE_ENV,
  SHARD_THRESHOLD_ENV,
} from "./sandbox-env"


let dataSource: Promise<DataSource> | null = null

/** Large stores fan their for-you lists out to the materialise queue (see materialise-flow.ts). */
function shardRunner(signal: AbortSignal | undefined) {
  const redisUrl = process.env[SANDBOX_REDIS_URL_ENV]
  const prefix = process.env[SANDBOX_QUEUE_PREFIX_ENV]
  if (!redisUrl || !prefix) return undefined
  return materialiseFlow({
    redisUrl,
    prefix,
    threshold: Number(process.env[SHARD_THRESHOLD_ENV] ?? 20_000),
    shardSize: Number(process.env[SHARD_SIZE_ENV] ?? 5_000),
    signal,
  })
}

function connect(): Promise<DataSource> {
  const url = process.env[SANDBOX_DATABASE_URL_ENV]
  if (!url) throw new UnrecoverableError(`${SANDBOX_DATABASE_URL_ENV} is not set for the training sandbox`)
  dataSource ??= createRecoDataSource({ url, poolSize: 2, applicationName: "medusa-reco-trainer" }).initialize()
  return dataSource
}

/**
 * Sandboxed BullMQ processor (its own process, so CPU-heavy training never blocks the job
 * lock renewal, nor Medusa). Progress goes to the job and to the run rows; an admin cancel
 * arrives as the AbortSignal and ends the job without retries.
 */
export default async function trainProcessor(
  job: Job<TrainingJobData>,
  _token?: string,
  signal?: AbortSignal
): Promise<TrainingJobResult> {
  if (job.data?.mode !== "full" && job.data?.mode !== "incremental") {
    throw new UnrecoverableError(`training job ${job.id} has no valid mode`)
  }
  const ds = await connect()
  await initTf({ log: (m) => void job.log(m) })
  try {
    const outcome = await runTraining(
      ds,
      defaultModelSpecs(),
      { jobId: job.id ?? null, trigger: job.data.trigger },
      {
        signal,
        shards: shardRunner(signal),
        onProgress: (f) => void job.updateProgress(Math.round(f * 1000) / 10).catch(() => undefined),
        log: (m) => void job.log(m).catch(() => undefined),
      }
    )
    return { runs: outcome.runs.map(({ id, kind, status, activated }) => ({ id, kind, status, activated })) }
  } catch (e) {
    if (signal?.aborted && job.id && (await isCancelRequested(ds, job.id))) {
      throw new UnrecoverableError(`canceled by an admin`)
    }
    throw e
  }
}
