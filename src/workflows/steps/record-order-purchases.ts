import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderRecord } from "../../capture/medusa-records"
import { purchaseEventsOf } from "../../capture/order-purchases"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import type { EventSource } from "../../store/event-types"

export const recordOrderPurchasesStep = createStep(
  "reco-record-order-purchases",
  async (input: { orders: OrderRecord[]; source: EventSource }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    const events = input.orders.flatMap((order) => purchaseEventsOf(order, input.source))
    const outcome = await service.recordEvents(events)
    return new StepResponse({ stored: outcome.stored, duplicates: outcome.duplicates })
  }
)
