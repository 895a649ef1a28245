import type { JsonObject } from "../store/json"
import type { ListWriter } from "./list-writer"
import type { TimeSplit } from "./time-split"
import type { TrainingData } from "./training-data"

export type TrainContext = {
  signal?: AbortSignal
  /** Fraction of this step done, 0..1. */
  onProgress?: (fraction: number) => void
  /** Present when the job may fan per-shopper lists out to materialisation shards. */
  shards?: ShardRunner
}

/** Runs a run's materialisation as shards elsewhere and resolves when all have written. */
export type ShardRunner = {
  /** More shoppers than this and the lists are written by shards. */
  threshold: number
  run(runId: string, entries: number): Promise<void>
}

/** A model scored on the time holdout, with the baseline measured on the same cases. */
export type HoldoutEvaluation = {
  /** The metric that decides activation, e.g. "ndcg_at_10". */
  primary: string
  metrics: Record<string, number>
  baseline: Record<string, number>
  /** How many holdout cases were scored; 0 means the store has too little history to judge. */
  cases: number
}

/**
 * One trainable model kind of the pipeline. The orchestrator scores it on the time holdout,
 * decides activation, fits it on all data and lets it write its lists.
 */
export interface ModelSpec<TModel> {
  /** reco_model_run.model_kind, e.g. "for_you". */
  readonly kind: string
  /** Whether a model that does not beat the baseline on the holdout may ever be served. */
  readonly mustBeatBaseline: boolean
  algorithm(data: TrainingData): string
  params(data: TrainingData): JsonObject
  /** The tfjs backend it trains on, or null for closed-form / counting models. */
  backend(): Promise<string | null>
  evaluate(split: TimeSplit, ctx: TrainContext): Promise<HoldoutEvaluation>
  fit(data: TrainingData, ctx: TrainContext): Promise<TModel>
  materialise(model: TModel, data: TrainingData, writer: ListWriter, ctx: TrainContext): Promise<void>
}
