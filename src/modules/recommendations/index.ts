import { Module } from "@medusajs/framework/utils"
import connectRecommendationStore from "./loaders/connect-store"
import RecommendationsModuleService from "./service"

export const RECOMMENDATIONS_MODULE = "recommendations"

export default Module(RECOMMENDATIONS_MODULE, {
  service: RecommendationsModuleService,
  loaders: [connectRecommendationStore],
})

export { RecommendationsModuleService }
