import { throwIfAborted } from "../../errors"
import type { Cooccurrence } from "./cooccurrence"
import { dampedScore } from "./damped-score"

/** Top-N neighbours per item, best first (ties by ascending id): plain arrays, so JSON-safe. */
export type NeighborLists = { items: number[][]; scores: number[][] }

export type NeighborScoring = {
  /** Popularity exponent on the neighbour (see damped-score.ts). */
  alpha: number
  shrinkage: number
  topN: number
  /** Pairs seen in fewer (weighted) groups than this are dropped as noise. */
  minCooccurrence?: number
}

export function topNeighbors(
  co: Cooccurrence,
  scoring: NeighborScoring,
  control: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): NeighborLists {
  const { alpha, shrinkage, topN, minCooccurrence = 0 } = scoring
  const items: number[][] = []
  const scores: number[][] = []
  const numItems = co.pairs.length
  for (let a = 0; a < numItems; a++) {
    if (a % 1024 === 0) {
      throwIfAborted(control.signal)
      control.onProgress?.(a / numItems)
    }
    const candidates: [number, number][] = []
    for (const [b, c] of co.pairs[a]!) {
      if (c < minCooccurrence) continue
      const s = dampedScore(c, co.mass[a]!, co.mass[b]!, alpha, shrinkage)
      if (s > 0) candidates.push([b, s])
    }
    candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0])
    const kept = candidates.slice(0, topN)
    items.push(kept.map((c) => c[0]))
    scores.push(kept.map((c) => c[1]))
  }
  control.onProgress?.(1)
  return { items, scores }
}
