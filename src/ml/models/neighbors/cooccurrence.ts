import { MlDataError, throwIfAborted } from "../../errors"

/** One actor, session, basket or order: its items, each with a weight > 0. */
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

/** Called once per item `a` with the items that co-occur with it and co[b] = weighted count. */
export type CooccurrenceVisitor = (a: number, neighbors: readonly number[], co: Float64Array, mass: Float64Array) => void

/**
 * Weighted co-occurrence, one item's row at a time: groups are indexed by item (CSR), and each
 * row is accumulated in one dense array that is reset after the visit. No pair map is ever
 * built, so memory stays linear in the events and a store's catalogue fits comfortably.
 * A repeated item within a group counts once, with its largest weight.
 *
 * Returns the weighted number of groups holding each item (its "mass").
 */
export function forEachCooccurrenceRow(
  groups: readonly WeightedGroup[],
  numItems: number,
  options: CooccurrenceOptions,
  visit: CooccurrenceVisitor
): Float64Array {
  const { groupDamping = 0, maxGroupSize = 200, signal, onProgress } = options

  // Pass 1: distinct items per group, their weights, masses and per-item group counts.
  const groupStart: number[] = [0]
  const flatItems: number[] = []
  const flatWeights: number[] = []
  const damp: number[] = []
  const mass = new Float64Array(numItems)
  const perItem = new Int32Array(numItems + 1)
  const slot = new Int32Array(numItems).fill(-1)
  for (let g = 0; g < groups.length; g++) {
    if (g % 4096 === 0) throwIfAborted(signal)
    const { items, weights } = groups[g]!
    const start = flatItems.length
    for (let i = 0; i < items.length && flatItems.length - start < maxGroupSize; i++) {
      const item = items[i]!
      if (!(Number.isInteger(item) && item >= 0 && item < numItems)) {
        throw new MlDataError(`item id ${item} is outside 0..${numItems - 1}`)
      }
      const w = weights?.[i] ?? 1
      if (!(w > 0)) continue
      const at = slot[item]!
      if (at >= start) {
        flatWeights[at] = Math.max(flatWeights[at]!, w)
        continue
      }
      slot[item] = flatItems.length
      flatItems.push(item)
      flatWeights.push(w)
    }
    const n = flatItems.length - start
    for (let k = start; k < flatItems.length; k++) {
      mass[flatItems[k]!]! += flatWeights[k]!
      perItem[flatItems[k]! + 1]! += 1
    }
    damp.push(n > 1 ? Math.pow(n - 1, -groupDamping) : 0)
    groupStart.push(flatItems.length)
  }

  // Pass 2: item -> (group, weight) index.
  for (let i = 0; i < numItems; i++) perItem[i + 1]! += perItem[i]!
  const fill = perItem.slice(0, numItems)
  const memberGroup = new Int32Array(flatItems.length)
  const memberWeight = new Float64Array(flatItems.length)
  for (let g = 0; g < damp.length; g++) {
    for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
      const at = fill[flatItems[k]!]!++
      memberGroup[at] = g
      memberWeight[at] = flatWeights[k]!
    }
  }

  // Pass 3: one dense row per item.
  const co = new Float64Array(numItems)
  const touched = new Uint8Array(numItems)
  const neighbors: number[] = []
  for (let a = 0; a < numItems; a++) {
    if (a % 256 === 0) {
      throwIfAborted(signal)
      onProgress?.(a / numItems)
    }
    for (let m = perItem[a]!; m < perItem[a + 1]!; m++) {
      const g = memberGroup[m]!
      const f = memberWeight[m]! * damp[g]!
      if (f === 0) continue
      for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
        const b = flatItems[k]!
        if (b === a) continue
        if (touched[b] === 0) {
          touched[b] = 1
          neighbors.push(b)
        }
        co[b]! += f * flatWeights[k]!
      }
    }
    if (neighbors.length > 0) visit(a, neighbors, co, mass)
    for (const b of neighbors) {
      co[b] = 0
      touched[b] = 0
    }
    neighbors.length = 0
  }
  onProgress?.(1)
  return mass
}
