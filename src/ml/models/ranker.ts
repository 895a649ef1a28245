import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import { rocAuc } from "../eval/metrics"
import type { TabularSchema } from "../features/tabular-encoder"
import {
  IntentModel,
  type IntentModelConfig,
  type IntentModelWeights,
  type TrainOptions,
  type TrainStats,
} from "./intent"

/**
 * Learned ranker: blends the candidate sources' scores and a few shopper/item features into a
 * purchase (or click) probability per (shopper, candidate) row. It is the intent network
 * (dense ReLU layers, sigmoid, binary cross-entropy, Adam) over the fixed schema below.
 */

/** Every column of a ranker row, in order. The pipeline fills one RankerFeatures per candidate. */
export const RANKER_FEATURES = [
  /** Scores from each candidate source; 0 when that source did not propose the item. */
  "score_for_you",
  "score_similar",
  "score_complement",
  "score_session",
  "score_trending",
  "score_content",
  /** How many sources proposed the item. */
  "source_count",
  /** Interactions with the item in the training window. */
  "popularity",
  /** 0-based catalogue price band (features/price-band.ts). */
  "price_band",
  /** |price_band - the shopper's usual band|; 0 when the shopper has no priced history. */
  "price_band_gap",
  /** Days since the shopper last touched the item's category; RANKER_NEVER_DAYS if never. */
  "days_since_category_interaction",
  /** Days since the shopper last touched this item; RANKER_NEVER_DAYS if never. */
  "days_since_item_interaction",
  "item_age_days",
  /** Number of the shopper's past interactions (cold shoppers lean on popularity). */
  "shopper_history_size",
] as const

export type RankerFeatureName = (typeof RANKER_FEATURES)[number]
export type RankerFeatures = Record<RankerFeatureName, number>

/** "Never" as a finite recency, so log1p-standardising it stays well defined. */
export const RANKER_NEVER_DAYS = 365

const HEAVY_TAILED = new Set<RankerFeatureName>([
  "popularity",
  "days_since_category_interaction",
  "days_since_item_interaction",
  "item_age_days",
  "shopper_history_size",
])

export const RANKER_SCHEMA: TabularSchema = {
  numeric: RANKER_FEATURES.map((name) => ({ name, transform: HEAVY_TAILED.has(name) ? "log1p" : "none" })),
  categorical: [],
}

/** One labelled row: label 1 = purchased/clicked; `at` (ms since epoch) orders the time holdout. */
export type RankerExample = { features: RankerFeatures; label: 0 | 1; at: number }

export type RankerTrainingData = {
  /** Outcomes of served recommendations (impression followed by click/purchase or not). */
  logged: readonly RankerExample[]
  /**
   * Time-split implicit rows: candidates built from data before a cutoff, label 1 when the
   * shopper interacted with the item after it. Used while logged outcomes are too few.
   */
  implicit: readonly RankerExample[]
}

export type RankerConfig = {
  model: Partial<IntentModelConfig>
  /** Logged outcomes are used once there are this many rows and this many positives. */
  minLoggedRows: number
  minLoggedPositives: number
  /** The latest fraction of rows (by `at`) is held out to report AUC. */
  holdoutFraction: number
}

export const DEFAULT_RANKER_CONFIG: RankerConfig = {
  model: { hiddenUnits: [32, 16], epochs: 10, batchSize: 256 },
  minLoggedRows: 500,
  minLoggedPositives: 25,
  holdoutFraction: 0.2,
}

export type LabelSource = "logged" | "implicit"

export type RankerReport = {
  label_source: LabelSource
  train_rows: number
  holdout_rows: number
  /** Holdout ROC AUC of the ranker; NaN when the holdout has a single class. */
  auc: number
  /** Holdout AUC of the best single feature (chosen, with its sign, on the training rows). */
  baseline_auc: number
  baseline_feature: RankerFeatureName
} & Pick<TrainStats, "train_ms" | "peak_tensor_bytes">

export type RankerWeights = { format: "ranker/v1"; label_source: LabelSource; model: IntentModelWeights }

function countPositives(rows: readonly RankerExample[]): number {
  return rows.reduce((sum, r) => sum + r.label, 0)
}

