import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderRecordWithTotals } from "../../capture/order-attribution"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

/** Reverses what the order's returned units had earned (only what is new since the last return). */
export const recordOrderReturnsStep = createStep(
  "reco-record-order-returns",
  async (input: { orders: OrderRecordWithTotals[] }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    let reversedLines = 0
    for (const order of input.orders) reversedLines += (await service.recordOrderReturns(order)).reversedLines
    return new StepResponse({ reversed_lines: reversedLines })
  }
)
