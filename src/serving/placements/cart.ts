import { blendCandidates, type Candidate } from "../../ml/rank"
import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"
import { trendingFallback } from "./trending"

/** Cart lines that steer the list; a very large cart adds little beyond its first lines. */
const MAX_CART_SOURCES = 20

/** What goes with the cart as a whole: complements of every line, summed, each with the line it completes. */
export async function cartCandidates(ctx: PlacementContext): Promise<PlacementCandidates> {
  const neighborsRun = await ctx.runs.get("item_neighbors")
  const sources: Array<{ source: string; weight: number; items: Candidate[] }> = []
  if (neighborsRun) {
    for (const productId of ctx.cartProductIds.slice(0, MAX_CART_SOURCES)) {
      const complements = await ctx.lists.neighbors(neighborsRun.id, "complement", productId)
      sources.push({ source: "item_neighbors", weight: 1, items: asCandidates(complements, "item_neighbors", { code: "complements_cart", sourceProductId: productId }) })
    }
  }
  const candidates = blendCandidates(sources)
  if (candidates.length === 0) return trendingFallback(ctx)
  return { candidates, run: neighborsRun, fallback: null }
}
