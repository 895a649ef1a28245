import { stat } from "node:fs/promises"
import { join } from "node:path"
import { loadDiginetica, type ViewSession } from "../../datasets/diginetica"
import { throwIfAborted } from "../../errors"
import { scoreLastItem, trainCooccurrenceBaseline } from "../../models/cooccurrence-baseline"
import { neighborsOf, trainItemNeighbors } from "../../models/item-neighbors"
import { scoreSession, trainSessionModel } from "../../models/session"
import { hitAtK, mean, reciprocalRankAtK } from "../metrics"
import type { ModelMetrics, ProtocolResult, ProtocolRunner } from "../protocol-result"
import { rankOf } from "../rank"
import { type Measured, measureTraining } from "../measure-training"

/**
 * P3 session next-item (DESIGN.md §4): sessions ordered by `timeframe`; test = sessions on the
 * last 7 distinct `eventdate` days; predict each next item from the session prefix, ranking
 * every item seen in training. A target never seen in training is a miss, not a skipped case.
 */
export const P3_FILE = "diginetica-sample/sample_train-item-views.csv"
export const P3_TEST_DAYS = 7
export const P3_K = 20
/** The baseline's documented tie-break: popularity x 1e-6. */
export const P3_POPULARITY_TIE_BREAK = 1e-6

export type SessionSplit = {
  numItems: number
  train: ViewSession[]
  test: ViewSession[]
  /** Items viewed at least once in training: the ranked catalogue. */
  catalogue: Uint8Array
  stats: { train_sessions: number; test_sessions: number; cases: number; items: number; catalogue_items: number }
}

/** Sessions whose date falls on the last `testDays` distinct dates are the test set. */
export function splitSessions(sessions: readonly ViewSession[], numItems: number, testDays: number): SessionSplit {
  const days = [...new Set(sessions.map((s) => s.date))].sort()
  const testFrom = days[Math.max(0, days.length - testDays)] ?? ""
  const train = sessions.filter((s) => s.date < testFrom)
  const test = sessions.filter((s) => s.date >= testFrom)
  const catalogue = new Uint8Array(numItems)
  for (const s of train) for (const item of s.items) catalogue[item] = 1
  const cases = test.reduce((n, s) => n + Math.max(0, s.items.length - 1), 0)
  return {
    numItems,
    train,
    test,
    catalogue,
    stats: {
      train_sessions: train.length,
      test_sessions: test.length,
      cases,
      items: numItems,
      catalogue_items: catalogue.reduce((n, v) => n + v, 0),
    },
  }
}

/** Fills `out` (one score per item, higher is better) for a session prefix (oldest view first). */
export type SessionScorer = (prefix: readonly number[], out: Float64Array) => void

export type RankingMetrics = { hr: number; mrr: number }

/**
 * HR@K and MRR@K of a scorer over every next-item case of the test sessions. With
 * `excludeViewed`, items already in the prefix are not candidates and a re-viewed target is a
 * miss: the view of a "based on what you are viewing now" list that never repeats the session.
 */
export function evaluateSessionScorer(
  split: SessionSplit,
  scorer: SessionScorer,
  k: number = P3_K,
  options: { excludeViewed?: boolean; signal?: AbortSignal } = {}
): RankingMetrics {
  const hits: number[] = []
  const reciprocal: number[] = []
  const scores = new Float64Array(split.numItems)
  const viewed = new Uint8Array(split.numItems)
  const excluded = (item: number) => split.catalogue[item] === 0 || viewed[item] === 1
  for (const session of split.test) {
    throwIfAborted(options.signal)
    for (let p = 1; p < session.items.length; p++) {
      const target = session.items[p]!
      const prefix = session.items.slice(0, p)
      if (options.excludeViewed) for (const item of prefix) viewed[item] = 1
      if (split.catalogue[target] === 0 || viewed[target] === 1) {
        hits.push(0)
        reciprocal.push(0)
      } else {
        scores.fill(0)
        scorer(prefix, scores)
        const rank = rankOf(scores, target, excluded)
        hits.push(hitAtK(rank, k))
        reciprocal.push(reciprocalRankAtK(rank, k))
      }
      for (const item of prefix) viewed[item] = 0
    }
  }
  return { hr: mean(hits), mrr: mean(reciprocal) }
}


