import { stat } from "node:fs/promises"
import { join } from "node:path"
import { loadGroceries, type GroceryBasket } from "../../datasets/groceries"
import { throwIfAborted } from "../../errors"
import { trainBasketCompletion, scoreCart } from "../../models/neighbors/basket-completion"
import { hitAtK, mean, reciprocalRankAtK } from "../metrics"
import type { ModelMetrics, ProtocolResult, ProtocolRunner } from "../protocol-result"
import { rankOf } from "../rank"
import { type Measured, measureTraining } from "../measure-training"

/**
 * P2 basket completion (DESIGN.md §4): basket = (member, date); train = baskets before
 * 2015-07-01; test = later baskets with >= 2 distinct items from members seen in train; hide
 * each item in turn, the rest is the cart, rank every catalogue item not in the cart.
 */
export const P2_FILE = "groceries/Groceries_dataset.csv"
export const P2_SPLIT_DATE = "2015-07-01"
export const P2_K = 10

export type BasketCase = { member: string; cart: number[]; target: number }

export type BasketSplit = {
  numItems: number
  /** Training baskets (member and date kept, for models that want them). */
  train: GroceryBasket[]
  /** Items bought at least once in training: the ranked catalogue. */
  catalogue: Uint8Array
  cases: BasketCase[]
  stats: {
    train_baskets: number
    /** Later baskets with >= 2 distinct items, before the known-member filter (DESIGN's "3,448"). */
    test_baskets: number
    /** Of those, baskets whose member has a training basket: the ones that make cases. */
    test_baskets_known_members: number
    cases: number
    items: number
  }
}

/** Splits baskets at `splitDate` and expands the test baskets into hide-one-item cases. */
export function splitBaskets(baskets: GroceryBasket[], numItems: number, splitDate: string): BasketSplit {
  const train = baskets.filter((b) => b.date < splitDate)
  const members = new Set(train.map((b) => b.member))
  const later = baskets.filter((b) => b.date >= splitDate && b.items.length >= 2)
  const test = later.filter((b) => members.has(b.member))
  const catalogue = new Uint8Array(numItems)
  for (const b of train) for (const item of b.items) catalogue[item] = 1
  const cases: BasketCase[] = []
  for (const b of test) {
    for (const target of b.items) cases.push({ member: b.member, cart: b.items.filter((i) => i !== target), target })
  }
  return {
    numItems,
    train,
    catalogue,
    cases,
    stats: {
      train_baskets: train.length,
      test_baskets: later.length,
      test_baskets_known_members: test.length,
      cases: cases.length,
      items: numItems,
    },
  }
}

/** Fills `out` (one score per item, higher is better) for a cart. */
export type CartScorer = (cart: readonly number[], out: Float64Array) => void

export type RankingMetrics = { hr: number; mrr: number }

/** HR@K and MRR@K of a scorer over the split's cases, with the shared tie rule (rank.ts). */
export function evaluateCartScorer(
  split: BasketSplit,
  scorer: CartScorer,
  k: number = P2_K,
  options: { signal?: AbortSignal } = {}
): RankingMetrics {
  const hits: number[] = []
  const reciprocal: number[] = []
  const scores = new Float64Array(split.numItems)
  const inCart = new Uint8Array(split.numItems)
  const excluded = (item: number) => inCart[item] === 1 || split.catalogue[item] === 0
  for (let c = 0; c < split.cases.length; c++) {
    if (c % 512 === 0) throwIfAborted(options.signal)
    const { cart, target } = split.cases[c]!
    // An item never bought in training cannot be ranked: a miss, not a skipped case.
    if (split.catalogue[target] === 0) {
      hits.push(0)
      reciprocal.push(0)
      continue
    }
    scores.fill(0)
    scorer(cart, scores)
    for (const item of cart) inCart[item] = 1
    const rank = rankOf(scores, target, excluded)
    for (const item of cart) inCart[item] = 0
    hits.push(hitAtK(rank, k))
    reciprocal.push(reciprocalRankAtK(rank, k))
  }
  return { hr: mean(hits), mrr: mean(reciprocal) }
}

/** Training baskets containing each item: the P2 popularity baseline. */
export function basketPopularity(train: readonly GroceryBasket[], numItems: number): Float64Array {
  const counts = new Float64Array(numItems)
  for (const b of train) for (const item of b.items) counts[item]! += 1
  return counts
}


function metrics(m: RankingMetrics, measured: Measured<unknown>, stateKb?: number): ModelMetrics {
  const out: ModelMetrics = {
    hr_at_10: m.hr,
    mrr_at_10: m.mrr,
    train_ms: measured.train_ms,
    heap_growth_mb: measured.heap_growth_mb,
    peak_rss_mb: measured.peak_rss_mb,
  }
  if (stateKb !== undefined) out.state_kb = stateKb
  return out
}

/** A basket as the models take it: items and its date as epoch milliseconds (UTC midnight). */
export function timedBasket(b: GroceryBasket): { items: number[]; time: number } {
  return { items: b.items, time: Date.parse(`${b.date}T00:00:00Z`) }
}

async function resolveFile(path: string): Promise<string> {
  return (await stat(path)).isDirectory() ? join(path, P2_FILE) : path
}

/** Runs P2 on `Groceries_dataset.csv` (or a datasets folder holding groceries/). */
export const runP2: ProtocolRunner = async (path, options = {}) => {
  const { signal, onProgress } = options
  const data = await loadGroceries(await resolveFile(path))
  throwIfAborted(signal)
  const numItems = data.itemNames.length
  const split = splitBaskets(data.baskets, numItems, P2_SPLIT_DATE)
  const models: ProtocolResult["models"] = {}
  const total = 4

  onProgress?.(0, total, "popularity")
  const pop = measureTraining(() => basketPopularity(split.train, numItems))
  const popScores = pop.model
  models.popularity = metrics(
    evaluateCartScorer(split, (_cart, out) => out.set(popScores), P2_K, { signal }),
    pop
  )

  onProgress?.(1, total, "basket_completion")
  const timed = split.train.map(timedBasket)
  const cartModel = measureTraining(() => trainBasketCompletion(timed, numItems, {}, { signal }))
  models.basket_completion = metrics(
    evaluateCartScorer(split, (cart, out) => scoreCart(cartModel.model, cart, out), P2_K, { signal }),
    cartModel,
    JSON.stringify(cartModel.model).length / 1024
  )

  // Ablations: what the cart term and the recency each add on their own.
  onProgress?.(2, total, "popularity_plus_cart")
  const allTime = measureTraining(() =>
    trainBasketCompletion(timed, numItems, { halfLifeDays: Infinity }, { signal })
  )
  models.popularity_plus_cart = metrics(
    evaluateCartScorer(split, (cart, out) => scoreCart(allTime.model, cart, out), P2_K, { signal }),
    allTime
  )

  onProgress?.(3, total, "recent_popularity")
  const recent = measureTraining(() =>
    trainBasketCompletion(timed, numItems, { associationWeight: 0 }, { signal })
  )
  models.recent_popularity = metrics(
    evaluateCartScorer(split, (cart, out) => scoreCart(recent.model, cart, out), P2_K, { signal }),
    recent
  )
  onProgress?.(total, total, "done")

  return { protocol: "P2", backend: "none", models, stats: split.stats }
}
