import { setImmediate as yieldToEventLoop } from "node:timers/promises"
import { userItemCsr } from "../../data/csr"
import type { Interactions } from "../../data/interactions"
import { splitEachUserByRatio } from "../../data/user-ratio-split"
import { loadMovieLensRatings } from "../../datasets/movielens"
import { throwIfAborted } from "../../errors"
import { AlsModel } from "../../models/als"
import { EaseModel } from "../../models/ease"
import { createForYouModel, type ForYouConfig, type ForYouModel, type ForYouState } from "../../models/for-you"
import { PopularityModel } from "../../models/popularity"
import { initTf } from "../../tf"
import { averagePrecisionAtK, mean, ndcgAtK, precisionAtK, recallAtK } from "../metrics"
import type { ModelMetrics, ProtocolOptions, ProtocolResult, ProtocolRunner } from "../protocol-result"
import { topK } from "../rank"

/** DESIGN.md §4 P1: per-user random 75/25 split (seed 42), full ranking, K = 10. */
export const P1_SPLIT_RATIO = 0.75
export const P1_SEED = 42
export const P1_K = 10

export type TopNMetrics = { map: number; ndcg_at_10: number; precision_at_10: number; recall_at_10: number }
export type TopNEvaluation = { metrics: TopNMetrics; users: number }

/**
 * Full-ranking top-10 metrics averaged over users with both train and test rows (as
 * Microsoft Recommenders does: a user absent from train gets no list). Each user's train
 * items are excluded; every other catalogue item is a candidate; ties by ascending item id.
 */
export async function evaluateTopN(
  model: ForYouModel,
  train: Interactions,
  test: Interactions,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): Promise<TopNEvaluation> {
  const seen = userItemCsr(train, { duplicates: "max" })
  const held = userItemCsr(test, { duplicates: "max" })
  const perUser: Array<[number, number, number, number]> = []
  const users = Math.min(seen.rows, held.rows)
  for (let user = 0; user < users; user++) {
    const trainStart = seen.indptr[user]!
    const trainEnd = seen.indptr[user + 1]!
    const testStart = held.indptr[user]!
    const testEnd = held.indptr[user + 1]!
    if (trainStart === trainEnd || testStart === testEnd) continue
    const scores = model.scoreUser(user)
    for (let e = trainStart; e < trainEnd; e++) scores[seen.indices[e]!] = -Infinity
    const ranked = topK(scores, P1_K)
    const relevant = new Set(held.indices.subarray(testStart, testEnd))
    perUser.push([
      averagePrecisionAtK(ranked, relevant, P1_K),
      ndcgAtK(ranked, relevant, P1_K),
      precisionAtK(ranked, relevant, P1_K),
      recallAtK(ranked, relevant, P1_K),
    ])
    if ((user & 63) === 63) {
      await yieldToEventLoop()
      throwIfAborted(options.signal)
      options.onProgress?.(user / users)
    }
  }
  options.onProgress?.(1)
  const column = (c: number) => mean(perUser.map((row) => row[c]!))
  return {
    metrics: { map: column(0), ndcg_at_10: column(1), precision_at_10: column(2), recall_at_10: column(3) },
    users: perUser.length,
  }
}

/** Bytes of a model's persisted state (its typed arrays). */
export function stateBytes(state: ForYouState): number {
  switch (state.kind) {
    case "popularity":
      return state.counts.byteLength
    case "ease":
      return state.weights.byteLength + state.users.indices.byteLength + state.users.values.byteLength + state.users.indptr.byteLength
    case "als":
      return state.userFactors.byteLength + state.itemFactors.byteLength
    case "ease+als":
      return stateBytes(state.ease) + stateBytes(state.als)
  }
}

const MB = 1024 * 1024

export type P1Config = {
  /** The for-you settings (EASE/ALS choice, blend weight, hyper-parameters); "ease" and "als" use its parts. */
  forYou?: ForYouConfig
}

/**
 * A P1 runner: popularity (the baseline), "for_you" (the automatic choice: the EASE + ALS
 * blend at this catalogue size), and its parts by name, "ease" and "als" (the scalable model). Per model: the four metrics, train_ms,
 * peak_rss_mb (largest RSS sampled during its fit, so a lower bound on the true peak),
 * process_max_rss_mb (the process-wide peak so far, an upper bound) and model_mb.
 */
export function createP1Runner(config: P1Config = {}): ProtocolRunner {
  return async (path: string, options: ProtocolOptions = {}): Promise<ProtocolResult> => {
    const { signal, onProgress } = options
    const seed = options.seed ?? P1_SEED
    const runtime = await initTf()
    const { interactions } = await loadMovieLensRatings(path)
    throwIfAborted(signal)
    const { train, test } = splitEachUserByRatio(interactions, { ratio: P1_SPLIT_RATIO, seed })

    const forYou = createForYouModel(train.itemCount, { ...config.forYou, als: { seed, ...config.forYou?.als } })
    const candidates: Array<[string, ForYouModel]> = [
      ["popularity", new PopularityModel()],
      ["for_you", forYou],
      ["ease", new EaseModel(config.forYou?.ease)],
      ["als", new AlsModel({ seed, ...config.forYou?.als })],
    ]
    const total = candidates.length * 200
    const models: Record<string, ModelMetrics> = {}
    let users = 0
    for (const [index, [name, model]] of candidates.entries()) {
      throwIfAborted(signal)
      let peakRss = process.memoryUsage().rss
      const started = performance.now()
      await model.fit(train, {
        signal,
        onProgress: (fraction) => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss)
          onProgress?.(index * 200 + Math.round(fraction * 100), total, `${name}: train`)
        },
      })
      const trainMs = performance.now() - started
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      const evaluation = await evaluateTopN(model, train, test, {
        signal,
        onProgress: (fraction) => onProgress?.(index * 200 + 100 + Math.round(fraction * 100), total, `${name}: evaluate`),
      })
      users = evaluation.users
      models[name] = {
        ...evaluation.metrics,
        train_ms: Math.round(trainMs),
        peak_rss_mb: Math.round(peakRss / MB),
        process_max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        model_mb: Math.round((stateBytes(model.toState()) / MB) * 10) / 10,
      }
    }
    return {
      protocol: "P1",
      backend: runtime.backend,
      models,
      stats: {
        seed,
        ratings: interactions.users.length,
        users: interactions.userCount,
        items: interactions.itemCount,
        train_rows: train.users.length,
        test_rows: test.users.length,
        users_evaluated: users,
        // Which model "for_you" was at this catalogue size: 1 for EASE (+ ALS), 0 for ALS alone.
        for_you_uses_ease: forYou.name === "als" ? 0 : 1,
      },
    }
  }
}

export const runP1: ProtocolRunner = createP1Runner()
