import { MlDataError, throwIfAborted } from "../../errors"

/** One actor, session, basket or order: its distinct items, each with a weight > 0. */
export type WeightedGroup = { items: readonly number[]; weights?: readonly number[] }

export type CooccurrenceOptions = {
  /**
   * Each pair in a group of n items counts (n - 1)^-groupDamping: a shopper who touched 200
   * items says less about any one pair than one who touched 3. 0 = plain counts.
   */
  groupDamping?: number
  /** Larger groups keep only their first `maxGroupSize` items (the pair count is quadratic). */
  maxGroupSize?: number
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

/** Symmetric sparse co-occurrence: `pairs[a].get(b)` = weighted count of groups holding a and b. */
export type Cooccurrence = {
  /** Weighted number of groups holding each item. */
  mass: Float64Array
  pairs: Map<number, number>[]
}

export function countCooccurrence(
  groups: readonly WeightedGroup[],
  numItems: number,
  options: CooccurrenceOptions = {}
): Cooccurrence {
  const { groupDamping = 0, maxGroupSize = 200, signal, onProgress } = options
  const mass = new Float64Array(numItems)
  const pairs = Array.from({ length: numItems }, () => new Map<number, number>())
  for (let g = 0; g < groups.length; g++) {
    if (g % 1024 === 0) {
      throwIfAborted(signal)
      onProgress?.(g / groups.length)
    }
    const { items, weights } = groups[g]!
    const n = Math.min(items.length, maxGroupSize)
    for (let i = 0; i < n; i++) {
      const item = items[i]!
      if (!(item >= 0 && item < numItems)) throw new MlDataError(`item id ${item} is outside 0..${numItems - 1}`)
      mass[item]! += weights?.[i] ?? 1
    }
    if (n < 2) continue
    const damp = Math.pow(n - 1, -groupDamping)
    for (let i = 0; i < n; i++) {
      const a = items[i]!
      const wa = (weights?.[i] ?? 1) * damp
      const row = pairs[a]!
      for (let j = 0; j < n; j++) {
        if (j === i) continue
        const b = items[j]!
        if (b === a) continue
        row.set(b, (row.get(b) ?? 0) + wa * (weights?.[j] ?? 1))
      }
    }
  }
  onProgress?.(1)
  return { mass, pairs }
}
