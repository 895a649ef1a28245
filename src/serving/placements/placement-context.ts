import type { Candidate } from "../../ml/rank"
import type { ActiveRun } from "../active-runs"
import type { ListEntry, ListReader } from "../list-reader"
import type { ShopperActivity } from "../shopper-activity"

export const PLACEMENTS = ["for_you", "related", "bought_together", "cart", "trending", "recently_viewed"] as const
export type Placement = (typeof PLACEMENTS)[number]

/** The run serving each model kind: the active runs, or a request's override (an experiment arm's run). */
export type RunLookup = { get(kind: string): Promise<ActiveRun | null> }

/** Everything a placement needs to propose candidates; rules and availability come after. */
export type PlacementContext = {
  actorId: string
  productId: string | null
  cartProductIds: string[]
  regionId: string | null
  regionName: string | null
  salesChannelIds: string[]
  activity: ShopperActivity
  runs: RunLookup
  lists: ListReader
}

/** Candidates in model order, the run that produced them, and which fallback (if any) was used. */
export type PlacementCandidates = { candidates: Candidate[]; run: ActiveRun | null; fallback: string | null }

/** A list's entries as candidates with one reason. */
export function asCandidates(entries: ListEntry[], source: string, reason: Candidate["reason"]): Candidate[] {
  return entries.map((e) => ({ productId: e.productId, score: e.score, reason, source }))
}
