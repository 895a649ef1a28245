import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mirrorRowOf, type ProductRecord } from "../../capture/product-record"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

/** Upserts the products Query found; ids it did not find are gone from Medusa. */
export const mirrorProductsStep = createStep(
  "reco-mirror-products",
  async (input: { product_ids: string[]; products: ProductRecord[] }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    await service.upsertProducts(input.products.map(mirrorRowOf))
    const found = new Set(input.products.map((p) => p.id))
    const gone = input.product_ids.filter((id) => !found.has(id))
    await service.markProductsDeleted(gone)
    return new StepResponse({ mirrored: found.size, deleted: gone.length })
  }
)
