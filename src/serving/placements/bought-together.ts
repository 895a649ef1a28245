import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"
import { trendingFallback } from "./trending"

/** Frequently bought with this product; content-similar products when it has no baskets yet. */
export async function boughtTogetherCandidates(ctx: PlacementContext, productId: string): Promise<PlacementCandidates> {
  const [neighborsRun, contentRun] = await Promise.all([ctx.runs.get("item_neighbors"), ctx.runs.get("content")])
  const complements = neighborsRun ? await ctx.lists.neighbors(neighborsRun.id, "complement", productId) : []
  if (complements.length > 0) {
    return {
      candidates: asCandidates(complements, "item_neighbors", { code: "bought_together", sourceProductId: productId }).filter(
        (c) => c.productId !== productId
      ),
      run: neighborsRun,
      fallback: null,
    }
  }
  const content = contentRun ? await ctx.lists.neighbors(contentRun.id, "content", productId) : []
  if (content.length > 0) {
    return {
      candidates: asCandidates(content, "content", { code: "similar_to", sourceProductId: productId }).filter((c) => c.productId !== productId),
      run: contentRun,
      fallback: "content",
    }
  }
  return trendingFallback(ctx)
}
