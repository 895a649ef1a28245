import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

/** A canceled order's attributions become `canceled` and leave the metrics. */
export const cancelOrderAttributionStep = createStep(
  "reco-cancel-order-attribution",
  async (input: { order_id: string }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    const outcome = await service.cancelOrderAttribution(input.order_id)
    return new StepResponse({ reversed_lines: outcome.reversedLines })
  }
)
