import type { MedusaContainer } from "@medusajs/framework/types"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

export function recommendationsService(scope: MedusaContainer): RecommendationsModuleService {
  return scope.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
}
