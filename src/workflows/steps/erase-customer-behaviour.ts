import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

export const eraseCustomerBehaviourStep = createStep(
  "reco-erase-customer-behaviour",
  async (input: { customer_id: string }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    const outcome = await service.eraseCustomer(input.customer_id)
    return new StepResponse({ events: outcome.events })
  }
)
