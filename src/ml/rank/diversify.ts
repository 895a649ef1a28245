import { MlConfigError } from "../errors"
import { isPinned, type Candidate, type ProductFacts } from "./candidate"

export type DiversifyOptions = {
  /** Hard cap on items sharing a category within the top slots. */
  maxPerCategory: number
  /** How many leading positions are re-ranked; the rest keep their order. */
  topSlots: number
  /** Relevance vs. novelty trade-off in [0, 1]; 1 = plain score order. Default 0.7. */
  lambda?: number
}

/**
 * MMR-style re-ranking of the first `topSlots` positions. Each free top slot takes the remaining
 * candidate maximising lambda * score01 - (1 - lambda) * max Jaccard(categories, picked), where
 * score01 is the score min-max scaled over the movable candidates (so it is on the same [0, 1]
 * scale as the overlap). A candidate with a category already at `maxPerCategory` among the top
 * slots is skipped unless nothing else remains. Any candidate can be promoted into the top slots;
 * the rest follow in their original order.
 *
 * Pinned candidates stay at their incoming index. Those inside the top slots count as picked
 * from the start, because they will be shown there whatever the greedy order.
 * Ties go to the earlier incoming position, so the result is deterministic.
 */
export function diversify(
  candidates: Candidate[],
  facts: (productId: string) => ProductFacts | undefined,
  options: DiversifyOptions,
): Candidate[] {
  const lambda = options.lambda ?? 0.7
  if (!(lambda >= 0 && lambda <= 1)) throw new MlConfigError(`diversify lambda must be in [0, 1], got ${lambda}`)
  if (Number.isNaN(options.maxPerCategory)) throw new MlConfigError("diversify maxPerCategory must be a number")
  if (Number.isNaN(options.topSlots)) throw new MlConfigError("diversify topSlots must be a number")

  const n = candidates.length
  const top = Math.min(n, Math.max(0, Math.floor(options.topSlots)))
  const cats = candidates.map((c) => new Set(facts(c.productId)?.categoryIds ?? []))
  const fixed = candidates.map(isPinned)

  const movable: number[] = []
  for (let i = 0; i < n; i++) if (!fixed[i]) movable.push(i)
  let lo = Infinity
  let hi = -Infinity
  for (const i of movable) {
    const s = candidates[i]!.score
    if (!Number.isFinite(s)) continue
    lo = Math.min(lo, s)
    hi = Math.max(hi, s)
  }
  const score01 = (i: number): number => {
    const s = candidates[i]!.score
    if (Number.isNaN(s)) return 0
    if (s === Infinity) return 1
    if (s === -Infinity) return 0
    return hi > lo ? (s - lo) / (hi - lo) : 1
  }

  const remaining = new Set(movable) // iteration order = incoming order, which breaks ties
  // Incremental state over the picked top items: category counts and each candidate's max overlap.
  const perCategory = new Map<string, number>()
  const maxOverlap = new Float64Array(n)
  const pick = (j: number) => {
    for (const c of cats[j]!) perCategory.set(c, (perCategory.get(c) ?? 0) + 1)
    for (const i of remaining) maxOverlap[i] = Math.max(maxOverlap[i]!, jaccard(cats[i]!, cats[j]!))
  }
  const capped = (i: number) => [...cats[i]!].some((c) => (perCategory.get(c) ?? 0) >= options.maxPerCategory)

  for (let slot = 0; slot < top; slot++) if (fixed[slot]) pick(slot)

  const out: Candidate[] = new Array<Candidate>(n)
  for (let slot = 0; slot < n; slot++) if (fixed[slot]) out[slot] = candidates[slot]!

  for (let slot = 0; slot < top; slot++) {
    if (fixed[slot]) continue
    let best = -1
    let bestValue = -Infinity
    let fallback = -1
    let fallbackValue = -Infinity
    for (const i of remaining) {
      const value = lambda * score01(i) - (1 - lambda) * maxOverlap[i]!
      if (capped(i)) {
        if (value > fallbackValue || fallback < 0) [fallback, fallbackValue] = [i, value]
      } else if (value > bestValue || best < 0) {
        ;[best, bestValue] = [i, value]
      }
    }
    const chosen = best >= 0 ? best : fallback
    remaining.delete(chosen)
    out[slot] = candidates[chosen]!
    pick(chosen)
  }

  const rest = [...remaining] // still in incoming order
  let next = 0
  for (let slot = top; slot < n; slot++) if (!fixed[slot]) out[slot] = candidates[rest[next++]!]!
  return out
}

/** Jaccard similarity of two category sets; 0 when either is empty (unknown is not "same"). */
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let both = 0
  for (const x of a) if (b.has(x)) both++
  return both / (a.size + b.size - both)
}
