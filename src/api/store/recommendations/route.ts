import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkAvailability } from "../../utils/product-availability"
import { ensureProductExists } from "../../utils/ensure-product"
import { hydrateProducts } from "../../utils/product-hydration"
import { recommendationBody } from "../../utils/recommendation-response"
import { recommendationsService } from "../../utils/recommendations-service"
import { regionName } from "../../utils/region-names"
import { resolveShopper } from "../../utils/resolve-shopper"
import { loadShopperCart } from "../../utils/shopper-cart"
import type { StoreGetRecommendationsParamsType } from "./validators"

/**
 * GET /store/recommendations?placement=…: a list for one placement, for the shopper in the
 * auth context (or their anonymous id), with each product exactly as GET /store/products
 * returns it for the same fields and region, a score and a printable reason.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetRecommendationsParamsType>, res: MedusaResponse) {
  const service = recommendationsService(req.scope)
  const shopper = resolveShopper(req, res, service.options)
  const params = req.validatedQuery
  const salesChannelIds = (req.filterableFields as { sales_channel_id?: string[] }).sales_channel_id ?? []
  const cart = params.cart_id ? await loadShopperCart(req.scope, params.cart_id, shopper) : null
  if (params.product_id) await ensureProductExists(req.scope, params.product_id, await service.serving.catalog.snapshot())
  const regionId = (req.pricingContext?.region_id as string | undefined) ?? params.region_id ?? cart?.regionId ?? null

  const recommendation = await service.serving.recommend(
    {
      placement: params.placement,
      actor: shopper.actor,
      bucketKey: shopper.anonymousId,
      productId: params.product_id ?? null,
      cartProductIds: cart?.productIds ?? [],
      regionId,
      regionName: await regionName(req.scope, regionId),
      salesChannelIds,
      limit: params.limit,
      context: {
        product_id: params.product_id ?? null,
        cart_id: params.cart_id ?? null,
        region_id: regionId,
        sales_channel_id: salesChannelIds[0] ?? null,
      },
    },
    (ids) => checkAvailability(req.scope, ids, salesChannelIds, service.options.serving.availabilityCacheSeconds)
  )
  const products = await hydrateProducts(
    req,
    recommendation.items.map((i) => i.productId),
    salesChannelIds,
    service.serving.products
  )
  res.json(recommendationBody(recommendation, products))
}
