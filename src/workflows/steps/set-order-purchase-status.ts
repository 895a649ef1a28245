import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import type { EventStatus } from "../../store/event-types"

export const setOrderPurchaseStatusStep = createStep(
  "reco-set-order-purchase-status",
  async (input: { order_id: string; status: EventStatus }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    const changed = await service.setOrderPurchaseStatus(input.order_id, input.status)
    return new StepResponse({ changed })
  }
)
