import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import type { WeightedGroup } from "./neighbors/cooccurrence"
import { topNeighbors, type NeighborLists } from "./neighbors/neighbor-lists"

/**
 * Item-to-item neighbours for product pages, from co-views, co-carts and co-purchases.
 *
 * Two lists are kept apart because they answer different questions:
 * - `similar` ("viewed together"): items browsed in the same actor's or session's journey,
 *   usually alternatives to each other;
 * - `complement` ("bought together"): items carted or purchased together, usually add-ons.
 *
 * Scores are popularity-damped and shrunk (neighbors/damped-score.ts), never raw counts, so a
 * best-seller is not everyone's neighbour and two items sharing one basket are not a strong tie.
 */
export type InteractionKind = "view" | "cart" | "purchase"

export type InteractionEvent = { item: number; kind: InteractionKind; weight?: number }

/** One actor, session, cart or order: whatever the caller wants "together" to mean. */
export type InteractionGroup = { events: readonly InteractionEvent[] }

export type NeighborKind = "similar" | "complement"

export type ChannelConfig = {
  /** How much each kind of event says for this list; 0 = ignored. */
  kindWeights: Record<InteractionKind, number>
  /** Popularity exponent on the neighbour: 0 = P(b | a), 0.5 = cosine, 1 = P(a | b). */
  alpha: number
  shrinkage: number
  /** Each pair in a group of n items counts (n - 1)^-groupDamping. */
  groupDamping: number
}

export type ItemNeighborsConfig = {
  similar: ChannelConfig
  complement: ChannelConfig
  /** Neighbours kept per item and list. */
  topN: number
  /** Items per group beyond this are ignored (pairs grow quadratically; bots touch thousands). */
  maxGroupSize: number
}

/**
 * Cart adds and purchases imply a view, so they count towards `similar` too; views say nothing
 * about what is bought together. alpha/shrinkage for `similar` were checked on P3's validation
 * split (last-item neighbours: cosine with shrinkage 2 on the plateau); `complement` keeps the
 * same damping, as P2's grocery baskets carry no association to tune it on.
 */
export const ITEM_NEIGHBORS_DEFAULTS: ItemNeighborsConfig = {
  similar: { kindWeights: { view: 1, cart: 1, purchase: 1 }, alpha: 0.5, shrinkage: 2, groupDamping: 0.5 },
  complement: { kindWeights: { view: 0, cart: 0.5, purchase: 1 }, alpha: 0.5, shrinkage: 2, groupDamping: 0.5 },
  topN: 50,
  maxGroupSize: 200,
}

export type ItemNeighborsState = {
  kind: "item_neighbors"
  version: 1
  numItems: number
  config: ItemNeighborsConfig
  similar: NeighborLists
  complement: NeighborLists
}

/** A group's items for one list: each item weighted by its strongest event (repeats do not add up). */
function channelGroup(group: InteractionGroup, weights: Record<InteractionKind, number>, numItems: number): WeightedGroup {
  const strongest = new Map<number, number>()
  for (const e of group.events) {
    if (!(Number.isInteger(e.item) && e.item >= 0 && e.item < numItems)) {
      throw new MlDataError(`item id ${e.item} is outside 0..${numItems - 1}`)
    }
    const w = weights[e.kind] * (e.weight ?? 1)
    if (w > (strongest.get(e.item) ?? 0)) strongest.set(e.item, w)
  }
  return { items: [...strongest.keys()], weights: [...strongest.values()] }
}

function validateChannel(name: string, c: ChannelConfig): void {
  if (!(c.alpha >= 0 && c.alpha <= 1)) throw new MlConfigError(`item neighbours (${name}): alpha must be in [0, 1]`)
  if (!(c.shrinkage >= 0 && c.groupDamping >= 0)) {
    throw new MlConfigError(`item neighbours (${name}): shrinkage and groupDamping must be >= 0`)
  }
  for (const [kind, w] of Object.entries(c.kindWeights)) {
    if (!(w >= 0)) throw new MlConfigError(`item neighbours (${name}): weight of ${kind} must be >= 0`)
  }
}

export function trainItemNeighbors(
  groups: readonly InteractionGroup[],
  numItems: number,
  config: Partial<ItemNeighborsConfig> = {},
  control: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): ItemNeighborsState {
  const c: ItemNeighborsConfig = { ...ITEM_NEIGHBORS_DEFAULTS, ...config }
  validateChannel("similar", c.similar)
  validateChannel("complement", c.complement)
  if (!(Number.isInteger(c.topN) && c.topN > 0)) throw new MlConfigError("item neighbours: topN must be a positive integer")
  if (!(Number.isInteger(c.maxGroupSize) && c.maxGroupSize > 1)) {
    throw new MlConfigError("item neighbours: maxGroupSize must be an integer > 1")
  }

  const lists = (channel: ChannelConfig, from: number, to: number): NeighborLists => {
    const progress = (f: number) => control.onProgress?.(from + (to - from) * f)
    const weighted = groups
      .map((g) => channelGroup(g, channel.kindWeights, numItems))
      .filter((g) => g.items.length > 0)
    throwIfAborted(control.signal)
    return topNeighbors(
      weighted,
      numItems,
      { alpha: channel.alpha, shrinkage: channel.shrinkage, topN: c.topN },
      { groupDamping: channel.groupDamping, maxGroupSize: c.maxGroupSize, signal: control.signal, onProgress: progress }
    )
  }
  const similar = lists(c.similar, 0, 0.5)
  const complement = lists(c.complement, 0.5, 1)
  control.onProgress?.(1)
  return { kind: "item_neighbors", version: 1, numItems, config: c, similar, complement }
}

/** The stored neighbours of `item` in one list, best first. */
export function neighborsOf(
  state: ItemNeighborsState,
  item: number,
  kind: NeighborKind,
  k = state.config.topN
): { item: number; score: number }[] {
  const lists = state[kind]
  const items = lists.items[item] ?? []
  const scores = lists.scores[item] ?? []
  return items.slice(0, k).map((neighbor, i) => ({ item: neighbor, score: scores[i]! }))
}
