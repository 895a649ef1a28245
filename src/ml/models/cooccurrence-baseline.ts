import { MlDataError, throwIfAborted } from "../errors"

/**
 * P3's last-item co-occurrence baseline (DESIGN.md §4): co(a, b) adds 1 for every ordered pair
 * of positions i != j in a training session with item a at i and item b at j; the score of b is
 * co(last item of the prefix, b), optionally plus popularity x tieBreak to order the ties.
 */
export type CooccurrenceBaselineState = {
  kind: "cooccurrence_last_item"
  version: 1
  numItems: number
  /** rows.items[a][k] co-occurred rows.counts[a][k] times with a (sparse, ascending ids). */
  rows: { items: number[][]; counts: number[][] }
  /** Training views per item. */
  popularity: number[]
}

export function trainCooccurrenceBaseline(
  sessions: readonly (readonly number[])[],
  numItems: number,
  control: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): CooccurrenceBaselineState {
  const popularity = new Array<number>(numItems).fill(0)
  const maps = Array.from({ length: numItems }, () => new Map<number, number>())
  for (let s = 0; s < sessions.length; s++) {
    if (s % 1024 === 0) {
      throwIfAborted(control.signal)
      control.onProgress?.(s / sessions.length)
    }
    // Multiplicities turn the quadratic pair loop into one over distinct items:
    // co(a, b) += m(a) m(b) for a != b, co(a, a) += m(a) (m(a) - 1).
    const multiplicity = new Map<number, number>()
    for (const item of sessions[s]!) {
      if (!(item >= 0 && item < numItems)) throw new MlDataError(`item id ${item} is outside 0..${numItems - 1}`)
      popularity[item]! += 1
      multiplicity.set(item, (multiplicity.get(item) ?? 0) + 1)
    }
    for (const [a, ma] of multiplicity) {
      const row = maps[a]!
      for (const [b, mb] of multiplicity) {
        const add = a === b ? ma * (ma - 1) : ma * mb
        if (add > 0) row.set(b, (row.get(b) ?? 0) + add)
      }
    }
  }
  const items: number[][] = []
  const counts: number[][] = []
  for (const row of maps) {
    const sorted = [...row.entries()].sort((x, y) => x[0] - y[0])
    items.push(sorted.map((e) => e[0]))
    counts.push(sorted.map((e) => e[1]))
  }
  control.onProgress?.(1)
  return { kind: "cooccurrence_last_item", version: 1, numItems, rows: { items, counts }, popularity }
}

/** Scores every item into `out` from the prefix's last item; `tieBreak` weights popularity. */
export function scoreLastItem(
  state: CooccurrenceBaselineState,
  prefix: readonly number[],
  out: Float64Array,
  tieBreak = 0
): void {
  for (let b = 0; b < state.numItems; b++) out[b] = tieBreak * state.popularity[b]!
  const last = prefix[prefix.length - 1]
  if (last === undefined || last >= state.numItems) return
  const items = state.rows.items[last]!
  const counts = state.rows.counts[last]!
  for (let k = 0; k < items.length; k++) out[items[k]!]! += counts[k]!
}
