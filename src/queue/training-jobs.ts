import type { JobsOptions } from "bullmq"

export const TRAINING_MODES = ["full", "incremental"] as const
export type TrainingMode = (typeof TRAINING_MODES)[number]

export const TRAINING_TRIGGERS = ["schedule", "signal", "admin", "cli"] as const
export type TrainingTrigger = (typeof TRAINING_TRIGGERS)[number]

/** A training job carries only what to do, never data: the worker reads the tables. */
export type TrainingJobData = { mode: TrainingMode; trigger: TrainingTrigger }

/** What a finished training job returns (also visible in BullMQ's UI). */
export type TrainingJobResult = { runs: Array<{ id: string; kind: string; status: string; activated: boolean }> }

/**
 * Deterministic job id from the data it would train on (newest received event), so a double
 * trigger over the same data trains once. BullMQ ids must not contain ':' nor be all digits.
 */
export function trainingJobId(mode: TrainingMode, watermark: Date | null): string {
  return `train-${mode}-${watermark ? watermark.getTime() : "empty"}`
}

export const TRAINING_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 30_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 200 },
}