/** Protocol metrics (every next view) plus the unviewed-only view, time and memory. */
function evaluate(
  split: SessionSplit,
  scorer: SessionScorer,
  measured: Measured<unknown>,
  signal: AbortSignal | undefined,
  stateKb?: number
): ModelMetrics {
  const all = evaluateSessionScorer(split, scorer, P3_K, { signal })
  const unviewed = evaluateSessionScorer(split, scorer, P3_K, { signal, excludeViewed: true })
  const out: ModelMetrics = {
    hr_at_20: all.hr,
    mrr_at_20: all.mrr,
    hr_at_20_unviewed: unviewed.hr,
    mrr_at_20_unviewed: unviewed.mrr,
    train_ms: measured.train_ms,
    heap_growth_mb: measured.heap_growth_mb,
    peak_rss_mb: measured.peak_rss_mb,
  }
  if (stateKb !== undefined) out.state_kb = stateKb
  return out
}

const stateKb = (state: unknown) => JSON.stringify(state).length / 1024

async function resolveFile(path: string): Promise<string> {
  return (await stat(path)).isDirectory() ? join(path, P3_FILE) : path
}

/** Runs P3 on `sample_train-item-views.csv` (or a datasets folder holding diginetica-sample/). */
export const runP3: ProtocolRunner = async (path, options = {}) => {
  const { signal, onProgress } = options
  const data = await loadDiginetica(await resolveFile(path))
  throwIfAborted(signal)
  const numItems = data.itemNames.length
  const split = splitSessions(data.sessions, numItems, P3_TEST_DAYS)
  const trainSequences = split.train.map((s) => s.items)
  const models: ProtocolResult["models"] = {}
  const total = 4

  onProgress?.(0, total, "popularity")
  const pop = measureTraining(() => {
    const views = new Float64Array(numItems)
    for (const s of trainSequences) for (const item of s) views[item]! += 1
    return views
  })
  models.popularity = evaluate(split, (_prefix, out) => out.set(pop.model), pop, signal)

  onProgress?.(1, total, "cooccurrence_last_item")
  const co = measureTraining(() => trainCooccurrenceBaseline(trainSequences, numItems, { signal }))
  const coKb = stateKb(co.model)
  models.cooccurrence_last_item = evaluate(split, (prefix, out) => scoreLastItem(co.model, prefix, out), co, signal, coKb)
  models.cooccurrence_last_item_pop_ties = evaluate(
    split,
    (prefix, out) => scoreLastItem(co.model, prefix, out, P3_POPULARITY_TIE_BREAK),
    co,
    signal,
    coKb
  )

  // The product-page list ("viewed together") of the last item, for reference.
  onProgress?.(2, total, "item_neighbors_similar")
  const neighbors = measureTraining(() =>
    trainItemNeighbors(
      trainSequences.map((items) => ({ events: items.map((item) => ({ item, kind: "view" as const })) })),
      numItems,
      {},
      { signal }
    )
  )
  models.item_neighbors_similar = evaluate(
    split,
    (prefix, out) => {
      for (let b = 0; b < numItems; b++) out[b] = P3_POPULARITY_TIE_BREAK * pop.model[b]!
      for (const { item, score } of neighborsOf(neighbors.model, prefix[prefix.length - 1]!, "similar")) out[item]! += score
    },
    neighbors,
    signal,
    stateKb(neighbors.model)
  )

  onProgress?.(3, total, "session")
  const session = measureTraining(() => trainSessionModel(trainSequences, numItems, {}, { signal }))
  models.session = evaluate(split, (prefix, out) => scoreSession(session.model, prefix, out), session, signal, stateKb(session.model))
  onProgress?.(total, total, "done")

  return { protocol: "P3", backend: "none", models, stats: split.stats }
}
