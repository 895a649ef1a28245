import type { Recommendation } from "../../serving/recommendation-engine"
import type { StoreProduct } from "./product-hydration"

export type RecommendationItemBody = {
  product: StoreProduct
  score: number
  reason: { code: string; text: string; source_product_id?: string }
}

export type RecommendationBody = {
  recommendation_id: string
  placement: string
  model: { run_id: string; kind: string; algorithm: string } | null
  experiment: Recommendation["experiment"]
  fallback: string | null
  items: RecommendationItemBody[]
}

/**
 * The body of GET /store/recommendations (and of the admin preview, which must be identical):
 * the engine's answer with each product in its store representation; a product Medusa did
 * not return (deleted a moment ago) is left out.
 */
export function recommendationBody(recommendation: Recommendation, products: StoreProduct[]): RecommendationBody {
  const byId = new Map(products.map((p) => [p.id, p]))
  return {
    recommendation_id: recommendation.recommendationId,
    placement: recommendation.placement,
    model: recommendation.run && {
      run_id: recommendation.run.id,
      kind: recommendation.run.kind,
      algorithm: recommendation.run.algorithm,
    },
    experiment: recommendation.experiment,
    fallback: recommendation.fallback,
    items: recommendation.items.flatMap((item) => {
      const product = byId.get(item.productId)
      if (!product) return []
      const { code, text, sourceProductId } = item.reason
      return [{ product, score: item.score, reason: { code, text, ...(sourceProductId ? { source_product_id: sourceProductId } : {}) } }]
    }),
  }
}
