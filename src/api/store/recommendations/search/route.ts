import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rerankByAffinity } from "../../../../ml/rank"
import { personalAffinity } from "../../../../serving/personal-affinity"
import { hydrateProducts } from "../../../utils/product-hydration"
import { recommendationsService } from "../../../utils/recommendations-service"
import { resolveShopper } from "../../../utils/resolve-shopper"
import { searchProductIds } from "../../../utils/product-search"
import type { StoreSearchRecommendationsParamsType } from "./validators"

/** Re-ranking looks at this many of Medusa's best matches; deeper pages keep Medusa's order. */
const RERANK_DEPTH = 500
/**
 * Mostly the shopper: Medusa's default `q` is a substring filter, so its order says little about
 * relevance; it still breaks ties and orders what the shopper has no affinity for.
 */
const PERSONAL_WEIGHT = 0.7

/**
 * GET /store/recommendations/search?q=: Medusa's own product search (same filters as
 * GET /store/products?q=), re-ranked by the shopper's affinity, paged after re-ranking.
 * personalize=false returns Medusa's order untouched.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreSearchRecommendationsParamsType>, res: MedusaResponse) {
  const service = recommendationsService(req.scope)
  const shopper = resolveShopper(req, res, service.options)
  const params = req.validatedQuery
  const salesChannelIds = (req.filterableFields as { sales_channel_id?: string[] }).sales_channel_id ?? []

  // Switched off in the admin settings, search is Medusa's own order for everyone.
  const personalize = params.personalize && (await service.serving.switches.isOn("search"))
  const depth = personalize ? Math.max(RERANK_DEPTH, params.offset + params.limit) : params.offset + params.limit
  const { ids: matches, count } = await searchProductIds(req.scope, params.q, salesChannelIds, depth)
  let ordered = matches
  if (personalize) {
    const activity = await service.serving.shopperActivity(shopper.actor.id)
    const affinityOf = await personalAffinity(service.serving, shopper.actor.id, activity)
    ordered = rerankByAffinity(matches, affinityOf, { weight: PERSONAL_WEIGHT })
  }
  const page = ordered.slice(params.offset, params.offset + params.limit)
  const products = await hydrateProducts(req, page, salesChannelIds, service.serving.products)
  const recommendationId = service.serving.recordSearch({
    actor: shopper.actor,
    query: params.q,
    personalized: personalize,
    productIds: products.map((p) => p.id),
  })
  res.json({
    products,
    count,
    offset: params.offset,
    limit: params.limit,
    personalized: personalize,
    recommendation_id: recommendationId,
  })
}
