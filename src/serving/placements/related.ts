import { blendCandidates, type Candidate } from "../../ml/rank"
import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"
import { trendingFallback } from "./trending"

/**
 * Products related to the one on the page: viewed together (behaviour) first, what shoppers
 * moved on to next, and alike by content. A product without behaviour gets content-similar
 * products; one without either gets trending.
 */
export async function relatedCandidates(ctx: PlacementContext, productId: string): Promise<PlacementCandidates> {
  const [neighborsRun, sessionRun, contentRun] = await Promise.all([
    ctx.runs.get("item_neighbors"),
    ctx.runs.get("session"),
    ctx.runs.get("content"),
  ])
  const similar = neighborsRun ? await ctx.lists.neighbors(neighborsRun.id, "similar", productId) : []
  const next = sessionRun ? await ctx.lists.neighbors(sessionRun.id, "next", productId) : []
  const content = contentRun ? await ctx.lists.neighbors(contentRun.id, "content", productId) : []
  const notSelf = (c: Candidate) => c.productId !== productId

  if (similar.length + next.length > 0) {
    const candidates = blendCandidates([
      { source: "item_neighbors", weight: 1, items: asCandidates(similar, "item_neighbors", { code: "viewed_together", sourceProductId: productId }) },
      { source: "session", weight: 0.5, items: asCandidates(next, "session", { code: "viewed_together", sourceProductId: productId }) },
      { source: "content", weight: 0.3, items: asCandidates(content, "content", { code: "similar_to", sourceProductId: productId }) },
    ]).filter(notSelf)
    return { candidates, run: similar.length > 0 ? neighborsRun : sessionRun, fallback: null }
  }
  if (content.length > 0) {
    const candidates = asCandidates(content, "content", { code: "similar_to", sourceProductId: productId }).filter(notSelf)
    return { candidates, run: contentRun, fallback: "content" }
  }
  return trendingFallback(ctx)
}
