import { boughtTogetherCandidates } from "./bought-together"
import { cartCandidates } from "./cart"
import { forYouCandidates } from "./for-you"
import type { Placement, PlacementCandidates, PlacementContext } from "./placement-context"
import { recentlyViewedCandidates } from "./recently-viewed"
import { relatedCandidates } from "./related"
import { trendingCandidates } from "./trending"

export * from "./placement-context"

/** The candidate source of each placement. product_id and cart presence are checked at the edge. */
export function placementCandidates(placement: Placement, ctx: PlacementContext): Promise<PlacementCandidates> {
  switch (placement) {
    case "for_you":
      return forYouCandidates(ctx)
    case "related":
      return relatedCandidates(ctx, ctx.productId ?? "")
    case "bought_together":
      return boughtTogetherCandidates(ctx, ctx.productId ?? "")
    case "cart":
      return cartCandidates(ctx)
    case "trending":
      return trendingCandidates(ctx)
    case "recently_viewed":
      return recentlyViewedCandidates(ctx)
  }
}
