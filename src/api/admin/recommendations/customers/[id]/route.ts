import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { countBehaviour, recentBehaviour } from "../../../../../store/repositories/customer-behaviour"
import { requireMedusaId } from "../../../../utils/request-params"
import { latestSessionIntent } from "../../../../utils/customer-intent"
import { previewRecommendations } from "../../../../utils/preview-recommendations"
import { recommendationsService } from "../../../../utils/recommendations-service"
import { widgetItems } from "../../../../utils/widget-items"
import type { AdminWidgetParamsType } from "../../products/validators"

/** Newest behaviour rows shown on the customer page. */
const RECENT_EVENTS = 20

/**
 * GET /admin/recommendations/customers/:id: the customer page widget. Their for-you list as the
 * store would serve it now (default region and sales channel, nothing logged), the purchase
 * intent of their latest session, their newest behaviour and how many events are stored.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminWidgetParamsType>, res: MedusaResponse) {
  const id = requireMedusaId(req.params.id!, "cus", "Customer")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id } })
  if (data.length === 0) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id ${id} was not found`)

  const service = recommendationsService(req.scope)
  const [forYou, intent, recent, eventCount] = await Promise.all([
    previewRecommendations(req.scope, service, {
      placement: "for_you",
      customerId: id,
      productId: null,
      cartId: null,
      regionId: null,
      salesChannelId: null,
      limit: req.validatedQuery.limit,
      locale: req.locale ?? null,
    }),
    latestSessionIntent(service, id, (m) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(m)),
    recentBehaviour(service.dataSource, id, RECENT_EVENTS),
    countBehaviour(service.dataSource, id),
  ])
  res.json({
    for_you: widgetItems(forYou),
    intent,
    recent_events: recent.map((e) => ({
      type: e.type,
      product_id: e.product_id,
      product_title: e.product_title,
      ...(e.type === "search" ? { search_query: e.search_query } : {}),
      occurred_at: e.occurred_at.toISOString(),
    })),
    event_count: eventCount,
  })
}
