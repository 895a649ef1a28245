import { MlConfigError, MlDataError, throwIfAborted } from "../../errors"
import { topK } from "../../eval/rank"
import { countCooccurrence } from "./cooccurrence"
import { topNeighbors, type NeighborLists } from "./neighbor-lists"

/**
 * "Frequently bought together": scores every item for the current cart as the mean
 * popularity-damped association from the cart's items, blended with popularity:
 *
 *   score(b | cart) = mean over a in cart of s(a -> b) + popularityWeight * pop(b) / max pop
 *
 * Grocery-like data is dominated by staples, so a pure association model loses to popularity;
 * the blend keeps the staples and lets the cart reorder them.
 */
export type BasketCompletionConfig = {
  alpha: number
  shrinkage: number
  groupDamping: number
  popularityWeight: number
  topN: number
}

export const BASKET_COMPLETION_DEFAULTS: BasketCompletionConfig = {
  alpha: 0.5,
  shrinkage: 5,
  groupDamping: 0,
  popularityWeight: 0.1,
  topN: 100,
}

export type BasketCompletionState = {
  kind: "basket_completion"
  version: 1
  numItems: number
  config: BasketCompletionConfig
  /** Baskets holding each item, divided by the largest such count. */
  popularity: number[]
  neighbors: NeighborLists
}

export function trainBasketCompletion(
  baskets: readonly (readonly number[])[],
  numItems: number,
  config: Partial<BasketCompletionConfig> = {},
  control: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): BasketCompletionState {
  const c = { ...BASKET_COMPLETION_DEFAULTS, ...config }
  if (!(c.alpha >= 0 && c.alpha <= 1)) throw new MlConfigError("basket completion: alpha must be in [0, 1]")
  if (!(c.shrinkage >= 0 && c.popularityWeight >= 0 && c.groupDamping >= 0)) {
    throw new MlConfigError("basket completion: shrinkage, popularityWeight and groupDamping must be >= 0")
  }
  if (!(Number.isInteger(c.topN) && c.topN > 0)) throw new MlConfigError("basket completion: topN must be a positive integer")
  if (baskets.length === 0) throw new MlDataError("basket completion: no baskets to learn from")
  const groups = baskets.map((items) => ({ items: [...new Set(items)] }))
  const co = countCooccurrence(groups, numItems, {
    groupDamping: c.groupDamping,
    signal: control.signal,
    onProgress: (f) => control.onProgress?.(0.7 * f),
  })
  throwIfAborted(control.signal)
  const neighbors = topNeighbors(co, c, {
    signal: control.signal,
    onProgress: (f) => control.onProgress?.(0.7 + 0.3 * f),
  })
  let maxMass = 0
  for (const m of co.mass) maxMass = Math.max(maxMass, m)
  const popularity = Array.from(co.mass, (m) => (maxMass > 0 ? m / maxMass : 0))
  return { kind: "basket_completion", version: 1, numItems, config: c, popularity, neighbors }
}

/** Writes a score for every item into `out` (length numItems); cart items are not removed here. */
export function scoreCart(state: BasketCompletionState, cart: readonly number[], out: Float64Array): void {
  const { popularity, neighbors, config } = state
  for (let b = 0; b < state.numItems; b++) out[b] = config.popularityWeight * popularity[b]!
  if (cart.length === 0) return
  const share = 1 / cart.length
  for (const a of cart) {
    const items = neighbors.items[a]
    const scores = neighbors.scores[a]
    if (!items || !scores) continue
    for (let i = 0; i < items.length; i++) out[items[i]!]! += share * scores[i]!
  }
}

/** The best `k` items to add to `cart`, best first, never an item already in it. */
export function recommendForCart(
  state: BasketCompletionState,
  cart: readonly number[],
  k: number
): { item: number; score: number }[] {
  const scores = new Float64Array(state.numItems)
  scoreCart(state, cart, scores)
  const inCart = new Set(cart)
  return topK(scores, k, (item) => inCart.has(item)).map((item) => ({ item, score: scores[item]! }))
}