/** Logged outcomes when there are enough of them, else the implicit time-split rows. */
export function chooseLabelSource(data: RankerTrainingData, config: RankerConfig): LabelSource {
  const enough =
    data.logged.length >= config.minLoggedRows &&
    countPositives(data.logged) >= config.minLoggedPositives &&
    countPositives(data.logged) < data.logged.length
  return enough ? "logged" : "implicit"
}

/** Oldest rows train, the newest `fraction` is held out (ties in `at` keep input order). */
function timeSplit(rows: readonly RankerExample[], fraction: number): { train: RankerExample[]; holdout: RankerExample[] } {
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at || a.i - b.i)
  const cut = Math.round(sorted.length * (1 - fraction))
  return { train: sorted.slice(0, cut).map((x) => x.r), holdout: sorted.slice(cut).map((x) => x.r) }
}

function bestSingleFeature(train: readonly RankerExample[]): { name: RankerFeatureName; sign: number } {
  const labels = train.map((r) => r.label)
  let best: { name: RankerFeatureName; sign: number; auc: number } = { name: RANKER_FEATURES[0], sign: 1, auc: -1 }
  for (const name of RANKER_FEATURES) {
    const auc = rocAuc(
      train.map((r) => r.features[name]),
      labels
    )
    if (!Number.isFinite(auc)) continue
    const oriented = Math.max(auc, 1 - auc)
    if (oriented > best.auc) best = { name, sign: auc >= 0.5 ? 1 : -1, auc: oriented }
  }
  return best
}

export class Ranker {
  private constructor(
    private readonly model: IntentModel,
    readonly labelSource: LabelSource
  ) {}

  static async train(
    data: RankerTrainingData,
    config: Partial<RankerConfig> = {},
    options: TrainOptions = {}
  ): Promise<{ ranker: Ranker; report: RankerReport }> {
    const c: RankerConfig = { ...DEFAULT_RANKER_CONFIG, ...config, model: { ...DEFAULT_RANKER_CONFIG.model, ...config.model } }
    if (!(c.holdoutFraction > 0 && c.holdoutFraction < 1)) {
      throw new MlConfigError(`holdoutFraction must be in (0, 1), got ${c.holdoutFraction}`)
    }
    throwIfAborted(options.signal)
    const source = chooseLabelSource(data, c)
    const rows = source === "logged" ? data.logged : data.implicit
    const { train, holdout } = timeSplit(rows, c.holdoutFraction)
    const positives = countPositives(train)
    if (positives === 0 || positives === train.length) {
      throw new MlDataError(`ranker training rows (${source}) need both positive and negative labels`)
    }
    const model = await IntentModel.train(
      RANKER_SCHEMA,
      train.map((r) => r.features),
      train.map((r) => r.label),
      c.model,
      options
    )
    const ranker = new Ranker(model, source)
    const holdoutLabels = holdout.map((r) => r.label)
    const baseline = bestSingleFeature(train)
    return {
      ranker,
      report: {
        label_source: source,
        train_rows: train.length,
        holdout_rows: holdout.length,
        auc: holdout.length === 0 ? Number.NaN : rocAuc(ranker.score(holdout.map((r) => r.features)), holdoutLabels),
        baseline_auc: rocAuc(
          holdout.map((r) => baseline.sign * r.features[baseline.name]),
          holdoutLabels
        ),
        baseline_feature: baseline.name,
        train_ms: model.trainStats!.train_ms,
        peak_tensor_bytes: model.trainStats!.peak_tensor_bytes,
      },
    }
  }

  static async fromWeights(weights: RankerWeights): Promise<Ranker> {
    if (weights.format !== "ranker/v1") throw new MlDataError(`unknown ranker format "${weights.format}"`)
    const names = weights.model.encoder.schema.numeric.map((f) => f.name)
    if (names.join(",") !== RANKER_FEATURES.join(",")) {
      throw new MlDataError("stored ranker was trained on a different feature list; retrain it")
    }
    return new Ranker(await IntentModel.fromWeights(weights.model), weights.label_source)
  }

  /** Purchase/click probability per candidate row, in input order. */
  score(rows: readonly RankerFeatures[]): Float32Array {
    return this.model.predict(rows)
  }

  exportWeights(): RankerWeights {
    return { format: "ranker/v1", label_source: this.labelSource, model: this.model.exportWeights() }
  }

  dispose(): void {
    this.model.dispose()
  }
}
