import { forEachCooccurrenceRow, type CooccurrenceOptions, type WeightedGroup } from "./cooccurrence"
import { dampedScore } from "./damped-score"

/** Top-N neighbours per item, best first (ties by ascending id): plain arrays, so JSON-safe. */
export type NeighborLists = { items: number[][]; scores: number[][] }

export type NeighborScoring = {
  /** Popularity exponent on the neighbour (see damped-score.ts). */
  alpha: number
  shrinkage: number
  topN: number
}

/** True when (sa, a) ranks below (sb, b): lower score, or equal score and higher id. */
const worse = (sa: number, a: number, sb: number, b: number) => sa < sb || (sa === sb && a > b)

/** The best `n` of `ids` by `score`, best first, ties by ascending id (a bounded min-heap). */
export function selectTop(ids: readonly number[], score: (id: number) => number, n: number): { id: number; score: number }[] {
  const heap: { id: number; score: number }[] = []
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l]!.score, heap[l]!.id, heap[m]!.score, heap[m]!.id)) m = l
      if (r < heap.length && worse(heap[r]!.score, heap[r]!.id, heap[m]!.score, heap[m]!.id)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!worse(heap[i]!.score, heap[i]!.id, heap[p]!.score, heap[p]!.id)) return
      ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
      i = p
    }
  }
  for (const id of ids) {
    const s = score(id)
    if (!(s > 0)) continue
    if (heap.length < n) {
      heap.push({ id, score: s })
      up(heap.length - 1)
    } else if (n > 0 && worse(heap[0]!.score, heap[0]!.id, s, id)) {
      heap[0] = { id, score: s }
      down(0)
    }
  }
  return heap.sort((x, y) => y.score - x.score || x.id - y.id)
}

/** Damped, shrunk top-N neighbour lists straight from the groups (no pair matrix is kept). */
export function topNeighbors(
  groups: readonly WeightedGroup[],
  numItems: number,
  scoring: NeighborScoring,
  options: CooccurrenceOptions = {}
): NeighborLists {
  const { alpha, shrinkage, topN } = scoring
  const items: number[][] = Array.from({ length: numItems }, () => [])
  const scores: number[][] = Array.from({ length: numItems }, () => [])
  forEachCooccurrenceRow(groups, numItems, options, (a, neighbors, co, mass) => {
    const massA = mass[a]!
    const best = selectTop(neighbors, (b) => dampedScore(co[b]!, massA, mass[b]!, alpha, shrinkage), topN)
    items[a] = best.map((e) => e.id)
    scores[a] = best.map((e) => e.score)
  })
  return { items, scores }
}
