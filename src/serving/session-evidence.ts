import type { ListEntry, ListReader } from "./list-reader"
import type { RunLookup } from "./placements/placement-context"
import type { ProductTouch } from "./shopper-activity"

/** How many of the session's latest products steer live recommendations. */
export const SESSION_SOURCES = 5
/** How fast older products of the session fade (per step back). */
export const SESSION_DECAY = 0.6

/** One list of live evidence: products related to `sourceProductId`, with its relative weight. */
export type SessionEvidence = { sourceProductId: string; weight: number; entries: ListEntry[] }

/**
 * What the products viewed in this session point to, newest first: where shoppers went next
 * (session model, full weight) and what was viewed together (item neighbours, half weight).
 * Shared by for_you and search personalisation, which scale it against their other evidence.
 */
export async function sessionEvidence(runs: RunLookup, lists: ListReader, session: ProductTouch[]): Promise<SessionEvidence[]> {
  const [sessionRun, neighborsRun] = await Promise.all([runs.get("session"), runs.get("item_neighbors")])
  const evidence: SessionEvidence[] = []
  for (const [i, touch] of session.slice(0, SESSION_SOURCES).entries()) {
    const weight = SESSION_DECAY ** i
    if (sessionRun) {
      evidence.push({ sourceProductId: touch.productId, weight, entries: await lists.neighbors(sessionRun.id, "next", touch.productId) })
    }
    if (neighborsRun) {
      evidence.push({ sourceProductId: touch.productId, weight: weight / 2, entries: await lists.neighbors(neighborsRun.id, "similar", touch.productId) })
    }
  }
  return evidence
}
