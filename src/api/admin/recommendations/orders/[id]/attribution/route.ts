import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { recommendationsService } from "../../../../../utils/recommendations-service"

/**
 * GET /admin/recommendations/orders/:id/attribution: which lines of the order were earned by
 * which recommendation (placement, model run, experiment arm, click or impression), with their
 * status after cancels and returns. An order Medusa does not know is a 404; an order without
 * recommended lines answers an empty list.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = req.params.id!
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
  if (data.length === 0) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  res.json(await recommendationsService(req.scope).orderAttribution(orderId))
}
