import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../utils/recommendations-service"
import type { AdminGetRecommendationMetricsParamsType } from "./validators"

/**
 * GET /admin/recommendations/metrics: KPIs, a daily series and breakdowns by placement and model
 * for a day range (default the last 30 days including today, UTC), read from the daily metric
 * tables. Money is per currency, never summed across currencies.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetRecommendationMetricsParamsType>, res: MedusaResponse) {
  res.json(await recommendationsService(req.scope).metricsReport(req.validatedQuery))
}
