import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recommendPromotions } from "../../../../serving/promotions/recommend-promotions"
import { loadActivePromotions, promotionShopperContext, targetNames } from "../../../utils/active-promotions"
import { recommendationsService } from "../../../utils/recommendations-service"
import { resolveShopper } from "../../../utils/resolve-shopper"
import { loadShopperCart } from "../../../utils/shopper-cart"
import type { StoreGetPromotionRecommendationsParamsType } from "./validators"

/**
 * GET /store/recommendations/promotions: Medusa's promotions that are live now (active, campaign
 * running, limits and budgets not used up, cart rules this shopper can meet) ranked by how well
 * they fit the shopper in the auth context (or their anonymous id): products and categories they
 * viewed, have in the given cart or are recommended, and, for order-wide offers, their purchase
 * intent. Codes are returned only for promotions a shopper has to enter; automatic ones apply by
 * themselves. Scoring: src/ml/rank/promotion-fit.ts.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreGetPromotionRecommendationsParamsType>,
  res: MedusaResponse
) {
  const service = recommendationsService(req.scope)
  const shopper = resolveShopper(req, res, service.options)
  const params = req.validatedQuery
  const cart = params.cart_id ? await loadShopperCart(req.scope, params.cart_id, shopper) : null
  const regionId = params.region_id ?? cart?.regionId ?? null
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  if (!(await service.serving.switches.isOn("promotions"))) {
    // Switched off in the admin settings: nothing to recommend, nothing logged.
    res.json({ recommendation_id: null, intent: null, promotions: [] })
    return
  }

  const [promotions, context] = await Promise.all([
    loadActivePromotions(req.scope),
    promotionShopperContext(req.scope, shopper.actor, regionId),
  ])
  const recommendation = await recommendPromotions(
    {
      dataSource: service.dataSource,
      engine: service.serving,
      sessionGapMinutes: service.options.serving.sessionGapMinutes,
      warn: (m) => logger.warn(m),
    },
    {
      actor: shopper.actor,
      promotions,
      shopper: context,
      cartProductIds: cart?.productIds ?? [],
      limit: params.limit,
      context: { cart_id: cart?.id ?? null, region_id: regionId },
    },
    targetNames(req.scope)
  )

  res.json({
    recommendation_id: recommendation.recommendationId,
    intent: recommendation.intent && {
      probability: Math.round(recommendation.intent.probability * 1e4) / 1e4,
      model_run_id: recommendation.intent.runId,
    },
    promotions: recommendation.promotions.map(({ promotion, score, reason }) => ({
      id: promotion.id,
      code: promotion.isAutomatic ? null : promotion.code,
      is_automatic: promotion.isAutomatic,
      type: promotion.type,
      application_method: promotion.applicationMethod && {
        type: promotion.applicationMethod.type,
        value: promotion.applicationMethod.value,
        currency_code: promotion.applicationMethod.currencyCode,
        target_type: promotion.applicationMethod.targetType,
      },
      score,
      reason: {
        code: reason.code,
        text: reason.text,
        ...(reason.sourceProductId ? { source_product_id: reason.sourceProductId } : {}),
      },
    })),
  })
}
