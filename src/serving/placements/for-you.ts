import { blendCandidates, type Candidate, type Reason } from "../../ml/rank"
import type { JsonObject } from "../../store/json"
import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"
import { trendingFallback } from "./trending"

/** How many of the session's latest products steer the list, and how fast older ones fade. */
const SESSION_SOURCES = 5
const SESSION_DECAY = 0.6
/** Session evidence outweighs the nightly list: it is what the shopper is doing right now. */
const SESSION_WEIGHT = 1.5

function storedReason(reason: JsonObject | null): Reason {
  const source = typeof reason?.source_product_id === "string" ? reason.source_product_id : undefined
  return source ? { code: "because_you_interacted", sourceProductId: source } : { code: "personalised" }
}

/**
 * The shopper's materialised for-you list blended with live session evidence: what shoppers
 * went on to (session model) and viewed together (neighbours) after the products viewed in
 * this session, newest first. A shopper with neither gets trending in their region.
 */
export async function forYouCandidates(ctx: PlacementContext): Promise<PlacementCandidates> {
  const [forYouRun, sessionRun, neighborsRun] = await Promise.all([
    ctx.runs.get("for_you"),
    ctx.runs.get("session"),
    ctx.runs.get("item_neighbors"),
  ])
  const personal = forYouRun ? await ctx.lists.actorList(forYouRun.id, "for_you", ctx.actorId) : []
  const sources: Array<{ source: string; weight: number; items: Candidate[] }> = [
    { source: "for_you", weight: 1, items: personal.map((e) => ({ productId: e.productId, score: e.score, reason: storedReason(e.reason), source: "for_you" })) },
  ]
  const sessionProducts = ctx.activity.session.slice(0, SESSION_SOURCES)
  for (const [i, touch] of sessionProducts.entries()) {
    const reason: Reason = { code: "because_you_viewed", sourceProductId: touch.productId }
    const weight = SESSION_WEIGHT * SESSION_DECAY ** i
    if (sessionRun) {
      const next = await ctx.lists.neighbors(sessionRun.id, "next", touch.productId)
      sources.push({ source: "session", weight, items: asCandidates(next, "session", reason) })
    }
    if (neighborsRun) {
      const similar = await ctx.lists.neighbors(neighborsRun.id, "similar", touch.productId)
      sources.push({ source: "session", weight: weight / 2, items: asCandidates(similar, "session", reason) })
    }
  }
  // Products already looked at in this session belong to recently_viewed, not here.
  const viewedNow = new Set(sessionProducts.map((t) => t.productId))
  const candidates = blendCandidates(sources).filter((c) => !viewedNow.has(c.productId))
  if (candidates.length === 0) return trendingFallback(ctx)
  const run = personal.length > 0 ? forYouRun : (sessionRun ?? neighborsRun)
  return { candidates, run, fallback: null }
}
