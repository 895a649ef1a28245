import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewRecommendations } from "../../../utils/preview-recommendations"
import { recommendationBody } from "../../../utils/recommendation-response"
import { recommendationsService } from "../../../utils/recommendations-service"
import type { AdminPreviewParamsType } from "./validators"

/**
 * GET /admin/recommendations/preview: exactly what GET /store/recommendations answers for that
 * customer (or a new anonymous shopper), region and sales channel, with Medusa's default store
 * product fields and calculated prices. Not recorded in the served log.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminPreviewParamsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const { recommendation, products } = await previewRecommendations(req.scope, recommendationsService(req.scope), {
    placement: q.placement,
    customerId: q.customer_id ?? null,
    productId: q.product_id ?? null,
    cartId: q.cart_id ?? null,
    regionId: q.region_id ?? null,
    salesChannelId: q.sales_channel_id ?? null,
    limit: q.limit,
    locale: req.locale ?? null,
  })
  res.json(recommendationBody(recommendation, products))
}
