import {
  authenticate,
  clearFiltersByKey,
  defineMiddlewares,
  type MiddlewareFunction,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework"
import { listProductQueryConfig } from "@medusajs/medusa/api/store/products/query-config"
import {
  filterByValidSalesChannels,
  normalizeDataForContext,
  setPricingContext,
  setTaxContext,
} from "@medusajs/medusa/api/utils/middlewares/index"
import { AdminGetRecommendationMetricsParams } from "./admin/recommendations/metrics/validators"
import { AdminGetOrderAttributionParams } from "./admin/recommendations/orders/[id]/attribution/validators"
import {
  AdminCreateExperiment,
  AdminListExperimentsParams,
  AdminPromoteExperiment,
} from "./admin/recommendations/experiments/validators"
import { AdminListModelRunsParams, AdminRetrainBody } from "./admin/recommendations/models/validators"
import { AdminPreviewParams } from "./admin/recommendations/preview/validators"
import { AdminWidgetParams } from "./admin/recommendations/products/validators"
import { AdminCreateRule, AdminListRulesParams, AdminUpdateRule } from "./admin/recommendations/rules/validators"
import { AdminUpdateSettings } from "./admin/recommendations/settings/validators"
import { plainListQueryConfig } from "./utils/request-params"
import { StoreRecordEvents } from "./store/recommendations/events/validators"
import { StoreGetPromotionRecommendationsParams } from "./store/recommendations/promotions/validators"
import { StoreSearchRecommendationsParams } from "./store/recommendations/search/validators"
import { StoreGetRecommendationsParams } from "./store/recommendations/validators"

/**
 * Product-returning routes use Medusa's own store product middlewares (fields, sales channels
 * of the publishable key, region pricing and tax context), so their products have exactly the
 * shape and prices GET /store/products gives for the same query.
 */
const storeProductContext: MiddlewareFunction[] = [
  filterByValidSalesChannels(),
  normalizeDataForContext(),
  setPricingContext(),
  setTaxContext(),
  clearFiltersByKey(["region_id", "country_code", "province", "cart_id"]),
]

export default defineMiddlewares({
  routes: [
    {
      // The shopper is the logged-in customer when there is one; anonymous shoppers are welcome.
      matcher: "/store/recommendations*",
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      method: ["POST"],
      matcher: "/store/recommendations/events",
      middlewares: [validateAndTransformBody(StoreRecordEvents)],
    },
    {
      method: ["GET"],
      matcher: "/store/recommendations",
      middlewares: [
        validateAndTransformQuery(StoreGetRecommendationsParams, {
          ...listProductQueryConfig,
          defaultLimit: 12,
        }),
        ...storeProductContext,
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/recommendations/search",
      middlewares: [
        validateAndTransformQuery(StoreSearchRecommendationsParams, { ...listProductQueryConfig, defaultLimit: 12 }),
        ...storeProductContext,
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/recommendations/promotions",
      middlewares: [
        validateAndTransformQuery(StoreGetPromotionRecommendationsParams, { defaults: [], isList: true, defaultLimit: 5 }),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/metrics",
      middlewares: [validateAndTransformQuery(AdminGetRecommendationMetricsParams, { defaults: [], isList: false })],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/orders/:id/attribution",
      middlewares: [validateAndTransformQuery(AdminGetOrderAttributionParams, { defaults: [], isList: false })],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/experiments",
      middlewares: [validateAndTransformQuery(AdminListExperimentsParams, { defaults: [], isList: true, defaultLimit: 20 })],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/experiments",
      middlewares: [validateAndTransformBody(AdminCreateExperiment)],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/experiments/:id/promote",
      middlewares: [validateAndTransformBody(AdminPromoteExperiment)],
    },
    // Models, training, rules, preview, settings and the product/customer widgets (docs/admin-api.md).
    {
      method: ["GET"],
      matcher: "/admin/recommendations/models",
      middlewares: [validateAndTransformQuery(AdminListModelRunsParams, plainListQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/models/retrain",
      middlewares: [validateAndTransformBody(AdminRetrainBody)],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/rules",
      middlewares: [validateAndTransformQuery(AdminListRulesParams, plainListQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/rules",
      middlewares: [validateAndTransformBody(AdminCreateRule)],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/rules/:id",
      middlewares: [validateAndTransformBody(AdminUpdateRule)],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/preview",
      middlewares: [validateAndTransformQuery(AdminPreviewParams, plainListQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/recommendations/settings",
      middlewares: [validateAndTransformBody(AdminUpdateSettings)],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/products/:id",
      middlewares: [validateAndTransformQuery(AdminWidgetParams, plainListQueryConfig)],
    },
    {
      method: ["GET"],
      matcher: "/admin/recommendations/customers/:id",
      middlewares: [validateAndTransformQuery(AdminWidgetParams, plainListQueryConfig)],
    },
  ],
})

