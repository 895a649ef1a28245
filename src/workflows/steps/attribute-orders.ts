import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderRecordWithTotals } from "../../capture/order-attribution"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

/** Attributes each placed order's lines to the recommendations that earned them; replays change nothing. */
export const attributeOrdersStep = createStep(
  "reco-attribute-orders",
  async (input: { orders: OrderRecordWithTotals[] }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    let attributed = 0
    let replayed = 0
    for (const order of input.orders) {
      const outcome = await service.attributeOrder(order)
      attributed += outcome.attributed
      if (outcome.replayed) replayed += 1
    }
    return new StepResponse({ attributed, replayed })
  }
)
