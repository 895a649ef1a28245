import {
  loadOnlineShoppers,
  ONLINE_SHOPPERS_SCHEMA,
  ONLINE_SHOPPERS_STORE_SIDE_SCHEMA,
} from "../../datasets/online-shoppers"
import { throwIfAborted } from "../../errors"
import { bestF1Threshold } from "../../features/decision-threshold"
import { stratifiedFolds } from "../../features/stratified-folds"
import type { TabularRow, TabularSchema } from "../../features/tabular-encoder"
import { IntentModel, type IntentModelConfig } from "../../models/intent"
import { initTf } from "../../tf"
import { f1Score, mean, rocAuc } from "../metrics"
import type { ModelMetrics, ProtocolOptions, ProtocolResult, ProtocolRunner } from "../protocol-result"

/**
 * P4 purchase intent (DESIGN.md §4): stratified 5-fold CV on UCI online shoppers. Per fold every
 * model fits its encoder and weights on the training folds, picks its F1 threshold on the
 * training folds too, and is scored once on the held-out fold. Metrics are fold means.
 *
 * Models:
 * - intent: the dense intent network on every feature.
 * - logistic_regression: the same encoder and trainer with no hidden layer (baseline).
 * - page_values: raw PageValues as the score, no training (the single strongest column).
 * - intent_store_side: the intent network on the features a store can compute itself.
 *
 * Per model: auc, f1 (at the training-fold threshold), train_ms (mean per fold), peak_tensor_mb
 * (tfjs-tracked bytes while training: data, weights, Adam state) and peak_rss_mb (the whole
 * process after that model's folds; wasm's heap never shrinks, so it only grows across models).
 */
export const P4_FOLDS = 5
const MB = 1024 * 1024

type TrainedModelSpec = { name: string; schema: TabularSchema; config: Partial<IntentModelConfig> }

export type P4Config = {
  folds: number
  intent: Partial<IntentModelConfig>
  /** Evaluate the store-side feature subset as well (one more network per fold). */
  storeSide: boolean
}

const DEFAULT_P4_CONFIG: P4Config = { folds: P4_FOLDS, intent: {}, storeSide: true }

type FoldScore = { auc: number; f1: number; train_ms: number; peak_tensor_bytes: number; threshold: number }

const pick = <T>(values: readonly T[], indices: readonly number[]): T[] => indices.map((i) => values[i]!)

function summarise(scores: FoldScore[], peakRss: number): ModelMetrics {
  return {
    auc: mean(scores.map((s) => s.auc)),
    auc_std: Math.sqrt(mean(scores.map((s) => (s.auc - mean(scores.map((t) => t.auc))) ** 2))),
    f1: mean(scores.map((s) => s.f1)),
    threshold: mean(scores.map((s) => s.threshold)),
    train_ms: mean(scores.map((s) => s.train_ms)),
    peak_tensor_mb: Math.max(...scores.map((s) => s.peak_tensor_bytes)) / MB,
    peak_rss_mb: peakRss / MB,
  }
}

export function createP4Runner(overrides: Partial<P4Config> = {}): ProtocolRunner {
  const config: P4Config = { ...DEFAULT_P4_CONFIG, ...overrides }
  return async (path: string, options: ProtocolOptions = {}): Promise<ProtocolResult> => {
    const runtime = await initTf()
    const seed = options.seed ?? 42
    const data = await loadOnlineShoppers(path)
    throwIfAborted(options.signal)
    const folds = stratifiedFolds(data.labels, config.folds, seed)

    const trained: TrainedModelSpec[] = [
      { name: "intent", schema: ONLINE_SHOPPERS_SCHEMA, config: { ...config.intent, seed } },
      { name: "logistic_regression", schema: ONLINE_SHOPPERS_SCHEMA, config: { ...config.intent, hiddenUnits: [], seed } },
    ]
    if (config.storeSide) {
      trained.push({ name: "intent_store_side", schema: ONLINE_SHOPPERS_STORE_SIDE_SCHEMA, config: { ...config.intent, seed } })
    }
    const scores = new Map<string, FoldScore[]>()
    for (const name of [...trained.map((m) => m.name), "page_values"]) scores.set(name, [])
    const peakRss = new Map<string, number>()
    const total = folds.length * trained.length
    let done = 0

    for (const [f, fold] of folds.entries()) {
      const trainRows: TabularRow[] = pick(data.rows, fold.train)
      const testRows: TabularRow[] = pick(data.rows, fold.test)
      const trainLabels = Uint8Array.from(fold.train, (i) => data.labels[i]!)
      const testLabels = Uint8Array.from(fold.test, (i) => data.labels[i]!)

      for (const spec of trained) {
        options.onProgress?.(done, total, `fold ${f + 1}/${folds.length} ${spec.name}`)
        const model = await IntentModel.train(spec.schema, trainRows, trainLabels, spec.config, { signal: options.signal })
        try {
          const predicted = model.predict(testRows)
          scores.get(spec.name)!.push({
            auc: rocAuc(predicted, testLabels),
            f1: f1Score(predicted, testLabels, model.threshold),
            train_ms: model.trainStats!.train_ms,
            peak_tensor_bytes: model.trainStats!.peak_tensor_bytes,
            threshold: model.threshold,
          })
        } finally {
          model.dispose()
        }
        peakRss.set(spec.name, Math.max(peakRss.get(spec.name) ?? 0, process.memoryUsage().rss))
        done++
      }

      const started = performance.now()
      const pageValues = (rows: TabularRow[]) => Float64Array.from(rows, (r) => Number(r.PageValues))
      const threshold = bestF1Threshold(pageValues(trainRows), trainLabels)
      const testScores = pageValues(testRows)
      scores.get("page_values")!.push({
        auc: rocAuc(testScores, testLabels),
        f1: f1Score(testScores, testLabels, threshold),
        train_ms: performance.now() - started,
        peak_tensor_bytes: 0,
        threshold,
      })
    }
    options.onProgress?.(total, total, "done")

    const models: Record<string, ModelMetrics> = {}
    for (const [name, list] of scores) models[name] = summarise(list, peakRss.get(name) ?? process.memoryUsage().rss)

    let positives = 0
    for (const label of data.labels) positives += label
    const stats: Record<string, number> = {
      rows: data.rows.length,
      positives,
      folds: folds.length,
      seed,
      features: ONLINE_SHOPPERS_SCHEMA.numeric.length + ONLINE_SHOPPERS_SCHEMA.categorical.length,
    }
    folds.forEach((fold, f) => {
      stats[`fold_${f}_test`] = fold.test.length
      stats[`fold_${f}_test_positives`] = fold.test.reduce((sum, i) => sum + data.labels[i]!, 0)
    })
    return { protocol: "P4", backend: runtime.backend, models, stats }
  }
}

/** P4 with the default intent model configuration. */
export const runP4: ProtocolRunner = createP4Runner()
