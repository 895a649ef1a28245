import type { PlacementCandidates, PlacementContext } from "./placement-context"

/** The shopper's own recent views, newest first, straight from the event log (no model). */
export async function recentlyViewedCandidates(ctx: PlacementContext): Promise<PlacementCandidates> {
  const candidates = ctx.activity.recentlyViewed
    .filter((t) => t.productId !== ctx.productId)
    .map((t, i) => ({ productId: t.productId, score: 1 / (i + 1), reason: { code: "recently_viewed" as const }, source: "history" }))
  return { candidates, run: null, fallback: null }
}
