import { blendCandidates, type Candidate, type Reason } from "../../ml/rank"
import type { JsonObject } from "../../store/json"
import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"
import { SESSION_SOURCES, sessionEvidence } from "../session-evidence"
import { trendingFallback } from "./trending"

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
  for (const e of await sessionEvidence(ctx.runs, ctx.lists, ctx.activity.session)) {
    const reason: Reason = { code: "because_you_viewed", sourceProductId: e.sourceProductId }
    sources.push({ source: "session", weight: SESSION_WEIGHT * e.weight, items: asCandidates(e.entries, "session", reason) })
  }
  // Products already looked at in this session belong to recently_viewed, not here.
  const viewedNow = new Set(ctx.activity.session.slice(0, SESSION_SOURCES).map((t) => t.productId))
  const candidates = blendCandidates(sources).filter((c) => !viewedNow.has(c.productId))
  if (candidates.length === 0) return trendingFallback(ctx)
  const run = personal.length > 0 ? forYouRun : (sessionRun ?? neighborsRun)
  return { candidates, run, fallback: null }
}
